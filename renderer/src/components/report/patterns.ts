import { CATEGORIES, type Category } from '@models'
import { CATEGORY_COLORS, PLATFORM_COLORS, withAlpha } from '../../charts/palette'

/** Hatching that keeps series apart on a black-and-white printout, on top of their colour. */
export type Hatch = 'none' | 'diagonal' | 'reverse' | 'horizontal' | 'vertical' | 'cross' | 'dots' | 'grid'

/** Each category's hatch, in CATEGORIES order (the viridis colours also differ in lightness). */
export const CATEGORY_HATCH: Record<Category, Hatch> = {
  licensing: 'none',
  support: 'diagonal',
  staff: 'dots',
  hardware: 'reverse',
  storage: 'horizontal',
  power: 'cross',
  facility: 'vertical',
  maintenance: 'grid',
}

/** Black lines on light colours, white on dark ones. */
function inkFor(hex: string): string {
  const n = Number.parseInt(hex.slice(1, 7), 16)
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255
  return luminance > 0.55 ? 'rgba(0,0,0,0.75)' : 'rgba(255,255,255,0.85)'
}

/** Draws one tile of a hatch (size × size) in `ink`. */
function drawHatch(ctx: CanvasRenderingContext2D, hatch: Hatch, size: number, ink: string): void {
  ctx.strokeStyle = ink
  ctx.fillStyle = ink
  ctx.lineWidth = 1.5
  const line = (x1: number, y1: number, x2: number, y2: number): void => {
    ctx.beginPath()
    ctx.moveTo(x1, y1)
    ctx.lineTo(x2, y2)
    ctx.stroke()
  }
  const h = size / 2
  switch (hatch) {
    case 'diagonal':
      line(0, size, size, 0)
      line(-h, h, h, -h)
      line(h, size + h, size + h, h)
      break
    case 'reverse':
      line(0, 0, size, size)
      line(-h, h, h, size + h)
      line(h, -h, size + h, h)
      break
    case 'horizontal':
      line(0, h, size, h)
      break
    case 'vertical':
      line(h, 0, h, size)
      break
    case 'cross':
      line(0, 0, size, size)
      line(0, size, size, 0)
      break
    case 'dots':
      ctx.beginPath()
      ctx.arc(h, h, 1.4, 0, Math.PI * 2)
      ctx.fill()
      break
    case 'grid':
      line(0, h, size, h)
      line(h, 0, h, size)
      break
    case 'none':
      break
  }
}

/** A colour with a hatch on top, as a canvas pattern (or the plain colour where no canvas is available). */
export function hatchPattern(color: string, hatch: Hatch, ink = inkFor(color)): CanvasPattern | string {
  if (hatch === 'none' || typeof document === 'undefined') return color
  const size = 8
  const tile = document.createElement('canvas')
  tile.width = size
  tile.height = size
  const ctx = tile.getContext('2d')
  if (!ctx) return color
  ctx.fillStyle = color
  ctx.fillRect(0, 0, size, size)
  drawHatch(ctx, hatch, size, ink)
  return ctx.createPattern(tile, 'repeat') ?? color
}

/** Fill of every category: its colour and its hatch. */
export function categoryFills(): Record<Category, CanvasPattern | string> {
  const fills = {} as Record<Category, CanvasPattern | string>
  for (const c of CATEGORIES) fills[c] = hatchPattern(CATEGORY_COLORS[c], CATEGORY_HATCH[c])
  return fills
}

/** P10–P90 band fills: a light wash for VMware, orange hatching for OpenStack (tell apart in grey too). */
export function bandFills(): { vmware: string; openstack: CanvasPattern | string } {
  return {
    vmware: withAlpha(PLATFORM_COLORS.vmware, 0.2),
    openstack: hatchPattern('rgba(255,255,255,0)', 'diagonal', withAlpha(PLATFORM_COLORS.openstack, 0.8)),
  }
}

/** Line styles per platform: VMware solid, OpenStack dashed, so the curves read without colour. */
export const PLATFORM_DASH = { vmware: [] as number[], openstack: [9, 5] }

/** The light chart colours a printed page uses whatever the window's theme. */
export const PRINT_THEME = { text: '#1d232b', muted: '#4b5563', grid: '#d9dde3', surface: '#ffffff' }

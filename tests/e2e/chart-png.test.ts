import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type BrowserSession,
  freshDocument,
  isE2eSkipped,
  openPlanner,
  SCREENSHOT_DIR,
} from '../support/browser'

/** A run of consecutive rows with ink, from the top of the image: where it is and what colours it holds. */
interface InkBand {
  top: number
  bottom: number
  left: number
  right: number
  /** Pixels close to the VMware blue #0072B2 and the OpenStack orange #E69F00. */
  blue: number
  orange: number
}

/**
 * The first `count` bands of ink from the top of a PNG, decoded in the page. Ink is any pixel that differs
 * from the top-left (background) pixel by more than a faint anti-aliasing fringe.
 */
function inkBands(page: Page, png: Buffer, count: number): Promise<InkBand[]> {
  const url = `data:image/png;base64,${png.toString('base64')}`
  return page.evaluate(`(async () => {
    const img = new Image()
    img.src = ${JSON.stringify(url)}
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const bg = [data[0], data[1], data[2]]
    const near = (i, c, d) => Math.abs(data[i] - c[0]) < d && Math.abs(data[i + 1] - c[1]) < d && Math.abs(data[i + 2] - c[2]) < d
    const bands = []
    let band = null
    for (let y = 0; y < height && bands.length < ${count}; y++) {
      let rowInk = false
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        if (near(i, bg, 40)) continue
        rowInk = true
        if (!band) band = { top: y, bottom: y, left: x, right: x, blue: 0, orange: 0 }
        band.left = Math.min(band.left, x)
        band.right = Math.max(band.right, x)
        if (near(i, [0, 114, 178], 30)) band.blue++
        if (near(i, [230, 159, 0], 30)) band.orange++
      }
      if (rowInk && band) band.bottom = y
      if (!rowInk && band) {
        bands.push(band)
        band = null
      }
    }
    return bands
  })()`) as Promise<InkBand[]>
}

/** The width in pixels of `text` drawn in the charts' bold font at `px`, measured in the page. */
function textWidth(page: Page, text: string, px: number): Promise<number> {
  return page.evaluate(`(() => {
    const ctx = document.createElement('canvas').getContext('2d')
    ctx.font = 'bold ${px}px system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif'
    return ctx.measureText(${JSON.stringify(text)}).width
  })()`) as Promise<number>
}

async function exportCurvesPng(s: BrowserSession, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    s.page.waitForEvent('download'),
    s.page.getByTestId('curves-png').click(),
  ])
  const path = join(s.downloadsDir, name)
  await file.saveAs(path)
  await copyFile(path, join(SCREENSHOT_DIR, name))
  return readFile(path)
}

describe.skipIf(isE2eSkipped)('a chart’s PNG stands alone, in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s))

  it.each([
    ['en', 'Cost curves · Annual'],
    ['zh', '成本曲线 · 年度'],
  ])('the cost curves PNG in %s carries its title, then its legend, above the plot', async (lang, title) => {
    const { page } = s
    if (lang === 'zh') await page.getByTestId('lang-zh').click()
    const png = await exportCurvesPng(s, `cost-curves-png-${lang}.png`)
    const width = png.readUInt32BE(16)
    const [titleBand, legendBand] = await inkBands(page, png, 2)
    if (!titleBand || !legendBand) throw new Error('the PNG has no ink above its plot')

    // First the title: dark text only, as wide as the localized title in the charts' bold 14 px font at
    // twice the size (28 px), centred on the image.
    expect(titleBand.blue + titleBand.orange).toBe(0)
    const expected = await textWidth(page, title, 28)
    const drawn = titleBand.right - titleBand.left + 1
    expect(Math.abs(drawn - expected)).toBeLessThan(expected * 0.1)
    expect(Math.abs((titleBand.left + titleBand.right) / 2 - width / 2)).toBeLessThan(width * 0.05)
    expect(titleBand.bottom - titleBand.top).toBeLessThan(40)

    // Then the legend: one line holding both platform colours, far narrower than the plot's grid lines.
    expect(legendBand.top).toBeGreaterThan(titleBand.bottom)
    expect(legendBand.blue).toBeGreaterThan(50)
    expect(legendBand.orange).toBeGreaterThan(50)
    expect(legendBand.right - legendBand.left).toBeLessThan(width * 0.5)
    expect(legendBand.bottom - legendBand.top).toBeLessThan(40)
    expect(s.errors).toEqual([])
  })
})

// Draws the Stackplan icon with Node built-ins only and writes the PNG, ICO and ICNS files electron-builder
// uses: build/icon.png (1024), build/icons/<size>x<size>.png (Linux), build/icon.ico, build/icon.icns.
// Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

const here = import.meta.dirname

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/** Encodes 8-bit RGBA pixels as a PNG (filter 0 on every row). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Signed distance from (px, py) to a rounded rectangle centred at (cx, cy). Negative inside. */
function roundedRect(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - (halfW - radius)
  const qy = Math.abs(py - cy) - (halfH - radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - radius
}

const mix = (a, b, t) => a + (b - a) * t
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 3 - 1), 16))

// Okabe–Ito blue (VMware in the charts) for the tile, orange (OpenStack) for the top slab of the stack.
const TILE_TOP = hex('#1c8fd4')
const TILE_BOTTOM = hex('#005283')
const SLABS = [
  { cy: 0.665, color: hex('#ffffff'), alpha: 0.55 },
  { cy: 0.515, color: hex('#ffffff'), alpha: 0.8 },
  { cy: 0.365, color: hex('#e69f00'), alpha: 1 },
]

/** Colour of the icon at a point of the unit square, as premultiplied-free [r, g, b, a] in 0..1. */
function shade(x, y) {
  let color = [0, 0, 0]
  let alpha = 0
  if (roundedRect(x, y, 0.5, 0.5, 0.42, 0.42, 0.1) <= 0) {
    const t = (y - 0.08) / 0.84
    color = TILE_TOP.map((c, i) => mix(c, TILE_BOTTOM[i], t) / 255)
    alpha = 1
    // A soft rising line behind the stack: the cost curve.
    const curveY = 0.78 - 0.5 * Math.pow((x - 0.14) / 0.72, 1.6)
    if (x > 0.14 && x < 0.86 && Math.abs(y - curveY) < 0.012) color = color.map((c) => mix(c, 1, 0.25))
    for (const slab of SLABS) {
      // Each slab is a wide rounded bar, slightly narrower towards the top of the stack.
      const halfW = 0.27 - (0.665 - slab.cy) * 0.12
      if (roundedRect(x, y, 0.5, slab.cy, halfW, 0.055, 0.03) <= 0) {
        color = color.map((c, i) => mix(c, slab.color[i] / 255, slab.alpha))
      }
    }
  }
  return [...color, alpha]
}

/** Renders the icon at `size` pixels with 4 × 4 supersampling for smooth edges. */
function render(size) {
  const samples = 4
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size
          )
          r += cr * ca
          g += cg * ca
          b += cb * ca
          a += ca
        }
      }
      const offset = (py * size + px) * 4
      const n = samples * samples
      rgba[offset] = a > 0 ? Math.round((r / a) * 255) : 0
      rgba[offset + 1] = a > 0 ? Math.round((g / a) * 255) : 0
      rgba[offset + 2] = a > 0 ? Math.round((b / a) * 255) : 0
      rgba[offset + 3] = Math.round((a / n) * 255)
    }
  }
  return encodePng(size, rgba)
}

/** ICO with PNG-compressed images (valid since Windows Vista); 256 is written as 0 in the directory. */
function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + images.length * 16
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size
    entry[1] = size >= 256 ? 0 : size
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)])
}

/** ICNS with PNG payloads (the OSType codes macOS 10.8+ reads as PNG). */
function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const pngs = new Map(sizes.map((size) => [size, render(size)]))

mkdirSync(path.join(here, 'icons'), { recursive: true })
writeFileSync(path.join(here, 'icon.png'), pngs.get(1024))
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), pngs.get(size))
}
writeFileSync(
  path.join(here, 'icon.ico'),
  encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) })))
)
writeFileSync(
  path.join(here, 'icon.icns'),
  encodeIcns([
    { type: 'ic07', png: pngs.get(128) },
    { type: 'ic08', png: pngs.get(256) },
    { type: 'ic09', png: pngs.get(512) },
    { type: 'ic10', png: pngs.get(1024) },
    { type: 'ic11', png: pngs.get(32) },
    { type: 'ic12', png: pngs.get(64) },
    { type: 'ic13', png: pngs.get(256) },
    { type: 'ic14', png: pngs.get(512) },
  ])
)
console.log(`Wrote icon.png, icons/*.png, icon.ico and icon.icns to ${here}`)

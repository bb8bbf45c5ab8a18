// Writes src/app/favicon.ico from src/app/(frontend)/icon.svg: 16, 32 and 48 px PNGs in one ICO container,
// for browsers and feed readers that ask for /favicon.ico rather than reading the page's icon link.
//
//   npx tsx scripts/favicon.ts
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

const APP_DIR = path.resolve(import.meta.dirname, '..', 'src/app')
const SIZES = [16, 32, 48] as const

/** An ICO file holding the given square PNGs (PNG entries are read by every browser in use). */
export function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const svg = fs.readFileSync(path.join(APP_DIR, '(frontend)', 'icon.svg'))
  const images = await Promise.all(
    SIZES.map(async (size) => ({
      size,
      png: await sharp(svg, { density: (72 * size * 4) / 32 })
        .resize(size, size)
        .png()
        .toBuffer(),
    })),
  )
  fs.writeFileSync(path.join(APP_DIR, 'favicon.ico'), icoFromPngs(images))
  console.error(`Wrote favicon.ico (${SIZES.join(', ')} px)`)
}

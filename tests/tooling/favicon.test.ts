import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { icoFromPngs } from '../../scripts/favicon'

/** The directory of an ICO file: each image's size and where its bytes are. */
function readIcoDirectory(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0)
  expect(ico.readUInt16LE(2)).toBe(1)
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + index * 16
    return {
      size: ico.readUInt8(entry) || 256,
      length: ico.readUInt32LE(entry + 8),
      offset: ico.readUInt32LE(entry + 12),
    }
  })
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe('icoFromPngs', () => {
  it('lists each image with its size and points at its bytes', () => {
    const first = Buffer.concat([PNG_SIGNATURE, Buffer.from('sixteen')])
    const second = Buffer.concat([PNG_SIGNATURE, Buffer.from('thirty-two')])
    const ico = icoFromPngs([
      { size: 16, png: first },
      { size: 32, png: second },
    ])
    const directory = readIcoDirectory(ico)
    expect(directory.map((image) => image.size)).toEqual([16, 32])
    expect(ico.subarray(directory[0]!.offset, directory[0]!.offset + directory[0]!.length)).toEqual(first)
    expect(ico.subarray(directory[1]!.offset, directory[1]!.offset + directory[1]!.length)).toEqual(second)
    expect(ico.length).toBe(directory[1]!.offset + directory[1]!.length)
  })

  it('the committed favicon holds 16, 32 and 48 px PNGs', () => {
    const ico = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/app/favicon.ico'))
    const directory = readIcoDirectory(ico)
    expect(directory.map((image) => image.size)).toEqual([16, 32, 48])
    for (const image of directory) expect(ico.subarray(image.offset, image.offset + 8)).toEqual(PNG_SIGNATURE)
  })
})

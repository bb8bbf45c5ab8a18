// The import's reader of entry files: batches in the order of the files, each bad file reported in its
// turn, and the next files read while the caller stores a batch.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { writeGeneratedGlossary } from '../../bench/generated-glossary'
import { EntryReader } from '@/content-transfer/entry-reader'

let folder: string

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-entry-reader-'))
})

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

async function generatedFiles(count: number): Promise<string[]> {
  await writeGeneratedGlossary(folder, count)
  return fs
    .readdirSync(folder)
    .sort()
    .map((name) => path.join(folder, name))
}

async function allBatches(reader: EntryReader, size: number): Promise<string[][]> {
  const batches: string[][] = []
  for await (const batch of reader.batches(size)) batches.push(batch.map((entry) => entry.slug))
  return batches
}

describe('EntryReader', () => {
  it('hands out the valid entries in batches in the order of the files, and reports each bad file in its turn', async () => {
    const files = await generatedFiles(40)
    fs.writeFileSync(files[3]!, 'no title line here\n')
    fs.copyFileSync(files[10]!, files[30]!) // a second file with the slug of an earlier one
    const problems: string[] = []
    const reader = new EntryReader(files, (line) => problems.push(line))

    const batches = await allBatches(reader, 7)

    const expected = files.filter((_, index) => index !== 3 && index !== 30).map((file) => path.basename(file, '.txt'))
    expect(batches.flat()).toEqual(expected)
    expect(batches.map((batch) => batch.length)).toEqual([7, 7, 7, 7, 7, 3])
    // The bad file's problems first (one line each), then the repeated slug: the order of the files.
    expect(problems.length).toBeGreaterThanOrEqual(2)
    for (const line of problems.slice(0, -1)) expect(line.startsWith(`${files[3]}:`), line).toBe(true)
    expect(problems.at(-1)).toBe(
      `${files[30]}:1: slug "${path.basename(files[10]!, '.txt')}" is already used by ${files[10]}`,
    )
    expect(reader.filesRead).toBe(40)
    expect(reader.invalidFiles).toBe(2)
  })

  it('fails on a file that cannot be read only once the entries before it are handed out', async () => {
    const files = await generatedFiles(12)
    fs.rmSync(files[9]!)
    const seen: string[] = []
    const reading = (async () => {
      for await (const batch of new EntryReader(files, () => undefined).batches(4))
        seen.push(...batch.map((entry) => entry.slug))
    })()
    await expect(reading).rejects.toMatchObject({ code: 'ENOENT', path: files[9] })
    expect(seen).toEqual(files.slice(0, 8).map((file) => path.basename(file, '.txt')))
  })

  it('has read the next files while the caller stores a batch', async () => {
    const files = await generatedFiles(30)
    const batches = new EntryReader(files, () => undefined).batches(5)
    const first = await batches.next()
    expect(first.value).toHaveLength(5)
    await new Promise((resolve) => setTimeout(resolve, 200)) // the caller storing the batch
    for (const file of files.slice(5, 15)) fs.rmSync(file) // already read: their entries still arrive
    const second = await batches.next()
    expect((second.value as { slug: string }[]).map((entry) => entry.slug)).toEqual(
      files.slice(5, 10).map((file) => path.basename(file, '.txt')),
    )
    await batches.return(undefined)
  })

  it('lets a caller stop early without an unhandled rejection from a read left behind', async () => {
    const files = await generatedFiles(30)
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      for (const file of files.slice(3, 20)) fs.rmSync(file)
      const batches = new EntryReader(files, () => undefined).batches(3)
      expect((await batches.next()).value).toHaveLength(3)
      await batches.return(undefined)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', record)
    }
  })
})

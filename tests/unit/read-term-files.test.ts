import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatProblem, listTermFiles, readTermFiles } from '@/content-format'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const treeDir = path.resolve(repoRoot, 'tests/unit/support/content-format/tree')
const inTree = (relative: string) => path.join(treeDir, relative)

describe('listTermFiles', () => {
  it('expands a directory recursively to its *.txt files, sorted', async () => {
    expect(await listTermFiles([treeDir])).toEqual([
      inTree('alpha.txt'),
      inTree('nested/beta.txt'),
      inTree('nested/deeper/broken.txt'),
    ])
  })

  it('keeps given files as they are, in the given order, whatever their extension', async () => {
    const files = [inTree('nested/notes.md'), inTree('alpha.txt')]
    expect(await listTermFiles(files)).toEqual(files)
  })

  it('keeps relative paths relative', async () => {
    const relativeTree = path.relative(process.cwd(), treeDir)
    expect(await listTermFiles([path.join(relativeTree, 'nested')])).toEqual([
      path.join(relativeTree, 'nested/beta.txt'),
      path.join(relativeTree, 'nested/deeper/broken.txt'),
    ])
  })

  it('returns a file once even when it is listed again or inside a listed directory', async () => {
    expect(await listTermFiles([inTree('alpha.txt'), treeDir, inTree('alpha.txt')])).toEqual([
      inTree('alpha.txt'),
      inTree('nested/beta.txt'),
      inTree('nested/deeper/broken.txt'),
    ])
  })

  it('throws an Error naming a missing path', async () => {
    const missing = inTree('does-not-exist.txt')
    await expect(listTermFiles([treeDir, missing])).rejects.toThrow(`Term file or directory not found: ${missing}`)
  })
})

describe('readTermFiles', () => {
  let scratchDir = ''

  beforeAll(async () => {
    scratchDir = await mkdtemp(path.join(tmpdir(), 'read-term-files-'))
  })

  afterAll(async () => {
    await rm(scratchDir, { recursive: true, force: true })
  })

  it('parses every listed file and reports problems per file', async () => {
    const results = await readTermFiles([treeDir])
    expect(results.map(({ file, result }) => [path.relative(treeDir, file), result.ok])).toEqual([
      ['alpha.txt', true],
      ['nested/beta.txt', true],
      ['nested/deeper/broken.txt', false],
    ])
    expect(results[0]?.result).toMatchObject({ ok: true, document: { title: 'Egress', slug: 'egress' } })
    expect(results[2]?.result).toEqual({
      ok: false,
      problems: [{ line: 1, message: expect.stringContaining('Difficulty is missing') }],
    })
  })

  it('reads UTF-8 with a BOM and CRLF line endings', async () => {
    const file = path.join(scratchDir, 'bom-crlf.txt')
    const text =
      '\uFEFFCafé Term\r\nDefinition\r\nA term with accents: é, ü.\r\nCategory: test\r\nDifficulty: beginner\r\n'
    await writeFile(file, text, 'utf8')
    const [entry] = await readTermFiles([file])
    expect(entry?.result).toMatchObject({
      ok: true,
      document: { title: 'Café Term', slug: 'caf-term', definition: 'A term with accents: é, ü.' },
    })
  })

  it('reports a file that is not valid UTF-8', async () => {
    const file = path.join(scratchDir, 'latin1.txt')
    await writeFile(file, Buffer.from('Caf\xe9\nDefinition\nText.\nCategory: a\nDifficulty: beginner\n', 'latin1'))
    const [entry] = await readTermFiles([file])
    expect(entry?.result).toEqual({
      ok: false,
      problems: [{ line: 1, message: expect.stringContaining('not valid UTF-8') }],
    })
  })

  it('returns nothing for an empty directory', async () => {
    const empty = path.join(scratchDir, 'empty')
    await mkdir(empty)
    expect(await readTermFiles([empty])).toEqual([])
  })
})

describe('formatProblem', () => {
  it('formats as file:line: message', () => {
    expect(formatProblem('seeds/cloudtrail.txt', { line: 12, message: 'Category is missing' })).toBe(
      'seeds/cloudtrail.txt:12: Category is missing',
    )
  })
})

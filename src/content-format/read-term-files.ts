import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { parseTermDocument } from './parse'
import type { ParseProblem, ParseResult } from './types'

export interface TermFileResult {
  file: string
  result: ParseResult
}

/**
 * Files are kept as given; directories are expanded recursively to their `*.txt` files, sorted.
 * A path given twice (or a file inside a listed directory) is returned once.
 */
export async function listTermFiles(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const given of paths) {
    const info = await stat(given).catch((error: unknown) => {
      if (isErrorWithCode(error, 'ENOENT')) throw new Error(`Term file or directory not found: ${given}`)
      throw error
    })
    if (info.isDirectory()) files.push(...(await findTextFiles(given)).sort())
    else files.push(given)
  }
  return [...new Set(files)]
}

async function findTextFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const entryPath = path.join(directory, entry.name)
      if (entry.isDirectory()) return findTextFiles(entryPath)
      return entry.isFile() && entry.name.toLowerCase().endsWith('.txt') ? [entryPath] : []
    }),
  )
  return nested.flat()
}

/** Reads and parses one entry file. */
export async function readTermFile(file: string): Promise<ParseResult> {
  return parseBytes(await readFile(file))
}

export async function readTermFiles(paths: string[]): Promise<TermFileResult[]> {
  const results: TermFileResult[] = []
  // One file at a time keeps the number of open files small for large seed directories.
  for (const file of await listTermFiles(paths)) {
    results.push({ file, result: await readTermFile(file) })
  }
  return results
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function parseBytes(bytes: Uint8Array): ParseResult {
  let text: string
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    return { ok: false, problems: [{ line: 1, message: 'file is not valid UTF-8; save it with UTF-8 encoding' }] }
  }
  return parseTermDocument(text)
}

export function formatProblem(file: string, problem: ParseProblem): string {
  return `${file}:${problem.line}: ${problem.message}`
}

function isErrorWithCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}

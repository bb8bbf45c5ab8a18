// A clone of the repository is all a user has: no test, script or benchmark may read a file beside it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const CODE_FOLDERS = ['tests', 'scripts', 'bench', 'seed', 'src', '.ci']
const CODE_FILE = /\.(?:[cm]?[jt]sx?|sh)$|^\.ci\/run$/
// The team's notes folder sits beside the repository on our machines; naming it, by a relative climb or by
// its absolute path, makes a file that works here and fails for everyone who clones the repository.
const SIBLING_OF_REPOSITORY = /(?:\.\.\/){1,8}shared\b|\/work\/shared\b/

function trackedCodeFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', ...CODE_FOLDERS], { cwd: repoRoot, encoding: 'utf8' })
  return listed.split('\n').filter((file) => file && CODE_FILE.test(file))
}

/** Resolves every quoted relative path in a file against its folder and reports those outside the root. */
function pathsOutsideRepository(file: string, text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s$]*)['"`]/g)) {
    const resolved = path.resolve(repoRoot, path.dirname(file), match[1]!)
    if (resolved !== repoRoot && !resolved.startsWith(repoRoot + path.sep)) found.push(`${file}: ${match[1]}`)
  }
  return found
}

describe('the repository is self-contained', () => {
  const files = trackedCodeFiles()

  it('has code files to check', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('names no shared folder beside the repository in any test, script, benchmark or source file', () => {
    const offenders = files.filter((file) =>
      SIBLING_OF_REPOSITORY.test(fs.readFileSync(path.join(repoRoot, file), 'utf8')),
    )
    expect(offenders).toEqual([])
  })

  it('has no quoted relative path that climbs out of the repository', () => {
    const offenders = files.flatMap((file) =>
      pathsOutsideRepository(file, fs.readFileSync(path.join(repoRoot, file), 'utf8')),
    )
    expect(offenders).toEqual([])
  })
})

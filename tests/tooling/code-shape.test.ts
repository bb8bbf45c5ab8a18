// The measures behind `npm run check:shape`, on small made-up sources.
import { describe, expect, it } from 'vitest'

import {
  folderCycles,
  folderEdges,
  isHandWritten,
  lineCount,
  longFunctions,
  mutualPairs,
  resolveSpecifier,
} from '../../scripts/code-shape'

const body = (lines: number) => Array.from({ length: lines }, (_, index) => `  total += ${index}`).join('\n')

describe('long functions', () => {
  it('names declarations, arrow functions held in constants and methods over the limit, nested ones included', () => {
    const text = [
      `export function short() {\n${body(3)}\n}`,
      `export function long() {\n${body(9)}\n  const inner = () => {\n${body(9)}\n  }\n}`,
      `const arrow = async (value: number) => {\n${body(11)}\n}`,
      `class Reader {\n  read() {\n${body(12)}\n  }\n}`,
    ].join('\n')
    const found = longFunctions('src/a.ts', text, 10).map(({ name, lines }) => `${name} ${lines}`)
    expect(found).toEqual(['long 22', 'inner 11', 'arrow 13', 'read 14'])
  })

  it('reads JSX, and counts a file’s lines whether or not it ends with a newline', () => {
    const component = `export function Page() {\n  return (\n    <main>\n${body(10)}\n    </main>\n  )\n}\n`
    expect(longFunctions('src/page.tsx', component, 10).map(({ name }) => name)).toEqual(['Page'])
    expect([lineCount('a\nb\n'), lineCount('a\nb')]).toEqual([2, 2])
  })

  it('leaves out what tools write', () => {
    expect(
      [
        'src/payload-types.ts',
        'src/migrations/20261202_x.ts',
        'src/app/(payload)/admin/importMap.js',
        'src/lib/env.ts',
      ].filter(isHandWritten),
    ).toEqual(['src/lib/env.ts'])
  })
})

describe('folders that import each other', () => {
  const files = new Map([
    [
      'src/workflow/hooks/enforce.ts',
      "import { record } from '@/audit/record'\nimport type { Role } from '@/access/roles'",
    ],
    ['src/audit/record.ts', "export { stage } from '../workflow/stages'"],
    ['src/access/roles.ts', "import { env } from '@/lib/env'\nimport payload from 'payload'"],
    ['src/lib/env.ts', "const loaded = await import('../site-cache/log')"],
    ['src/site-cache/log.ts', "import { roles } from '@/access/roles'\nimport { x } from './same-folder'"],
  ])

  it('resolves @/ and relative specifiers, and ignores packages and imports within a folder', () => {
    expect(resolveSpecifier('src/lib/env.ts', '../site-cache/log')).toBe('src/site-cache/log')
    expect(resolveSpecifier('src/a/b.ts', '@/lib/env')).toBe('src/lib/env')
    expect(resolveSpecifier('src/a/b.ts', 'payload')).toBeNull()
    expect(folderEdges(files).map(({ from, to }) => `${from}→${to}`)).toEqual([
      'workflow→audit',
      'workflow→access',
      'audit→workflow',
      'access→lib',
      'lib→site-cache',
      'site-cache→access',
    ])
  })

  it('lists the pairs that import each other directly and every circle, longer ones too', () => {
    const edges = folderEdges(files)
    expect(mutualPairs(edges).map(([there, back]) => `${there.from}↔${there.to} (${back.example})`)).toEqual([
      'audit↔workflow (src/workflow/hooks/enforce.ts imports @/audit/record)',
    ])
    expect(folderCycles(edges)).toEqual([
      ['access', 'lib', 'site-cache'],
      ['audit', 'workflow'],
    ])
  })

  it('finds no circle when every folder depends one way', () => {
    const oneWay = new Map([
      ['src/app/page.tsx', "import { read } from '@/site-data/read'"],
      ['src/site-data/read.ts', "import { env } from '@/lib/env'"],
    ])
    expect(folderCycles(folderEdges(oneWay))).toEqual([])
  })
})

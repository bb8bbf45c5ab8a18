// `npm run check:shape`: lists hand-written source functions over 80 lines, files over 300 lines, and the
// folders under src/ that import each other in a circle, with one import for each direction. Exits 1 when
// it lists anything. The measures are in ./code-shape.ts.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {
  folderCycles,
  folderEdges,
  isHandWritten,
  lineCount,
  longFunctions,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  mutualPairs,
} from './code-shape'

const root = path.resolve(import.meta.dirname, '..')

function trackedSourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--', 'src/*.ts', 'src/*.tsx', 'src/*.mjs', 'src/*.js'], {
    cwd: root,
    encoding: 'utf8',
  })
  return listed.split('\n').filter((file) => file && isHandWritten(file))
}

function main(): number {
  const texts = new Map(trackedSourceFiles().map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]))
  const longFiles = [...texts]
    .filter(([, text]) => lineCount(text) > MAX_FILE_LINES)
    .map(([file, text]) => `${file}: ${lineCount(text)} lines`)
  const functions = [...texts]
    .flatMap(([file, text]) => longFunctions(file, text))
    .map(({ file, name, line, lines }) => `${file}:${line} ${name}: ${lines} lines`)
  const edges = folderEdges(texts)
  const pairs = mutualPairs(edges).map(
    ([there, back]) => `${there.from} ↔ ${there.to}: ${there.example}; ${back.example}`,
  )
  const cycles = folderCycles(edges).map((group) => {
    const inside = edges.filter(({ from, to }) => group.includes(from) && group.includes(to))
    return [
      `src/{${group.join(', ')}}`,
      ...inside.map(({ from, to, example }) => `  ${from} → ${to}: ${example}`),
    ].join('\n')
  })
  const sections: [string, string[]][] = [
    [`Files over ${MAX_FILE_LINES} lines`, longFiles],
    [`Functions over ${MAX_FUNCTION_LINES} lines`, functions],
    ['Folders under src/ that import each other directly', pairs],
    ['Folders under src/ that import each other in a circle (every import inside each circle)', cycles],
  ]
  for (const [title, lines] of sections) {
    process.stdout.write(
      `${title}: ${lines.length}\n${lines.map((line) => (line.startsWith('src/{') ? line : `  ${line}`)).join('\n')}\n`,
    )
  }
  process.stdout.write(`(${texts.size} hand-written files under src/ read)\n`)
  return sections.some(([, lines]) => lines.length > 0) ? 1 : 0
}

process.exitCode = main()

// Every example in docs/api.md, run as written against the running server: shell examples with bash
// (curl, node), JavaScript examples with Node as ES modules. An example passes when it exits with 0
// and prints what its `<!-- output contains: … -->` line says. A code block the reader is meant to run
// cannot go stale unnoticed: each one is either an example or the one line that sets CLOUDLEX.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { randomUUID } from 'node:crypto'

import { expect, test } from '@playwright/test'

import { adminToken } from './support/staff'

const run = promisify(execFile)
const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..')
const DOC = path.join(REPOSITORY_ROOT, 'docs/api.md')
/** Inside node_modules, so the examples' imports resolve to the project's packages. */
const SCRATCH = path.join(REPOSITORY_ROOT, 'node_modules/.cache/cloudlex-doc-examples')

type Example = { line: number; language: 'sh' | 'js'; code: string; expected: string | null }

const FENCE = /^```(\w+)([^\n]*)\n([\s\S]*?)^```\n(?:<!-- output contains: (.+?) -->)?/gm
const SETUP_LINE = 'export CLOUDLEX=http://localhost:3000\n'

function examplesOf(markdown: string): { examples: Example[]; unmarked: number[] } {
  const examples: Example[] = []
  const unmarked: number[] = []
  for (const match of markdown.matchAll(FENCE)) {
    const [, language, info, code, expected] = match
    const line = markdown.slice(0, match.index).split('\n').length
    if (info!.trim() === 'example' && (language === 'sh' || language === 'js')) {
      examples.push({ line, language, code: code!, expected: expected ?? null })
    } else if (code !== SETUP_LINE) {
      unmarked.push(line)
    }
  }
  return { examples, unmarked }
}

const { examples, unmarked } = examplesOf(fs.readFileSync(DOC, 'utf8'))

/** The key the examples send as CLOUDLEX_KEY: an API client an admin created, as the docs say. */
let exampleKey: string | null = null

test.beforeAll(async ({ request }) => {
  const key = randomUUID()
  const created = await request.post('/api/api-clients', {
    headers: { Authorization: `JWT ${await adminToken(request)}` },
    data: { name: 'docs/api.md examples', owner: 'e2e suite', scope: 'published', enableAPIKey: true, apiKey: key },
  })
  expect(created.status(), await created.text()).toBe(201)
  exampleKey = key
})

test('every code block of docs/api.md is an example the suite runs', () => {
  expect(unmarked, 'code blocks that are neither examples nor the CLOUDLEX line').toEqual([])
  expect(examples.length).toBeGreaterThanOrEqual(8)
  for (const example of examples)
    expect(example.expected, `docs/api.md:${example.line} says what it prints`).not.toBeNull()
})

for (const example of examples) {
  test(`docs/api.md:${example.line} (${example.language}) runs as written`, async ({ baseURL }) => {
    const env = { ...process.env, CLOUDLEX: baseURL!, CLOUDLEX_KEY: exampleKey! }
    let output: { stdout: string; stderr: string }
    if (example.language === 'sh') {
      output = await run('bash', ['-euo', 'pipefail', '-c', example.code], { env, timeout: 30_000 })
    } else {
      fs.mkdirSync(SCRATCH, { recursive: true })
      const file = path.join(SCRATCH, `example-${example.line}.mjs`)
      fs.writeFileSync(file, example.code)
      output = await run(process.execPath, [file], { env, timeout: 30_000 })
    }
    expect(output.stdout).toContain(example.expected!)
  })
}

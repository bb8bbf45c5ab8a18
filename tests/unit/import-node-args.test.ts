import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { IMPORT_NODE_ARGS } from '../../seed/cli/import-node-args'

const packageJson = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

describe('the import CLI as npm runs it', () => {
  it('passes Node the same arguments as the bench and the tests that run it', () => {
    const script = packageJson.scripts.import!
    const nodeArgs = script.slice(script.indexOf(' node ') + ' node '.length, script.indexOf('seed/cli/import.ts')).trim().split(/\s+/)
    for (const arg of IMPORT_NODE_ARGS) expect(nodeArgs).toContain(arg)
    expect(IMPORT_NODE_ARGS.some((arg) => arg.startsWith('--max-old-space-size='))).toBe(true)
  })
})

import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { IMPORT_NODE_ARGS } from '../../seed/cli/import-node-args'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

describe('the import CLI as npm runs it', () => {
  it('passes Node the same arguments as the bench and the tests that run it, then tsx', () => {
    const script = packageJson.scripts.import!
    const nodeArgs = script
      .slice(script.indexOf(' node ') + ' node '.length, script.indexOf('seed/cli/import.ts'))
      .trim()
      .split(/\s+/)
    expect(nodeArgs).toEqual([...IMPORT_NODE_ARGS, '--import', 'tsx'])
    expect(IMPORT_NODE_ARGS.some((arg) => arg.startsWith('--max-old-space-size='))).toBe(true)
  })

  it('gets the packages loaded before tsx, not second copies of them, when its code imports them', async () => {
    const probe = path.join(REPO_ROOT, 'tests/tooling/support/packages-loaded-first-probe.mts')
    const { stdout } = await promisify(execFile)(process.execPath, [...IMPORT_NODE_ARGS, '--import', 'tsx', probe], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation --conditions=production' },
    })
    const sameModule = JSON.parse(stdout) as Record<string, boolean>
    expect(Object.keys(sameModule)).toContain('payload')
    expect(Object.keys(sameModule)).toContain('@payloadcms/richtext-lexical')
    for (const [name, same] of Object.entries(sameModule)) expect(same, name).toBe(true)
  }, 60_000)
})

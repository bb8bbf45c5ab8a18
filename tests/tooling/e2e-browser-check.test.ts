import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { expect, it } from 'vitest'

const repoRoot = path.resolve(import.meta.dirname, '../..')

it('stops the end-to-end run with one line on how to install a browser when none exists', () => {
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/playwright'), ['test', '--list'], {
    cwd: repoRoot,
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(result.status).toBe(1)
  expect(result.stderr.trim()).toBe(
    'No Chromium at /nonexistent/chromium: install one with "apt-get install -y chromium" or set CHROMIUM_PATH.',
  )
})

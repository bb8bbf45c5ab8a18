// `npm run bench:admin`: the admin at scale. A production build on a database of generated terms
// (CLOUDLEX_SCALE_TERMS, default 10,000), each admin view loaded CLOUDLEX_SCALE_RUNS times in the system
// Chromium. Not part of `npm test`: preparing 10,000 terms takes minutes. See support/scale-settings.ts for the
// other settings; CLOUDLEX_SCALE_DB reuses a database prepared by an earlier run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

import { CHROMIUM_FLAGS, systemChromiumPath } from '../../scripts/system-chromium'

import { readScaleSettings } from './support/scale-settings'

const chromiumPath = systemChromiumPath()
if (!fs.existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: install one with "apt-get install -y chromium" or set CHROMIUM_PATH.`)
  process.exit(1)
}

// Playwright loads this file in its workers too: the first load picks the database and the workers
// inherit it through the environment. A folder made here is removed after the run.
if (!process.env.CLOUDLEX_SCALE_DB) {
  process.env.CLOUDLEX_SCALE_TEMP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-scale-'))
  process.env.CLOUDLEX_SCALE_DB = path.join(process.env.CLOUDLEX_SCALE_TEMP_DIR, 'scale.db')
}
const settings = readScaleSettings()
const build = process.env.CLOUDLEX_SCALE_SKIP_BUILD === '1' ? '' : 'npm run build && '

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results/scale',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 20 * 60_000,
  reporter: [['list']],
  globalTeardown: './support/remove-scale-database.ts',
  use: {
    baseURL: settings.baseURL,
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `npx tsx tests/e2e-scale/support/prepare-scale-database.ts && ${build}npm start -- --port ${settings.port} --hostname 127.0.0.1`,
    cwd: path.resolve(import.meta.dirname, '../..'),
    url: `${settings.baseURL}/api/providers?limit=1`,
    // Importing 10,000 terms with today's importer takes most of this.
    timeout: 90 * 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { ...settings.serverEnv, NODE_OPTIONS: '--no-deprecation' },
  },
})

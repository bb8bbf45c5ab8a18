// End-to-end tests: a production build of the app on its own fresh SQLite database, driven by the
// system Chromium. The server is built and started here and stopped when the run ends.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

import { CHROMIUM_FLAGS } from './scripts/system-chromium'
import { E2E_ADMIN } from './tests/e2e/support/staff'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!fs.existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: install one with "apt-get install -y chromium" or set CHROMIUM_PATH.`)
  process.exit(1)
}

// Playwright loads this file in every worker too; the first load picks the folder and the workers
// inherit it through the environment, so all of them talk to the same server and database.
process.env.CLOUDLEX_E2E_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-e2e-'))
const e2eDir = process.env.CLOUDLEX_E2E_DIR
const port = Number(process.env.CLOUDLEX_E2E_PORT || 3311)
// CLOUDLEX_E2E_URL points the suite at a server you started yourself (for working on a test); its
// database must be fresh, as the suite expects first-start state.
const externalURL = process.env.CLOUDLEX_E2E_URL
const baseURL = externalURL || `http://127.0.0.1:${port}`
// The server's secret, shared with the tests so they can build draft-preview links as the admin does.
process.env.CLOUDLEX_E2E_PAYLOAD_SECRET ||= 'e2e-test-secret-not-for-real-use-0000000000'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  // The hostile-input suite runs last, after every other spec, so its writes, rate-limit hits and load
  // cannot disturb them; `npm run test:hostile` runs it alone (--no-deps).
  projects: [
    { name: 'e2e', testIgnore: /tests\/e2e\/(hostile|multi-instance|crash-safety)\// },
    { name: 'hostile', testMatch: /tests\/e2e\/hostile\/[^/]+\.spec\.ts$/, dependencies: ['e2e'] },
    // Several instances from the same build, with Redis and nginx started by the specs themselves.
    { name: 'multi-instance', testMatch: /tests\/e2e\/multi-instance\/[^/]+\.spec\.ts$/, dependencies: ['e2e'] },
    // Instances of the same build on databases of their own: killed with SIGKILL in the middle of writes, stopped
    // with SIGTERM under load, or given a broken database.
    { name: 'crash-safety', testMatch: /tests\/e2e\/crash-safety\/[^/]+\.spec\.ts$/, dependencies: ['e2e'] },
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: externalURL
    ? undefined
    : {
        // `npm start` is the Cloudlex server (src/server/server.ts), as in production.
        command: `npm run build && npm start -- --port ${port} --hostname 127.0.0.1`,
        url: `${baseURL}/api/providers?limit=1`,
        timeout: 420_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          DATABASE_URI: `file:${path.join(e2eDir, 'e2e.db')}`,
          PAYLOAD_SECRET: process.env.CLOUDLEX_E2E_PAYLOAD_SECRET,
          SERVER_URL: baseURL,
          // Production creates its first admin from these only; the suite signs in with it.
          CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
          CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_OPTIONS: '--no-deprecation',
          // Every test and the hostile suite's thousands of distinct v1 requests come from one address;
          // the limit itself is tested in tests/unit/v1-route.test.ts.
          CLOUDLEX_RATE_LIMIT_CONTENT_API: '100000/60',
        },
      },
})

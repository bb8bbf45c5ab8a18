// Runs before every integration test file: a fresh temporary SQLite database of its own, so files never
// share state or lock each other's database, and nothing touches a developer's data/ folder.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll } from 'vitest'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-int-'))
process.env.DATABASE_URI = `file:${path.join(directory, 'test.db')}`
process.env.PAYLOAD_SECRET = 'integration-test-secret-not-for-real-use-0000'
process.env.CLOUDLEX_SEED = 'off'
process.env.CLOUDLEX_JOBS = 'off'
process.env.CLOUDLEX_MEDIA_DIR = path.join(directory, 'media')

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true })
})

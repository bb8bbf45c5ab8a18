// `npm run create-admin` as the operator runs it: a separate process on a production-mode database, the
// password on stdin.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { REPO_ROOT } from './support/harness'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-create-admin-'))
const env = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URI: `file:${path.join(workDir, 'admin.db')}`,
  PAYLOAD_SECRET: 'create-admin-test-secret-not-for-real-use-00',
  NODE_OPTIONS: '--no-deprecation --conditions=production',
}
const EMAIL = 'ops@test.cloudlex'
const PASSWORD = 'operator-chosen-password'

function tsx(script: string, args: string[], stdin: string) {
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env,
    input: stdin,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const createAdmin = (args: string[], stdin: string) => tsx('seed/cli/create-admin.ts', args, stdin)
const roleAfterSignIn = (email: string, password: string) =>
  JSON.parse(tsx('tests/int/support/sign-in-cli.ts', [email], `${password}\n`).stdout) as { role: string | null }

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run create-admin', () => {
  it('refuses a password under 12 characters and creates nothing', () => {
    const result = createAdmin(['--email', EMAIL], 'too-short\n')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Refused: the password is shorter than 12 characters.')
    expect(result.stderr + result.stdout).not.toContain('too-short')
  })

  it('refuses a password on the command line, where other users could read it', () => {
    const result = createAdmin(['--email', EMAIL, '--password', PASSWORD], '')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--password is not accepted: give the password on stdin')
  })

  it('creates the first admin of a production database from the password on stdin', () => {
    const result = createAdmin(['--email', EMAIL], `${PASSWORD}\n`)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`Admin account created: ${EMAIL}`)
    expect(result.stdout + result.stderr).not.toContain(PASSWORD)
    expect(roleAfterSignIn(EMAIL, PASSWORD)).toEqual({ role: 'admin' })
  })

  it('refuses an address that has an account, unless told to reset it', () => {
    const refused = createAdmin(['--email', EMAIL], 'another-long-password\n')
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`An account with ${EMAIL} exists already. Run again with --reset-existing`)
    expect(roleAfterSignIn(EMAIL, PASSWORD)).toEqual({ role: 'admin' })
  })

  it('with --reset-existing, gives the account the new password and the admin role', () => {
    const result = createAdmin(['--email', EMAIL, '--reset-existing'], 'another-long-password\n')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`${EMAIL} is now an admin with the new password.`)
    expect(roleAfterSignIn(EMAIL, 'another-long-password')).toEqual({ role: 'admin' })
  })
})

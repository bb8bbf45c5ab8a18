// `npm run create-admin -- --email <address>`: the operator creates an admin on the server. The password
// comes from stdin (typed at a hidden prompt, or piped), never from the command line, where other users
// of the machine could read it in the process list and it would stay in the shell history.
import { parseArgs } from 'node:util'

import type { CliIo } from '@/content-transfer/import-cli'
import { openPayloadForCli } from '@/content-transfer/open-payload'

import { createAdminAccount, findUserByEmail, resetAdminAccount } from './admin-account'
import { adminEmailProblem, adminPasswordProblem, type AdminCredentials } from './operator-admin-settings'

export const CREATE_ADMIN_USAGE =
  'usage: npm run create-admin -- --email <address> [--name <name>] [--reset-existing]   (password on stdin)'

export type CreateAdminIo = CliIo & { readPassword: () => Promise<string> }

type CreateAdminOptions = { email: string; name: string; resetExisting: boolean }

export function parseCreateAdminArgs(argv: string[]): CreateAdminOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string', default: 'Admin' },
      'reset-existing': { type: 'boolean', default: false },
      password: { type: 'string' },
    },
  })
  if (values.password !== undefined) throw new Error('--password is not accepted: give the password on stdin')
  const email = values.email?.trim().toLowerCase()
  if (!email) throw new Error('--email is required')
  const problem = adminEmailProblem(email)
  if (problem) throw new Error(`--email: ${problem}`)
  return { email, name: values.name, resetExisting: values['reset-existing'] }
}

async function createOrReset(options: CreateAdminOptions, credentials: AdminCredentials, io: CliIo): Promise<number> {
  const payload = await openPayloadForCli()
  const existing = await findUserByEmail(payload, credentials.email)
  if (existing && !options.resetExisting) {
    io.stderr(
      `An account with ${credentials.email} exists already. Run again with --reset-existing to make it an admin ` +
        'with this password and lift any lockout.',
    )
    return 1
  }
  if (existing) {
    await resetAdminAccount(payload, existing, credentials)
    io.stdout(`${credentials.email} is now an admin with the new password.`)
    return 0
  }
  await createAdminAccount(payload, credentials, options.name)
  io.stdout(`Admin account created: ${credentials.email}`)
  return 0
}

export async function runCreateAdminCli(argv: string[], io: CreateAdminIo): Promise<number> {
  let options: CreateAdminOptions
  try {
    options = parseCreateAdminArgs(argv)
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${CREATE_ADMIN_USAGE}`)
    return 2
  }
  const password = await io.readPassword()
  const problem = adminPasswordProblem(password)
  if (problem) {
    io.stderr(`Refused: ${problem}.`)
    return 1
  }
  return createOrReset(options, { email: options.email, password }, io)
}

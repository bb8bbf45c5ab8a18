// Signs in to the database of DATABASE_URI in a process of its own (as the CLI tests' database belongs to
// another process) and prints the account's role as JSON: `tsx sign-in-cli.ts <email>`, password on stdin.
import { openPayloadForCli } from '@/content-transfer/open-payload'
import { readPasswordFromStdin } from '@/collections/Users/read-password'

const payload = await openPayloadForCli()
const password = await readPasswordFromStdin()
const { user } = await payload.login({ collection: 'users', data: { email: process.argv[2] ?? '', password } })
process.stdout.write(`${JSON.stringify({ role: user?.role ?? null })}\n`, () => process.exit(0))

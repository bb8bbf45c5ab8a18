import { runCreateAdminCli } from '@/collections/Users/create-admin-cli'
import { readPasswordFromStdin } from '@/collections/Users/read-password'

import { runCli } from './run-cli'

await runCli((argv, io) => runCreateAdminCli(argv, { ...io, readPassword: () => readPasswordFromStdin() }))

import { runRestoreCli } from '@/backup/backup-cli'

import { runCli } from './run-cli'

await runCli(runRestoreCli)

import { runImportCli } from '@/content-transfer/import-cli'

import { runCli } from './run-cli'

await runCli(runImportCli)

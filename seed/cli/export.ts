import { runExportCli } from '@/content-transfer/export-cli'

import { runCli } from './run-cli'

await runCli(runExportCli)

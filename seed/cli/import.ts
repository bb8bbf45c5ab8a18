import { runImportCli } from '@/content-transfer/import-cli'
import { sourceMapsAsked } from '@/server/server-settings'

import { runCli } from './run-cli'

// tsx turns source maps on for the whole process, and Node then keeps the source and map of every module
// it loads (a large part of the import's memory); mapped stack traces are for whoever asks for them.
if (!sourceMapsAsked()) process.setSourceMapsEnabled(false)

await runCli(runImportCli)

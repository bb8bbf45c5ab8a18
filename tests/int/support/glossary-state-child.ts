// Opens Payload on the database DATABASE_URI names, in a process of its own (Payload's config picks its
// database once per process), and prints that glossary's state (./glossary-state.ts) as its last line.
import config from '@payload-config'
import { getPayload } from 'payload'

import { glossaryState } from './glossary-state'

const payload = await getPayload({ config })
const state = await glossaryState(payload)
process.stdout.write(`\n${JSON.stringify(state)}\n`)
await payload.destroy()
process.exit(0)

// One batch of bench/api-read/load-glossary.ts: `<from> <to> <terms>`, on the database the environment names.
import { getPayload } from 'payload'

import { importGeneratedBatch } from './load-glossary'

const [from, to, terms] = process.argv.slice(2).map(Number)
if (![from, to, terms].every((value) => Number.isInteger(value))) {
  throw new Error('usage: load-batch-child.ts <from> <to> <terms>')
}
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
await importGeneratedBatch(payload, from!, to!, terms!)
await payload.destroy()
process.exit(0)

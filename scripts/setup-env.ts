// Writes .env from .env.example with a fresh random PAYLOAD_SECRET, once; an existing .env is kept.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const target = path.join(root, '.env')

if (fs.existsSync(target)) {
  console.error('.env exists; leaving it as it is.')
} else {
  const template = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(target, template.replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${secret}`), { mode: 0o600 })
  console.error('Wrote .env with a new random PAYLOAD_SECRET.')
}

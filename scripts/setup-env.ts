// Writes .env from .env.example with a fresh random PAYLOAD_SECRET and a first admin with a random
// password, once; an existing .env is kept. The password is printed this once and lives only in .env.
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
  const adminEmail = 'admin@cloudlex.local'
  const adminPassword = crypto.randomBytes(18).toString('base64url')
  const settings = template
    .replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${secret}`)
    .replace(/^# CLOUDLEX_ADMIN_EMAIL=.*$/m, `CLOUDLEX_ADMIN_EMAIL=${adminEmail}`)
    .replace(/^# CLOUDLEX_ADMIN_PASSWORD=.*$/m, `CLOUDLEX_ADMIN_PASSWORD=${adminPassword}`)
  fs.writeFileSync(target, settings, { mode: 0o600 })
  console.error('Wrote .env with a new random PAYLOAD_SECRET and a first admin for an empty database:')
  console.error(`  ${adminEmail} / ${adminPassword}`)
}

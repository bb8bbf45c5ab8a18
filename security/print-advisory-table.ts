// Prints SECURITY.md's dependency-advisory table from security/advisories.json (npm run security:table).
import fs from 'node:fs'
import path from 'node:path'

import type { AdvisoryList } from './check-advisories'

const list = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'advisories.json'), 'utf8')) as AdvisoryList
const cell = (text: string) => text.replaceAll('|', '\\|')

const lines = [
  '| package | advisory | affected | fixed in | why it does not apply to us |',
  '| --- | --- | --- | --- | --- |',
]
for (const advisory of list.advisories) {
  const id = advisory.cve ? `${advisory.ghsa} (${advisory.cve})` : advisory.ghsa
  const accepted = advisory.accepted
    ? ` **Accepted until ${advisory.accepted.until}:** ${advisory.accepted.reason}`
    : ''
  lines.push(
    `| ${advisory.package} | ${id}: ${cell(advisory.title)} | \`${cell(advisory.affected)}\` | ${advisory.fixed} | ${cell(advisory.why)}${cell(accepted)} |`,
  )
}
process.stdout.write(`${lines.join('\n')}\n`)

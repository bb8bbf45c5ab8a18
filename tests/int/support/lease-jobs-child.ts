// One "instance" of the lease race (job-leases-race.test.ts), as a process of its own on a shared
// SQLite file: `prepare <count>` migrates the file and queues that many due jobs; `lease <folder>`
// starts Payload, says so with a file in the folder, waits for the folder's `go` file (the test writes
// it once every process is ready), leases due jobs a few at a time until none are left, and prints the
// ids it leased as its last line of output (JSON).
import fs from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { PUBLISH_RELEASE_TASK } from '@/workflow/queue-scheduled-release'
import { leaseDueJobs, leaseOwnerOfThisProcess } from '@/jobs/job-leases'

const [mode, argument] = process.argv.slice(2)
const payload = await getPayload({ config })

if (mode === 'prepare') {
  for (let index = 0; index < Number(argument); index += 1) {
    await payload.jobs.queue({
      task: PUBLISH_RELEASE_TASK,
      input: { release: `race-${index}` },
      waitUntil: new Date(Date.now() - 1000),
    })
  }
} else {
  const folder = argument!
  fs.writeFileSync(path.join(folder, `ready-${process.pid}`), '')
  while (!fs.existsSync(path.join(folder, 'go'))) await new Promise((resolve) => setTimeout(resolve, 5))
  const leased: (string | number)[] = []
  for (let emptyInARow = 0; emptyInARow < 2;) {
    const ids = await leaseDueJobs(payload, leaseOwnerOfThisProcess(), { leaseSeconds: 300, limit: 2 })
    leased.push(...ids)
    emptyInARow = ids.length === 0 ? emptyInARow + 1 : 0
    // A pause between polls, as a server has: back to back, the process that holds SQLite's write lock
    // takes it again before the others' busy handlers wake, and drains the queue alone.
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  process.stdout.write(`\n${JSON.stringify(leased)}\n`)
}
await payload.destroy()
process.exit(0)

// Leases and runs the scheduled jobs that are due (src/jobs/job-leases.ts), and prunes the logs past
// their retention when due (src/site-cache/log-retention.ts). Called by the server itself every 10 s;
// anyone else gets a 404. Both run after the answer, so a long release does not hold the server's poll:
// the next poll finds this one still running and leaves it be. Once the server is stopping, nothing new
// starts: a poll that arrived just before the stop would otherwise lease jobs it may not have time to run.
import { after } from 'next/server'

import { getPayloadClient } from '@/site-data/payload-client'
import { serverStopping } from '@/shutdown/stopping'
import { INTERNAL_TOKEN_HEADER, isInternalRequest } from '@/site-cache/internal-request'
import { startLogPruningIfDue } from '@/site-cache/log-retention'
import { startLeasedJobRun } from '@/jobs/job-leases'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers.get(INTERNAL_TOKEN_HEADER))) return new Response('Not found', { status: 404 })
  if (serverStopping().aborted)
    return Response.json({ started: false }, { status: 202, headers: { 'cache-control': 'no-store' } })
  const payload = await getPayloadClient()
  const run = startLeasedJobRun(payload)
  if (run) {
    after(() => run.catch((error: unknown) => payload.logger.error({ err: error, msg: 'Running due jobs failed' })))
  }
  const pruning = startLogPruningIfDue(payload)
  if (pruning) {
    after(() =>
      pruning.catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Pruning the change and delivery logs failed' }),
      ),
    )
  }
  return Response.json({ started: run !== null }, { status: 202, headers: { 'cache-control': 'no-store' } })
}

// One attempt to deliver a webhook: a POST to the vetted address (./public-destination.ts), with a
// deadline for the whole exchange and a cap on how much of the answer is read, since a receiver is
// outside our control and may hang, trickle or answer without end. Redirects are not followed: the
// address they name was never vetted. Only a 2xx answer counts as delivered.
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'

import type { ResolvedAddress } from './public-destination'

/** More of an answer than this is not read: only its status and a few words for the log matter. */
const ANSWER_CAP_BYTES = 16 * 1024
const ERROR_TEXT_LENGTH = 200

export type AttemptOutcome = { delivered: boolean; status: number | null; error: string | null }

/** Hands the socket the vetted address whatever name it asks for, so no second DNS answer is used. */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all)
      (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }])
    else callback(null, address, family)
  }
}

const shorten = (text: string) => (text.length > ERROR_TEXT_LENGTH ? `${text.slice(0, ERROR_TEXT_LENGTH - 1)}…` : text)

export function postDelivery(
  url: URL,
  destination: ResolvedAddress,
  { body, headers, timeoutMs }: { body: string; headers: Record<string, string>; timeoutMs: number },
): Promise<AttemptOutcome> {
  const transport = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: AttemptOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      resolve(outcome)
    }
    const outgoing = transport.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(destination),
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (answer) => {
        const status = answer.statusCode ?? 0
        let text = ''
        let read = 0
        answer.setEncoding('utf8')
        answer.on('data', (chunk: string) => {
          read += Buffer.byteLength(chunk)
          if (text.length < ERROR_TEXT_LENGTH) text += chunk
          if (read > ANSWER_CAP_BYTES) answer.destroy()
        })
        const finish = () => {
          if (status >= 200 && status < 300) return settle({ delivered: true, status, error: null })
          const location = answer.headers.location
          const error =
            status >= 300 && status < 400
              ? `Answered ${status}, a redirect${location ? ` to ${location}` : ''}: not followed.`
              : `Answered ${status}${text.trim() ? `: ${text.trim()}` : '.'}`
          settle({ delivered: false, status, error: shorten(error) })
        }
        answer.on('end', finish)
        answer.on('close', finish)
        answer.on('error', finish)
      },
    )
    const deadline = setTimeout(() => {
      settle({ delivered: false, status: null, error: `No answer within ${timeoutMs} ms.` })
      outgoing.destroy()
    }, timeoutMs)
    outgoing.on('error', (error) =>
      settle({ delivered: false, status: null, error: shorten(`Could not send: ${error.message}`) }),
    )
    outgoing.end(body)
  })
}

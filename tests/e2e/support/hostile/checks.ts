// What counts as a correct answer to a hostile request. Pure, so tests/unit can check the rules.
import { DRAFT_MARKER, type HostileCase } from './cases'

export interface ObservedResponse {
  status: number
  contentType: string
  location: string | null
  /** The first part of the body (the runner stops reading after a cap). */
  bodyStart: string
}

export type Outcome = { ok: true } | { ok: false; problem: string }

/** Refusals Node's HTTP parser gives before the app runs; the status line is their message. */
const PROTOCOL_REFUSALS = new Set([413, 414, 431])

function hasMessage(response: ObservedResponse): boolean {
  const text = response.bodyStart.trim()
  if (text === '') return false
  if (response.contentType.includes('json')) {
    try {
      // Payload's errors, Next's and the v1 API's problem details (RFC 9457 `detail`).
      const parsed = JSON.parse(text) as { errors?: unknown; message?: unknown; error?: unknown; detail?: unknown }
      return Boolean(parsed.errors ?? parsed.message ?? parsed.error ?? parsed.detail)
    } catch {
      return true // cut off by the body cap: not empty, so it says something
    }
  }
  return true
}

function redirectsOffSite(location: string, baseURL: string): boolean {
  try {
    return new URL(location, baseURL).origin !== new URL(baseURL).origin
  } catch {
    return true
  }
}

/** Auth operations answer anonymous POSTs with 200 by design (e.g. forgot-password never says who exists). */
const ANONYMOUS_POST_ALLOWED = /^\/api\/(users\/(login|forgot-password|logout|refresh-token)|graphql)(\?|$)/

const STAFF_ONLY_KEYS = /"(hash|salt|resetPasswordToken|apiKey|loginAttempts|lockUntil)"\s*:/

export function checkResponse(hostileCase: HostileCase, response: ObservedResponse, baseURL: string): Outcome {
  const { status } = response
  const { request, actor } = hostileCase
  if (status >= 500) return { ok: false, problem: `${status} server error` }
  if (status >= 300 && status < 400) {
    if (!response.location) return { ok: false, problem: `${status} redirect without a Location` }
    if (redirectsOffSite(response.location, baseURL))
      return { ok: false, problem: `${status} redirect off the site to ${response.location}` }
    return { ok: true }
  }
  if (status >= 400 && !PROTOCOL_REFUSALS.has(status) && !hasMessage(response)) {
    return { ok: false, problem: `${status} without a message` }
  }
  if (actor === 'anonymous') {
    if (response.bodyStart.includes(DRAFT_MARKER)) return { ok: false, problem: 'an anonymous caller read draft text' }
    if (STAFF_ONLY_KEYS.test(response.bodyStart))
      return { ok: false, problem: 'an anonymous caller read a hidden auth field' }
    // A created or changed document comes back as {"doc": …}; Next answers some prefetch headers with an empty 200.
    if (
      status < 300 &&
      request.method !== 'GET' &&
      !ANONYMOUS_POST_ALLOWED.test(request.path) &&
      /"docs?"\s*:/.test(response.bodyStart)
    ) {
      return { ok: false, problem: `${status}: an anonymous ${request.method} was accepted` }
    }
  }
  return { ok: true }
}

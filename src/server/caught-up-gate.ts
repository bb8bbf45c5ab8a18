// Holds the server's requests until its first look at the content-changes log has succeeded. That look
// expires everything cached before this process started (src/site-cache/revalidate-changes.ts); until it
// has, a page or API answer cached by an earlier run may predate changes made while no server was
// looking (a restore, a CLI run while the site was down), and would be served, with an ETag that changes
// a moment later. The server's own internal requests (the look itself among them) are never held. When
// the log cannot be read for a long while (the database is away), requests are served anyway after
// `maxWaitMs`, and the operator is told.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { INTERNAL_TOKEN_HEADER } from '../site-cache/internal-request'

export const CAUGHT_UP_MAX_WAIT_MS = 30_000

type Listener = (req: IncomingMessage, res: ServerResponse) => void

export type CaughtUpGate = {
  /** The listener, holding requests while the gate is closed. */
  hold: (serve: Listener) => Listener
  /** Opens the gate: the first look at the log succeeded. */
  open: () => void
  /** Starts the bound on the wait (from when the server listens). */
  startClock: () => void
  isOpen: () => boolean
}

export function caughtUpGate({
  maxWaitMs = CAUGHT_UP_MAX_WAIT_MS,
  warn = (message: string) => console.error(message),
} = {}): CaughtUpGate {
  let opened = false
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let timer: NodeJS.Timeout | undefined
  const open = () => {
    if (opened) return
    opened = true
    clearTimeout(timer)
    release()
  }
  return {
    hold: (serve) => (req, res) => {
      if (opened || req.headers[INTERNAL_TOKEN_HEADER] !== undefined) return serve(req, res)
      void released.then(() => serve(req, res))
    },
    open,
    startClock: () => {
      timer ??= setTimeout(() => {
        if (opened) return
        warn(
          `The content-changes log could not be read within ${maxWaitMs / 1000} s of start: serving anyway; answers cached by an earlier run may be served until it is read.`,
        )
        open()
      }, maxWaitMs)
      timer.unref()
    },
    isOpen: () => opened,
  }
}

// Ctrl-C or SIGTERM during a long command: the first asks it to stop after the step in progress (the
// command checks `signal`), a second one ends the process at once. Exit codes follow the shell's
// convention of 128 + the signal number.
import os from 'node:os'

const HANDLED = ['SIGINT', 'SIGTERM'] as const
type HandledSignal = (typeof HANDLED)[number]

export type SignalStop = {
  signal: AbortSignal
  /** 130 after SIGINT, 143 after SIGTERM, null when no signal came. */
  exitCode: () => number | null
  dispose: () => void
}

const exitCodeOf = (name: HandledSignal) => 128 + os.constants.signals[name]

export function stopOnSignals(say: (line: string) => void): SignalStop {
  const controller = new AbortController()
  let received: HandledSignal | null = null
  const onSignal = (name: HandledSignal) => {
    if (received) {
      say(`${name} again: stopping at once; the open transaction, if any, is rolled back`)
      process.exit(exitCodeOf(name))
    }
    received = name
    say(`${name}: stopping after the term being written (send it again to stop at once)`)
    controller.abort(name)
  }
  for (const name of HANDLED) process.on(name, onSignal)
  return {
    signal: controller.signal,
    exitCode: () => (received ? exitCodeOf(received) : null),
    dispose: () => HANDLED.forEach((name) => process.off(name, onSignal)),
  }
}

// Ctrl-C or SIGTERM during a long command asks it to stop after the step in progress (the command checks
// `signal`). Wrappers such as cross-env pass a terminal's Ctrl-C on although the process got it too, so a
// repeated signal only repeats the notice. Exit codes follow the shell's convention: 128 + signal number.
import os from 'node:os'

const HANDLED = ['SIGINT', 'SIGTERM'] as const
type HandledSignal = (typeof HANDLED)[number]

export type SignalStop = {
  signal: AbortSignal
  /** 130 after SIGINT, 143 after SIGTERM, null when no signal came. */
  exitCode: () => number | null
  dispose: () => void
}

/** `notice` says what the command does before it stops, after the signal's name. */
export function stopOnSignals(
  say: (line: string) => void,
  notice = 'stopping once the terms being written are stored',
): SignalStop {
  const controller = new AbortController()
  let received: HandledSignal | null = null
  const onSignal = (name: HandledSignal) => {
    say(`${name}: ${notice}`)
    if (received) return
    received = name
    controller.abort(name)
  }
  for (const name of HANDLED) process.on(name, onSignal)
  return {
    signal: controller.signal,
    exitCode: () => (received ? 128 + os.constants.signals[received] : null),
    dispose: () => HANDLED.forEach((name) => process.off(name, onSignal)),
  }
}

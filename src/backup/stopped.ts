// A backup or restore asked to stop by a signal (Ctrl-C, SIGTERM) stops between two of its steps.
export class StoppedBySignal extends Error {
  constructor(readonly signalName: string) {
    super(`stopped by ${signalName}`)
  }
}

export function stopIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StoppedBySignal(String(signal.reason))
}

// A child process as Linux reports it in /proc/<pid>: its memory from status (VmRSS now, VmHWM its peak
// resident set so far, which the kernel keeps for us) and its CPU time from stat. Elsewhere the readings
// are null, not guessed.
import fs from 'node:fs'

export type MemoryField = 'VmRSS' | 'VmHWM'

/** The field's value in bytes ("VmHWM:   123456 kB"), or undefined when the text has no such line. */
export function statusFieldBytes(statusText: string, field: MemoryField): number | undefined {
  const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB\\s*$`, 'm').exec(statusText)
  return match ? Number(match[1]) * 1024 : undefined
}

export function readMemoryField(pid: number, field: MemoryField): number | undefined {
  try {
    return statusFieldBytes(fs.readFileSync(`/proc/${pid}/status`, 'utf8'), field)
  } catch {
    return undefined // gone already, or not Linux
  }
}

export type PeakRssWatch = {
  /** The highest peak seen so far, in bytes; null when nothing could be read. */
  peakBytes: () => number | null
  stop: () => number | null
}

/**
 * Samples a process's VmHWM until stopped. The kernel's high-water mark only grows, so the last reading
 * before the process exits is its peak (short of what it added in the last interval).
 */
export function watchPeakRss(pid: number, intervalMs = 200): PeakRssWatch {
  let peak: number | null = null
  const sample = () => {
    const value = readMemoryField(pid, 'VmHWM')
    if (value !== undefined && (peak === null || value > peak)) peak = value
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    peakBytes: () => {
      sample()
      return peak
    },
    stop: () => {
      sample()
      clearInterval(timer)
      return peak
    },
  }
}

/** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const TICKS_PER_SECOND = 100

/** User plus system CPU time in clock ticks, from the text of /proc/<pid>/stat (fields 14 and 15). */
export function cpuTicksFromStat(statText: string): number | undefined {
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ')
  const user = Number(fields[11])
  const system = Number(fields[12])
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined
}

function readCpuTicks(pid: number): number | undefined {
  try {
    return cpuTicksFromStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * Waits until the process uses less than `busyFraction` of one core over `windowMs`: a load client that
 * gave up on slow requests leaves the server still working on them, and the next measurement must not pay
 * for that. Gives up after `maxWaitMs`; off Linux it cannot tell and returns at once.
 */
export async function waitUntilQuiet(
  pid: number,
  { windowMs = 500, busyFraction = 0.1, maxWaitMs = 60_000 } = {},
): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = performance.now()
  let before = readCpuTicks(pid)
  while (before !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, windowMs))
    const after = readCpuTicks(pid)
    if (after === undefined) break
    if ((after - before) / TICKS_PER_SECOND < (busyFraction * windowMs) / 1000) break
    if (performance.now() - started >= maxWaitMs) return { waitedMs: performance.now() - started, quiet: false }
    before = after
  }
  return { waitedMs: performance.now() - started, quiet: true }
}

import { describe, expect, it } from 'vitest'

import { cpuTicksFromStat, statusFieldBytes } from '../../bench/process-stats'

describe('reading a process from /proc for the bench', () => {
  const status = [
    'Name:\tnode',
    'VmPeak:\t 2000000 kB',
    'VmHWM:\t  512000 kB',
    'VmRSS:\t  300000 kB',
    'Threads:\t11',
  ].join('\n')

  it('reads the peak resident set (VmHWM) and the current one (VmRSS) in bytes', () => {
    expect(statusFieldBytes(status, 'VmHWM')).toBe(512_000 * 1024)
    expect(statusFieldBytes(status, 'VmRSS')).toBe(300_000 * 1024)
  })

  it('does not take VmPeak (virtual size) for the resident peak, and knows when a field is missing', () => {
    expect(statusFieldBytes('VmPeak:\t 2000000 kB\n', 'VmHWM')).toBeUndefined()
  })

  it('adds user and system CPU ticks, even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (node (server) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0 100 1000 200'
    expect(cpuTicksFromStat(stat)).toBe(1234 + 567)
  })
})

import { describe, expect, it } from 'vitest'

import { DEFAULT_TERM_COUNTS, parseBenchArgs } from '../../bench/bench-args'

describe('the command line of npm run bench', () => {
  it('measures 1,000 and 10,000 terms for 10 s at 20 connections when given nothing', () => {
    expect(parseBenchArgs([])).toEqual({
      termCounts: DEFAULT_TERM_COUNTS,
      durationSeconds: 10,
      connections: 20,
      skipBuild: false,
      proxy: false,
      appPort: undefined,
      ceilingPort: undefined,
      help: false,
    })
    expect(DEFAULT_TERM_COUNTS).toEqual([1_000, 10_000])
  })

  it('takes sizes comma-separated and repeated, in ascending order without repeats', () => {
    expect(parseBenchArgs(['--terms', '10000,1000', '--terms', '100_000', '--terms', '1000']).termCounts).toEqual([
      1_000, 10_000, 100_000,
    ])
  })

  it('reads duration, connections, ports, --skip-build and --proxy', () => {
    const options = parseBenchArgs([
      '--duration',
      '5',
      '--connections',
      '8',
      '--skip-build',
      '--proxy',
      '--port',
      '3420',
      '--ceiling-port',
      '3430',
    ])
    expect(options).toMatchObject({
      durationSeconds: 5,
      connections: 8,
      skipBuild: true,
      proxy: true,
      appPort: 3420,
      ceilingPort: 3430,
    })
  })

  it.each([
    [['--terms', 'ten'], '--terms must be a whole number from 20'],
    [['--terms', '5'], '--terms must be a whole number from 20'],
    [['--terms', ','], '--terms needs at least one glossary size'],
    [['--duration', '0'], '--duration must be a whole number from 1 to 600, not "0"'],
    [['--duration', '2.5'], '--duration must be a whole number'],
    [['--connections=-3'], '--connections must be a whole number'],
    [['--connections', '0'], '--connections must be a whole number from 1 to 1000'],
    [['--port', '70000'], '--port must be a whole number from 1 to 65535'],
    [['--port', '3420', '--ceiling-port', '3420'], '--port and --ceiling-port must differ'],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message)
  })

  it('refuses an option it does not know', () => {
    expect(() => parseBenchArgs(['--term', '1000'])).toThrow(/--term/)
  })
})

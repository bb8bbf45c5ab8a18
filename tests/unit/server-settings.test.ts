// The server's command line and environment: what the operator asked for, read before it listens.
import { describe, expect, it } from 'vitest'

import { checkAppSettings, readServerSettings } from '@/server/server-settings'

describe('readServerSettings', () => {
  it('takes the port and address from the command line over the environment', () => {
    const settings = readServerSettings(['--port', '4100', '--hostname', '127.0.0.1'], {
      PORT: '3000',
      NODE_ENV: 'production',
    })
    expect(settings).toMatchObject({ port: 4100, hostname: '127.0.0.1', dev: false })
  })

  it('refuses a port that is not a port number, naming the setting', () => {
    expect(() => readServerSettings([], { PORT: 'eighty' })).toThrow(
      '--port / PORT must be a port number, not "eighty".',
    )
    expect(() => readServerSettings(['--port', '70000'], {})).toThrow('not "70000"')
  })

  it('keeps source maps off in production unless the operator asks Node for them', () => {
    expect(readServerSettings([], { NODE_ENV: 'production' }).sourceMaps).toBe(false)
    expect(readServerSettings([], { NODE_ENV: 'production' }, ['--import', 'tsx']).sourceMaps).toBe(false)
    expect(
      readServerSettings([], { NODE_ENV: 'production' }, ['--enable-source-maps', '--import', 'tsx']).sourceMaps,
    ).toBe(true)
    expect(
      readServerSettings([], { NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation --enable-source-maps' })
        .sourceMaps,
    ).toBe(true)
    expect(
      readServerSettings([], { NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps-not' }).sourceMaps,
    ).toBe(false)
  })
})

describe('checkAppSettings', () => {
  it('stops the start on half-set S3 media storage, naming what is missing', () => {
    expect(() =>
      checkAppSettings({ S3_BUCKET: 'cloudlex-media', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'key' }),
    ).toThrow(/^S3_SECRET_ACCESS_KEY is not set/)
    expect(() => checkAppSettings({})).not.toThrow()
  })
})

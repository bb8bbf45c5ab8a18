// The parts of webhooks that need no server: their settings, which addresses count as public, which
// URLs an endpoint may have, and which secrets sign during a rotation's overlap.
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import { readWebhookSettings } from '@/config/env'
import { checkAppSettings } from '@/server/server-settings'
import { nonPublicRange, webhookUrlProblem } from '@/webhooks/public-destination'
import { deliveryHeaders, newWebhookSecret, secretsInUse } from '@/webhooks/sign-delivery'

describe('webhook settings', () => {
  it('default to 8 retries from 30 s, a 10 s timeout, a 24 h overlap and public addresses only', () => {
    expect(readWebhookSettings({})).toEqual({
      retryAttempts: 8,
      retryDelayMs: 30_000,
      timeoutMs: 10_000,
      secretOverlapMs: 86_400_000,
      allowPrivateAddresses: false,
    })
  })

  it('refuse bad values, naming the variable, and so stop the server at start', () => {
    expect(
      readWebhookSettings({ CLOUDLEX_WEBHOOKS_RETRY_ATTEMPTS: '0', CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE: '1' }),
    ).toMatchObject({ retryAttempts: 0, allowPrivateAddresses: true })
    expect(() => readWebhookSettings({ CLOUDLEX_WEBHOOKS_RETRY_DELAY_MS: '0' })).toThrow(
      /CLOUDLEX_WEBHOOKS_RETRY_DELAY_MS/,
    )
    expect(() => readWebhookSettings({ CLOUDLEX_WEBHOOKS_TIMEOUT_MS: '10s' })).toThrow(/CLOUDLEX_WEBHOOKS_TIMEOUT_MS/)
    expect(() => readWebhookSettings({ CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE: 'yes' })).toThrow(
      /CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE/,
    )
    expect(() => checkAppSettings({ CLOUDLEX_WEBHOOKS_SECRET_OVERLAP_HOURS: '-1' })).toThrow(
      /CLOUDLEX_WEBHOOKS_SECRET_OVERLAP_HOURS/,
    )
  })
})

describe('public addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
  ])('%s is not public (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range)
  })

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::6810:84e5', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(nonPublicRange(address)).toBeNull()
  })
})

describe('endpoint URLs', () => {
  it('take http and https addresses only, without credentials', () => {
    expect(webhookUrlProblem('https://example.com/hooks')).toBeNull()
    expect(webhookUrlProblem('http://example.com:8080/hooks')).toBeNull()
    expect(webhookUrlProblem('ftp://example.com/')).toMatch(/http/)
    expect(webhookUrlProblem('javascript:alert(1)')).toMatch(/http/)
    expect(webhookUrlProblem('example.com/hooks')).toMatch(/full address/)
    expect(webhookUrlProblem('https://user:pass@example.com/')).toMatch(/credentials/)
  })
})

describe('signing secrets', () => {
  it('are whsec_ and the base64 of 32 random bytes', () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_/)
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32)
    expect(newWebhookSecret()).not.toBe(secret)
  })

  it('sign with the previous secret too until its overlap ends', () => {
    const now = new Date('2026-12-02T07:00:00Z')
    const rotated = {
      secret: 'whsec_new',
      previousSecret: 'whsec_old',
      previousSecretExpiresAt: '2026-12-03T07:00:00Z',
    }
    expect(secretsInUse(rotated, now)).toEqual(['whsec_new', 'whsec_old'])
    expect(secretsInUse(rotated, new Date('2026-12-03T07:00:01Z'))).toEqual(['whsec_new'])
    expect(secretsInUse({ secret: 'whsec_new', previousSecret: null, previousSecretExpiresAt: null }, now)).toEqual([
      'whsec_new',
    ])
  })

  it('make headers the Standard Webhooks library verifies with either secret', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()]
    const body = '{"type":"term.updated"}'
    const headers = deliveryHeaders('msg_1', body, [current, previous], new Date())
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(new Webhook(current).verify(body, headers)).toEqual({ type: 'term.updated' })
    expect(new Webhook(previous).verify(body, headers)).toEqual({ type: 'term.updated' })
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow()
  })
})

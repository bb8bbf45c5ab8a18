// Standard Webhooks signatures (https://www.standardwebhooks.com), made by the reference library. While a
// rotated-out secret is still in its overlap, a delivery carries a signature by each secret, separated
// by a space, so a receiver holding either secret accepts it.
import { randomBytes } from 'node:crypto'

import { Webhook } from 'standardwebhooks'

const SECRET_PREFIX = 'whsec_'
const SECRET_BYTES = 32

export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`

export type SigningSecrets = { secret: string; previousSecret?: string | null; previousSecretExpiresAt?: string | null }

/** The secrets that sign at `now`: the current one, and the previous one until its overlap ends. */
export function secretsInUse({ secret, previousSecret, previousSecretExpiresAt }: SigningSecrets, now: Date): string[] {
  const previousValid = previousSecret && previousSecretExpiresAt && new Date(previousSecretExpiresAt) > now
  return previousValid ? [secret, previousSecret] : [secret]
}

export type DeliveryHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string }

export function deliveryHeaders(webhookId: string, body: string, secrets: string[], now: Date): DeliveryHeaders {
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(webhookId, now, body)).join(' '),
  }
}

// The signing secret of an endpoint is made by the server, never typed: a new one on create, and a new
// one when an admin ticks "Rotate secret". A rotation keeps the secret it replaces for the overlap
// (CLOUDLEX_WEBHOOKS_SECRET_OVERLAP_HOURS), during which deliveries carry a signature by each, so the
// receiver can switch to the new secret without losing a delivery.
import type { CollectionBeforeChangeHook } from 'payload'

import { readWebhookSettings } from '@/config/env'
import { newWebhookSecret } from '@/webhooks/sign-delivery'

export const ROTATE_SECRET_FIELD = 'rotateSecret'

export const manageSecret: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  const rotate = data[ROTATE_SECRET_FIELD] === true
  delete data[ROTATE_SECRET_FIELD]
  if (operation === 'create')
    return { ...data, secret: newWebhookSecret(), previousSecret: null, previousSecretExpiresAt: null }
  if (!rotate || !originalDoc) return data
  const expiresAt = new Date(Date.now() + readWebhookSettings().secretOverlapMs).toISOString()
  return { ...data, secret: newWebhookSecret(), previousSecret: originalDoc.secret, previousSecretExpiresAt: expiresAt }
}

// POST /api/webhook-deliveries/:id/resend: an admin asks for a delivery again (the receiver lost it, or
// was down past the last retry). The same body goes out under the same webhook-id, so a receiver that
// did get it can tell; the attempts go on counting from where they were.
import { APIError, type Endpoint, type PayloadHandler } from 'payload'

import { hasRole } from '@/access/roles'
import { queueDeliveryJob } from '@/webhooks/queue-deliveries'

const resendDelivery: PayloadHandler = async (req) => {
  if (!req.user) throw new APIError('Sign in as an admin to re-send a delivery.', 401, undefined, true)
  if (!hasRole(req.user, 'admin')) throw new APIError('Only admins may re-send a delivery.', 403, undefined, true)
  const id = String(req.routeParams?.id ?? '')
  const delivery = await req.payload.db.findOne({
    collection: 'webhook-deliveries',
    where: { id: { equals: id } },
    req,
  })
  if (!delivery) throw new APIError('No such delivery.', 404, undefined, true)
  await req.payload.db.updateOne({
    collection: 'webhook-deliveries',
    id,
    data: { status: 'pending', nextAttemptAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
    req,
    returning: false,
  })
  await queueDeliveryJob(req, id)
  return Response.json({ message: 'Queued again.', id })
}

export const resendEndpoint: Endpoint = { path: '/:id/resend', method: 'post', handler: resendDelivery }

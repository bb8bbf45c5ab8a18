import { APIError, type Endpoint } from 'payload'

import { hasRole, PUBLISHER_ROLES } from '@/access/roles'
import { publishRelease } from '@/workflow/publish-release'

/** POST /api/releases/:id/publish — publishes the release now, all or nothing. */
export const publishReleaseEndpoint: Endpoint = {
  path: '/:id/publish',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: 'Sign in to publish a release.' }, { status: 401 })
    if (!hasRole(req.user, ...PUBLISHER_ROLES)) {
      return Response.json({ message: 'Only editors and admins can publish releases.' }, { status: 403 })
    }
    const id = String(req.routeParams?.id ?? '')
    try {
      const outcome = await publishRelease(req.payload, id, req.user)
      return Response.json(outcome, { status: outcome.published ? 200 : 422 })
    } catch (error) {
      const status = error instanceof APIError ? error.status : 500
      return Response.json({ message: (error as Error).message }, { status })
    }
  },
}

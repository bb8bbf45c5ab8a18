// Payload mounts POST /api/users/verify/:token on every auth collection, even one without email
// verification. Users have none (an admin creates every account), so their table has no verification
// token column and Payload's lookup of the token failed with a database error (500). This endpoint,
// listed before Payload's own, answers that there is nothing to verify.
import type { Endpoint } from 'payload'

export const noEmailVerification: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: () =>
    Response.json(
      {
        errors: [
          {
            message:
              'Accounts have no email verification: an admin creates each account, so there is no token to verify.',
          },
        ],
      },
      { status: 404 },
    ),
}

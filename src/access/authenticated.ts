import type { Access } from 'payload'

/** Any signed-in staff member. */
export const authenticated: Access = ({ req }) => Boolean(req.user)

import type { Access } from 'payload'

import { isStaffAccount } from './roles'

/** Any signed-in staff member (an API client's key is not one). */
export const authenticated: Access = ({ req }) => isStaffAccount(req.user)

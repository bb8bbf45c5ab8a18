import type { Access } from 'payload'

/** Refused to everyone, admins included; only trusted server code that overrides access gets past it. */
export const nobody: Access = () => false

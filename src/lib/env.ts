// Secrets and settings read from the environment, with the errors a person can act on.

export function readPayloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) {
    if (env.NODE_ENV === 'production' && secret.length < 32) {
      throw new Error('PAYLOAD_SECRET must be at least 32 characters in production (try: openssl rand -hex 32).')
    }
    return secret
  }
  throw new Error(
    'PAYLOAD_SECRET is not set. Run `npm run setup` to write a .env with a random secret, or export PAYLOAD_SECRET.',
  )
}

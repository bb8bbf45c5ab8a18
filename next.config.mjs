import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image runs Next's standalone server; `npm start` runs `next start`, which refuses it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // The seed folder is read at run time on first start; standalone output must carry it.
  outputFileTracingIncludes: {
    '/**': ['./seed/terms/**/*', './seed/providers.json'],
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })
const payloadHeaders = config.headers

/**
 * Payload asks for the colour-scheme client hint on every path with Critical-CH, which makes the browser
 * send a reader's first request to the site twice (Lighthouse counts it as a ~600 ms redirect on mobile).
 * Only the admin reads the hint, so the rule is narrowed to it.
 */
async function headers() {
  const rules = (await payloadHeaders?.()) ?? []
  return rules.map((rule) =>
    rule.source === '/:path*' && rule.headers.some((header) => header.key === 'Critical-CH')
      ? { ...rule, source: '/admin/:path*' }
      : rule,
  )
}

export default { ...config, headers }

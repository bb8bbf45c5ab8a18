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

export default withPayload(nextConfig, { devBundleServerPackages: false })

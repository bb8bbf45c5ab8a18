import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // The seed folder is read at run time on first start; standalone output must carry it.
  outputFileTracingIncludes: {
    '/**': ['./seed/terms/**/*', './seed/providers.json'],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

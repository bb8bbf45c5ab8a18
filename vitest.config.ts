import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // One graphql instance, as in the Next server (Payload externalizes it). Vite would resolve our imports
    // to graphql's ESM build while graphql-http requires the CommonJS one, and errors our validation rules
    // report would then fail graphql-http's `instanceof GraphQLError` check.
    alias: [
      { find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
    ],
  },
  test: {
    environment: 'node',
    // Lexical's Node entry re-exports through top-level await, which Node 20 sometimes never settles
    // (the process exits with code 13). The "production" condition loads its plain ESM build instead.
    execArgv: ['--conditions=production'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'tooling', include: ['tests/tooling/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          exclude: ['tests/int/admin-views/**'],
          setupFiles: ['tests/int/support/setup-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Payload's published source maps name files outside its packages; Vite would warn about each.
        logLevel: 'error',
        test: {
          // Admin views rendered by Payload's own server components. Those import CSS, which Node cannot
          // load; bundling Payload's admin packages through Vite here drops it. Kept out of 'int' so the
          // other tests keep loading those packages as the server does.
          name: 'int-admin',
          include: ['tests/int/admin-views/**/*.test.ts'],
          setupFiles: ['tests/int/support/setup-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: [/@payloadcms\/(ui|next)\//, /react-image-crop/] } },
        },
      },
    ],
  },
})

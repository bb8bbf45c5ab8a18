// Loaded by Node before tsx installs its module hooks (see import-node-args.ts). These packages are plain
// JavaScript, and loading them through tsx's resolve and load hooks took about 1.2 s more of every import's
// start. The CLI's own imports of them get these same modules from Node's module cache; what was loaded is
// kept under a global symbol so a test can check that (tests/tooling/import-node-args.test.ts).
const PACKAGES = [
  'payload',
  '@payloadcms/richtext-lexical',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-mongodb',
  '@payloadcms/storage-s3',
  'sharp',
]

const modules = await Promise.all(PACKAGES.map((name) => import(name)))
globalThis[Symbol.for('cloudlex.packagesLoadedFirst')] = new Map(PACKAGES.map((name, index) => [name, modules[index]]))

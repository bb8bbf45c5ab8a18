// How Node runs the import CLI: `npm run import` (package.json) and everything that runs the CLI as a user
// would (the bench, the tests) pass these, then `--import tsx`, from the repository's root. V8 grows its
// heap lazily, to several times what the import keeps alive (one batch, the names of every term, the links
// still to complete): the cap holds the process near what it needs. The packages are loaded before tsx's
// hooks exist (load-packages-first.mjs). The tooling test checks that package.json's script passes the same.
// The young generation keeps V8's default size (16 MB semi-spaces under Node 20): doubling it
// (--max-semi-space-size=32) added 30 MB of peak memory to a 10,000-term import without saving CPU time.
export const IMPORT_NODE_ARGS = ['--max-old-space-size=384', '--import', './seed/cli/load-packages-first.mjs'] as const

// Run by import-node-args.test.ts with the import CLI's Node arguments: prints, for each package loaded
// before tsx's hooks, whether an import made through tsx gets that very module.
const loadedFirst = (globalThis as Record<symbol, unknown>)[Symbol.for('cloudlex.packagesLoadedFirst')] as
  Map<string, unknown> | undefined
const answer: Record<string, boolean> = {}
for (const [name, module] of loadedFirst ?? []) answer[name] = (await import(name)) === module
process.stdout.write(JSON.stringify(answer))

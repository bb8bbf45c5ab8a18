// The database connections this process opened, so that the server can close them when it stops. The
// adapter is created inside the app's bundles and the server runs outside them, with modules of its own:
// they meet through a global symbol, as src/shutdown/stopping.ts does.

/** What closing needs of an adapter: Payload's `destroy`, which every database adapter has. */
export type ClosableDatabase = { name: string; destroy?: () => Promise<void> }

const OPEN_DATABASES_KEY = Symbol.for('cloudlex.open-databases')

function openDatabases(): Set<ClosableDatabase> {
  const global = globalThis as { [OPEN_DATABASES_KEY]?: Set<ClosableDatabase> }
  global[OPEN_DATABASES_KEY] ??= new Set()
  return global[OPEN_DATABASES_KEY]
}

export function rememberOpenDatabase(database: ClosableDatabase): void {
  openDatabases().add(database)
}

/** Closes every database this process opened; resolves with the names of those it closed. */
export async function closeOpenDatabases(): Promise<string[]> {
  const databases = [...openDatabases()]
  openDatabases().clear()
  await Promise.all(databases.map((database) => database.destroy?.()))
  return databases.map((database) => database.name)
}

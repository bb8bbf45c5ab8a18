/**
 * Lets the event loop run. Awaiting a promise the SQLite client resolved at once does not: a long read
 * or write chain then runs as one turn, holding up every request and timer, and the native finalizers
 * that free SQLite's prepared statements only run between turns (a chain that never yields holds every
 * statement it ran).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

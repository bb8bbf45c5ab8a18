// The SQL statements one request runs, captured at the libsql client, and SQLite's plan for each: how many
// statements a read costs and which of them scan a table instead of using an index.
type Statement = { sql: string; args?: unknown }
type ExecuteInput = string | Statement
type Client = { execute: (input: ExecuteInput, ...rest: unknown[]) => Promise<{ rows: unknown[] }> }

export type StatementPlan = { sql: string; times: number; plan: string[] }

const asStatement = (input: ExecuteInput): Statement => (typeof input === 'string' ? { sql: input } : input)

/** Runs `work` while recording every statement sent through `client`. */
export async function captureStatements(client: Client, work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = []
  const execute = client.execute
  client.execute = (input, ...rest) => {
    statements.push(asStatement(input))
    return execute.call(client, input, ...rest)
  }
  try {
    await work()
  } finally {
    client.execute = execute
  }
  return statements
}

type PlanRow = { id: number; parent: number; detail: string }

async function planOf(client: Client, statement: Statement): Promise<string[]> {
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args as never })
  const depthOf = new Map<number, number>([[0, -1]])
  return (rows as unknown as PlanRow[]).map((row) => {
    const depth = (depthOf.get(row.parent) ?? 0) + 1
    depthOf.set(row.id, depth)
    return `${'  '.repeat(depth)}${row.detail}`
  })
}

/** One plan per distinct statement text, with how often the request ran it. */
export async function planStatements(client: Client, statements: Statement[]): Promise<StatementPlan[]> {
  const bySql = new Map<string, { statement: Statement; times: number }>()
  for (const statement of statements) {
    if (!/^\s*(select|with)\b/i.test(statement.sql)) continue
    const seen = bySql.get(statement.sql)
    if (seen) seen.times += 1
    else bySql.set(statement.sql, { statement, times: 1 })
  }
  const plans: StatementPlan[] = []
  for (const { statement, times } of bySql.values())
    plans.push({ sql: statement.sql, times, plan: await planOf(client, statement) })
  return plans
}

/** A plan line that reads a whole table without any index, or sorts rows no index keeps in order. */
export const needsIndex = (line: string) => /^\s*SCAN \S+$/.test(line) || /USE TEMP B-TREE/.test(line)

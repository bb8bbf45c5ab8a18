// The SQLite query plans of the queries the site, the API and the admin run most, in the shape Payload's
// SQLite adapter issues them (captured from the adapter: quoted table aliases, Payload's `created_at`
// tie-break on every sort, `latest` on the versions table for drafts). Arrays and relationships are read
// by parent id on indexes Payload declares itself; the values of hasMany text fields (aliases, pending
// related names, the audit log's changed fields) come from a correlated subquery per document, planned
// here because Payload's own index on those tables cannot serve it (src/db/child-row-indexes.ts).
// Run: `tsx bench/query-plans.ts <database file>`.
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'

type SqlValue = string | number

export type HotQuery = {
  name: string
  sql: string
  args: SqlValue[]
  /** A page of a sorted list: the index gives the order, so only the rows shown are read, never all matches. */
  pageAlongIndex: boolean
}

export type QueryPlan = HotQuery & { steps: string[] }

const TERM_COLUMNS = `"id", "title", "slug", "definition", "category_id", "difficulty", "_status", "updated_at"`
const DESK_COLUMNS = `"id", "parent_id", "version_title", "version_workflow_stage", "version_updated_at"`
const SOME_ID = '00000000-0000-4000-8000-000000000000'
const SOME_TIME = '2026-01-01T00:00:00.000Z'

/** The subquery Payload adds to a read for each document's hasMany text values. */
const textValuesOf = (table: string, alias: string) =>
  `(select coalesce(json_group_array(json_array("order", "path", "text")), json_array()) as "data" from (select * from "${table}_texts" "${alias}" where "${alias}"."parent_id" = "${table}"."id" order by "${alias}"."order" asc) "${alias}") as "_texts"`

export const HOT_QUERIES: HotQuery[] = [
  {
    name: 'term by slug (published)',
    sql: `select ${TERM_COLUMNS} from "terms" "terms" where ("terms"."slug" = ? and "terms"."_status" = ?) order by "terms"."title" asc, "terms"."created_at" desc limit ?`,
    args: ['cloudtrail', 'published', 1],
    pageAlongIndex: false,
  },
  {
    name: 'term by slug with its aliases (hasMany text values)',
    sql: `select ${TERM_COLUMNS}, ${textValuesOf('terms', 'terms__texts')} from "terms" "terms" where ("terms"."slug" = ? and "terms"."_status" = ?) order by "terms"."title" asc, "terms"."created_at" desc limit ?`,
    args: ['cloudtrail', 'published', 1],
    pageAlongIndex: false,
  },
  {
    name: 'latest versions with their names (import name lookup)',
    sql: `select "id", "parent_id", "version_title", "version_slug", ${textValuesOf('_terms_v', '_terms_v__texts')} from "_terms_v" "_terms_v" where ("_terms_v"."parent_id" in (?, ?) and "_terms_v"."latest" = ?) order by "_terms_v"."version_created_at" asc, "_terms_v"."created_at" desc limit ?`,
    args: [SOME_ID, SOME_ID, 1, 2],
    pageAlongIndex: false,
  },
  {
    name: 'audit entry with its changed fields',
    sql: `select "id", "action", "target_collection", "target_id", ${textValuesOf('audit_log', 'audit_log__texts')} from "audit_log" "audit_log" where "audit_log"."target_id" = ? order by "audit_log"."created_at" desc limit ?`,
    args: [SOME_ID, 10],
    pageAlongIndex: false,
  },
  {
    name: 'A–Z page for a letter',
    sql: `select ${TERM_COLUMNS} from "terms" "terms" where ("terms"."_status" = ? and "terms"."title" >= ? and "terms"."title" < ?) order by "terms"."title" asc, "terms"."created_at" desc limit ? offset ?`,
    args: ['published', 'C', 'D', 100, 0],
    pageAlongIndex: true,
  },
  {
    name: 'terms of a category page',
    sql: `select ${TERM_COLUMNS} from "terms" "terms" where ("terms"."category_id" = ? and "terms"."_status" = ?) order by "terms"."title" asc, "terms"."created_at" desc limit ? offset ?`,
    args: [SOME_ID, 'published', 100, 0],
    pageAlongIndex: true,
  },
  {
    name: 'terms updated since (feeds, change sync)',
    sql: `select ${TERM_COLUMNS} from "terms" "terms" where ("terms"."_status" = ? and "terms"."updated_at" > ?) order by "terms"."updated_at" desc, "terms"."created_at" desc limit ?`,
    args: ['published', SOME_TIME, 50],
    pageAlongIndex: true,
  },
  {
    name: 'latest draft of a term (edit view, draft reads)',
    sql: `select "id", "parent_id", "version_title", "version_slug", "version__status", "updated_at", "latest" from "_terms_v" "_terms_v" where ("_terms_v"."version__status" = ? and "_terms_v"."parent_id" = ? and ("_terms_v"."updated_at" > ? or "_terms_v"."latest" = ?)) order by "_terms_v"."updated_at" desc, "_terms_v"."created_at" desc limit ?`,
    args: ['draft', SOME_ID, SOME_TIME, 1, 1],
    pageAlongIndex: false,
  },
  {
    name: 'versions of a term (history)',
    sql: `select "id", "parent_id", "version__status", "updated_at", "latest" from "_terms_v" "_terms_v" where "_terms_v"."parent_id" = ? order by "_terms_v"."updated_at" desc, "_terms_v"."created_at" desc limit ?`,
    args: [SOME_ID, 10],
    pageAlongIndex: false,
  },
  {
    name: 'editorial desk: a stage, latest change first',
    sql: `select ${DESK_COLUMNS} from "_terms_v" "_terms_v" where ("_terms_v"."latest" = ? and "_terms_v"."version_workflow_stage" = ?) order by "_terms_v"."version_updated_at" desc, "_terms_v"."created_at" desc limit ?`,
    args: [1, 'in_review', 10],
    pageAlongIndex: true,
  },
  {
    name: 'editorial desk: my drafts',
    sql: `select ${DESK_COLUMNS} from "_terms_v" "_terms_v" where ("_terms_v"."latest" = ? and (("_terms_v"."version_created_by_id" = ? or "_terms_v"."version_assignee_id" = ?) and "_terms_v"."version_workflow_stage" in (?, ?))) order by "_terms_v"."version_updated_at" desc, "_terms_v"."created_at" desc limit ?`,
    args: [1, SOME_ID, SOME_ID, 'draft', 'changes_requested', 10],
    pageAlongIndex: false,
  },
  {
    name: 'admin term list, A–Z (list columns only)',
    sql: `select "id", "parent_id", "version_title", "version_category_id", "version_difficulty", "version_workflow_stage", "version_assignee_id", "version_updated_at" from "_terms_v" "_terms_v" where "_terms_v"."latest" = ? order by "_terms_v"."version_title" asc, "_terms_v"."created_at" desc limit ?`,
    args: [1, 10],
    pageAlongIndex: false,
  },
  {
    name: 'category by slug',
    sql: `select "id", "name", "slug" from "categories" "categories" where "categories"."slug" = ? order by "categories"."name" asc, "categories"."created_at" desc limit ?`,
    args: ['security', 1],
    pageAlongIndex: false,
  },
  {
    name: 'provider by slug',
    sql: `select "id", "name", "slug" from "providers" "providers" where "providers"."slug" = ? order by "providers"."display_order" asc, "providers"."created_at" desc limit ?`,
    args: ['aws', 1],
    pageAlongIndex: false,
  },
  {
    name: 'content changes since a time',
    sql: `select "id", "tags", "created_at" from "content_changes" "content_changes" where "content_changes"."created_at" > ? order by "content_changes"."created_at" asc limit ?`,
    args: ['2026-01-01T00:00:00.000Z', 500],
    pageAlongIndex: true,
  },
  {
    name: 'change feed: events after a position',
    sql: `select "id", "source_collection", "document_id", "event", "document_slug", "created_at" from "content_changes" "content_changes" where ("content_changes"."event" is not null and "content_changes"."created_at" <= ? and "content_changes"."created_at" >= ? and ("content_changes"."created_at" > ? or "content_changes"."id" > ?)) order by "content_changes"."created_at" asc, "content_changes"."id" asc limit ?`,
    args: [SOME_TIME, SOME_TIME, SOME_TIME, SOME_ID, 101],
    pageAlongIndex: true,
  },
  {
    name: 'change feed: where a new consumer’s log starts',
    sql: `select "id", "created_at" from "content_changes" "content_changes" where ("content_changes"."event" is not null and "content_changes"."created_at" <= ?) order by "content_changes"."created_at" desc, "content_changes"."id" desc limit ?`,
    args: [SOME_TIME, 1],
    pageAlongIndex: true,
  },
  {
    name: 'change feed: terms after an id (snapshot)',
    sql: `select "id", "slug", "updated_at", "_status" from "terms" "terms" where "terms"."id" > ? order by "terms"."id" asc, "terms"."created_at" desc limit ?`,
    args: [SOME_ID, 101],
    pageAlongIndex: true,
  },
]

/** Results of a subquery the plan builds first; reading one back ("SCAN terms__texts") reads no table. */
const subqueryResultsIn = (plan: QueryPlan): Set<string> =>
  new Set(plan.steps.flatMap((step) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(step)?.slice(1) ?? []))

/** Steps that read a whole table or a whole index ("SCAN terms", "SCAN terms USING INDEX …"). */
export const fullScansIn = (plan: QueryPlan): string[] => {
  const subqueryResults = subqueryResultsIn(plan)
  return plan.steps.filter((step) => step.startsWith('SCAN ') && !subqueryResults.has(step.slice('SCAN '.length)))
}

/** Steps that sort every matching row before the limit applies (the tie-break on equal keys is not one). */
export const fullSortsIn = (plan: QueryPlan): string[] =>
  plan.steps.filter((step) => step === 'USE TEMP B-TREE FOR ORDER BY')

export const usesAnIndex = (plan: QueryPlan): boolean =>
  plan.steps.some((step) => / USING (COVERING )?INDEX | USING (INTEGER )?PRIMARY KEY/.test(step))

export async function explainHotQueries(databaseFile: string, queries: HotQuery[] = HOT_QUERIES): Promise<QueryPlan[]> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const plans: QueryPlan[] = []
    for (const query of queries) {
      const result = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.args })
      plans.push({ ...query, steps: result.rows.map((row) => String(row.detail)) })
    }
    return plans
  } finally {
    client.close()
  }
}

export async function printQueryPlans(
  databaseFile: string,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<QueryPlan[]> {
  const plans = await explainHotQueries(databaseFile)
  for (const plan of plans) {
    const verdict = fullScansIn(plan).length > 0 ? 'SCANS A TABLE' : usesAnIndex(plan) ? 'index' : 'NO INDEX'
    write(`\n${plan.name}: ${verdict}\n  ${plan.sql}\n${plan.steps.map((step) => `    ${step}`).join('\n')}\n`)
  }
  return plans
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const databaseFile = process.argv[2]
  if (!databaseFile) {
    console.error('usage: tsx bench/query-plans.ts <SQLite database file>')
    process.exit(2)
  }
  await printQueryPlans(databaseFile)
}

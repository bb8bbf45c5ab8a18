// What a SQLite file must hold after a process writing it was killed at any point: a file SQLite finds
// sound, and every imported term entirely as one of its writes left it. A term is there with all of its
// use cases, FAQs, provider rows and links as its entry gives them, or not there at all; its latest
// version says what the term row says; and its versions, audit entries and content-changes rows tell
// the same history (each test says how, `HistoryRule`). Read with SQL on a connection of its own, as an
// operator would look, while no process writes the file.
import { createClient, type Client, type Row } from '@libsql/client'

import { slugify, type TermDocument } from '@/content-format'

/** What happened to one term, as its own rows tell it. */
export type TermHistory = {
  slug: string
  status: string
  versions: number
  audit: { action: string; note: string | null }[]
  /** The change-feed events recorded for the term (content-changes rows with an event). */
  events: string[]
}

/** Problems with a term's history, as a test expects it; empty when the history is right. */
export type HistoryRule = (history: TermHistory) => string[]

export type CrashCheck = {
  problems: string[]
  /** Terms, use cases and FAQs looked at. */
  documents: number
  /** Slugs of the expected entries stored. */
  storedSlugs: string[]
  /** How many of them are published. */
  published: number
  /** Term rows of any slug. */
  termRows: number
}

export type CrashCheckOptions = {
  /** The status each stored use case and FAQ must have. */
  childStatus: 'draft' | 'published'
  history: HistoryRule
  /** Every entry stored, every name linked: what a completed import leaves. */
  complete?: boolean
}

/** Drafts imported and never published, or published with one audit entry, one event and one more version. */
export const publishHistory: HistoryRule = ({ status, audit, events, versions }) => {
  const published = status === 'published' ? 1 : 0
  const count = (items: string[], value: string) => items.filter((item) => item === value).length
  const actions = audit.map((entry) => entry.action)
  const problems: string[] = []
  if (count(actions, 'create') !== 1) problems.push(`${count(actions, 'create')} audit create entries`)
  if (count(actions, 'publish') !== published)
    problems.push(`${status} with audit entries: ${actions.join(', ') || 'none'}`)
  if (count(events, 'published') !== published)
    problems.push(`${status} with change events: ${events.join(', ') || 'none'}`)
  if (versions !== 1 + published) problems.push(`${status} with ${versions} versions`)
  return problems
}

/** The seed of a test's kill points: CLOUDLEX_CRASH_SEED replays a run. */
export function crashSeed(): number {
  const setting = process.env.CLOUDLEX_CRASH_SEED
  return setting ? Number(setting) : Date.now() % 1_000_000
}

/** Rows grouped by a column, each group in the order the query gave. */
function groupBy(rows: Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = String(row[column])
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return groups
}

const textOf = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

type StoredRows = {
  terms: Row[]
  rels: Map<string, Row[]>
  texts: Map<string, Row[]>
  seeAlso: Map<string, Row[]>
  equivalents: Map<string, Row[]>
  useCases: Map<string, Row>
  faqs: Map<string, Row>
  versions: Map<string, Row[]>
  versionRels: Map<string, Row[]>
  versionTexts: Map<string, Row[]>
  versionSeeAlso: Map<string, Row[]>
  childVersions: Map<string, Row>
  audit: Map<string, Row[]>
  events: Map<string, Row[]>
}

const LATEST_VERSIONS = 'SELECT id FROM _terms_v WHERE latest = 1'

async function readStoredRows(client: Client): Promise<StoredRows> {
  const all = async (sql: string) => (await client.execute(sql)).rows
  const byId = (rows: Row[]) => new Map(rows.map((row) => [String(row.id), row]))
  return {
    terms: await all('SELECT id, slug, title, definition, analogy, difficulty, _status FROM terms'),
    rels: groupBy(
      await all(
        'SELECT parent_id, path, use_cases_id, faqs_id, terms_id FROM terms_rels ORDER BY parent_id, path, "order"',
      ),
      'parent_id',
    ),
    texts: groupBy(
      await all(
        `SELECT parent_id, text FROM terms_texts WHERE path = 'pendingRelatedTerms' ORDER BY parent_id, "order"`,
      ),
      'parent_id',
    ),
    seeAlso: groupBy(
      await all('SELECT _parent_id, term_id, label FROM terms_see_also ORDER BY _parent_id, _order'),
      '_parent_id',
    ),
    equivalents: groupBy(
      await all('SELECT _parent_id, service FROM terms_provider_equivalents ORDER BY _parent_id, _order'),
      '_parent_id',
    ),
    useCases: byId(await all('SELECT id, organization, scenario, _status FROM use_cases')),
    faqs: byId(await all('SELECT id, question, _status FROM faqs')),
    versions: groupBy(
      await all('SELECT id, parent_id, latest, version__status, version_title, version_definition FROM _terms_v'),
      'parent_id',
    ),
    versionRels: groupBy(
      await all(
        `SELECT parent_id, path, use_cases_id, faqs_id, terms_id FROM _terms_v_rels WHERE parent_id IN (${LATEST_VERSIONS}) ORDER BY parent_id, path, "order"`,
      ),
      'parent_id',
    ),
    versionTexts: groupBy(
      await all(
        `SELECT parent_id, text FROM _terms_v_texts WHERE path = 'version.pendingRelatedTerms' AND parent_id IN (${LATEST_VERSIONS}) ORDER BY parent_id, "order"`,
      ),
      'parent_id',
    ),
    versionSeeAlso: groupBy(
      await all(
        `SELECT _parent_id, term_id, label FROM _terms_v_version_see_also WHERE _parent_id IN (${LATEST_VERSIONS}) ORDER BY _parent_id, _order`,
      ),
      '_parent_id',
    ),
    childVersions: byId(
      await all(`SELECT parent_id AS id, sum(latest = 1) AS latest FROM (
        SELECT parent_id, latest FROM _use_cases_v UNION ALL SELECT parent_id, latest FROM _faqs_v) GROUP BY parent_id`),
    ),
    audit: groupBy(
      await all(`SELECT target_id, action, note FROM audit_log WHERE target_collection = 'terms' ORDER BY created_at`),
      'target_id',
    ),
    events: groupBy(
      await all(
        `SELECT document_id, event FROM content_changes WHERE source_collection = 'terms' AND event IS NOT NULL ORDER BY created_at`,
      ),
      'document_id',
    ),
  }
}

/** The link lists of a term row or of a version row, comparable as one string. */
function linkLists(rels: Row[] = [], pending: Row[] = [], seeAlso: Row[] = [], pathPrefix = ''): string {
  const ids = (path: string, column: string) =>
    rels.filter((row) => row.path === `${pathPrefix}${path}`).map((row) => String(row[column]))
  return JSON.stringify({
    useCases: ids('useCases', 'use_cases_id'),
    faqs: ids('faqs', 'faqs_id'),
    relatedTerms: ids('relatedTerms', 'terms_id'),
    pending: pending.map((row) => textOf(row.text)),
    seeAlso: seeAlso.map((row) => [textOf(row.term_id), textOf(row.label)]),
  })
}

type TermContext = {
  entry: TermDocument
  term: Row
  stored: StoredRows
  slugOfId: Map<string, string>
  options: CrashCheckOptions
}

function fieldProblems({ entry, term }: TermContext): string[] {
  const expected = {
    title: entry.title,
    definition: entry.definition,
    analogy: entry.analogy,
    difficulty: entry.difficulty,
  }
  return Object.entries(expected).flatMap(([field, value]) =>
    textOf(term[field]) === (value ?? null)
      ? []
      : [`${field} is ${JSON.stringify(term[field])}, not ${JSON.stringify(value)}`],
  )
}

function childProblems({ entry, term, stored, options }: TermContext): { problems: string[]; documents: number } {
  const rels = stored.rels.get(String(term.id)) ?? []
  const problems: string[] = []
  let documents = 0
  const check = (
    kind: 'useCases' | 'faqs',
    column: string,
    table: Map<string, Row>,
    same: (row: Row, index: number) => boolean,
  ) => {
    const ids = rels.filter((row) => row.path === kind).map((row) => String(row[column]))
    if (ids.length !== entry[kind].length)
      problems.push(`${ids.length} ${kind} linked, the entry has ${entry[kind].length}`)
    for (const [index, id] of ids.entries()) {
      const row = table.get(id)
      documents += 1
      if (!row) {
        problems.push(`${kind}[${index}] ${id} does not exist`)
        continue
      }
      if (!same(row, index)) problems.push(`${kind}[${index}] is not the entry’s`)
      if (row._status !== options.childStatus)
        problems.push(`${kind}[${index}] is ${String(row._status)}, not ${options.childStatus}`)
      if (Number(stored.childVersions.get(id)?.latest ?? 0) !== 1)
        problems.push(`${kind}[${index}] has no single latest version`)
    }
  }
  check('useCases', 'use_cases_id', stored.useCases, (row, index) => {
    const useCase = entry.useCases[index]
    return row.organization === useCase?.organization && row.scenario === useCase?.scenario
  })
  check('faqs', 'faqs_id', stored.faqs, (row, index) => row.question === entry.faqs[index]?.question)
  const services = (stored.equivalents.get(String(term.id)) ?? []).map((row) => textOf(row.service))
  const expectedServices = entry.providerEquivalents.map(({ service }) => service)
  if (JSON.stringify(services) !== JSON.stringify(expectedServices))
    problems.push(`provider services ${JSON.stringify(services)}`)
  return { problems, documents }
}

/** Related terms and see-also rows: each name linked to its term, or still waiting as written. */
function linkProblems({ entry, term, stored, slugOfId, options }: TermContext): string[] {
  const problems: string[] = []
  const id = String(term.id)
  const pending = (stored.texts.get(id) ?? []).map((row) => textOf(row.text))
  const related = (stored.rels.get(id) ?? [])
    .filter((row) => row.path === 'relatedTerms')
    .map((row) => slugOfId.get(String(row.terms_id)))
  const expected = entry.relatedTerms.map(slugify)
  if (pending.length > 0) {
    if (JSON.stringify(pending) !== JSON.stringify(entry.relatedTerms))
      problems.push(`waiting related names ${JSON.stringify(pending)}`)
    if (related.some((slug) => !slug || !expected.includes(slug)))
      problems.push(`related terms ${JSON.stringify(related)} are not the entry’s`)
    if (options.complete) problems.push('related names still waiting after a completed import')
  } else if (JSON.stringify(related) !== JSON.stringify(expected)) {
    problems.push(`related terms ${JSON.stringify(related)}, expected ${JSON.stringify(expected)}`)
  }
  const seeAlso = stored.seeAlso.get(id) ?? []
  if (seeAlso.length !== entry.seeAlso.length)
    problems.push(`${seeAlso.length} see-also rows, the entry has ${entry.seeAlso.length}`)
  seeAlso.forEach((row, index) => {
    const name = entry.seeAlso[index]!
    const linked = row.term_id !== null && slugOfId.get(String(row.term_id)) === slugify(name)
    const waiting = row.term_id === null && row.label === name
    if (!linked && !waiting) problems.push(`see-also[${index}] is neither ${name} nor waiting for it`)
    if (waiting && options.complete)
      problems.push(`see-also[${index}] still waits for ${name} after a completed import`)
  })
  return problems
}

/** The latest version is the term as stored: same status, fields and lists. */
function versionProblems({ term, stored }: TermContext): string[] {
  const id = String(term.id)
  const latest = (stored.versions.get(id) ?? []).filter((version) => Number(version.latest) === 1)
  if (latest.length !== 1) return [`${latest.length} latest versions`]
  const version = latest[0]!
  const problems: string[] = []
  if (version.version__status !== term._status)
    problems.push(`latest version is ${String(version.version__status)}, the term ${String(term._status)}`)
  if (version.version_title !== term.title || version.version_definition !== term.definition)
    problems.push('latest version’s title or definition differs')
  const versionId = String(version.id)
  const ofTerm = linkLists(stored.rels.get(id), stored.texts.get(id), stored.seeAlso.get(id))
  const ofVersion = linkLists(
    stored.versionRels.get(versionId),
    stored.versionTexts.get(versionId),
    stored.versionSeeAlso.get(versionId),
    'version.',
  )
  if (ofTerm !== ofVersion) problems.push(`latest version’s lists ${ofVersion} differ from the term’s ${ofTerm}`)
  return problems
}

function historyOf({ term, stored }: TermContext): TermHistory {
  const id = String(term.id)
  return {
    slug: String(term.slug),
    status: String(term._status),
    versions: (stored.versions.get(id) ?? []).length,
    audit: (stored.audit.get(id) ?? []).map((row) => ({ action: String(row.action), note: textOf(row.note) })),
    events: (stored.events.get(id) ?? []).map((row) => String(row.event)),
  }
}

/** Rows that belong to no document: what a write cut in half outside its transaction would leave. */
function orphanProblems(stored: StoredRows): string[] {
  const termIds = new Set(stored.terms.map((term) => String(term.id)))
  const linked = new Set(
    [...stored.rels.values()].flat().flatMap((row) => [textOf(row.use_cases_id), textOf(row.faqs_id)]),
  )
  const problems: string[] = []
  const unlinked = [...stored.useCases.keys(), ...stored.faqs.keys()].filter((id) => !linked.has(id))
  if (unlinked.length > 0) problems.push(`${unlinked.length} use cases or FAQs no term links to`)
  const versionsWithoutTerm = [...stored.versions.keys()].filter((id) => !termIds.has(id))
  if (versionsWithoutTerm.length > 0) problems.push(`versions of ${versionsWithoutTerm.length} terms that do not exist`)
  const auditWithoutTerm = [...stored.audit.keys()].filter((id) => !termIds.has(id))
  if (auditWithoutTerm.length > 0) problems.push(`audit entries for ${auditWithoutTerm.length} terms that do not exist`)
  const eventsWithoutTerm = [...stored.events.keys()].filter((id) => !termIds.has(id))
  if (eventsWithoutTerm.length > 0)
    problems.push(`content-changes rows for ${eventsWithoutTerm.length} terms that do not exist`)
  return problems
}

export async function sqliteIntegrity(client: Client): Promise<string[]> {
  const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]))
  const foreignKeys = (await client.execute('PRAGMA foreign_key_check')).rows
  return [
    ...(integrity.join() === 'ok' ? [] : integrity.map((line) => `integrity_check: ${line}`)),
    ...foreignKeys.map(
      (row) => `foreign_key_check: ${row.table} row ${String(row.rowid)} points at a missing ${row.parent}`,
    ),
  ]
}

/** Checks the file as described at the top against `entries`, the glossary the writes came from. */
export async function checkAfterCrash(
  databaseFile: string,
  entries: TermDocument[],
  options: CrashCheckOptions,
): Promise<CrashCheck> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const problems = await sqliteIntegrity(client)
    const stored = await readStoredRows(client)
    const slugOfId = new Map(stored.terms.map((term) => [String(term.id), String(term.slug)]))
    const termBySlug = new Map(stored.terms.map((term) => [String(term.slug), term]))
    problems.push(...orphanProblems(stored))
    let documents = 0
    let published = 0
    const storedSlugs: string[] = []
    for (const entry of entries) {
      const term = termBySlug.get(entry.slug)
      if (!term) {
        if (options.complete) problems.push(`${entry.slug}: missing after a completed import`)
        continue
      }
      storedSlugs.push(entry.slug)
      if (term._status === 'published') published += 1
      const context = { entry, term, stored, slugOfId, options }
      const children = childProblems(context)
      documents += 1 + children.documents
      const termProblems = [
        ...fieldProblems(context),
        ...children.problems,
        ...linkProblems(context),
        ...versionProblems(context),
        ...options.history(historyOf(context)),
      ]
      problems.push(...termProblems.map((problem) => `${entry.slug}: ${problem}`))
    }
    return { problems, documents, storedSlugs, published, termRows: stored.terms.length }
  } finally {
    client.close()
  }
}

/** A check's problems, at most `limit` of them, for a failure message. */
export function describeProblems(check: CrashCheck, limit = 20): string {
  const shown = check.problems.slice(0, limit).join('\n')
  return check.problems.length > limit ? `${shown}\n… and ${check.problems.length - limit} more` : shown
}

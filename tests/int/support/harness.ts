// The integration harness. Every integration file runs against a Payload of its own, on the fresh temporary
// SQLite database tests/int/support/setup-database.ts gives the file, and sets its scene through here: staff
// users per role, terms in a given stage, releases and schedules, calls made as a user with access control
// on, and the error a refused call throws.
import path from 'node:path'

import config from '@payload-config'
import { createLocalReq, getAccessResults, getPayload, type Payload } from 'payload'

import type { Role } from '@/access/roles'
import { readTermFiles } from '@/content-format/read-term-files'
import type { TermDocument } from '@/content-format/types'
import { seedProviders } from '@/first-start/seed-providers'
import type { Category, Release, Term, User } from '@/payload-types'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
export const SEED_DIR = path.join(REPO_ROOT, 'seed')

/** Payload on this test file's own database (keyed by it, since Payload caches instances per process). */
export function getTestPayload(): Promise<Payload> {
  return getPayload({ config, key: process.env.DATABASE_URI })
}

let userCounter = 0

/** The password of every user createStaffUser makes. */
export const STAFF_PASSWORD = 'correct-horse-battery-staple'

/** A user with exactly this role (the very first account of a database would otherwise become admin). */
export async function createStaffUser(payload: Payload, role: Role): Promise<User> {
  userCounter += 1
  const user = await payload.create({
    collection: 'users',
    data: { email: `${role}-${userCounter}@test.cloudlex`, password: STAFF_PASSWORD, role },
  })
  if (user.role === role) return user
  return payload.update({ collection: 'users', id: user.id, data: { role } })
}

/** One new user per role asked for, created in the order given. */
export async function createStaffUsers<R extends Role>(
  payload: Payload,
  roles: readonly R[],
): Promise<Record<R, User>> {
  const users = {} as Record<R, User>
  for (const role of roles) users[role] = await createStaffUser(payload, role)
  return users
}

/** Local API options for a call made by this user, with access control on as for a request of theirs. */
export function as(user: User) {
  return { user, overrideAccess: false } as const
}

/** The error a refused call throws; fails when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the operation to be refused')
}

/** The status and message of the error a refused call throws; fails when the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = (await refusal(promise)) as Error & { status: number }
  return { status: error.status, message: error.message }
}

/** Setting a scene is no part of the audit trail. */
export const QUIET = { context: { skipAudit: true }, depth: 0 } as const

export type QuietTermData = {
  title: string
  category: Category
  definition?: string
  status?: 'published' | 'draft'
} & Record<string, unknown>

/** A term the server itself writes (no user, outside the audit trail): published unless asked for a draft. */
export function createTermQuietly(
  payload: Payload,
  { title, category, definition = `${title} defined.`, status = 'published', ...fields }: QuietTermData,
): Promise<Term> {
  return payload.create({
    collection: 'terms',
    data: {
      title,
      definition,
      category: category.id,
      difficulty: 'beginner',
      ...fields,
      _status: status,
    } as never,
    draft: status === 'draft',
    ...QUIET,
  })
}

export type DraftTermData = { title: string; category: Category; definition?: string }

/** A new draft term written by `by`, with access control on. */
export function createDraftTerm(
  payload: Payload,
  by: User,
  { title, category, definition = `${title} explained.` }: DraftTermData,
): Promise<Term> {
  return payload.create({
    collection: 'terms',
    data: { title, definition, category: category.id, difficulty: 'beginner' },
    draft: true,
    ...as(by),
  })
}

/** A save of a term's draft by `by`, with access control on, as the admin's Save button makes it. */
export function updateDraftTerm(
  payload: Payload,
  term: Pick<Term, 'id'>,
  data: Partial<Term>,
  by: User,
): Promise<Term> {
  return payload.update({ collection: 'terms', id: term.id, data, draft: true, ...as(by) })
}

/** Moves a draft term to another workflow stage as `by` would. */
export function moveTermTo(
  payload: Payload,
  term: Pick<Term, 'id'>,
  workflowStage: 'in_review' | 'approved',
  by: User,
): Promise<Term> {
  return updateDraftTerm(payload, term, { workflowStage }, by)
}

/** A draft term its author wrote and submitted, and a reviewer approved (revision 3, approved at 3). */
export async function createApprovedTerm(
  payload: Payload,
  { author, reviewer }: { author: User; reviewer: User },
  data: DraftTermData,
): Promise<Term> {
  const term = await createDraftTerm(payload, author, data)
  await moveTermTo(payload, term, 'in_review', author)
  return moveTermTo(payload, term, 'approved', reviewer)
}

export type ReleaseDocument = NonNullable<Release['items']>[number]['document']

/** A release of these documents made by `by`, with access control on; scheduled when `publishAt` is given. */
export function createRelease(
  payload: Payload,
  by: User,
  { name, documents, publishAt }: { name: string; documents: ReleaseDocument[]; publishAt?: Date },
): Promise<Release> {
  return payload.create({
    collection: 'releases',
    data: {
      name,
      items: documents.map((document) => ({ document })),
      ...(publishAt && { publishAt: publishAt.toISOString() }),
    },
    ...as(by),
  })
}

/** The job Payload's Schedule dialog queues: `by` publishes or unpublishes `term` at `waitUntil`. */
export function queueSchedule(
  payload: Payload,
  term: Pick<Term, 'id'>,
  type: 'publish' | 'unpublish',
  by: Pick<User, 'id'>,
  waitUntil: Date,
) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    input: { type, doc: { relationTo: 'terms', value: term.id }, user: { relationTo: 'users', value: by.id } },
    waitUntil,
  })
}

/** What Payload's admin server functions (the Schedule dialog's, say) receive for this signed-in user. */
export async function adminPanelArgs(payload: Payload, user: User) {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  return {
    req,
    user: req.user!,
    permissions: await getAccessResults({ req }),
    cookies: new Map<string, string>(),
    locale: undefined,
    importMap: {},
  }
}

/** Sets these environment variables, and removes those given as undefined. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else Object.assign(process.env, { [key]: value })
  }
}

/** A rich-text value of one paragraph, as the admin's editor stores it. */
export function richTextParagraph(text: string) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '' as const,
      indent: 0,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }],
    },
  }
}

export async function readSeedDocuments(): Promise<TermDocument[]> {
  const files = await readTermFiles([path.join(SEED_DIR, 'terms')])
  return files.map(({ file, result }) => {
    if (!result.ok) throw new Error(`${file} does not parse: ${JSON.stringify(result.problems)}`)
    return result.document
  })
}

export async function seedProvidersForTest(payload: Payload): Promise<void> {
  await seedProviders(payload, SEED_DIR)
}

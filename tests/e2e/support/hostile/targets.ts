// The accounts and documents the hostile run attacks, created through REST, and snapshots of those
// documents (live, latest draft, version count) read as the admin to prove refused writes changed nothing.
import type { APIRequestContext } from '@playwright/test'

import { adminToken, ensureStaffUser, staffToken } from '../staff'
import { DRAFT_MARKER, type WriteTargets } from './cases'

export const HOSTILE_ACCOUNTS = {
  author: 'hostile-author@test.cloudlex',
  owner: 'hostile-owner@test.cloudlex',
  reviewer: 'hostile-reviewer@test.cloudlex',
}

export interface HostileSession {
  adminToken: string
  tokens: { author: string; reviewer: string }
  targets: WriteTargets
  /** Collection of every target id, for reading it back. */
  collections: Map<string, string>
}

async function created(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<string> {
  if (response.status() !== 201)
    throw new Error(`could not create ${what}: ${response.status()} ${await response.text()}`)
  return String(((await response.json()) as { doc: { id: string | number } }).doc.id)
}

export async function prepareHostileSession(request: APIRequestContext): Promise<HostileSession> {
  const admin = await adminToken(request)
  await ensureStaffUser(request, 'author', HOSTILE_ACCOUNTS.author)
  await ensureStaffUser(request, 'author', HOSTILE_ACCOUNTS.owner)
  await ensureStaffUser(request, 'reviewer', HOSTILE_ACCOUNTS.reviewer)
  const owner = await staffToken(request, HOSTILE_ACCOUNTS.owner)
  const as = (token: string) => ({ Authorization: `JWT ${token}` })
  const categories = (await (await request.get('/api/categories?limit=1')).json()) as { docs: { id: string }[] }
  const category = categories.docs[0]!.id
  const stamp = Date.now().toString(36)

  const publishedTerm = await created(
    await request.post('/api/terms', {
      headers: as(admin),
      data: {
        title: `Hostile Published ${stamp}`,
        definition: 'A live term the hostile suite attacks.',
        category,
        difficulty: 'beginner',
        _status: 'published',
      },
    }),
    'the published target term',
  )
  // A pending draft over the live version: its text must never reach an anonymous caller.
  await request.patch(`/api/terms/${publishedTerm}?draft=true`, {
    headers: as(admin),
    data: { definition: `Unpublished edit ${DRAFT_MARKER}.` },
  })
  const othersDraftTerm = await created(
    await request.post('/api/terms?draft=true', {
      headers: as(owner),
      data: {
        title: `Hostile Draft ${stamp}`,
        definition: `A draft ${DRAFT_MARKER}.`,
        category,
        difficulty: 'advanced',
        _status: 'draft',
      },
    }),
    "the owning author's draft term",
  )
  const othersUseCase = await created(
    await request.post('/api/use-cases?draft=true', {
      headers: as(owner),
      data: {
        organization: `Hostile Org ${stamp}`,
        scenario: `Scenario ${DRAFT_MARKER}`,
        solution: 'A solution.',
        _status: 'draft',
      },
    }),
    "the owning author's use case",
  )
  return {
    adminToken: admin,
    tokens: {
      author: await staffToken(request, HOSTILE_ACCOUNTS.author),
      reviewer: await staffToken(request, HOSTILE_ACCOUNTS.reviewer),
    },
    targets: { publishedTerm, othersDraftTerm, othersUseCase },
    collections: new Map([
      [publishedTerm, 'terms'],
      [othersDraftTerm, 'terms'],
      [othersUseCase, 'use-cases'],
    ]),
  }
}

async function readAsAdmin(baseURL: string, token: string, path: string): Promise<string> {
  const response = await fetch(new URL(path, baseURL), {
    headers: { Authorization: `JWT ${token}` },
    signal: AbortSignal.timeout(20_000),
  })
  return `${response.status} ${await response.text()}`
}

/** Live document, latest draft and number of versions of every target, as one comparable string each. */
export async function snapshotTargets(baseURL: string, session: HostileSession): Promise<Map<string, string>> {
  const snapshots = new Map<string, string>()
  for (const [id, collection] of session.collections) {
    const parts = await Promise.all([
      readAsAdmin(baseURL, session.adminToken, `/api/${collection}/${id}?depth=0`),
      readAsAdmin(baseURL, session.adminToken, `/api/${collection}/${id}?depth=0&draft=true`),
      readAsAdmin(
        baseURL,
        session.adminToken,
        `/api/${collection}/versions?where[parent][equals]=${id}&limit=1&depth=0`,
      ).then((text) => text.replace(/"docs":\[.*\],"hasNextPage"/s, '"hasNextPage"')),
    ])
    snapshots.set(id, parts.join('\n'))
  }
  return snapshots
}

export function changedTargets(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((id) => before.get(id) !== after.get(id))
}

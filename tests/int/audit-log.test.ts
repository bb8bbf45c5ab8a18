// The audit trail: what it records for content changes and sign-ins, that no one can alter it, that a
// change it cannot record does not happen, and its export. Local API with real users where access
// matters; the REST and GraphQL routes through Payload's Next.js handlers.
import { randomUUID } from 'node:crypto'

import config from '@payload-config'
import { GRAPHQL_POST, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload, Where } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { AuditLog as AuditLogCollection } from '@/collections/AuditLog'
import { CLIENT_ADDRESS_HEADER } from '@/http/client-address-header'
import type { AuditLog, Category, Term, User } from '@/payload-types'

import {
  as,
  createDraftTerm,
  createStaffUser,
  createStaffUsers,
  getTestPayload,
  STAFF_PASSWORD,
  updateDraftTerm,
} from './support/harness'

let payload: Payload
let admin: User
let editor: User
let author: User
let category: Category

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ admin, editor, author } = await createStaffUsers(payload, ['admin', 'editor', 'author']))
  category = await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' } })
})

afterEach(() => {
  vi.restoreAllMocks()
})

async function auditEntries(where: Where): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where,
    sort: 'createdAt',
    depth: 0,
    pagination: false,
  })
  return docs
}

const entriesFor = (targetId: string, action?: AuditLog['action']) =>
  auditEntries({ and: [{ targetId: { equals: targetId } }, ...(action ? [{ action: { equals: action } }] : [])] })

/** Makes every write of an audit entry fail, as a full disk or a broken table would. */
function failAuditWrites(): void {
  const create = payload.db.create.bind(payload.db)
  vi.spyOn(payload.db, 'create').mockImplementation(((options: Parameters<Payload['db']['create']>[0]) =>
    options.collection === 'audit-log'
      ? Promise.reject(new Error('audit log unavailable'))
      : create(options)) as Payload['db']['create'])
}

async function signIn(user: User): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: STAFF_PASSWORD } })
  if (!token) throw new Error('login returned no token')
  return token
}

// Payload's REST and GraphQL routes as src/app/(payload)/api mounts them.
const restPost = REST_POST(config)
const restPatch = REST_PATCH(config)
const restGet = REST_GET(config)
const graphqlPost = GRAPHQL_POST(config)

function restRequest(
  handler: typeof restPost,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL(path, 'http://localhost')
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  return handler(
    new Request(url, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
    { params: Promise.resolve({ slug }) },
  )
}

describe('content changes', () => {
  let term: Term

  it('creating a term records who created which document', async () => {
    term = await createDraftTerm(payload, admin, { title: 'Object Storage', category })
    const entries = await entriesFor(term.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'create',
      actorType: 'user',
      actor: admin.id,
      actorLabel: admin.email,
      targetCollection: 'terms',
      targetId: term.id,
      targetTitle: 'Object Storage',
    })
  })

  it('editing a term records the names of the fields that changed', async () => {
    await updateDraftTerm(payload, term, { definition: 'Stores data as objects in buckets.' }, admin)
    const entries = await entriesFor(term.id, 'update')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: admin.id, targetTitle: 'Object Storage', changedFields: ['definition'] })
  })

  it('publishing a term records one publish entry', async () => {
    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...as(admin) })
    const entries = await entriesFor(term.id, 'publish')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: admin.id, targetCollection: 'terms', targetTitle: 'Object Storage' })
    expect(entries[0]?.changedFields ?? []).not.toContain('_status')
  })

  it('deleting a term records its id and title', async () => {
    await payload.delete({ collection: 'terms', id: term.id, ...as(admin) })
    const entries = await entriesFor(term.id, 'delete')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: admin.id, actorLabel: admin.email, targetTitle: 'Object Storage' })
    expect((await entriesFor(term.id)).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'publish', 'delete']),
    )
  })

  it('a draft saved over a published term is not an unpublish; taking the live term down is', async () => {
    const live = await createDraftTerm(payload, admin, { title: 'Block Storage', category })
    await payload.update({ collection: 'terms', id: live.id, data: { _status: 'published' }, ...as(admin) })

    await updateDraftTerm(payload, live, { definition: 'A rewrite, not yet published.' }, admin)
    expect(await entriesFor(live.id, 'unpublish')).toEqual([])
    const edits = (await entriesFor(live.id)).filter((entry) => entry.changedFields?.includes('definition'))
    expect(edits).toHaveLength(1)

    await payload.update({ collection: 'terms', id: live.id, data: { _status: 'draft' }, ...as(admin) })
    expect(await entriesFor(live.id, 'unpublish')).toHaveLength(1)
  })

  it('records a move to another workflow stage with where it came from', async () => {
    const term = await createDraftTerm(payload, author, { title: 'File Storage', category })
    await updateDraftTerm(payload, term, { workflowStage: 'in_review' }, author)
    const entries = await entriesFor(term.id, 'stage-change')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: author.id, note: 'draft → in_review' })
  })

  it('saving a draft with nothing changed records nothing', async () => {
    const term = await createDraftTerm(payload, admin, { title: 'Cold Storage', category })
    await updateDraftTerm(payload, term, {}, admin)
    expect((await entriesFor(term.id)).map((entry) => entry.action)).toEqual(['create'])
  })

  it('records a write by the server itself, without a user, as the system', async () => {
    const created = await payload.create({ collection: 'categories', data: { name: 'Networking', slug: 'networking' } })
    const [entry] = await entriesFor(created.id)
    expect(entry).toMatchObject({
      action: 'create',
      actorType: 'system',
      actorLabel: 'system',
      targetTitle: 'Networking',
    })
    expect(entry?.actor ?? null).toBeNull()
  })

  it('leaves out writes marked as part of an action already recorded', async () => {
    const created = await payload.create({
      collection: 'categories',
      data: { name: 'Internal', slug: 'internal' },
      context: { skipAudit: true },
    })
    expect(await entriesFor(created.id)).toEqual([])
  })
})

describe('user accounts', () => {
  it('records a password change by name only, never the password or its hash', async () => {
    const user = await createStaffUser(payload, 'reviewer')
    const newPassword = 'another-secret-passphrase-42'
    await payload.update({ collection: 'users', id: user.id, data: { name: 'Rita Reviewer', password: newPassword } })

    const [entry] = await entriesFor(user.id, 'update')
    expect(entry?.changedFields?.slice().sort()).toEqual(['name', 'password'])
    const stored = await payload.db.findOne<{ id: string; hash: string; salt: string }>({
      collection: 'users',
      where: { id: { equals: user.id } },
    })
    const everything = JSON.stringify(await entriesFor(user.id))
    for (const secret of [newPassword, STAFF_PASSWORD, stored?.hash, stored?.salt]) {
      expect(secret).toBeTruthy()
      expect(everything).not.toContain(secret)
    }
    expect(everything).not.toMatch(/"(hash|salt)"/)
  })

  it('names a new or cleared API key, never the key, and names nothing when the same key is saved again', async () => {
    const key = randomUUID()
    const client = await payload.create({
      collection: 'api-clients',
      data: { name: 'Portal', owner: 'Docs team', scope: 'published', apiKey: key, enableAPIKey: true },
    })
    await payload.update({ collection: 'api-clients', id: client.id, data: { apiKey: key, owner: 'Docs team (Rita)' } })
    const replacement = randomUUID()
    await payload.update({ collection: 'api-clients', id: client.id, data: { apiKey: replacement } })
    await payload.update({ collection: 'api-clients', id: client.id, data: { apiKey: null } })

    const updates = await entriesFor(client.id, 'update')
    expect(updates.map((entry) => entry.changedFields)).toEqual([['owner'], ['apiKey'], ['apiKey']])
    const everything = JSON.stringify(await entriesFor(client.id))
    for (const secret of [key, replacement]) expect(everything).not.toContain(secret)
  })

  it('records deleting an account', async () => {
    const user = await createStaffUser(payload, 'author')
    await payload.delete({ collection: 'users', id: user.id, ...as(admin) })
    expect(await entriesFor(user.id, 'delete')).toEqual([
      expect.objectContaining({ actor: admin.id, targetCollection: 'users', targetTitle: user.email }),
    ])
  })
})

describe('who can read and change the audit log', () => {
  it('lets admins read it', async () => {
    const { totalDocs } = await payload.find({ collection: 'audit-log', ...as(admin) })
    expect(totalDocs).toBeGreaterThan(0)
  })

  it('lets admins search it as the list view’s search box does', async () => {
    const searchable = AuditLogCollection.admin?.listSearchableFields ?? []
    const where: Where = { or: searchable.map((field) => ({ [field]: { like: 'storag' } })) }
    const { docs } = await payload.find({ collection: 'audit-log', where, pagination: false, ...as(admin) })
    expect(docs.map((entry) => entry.targetTitle)).toContain('Storage')
  })

  it('refuses reading to editors, authors and anonymous visitors', async () => {
    await expect(payload.find({ collection: 'audit-log', ...as(editor) })).rejects.toThrow()
    await expect(payload.find({ collection: 'audit-log', ...as(author) })).rejects.toThrow()
    await expect(payload.find({ collection: 'audit-log', overrideAccess: false })).rejects.toThrow()
    const [entry] = await auditEntries({})
    await expect(payload.findByID({ collection: 'audit-log', id: entry!.id, ...as(editor) })).rejects.toThrow()
  })

  it.each(['admin', 'editor'] as const)('refuses a(n) %s creating, editing or deleting an entry', async (role) => {
    const user = role === 'admin' ? admin : editor
    const [entry] = await auditEntries({})
    await expect(
      payload.create({
        collection: 'audit-log',
        data: { action: 'login', actorType: 'system', actorLabel: 'forged' },
        ...as(user),
      }),
    ).rejects.toThrow()
    await expect(
      payload.update({ collection: 'audit-log', id: entry!.id, data: { actorLabel: 'someone else' }, ...as(user) }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'audit-log',
        where: { id: { exists: true } },
        data: { note: 'rewritten' },
        ...as(user),
      }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'audit-log', id: entry!.id, ...as(user) })).rejects.toThrow()

    expect(await payload.findByID({ collection: 'audit-log', id: entry!.id, depth: 0 })).toEqual(entry)
    expect(await auditEntries({ actorLabel: { equals: 'forged' } })).toEqual([])
    expect(await auditEntries({ note: { equals: 'rewritten' } })).toEqual([])
  })
})

describe('a change that cannot be recorded', () => {
  it('fails, and the term keeps its definition', async () => {
    const term = await createDraftTerm(payload, admin, { title: 'Archive Storage', category })
    failAuditWrites()
    await expect(updateDraftTerm(payload, term, { definition: 'An unrecorded rewrite.' }, admin)).rejects.toThrow(
      'audit log unavailable',
    )
    vi.restoreAllMocks()

    const latest = await payload.findByID({ collection: 'terms', id: term.id, draft: true, depth: 0 })
    expect(latest.definition).toBe('Archive Storage explained.')
    const { totalDocs: versions } = await payload.countVersions({
      collection: 'terms',
      where: { parent: { equals: term.id } },
    })
    expect(versions).toBe(1)
    expect((await entriesFor(term.id)).map((entry) => entry.action)).toEqual(['create'])
  })

  it('fails, and no document is created', async () => {
    failAuditWrites()
    await expect(
      payload.create({ collection: 'categories', data: { name: 'Unrecorded', slug: 'unrecorded' }, ...as(admin) }),
    ).rejects.toThrow('audit log unavailable')
    vi.restoreAllMocks()
    const { totalDocs } = await payload.count({ collection: 'categories', where: { slug: { equals: 'unrecorded' } } })
    expect(totalDocs).toBe(0)
  })

  it('fails, and the document is not deleted', async () => {
    const term = await createDraftTerm(payload, admin, { title: 'Tape Storage', category })
    failAuditWrites()
    await expect(payload.delete({ collection: 'terms', id: term.id, ...as(admin) })).rejects.toThrow(
      'audit log unavailable',
    )
    vi.restoreAllMocks()
    await expect(payload.findByID({ collection: 'terms', id: term.id, draft: true })).resolves.toMatchObject({
      title: 'Tape Storage',
    })
  })
})

describe('sign-in events', () => {
  it('records a login', async () => {
    await signIn(editor)
    const entries = await auditEntries({ and: [{ action: { equals: 'login' } }, { actor: { equals: editor.id } }] })
    expect(entries.at(-1)).toMatchObject({
      actorType: 'user',
      actorLabel: editor.email,
      targetCollection: 'users',
      targetId: editor.id,
    })
  })

  it('records a login through the REST API with the address the server found and the browser', async () => {
    const response = await restRequest(restPost, 'POST', '/api/users/login', {
      body: { email: author.email, password: STAFF_PASSWORD },
      headers: {
        [CLIENT_ADDRESS_HEADER]: '203.0.113.9',
        'x-forwarded-for': '192.0.2.66',
        'user-agent': 'AuditTest/1.0',
      },
    })
    expect(response.status).toBe(200)
    const entries = await auditEntries({ and: [{ action: { equals: 'login' } }, { actor: { equals: author.id } }] })
    expect(entries.at(-1)).toMatchObject({ ip: '203.0.113.9', userAgent: 'AuditTest/1.0' })
  })

  it('records a logout', async () => {
    const token = await signIn(author)
    const response = await restRequest(restPost, 'POST', '/api/users/logout', {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(response.status).toBe(200)
    const entries = await auditEntries({ and: [{ action: { equals: 'logout' } }, { actor: { equals: author.id } }] })
    expect(entries).toHaveLength(1)
  })

  it('records a failed login with the email tried and the address, as the system', async () => {
    const response = await restRequest(restPost, 'POST', '/api/users/login', {
      body: { email: editor.email, password: 'not-the-password' },
      headers: { [CLIENT_ADDRESS_HEADER]: '198.51.100.4' },
    })
    expect(response.status).toBe(401)
    const entries = await auditEntries({
      and: [{ action: { equals: 'failed-login' } }, { targetId: { equals: editor.id } }],
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorType: 'system',
      actorLabel: 'system',
      targetCollection: 'users',
      targetTitle: editor.email,
      ip: '198.51.100.4',
    })
    expect(entries[0]?.actor ?? null).toBeNull()
    expect(JSON.stringify(entries)).not.toContain('not-the-password')
  })

  it('records a failed login for an email that has no account', async () => {
    const email = `nobody-${randomUUID()}@test.cloudlex`
    const response = await restRequest(restPost, 'POST', '/api/users/login', { body: { email, password: 'guess' } })
    expect(response.status).toBe(401)
    const entries = await auditEntries({ targetTitle: { equals: email } })
    expect(entries).toEqual([expect.objectContaining({ action: 'failed-login', targetId: null })])
  })

  it('records refused logins to a locked account', async () => {
    const user = await createStaffUser(payload, 'author')
    // From several addresses: one address alone is stopped by the rate limit before the account locks.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await restRequest(restPost, 'POST', '/api/users/login', {
        body: { email: user.email, password: 'wrong' },
        headers: { [CLIENT_ADDRESS_HEADER]: `198.51.100.${100 + attempt}` },
      })
    }
    const entries = await auditEntries({
      and: [{ action: { equals: 'failed-login' } }, { targetId: { equals: user.id } }],
    })
    expect(entries).toHaveLength(6)
    expect(entries.at(-1)?.note).toMatch(/locked/i)
  })

  it('records a failed login through GraphQL', async () => {
    const response = await graphqlPost(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CLIENT_ADDRESS_HEADER]: '192.0.2.77' },
        body: JSON.stringify({
          query: 'mutation Login($email: String!) { loginUser(email: $email, password: "wrong") { token } }',
          variables: { email: admin.email },
        }),
      }),
    )
    expect(JSON.stringify(await response.json())).toContain('AuthenticationError')
    const entries = await auditEntries({
      and: [{ action: { equals: 'failed-login' } }, { ip: { equals: '192.0.2.77' } }],
    })
    expect(entries).toEqual([expect.objectContaining({ targetId: admin.id, targetTitle: admin.email })])
  })
})

describe('API keys', () => {
  it('records a change made with an API key as made by that key’s user', async () => {
    const apiKey = randomUUID()
    const integration = await payload.create({
      collection: 'users',
      data: {
        email: 'integration@test.cloudlex',
        password: STAFF_PASSWORD,
        role: 'editor',
        enableAPIKey: true,
        apiKey,
      },
    })
    const response = await restRequest(restPatch, 'PATCH', `/api/categories/${category.id}`, {
      body: { description: 'Where data lives.' },
      headers: { Authorization: `users API-Key ${apiKey}` },
    })
    expect(response.status).toBe(200)
    const [entry] = await entriesFor(category.id, 'update')
    expect(entry).toMatchObject({
      actorType: 'api-key',
      actor: integration.id,
      actorLabel: 'integration@test.cloudlex',
      changedFields: ['description'],
    })
  })
})

describe('export', () => {
  const exportAs = (token: string | null, query: string) =>
    restRequest(restGet, 'GET', `/api/audit-log/export?${query}`, {
      headers: token ? { Authorization: `JWT ${token}` } : {},
    })

  it('gives an admin JSON Lines of the entries asked for, oldest first', async () => {
    const response = await exportAs(await signIn(admin), 'format=jsonl&action=failed-login&targetCollection=users')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-.+\.jsonl"$/)
    const lines = (await response.text()).trimEnd().split('\n')
    const rows = lines.map((line) => JSON.parse(line) as { action: string; createdAt: string; targetTitle: string })
    const expected = await auditEntries({ action: { equals: 'failed-login' } })
    expect(rows).toHaveLength(expected.length)
    expect(rows.every((row) => row.action === 'failed-login')).toBe(true)
    expect(rows.map((row) => row.createdAt)).toEqual([...rows.map((row) => row.createdAt)].sort())
  })

  it('gives an admin CSV, filtered with the list view’s where query', async () => {
    const where = `where[action][equals]=create&where[targetCollection][equals]=categories`
    const response = await exportAs(await signIn(admin), `format=csv&${where}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-.+\.csv"$/)
    const lines = (await response.text()).split('\r\n')
    expect(lines[0]).toBe(
      'createdAt,action,actorType,actorId,actorLabel,ip,userAgent,targetCollection,targetId,targetTitle,changedFields,note,id',
    )
    const rows = lines.slice(1).filter(Boolean)
    const expected = await auditEntries({
      and: [{ action: { equals: 'create' } }, { targetCollection: { equals: 'categories' } }],
    })
    expect(rows).toHaveLength(expected.length)
    expect(rows.some((row) => row.includes(',Networking,'))).toBe(true)
  })

  it('refuses an editor (403) and someone not signed in (401)', async () => {
    expect((await exportAs(await signIn(editor), 'format=csv')).status).toBe(403)
    expect((await exportAs(null, 'format=csv')).status).toBe(401)
  })

  it('refuses a format it does not know', async () => {
    expect((await exportAs(await signIn(admin), 'format=xlsx')).status).toBe(400)
  })
})

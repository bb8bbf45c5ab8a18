// Who may do what, through which door: every collection × operation × actor × surface (REST, GraphQL,
// Local API with access control on), against a table written out by hand. An API client's key may do
// exactly what an anonymous caller may, whatever the surface. The public pages are covered
// by the end-to-end suite, which runs against the production server.
import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { CollectionSlug, File as UploadFile, Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import type { Category, User } from '@/payload-types'

import { createStaffUser, getTestPayload, richTextParagraph } from './support/harness'

type Actor = 'anonymous' | 'api-client' | Role
type Operation = 'read' | 'create' | 'update' | 'delete' | 'publish' | 'readVersions'
type Surface = 'rest' | 'graphql' | 'local'

const ACTORS: Actor[] = ['anonymous', 'api-client', 'author', 'reviewer', 'editor', 'admin']
const SURFACES: Surface[] = ['rest', 'graphql', 'local']
const STAFF: Actor[] = ['author', 'reviewer', 'editor', 'admin']
const PUBLISHERS: Actor[] = ['editor', 'admin']

type Spec = {
  slug: CollectionSlug
  /** Null for a collection kept out of GraphQL. */
  graphql: { single: string; plural: string } | null
  drafts: boolean
  /** An upload collection: creating a document takes a file. */
  upload?: boolean
  /** Data for a new document; `unique` keeps unique fields apart. */
  create: (unique: string) => Record<string, unknown>
  update: Record<string, unknown>
  allowed: Partial<Record<Operation, Actor[]>>
}

let payload: Payload
let category: Category
const users = {} as Record<Role, User>
const tokens = {} as Record<Role, string>
/** An API client with the preview scope (the widest a key gets), its key, and the user Payload makes of it. */
const API_CLIENT_KEY = 'matrix-api-client-key-0000000000000000'
let apiClientUser: Record<string, unknown>
const PASSWORD = 'correct-horse-battery-staple'
/** A real PNG, made in beforeAll: Media accepts images only and Payload reads their dimensions. */
let image: Buffer

const imageFile = (unique: string): UploadFile => ({
  data: image,
  mimetype: 'image/png',
  name: `matrix-${unique}.png`,
  size: image.length,
})

const SPECS: Spec[] = [
  {
    slug: 'terms',
    graphql: { single: 'Term', plural: 'Terms' },
    drafts: true,
    create: (unique) => ({
      title: `Matrix ${unique}`,
      slug: `matrix-${unique}`,
      definition: 'x',
      category: category.id,
      difficulty: 'beginner',
    }),
    update: { definition: 'Edited through the matrix.' },
    // The target of update and delete is a draft the author actor created.
    allowed: {
      read: STAFF,
      create: STAFF,
      update: STAFF,
      delete: ['author', 'editor', 'admin'],
      publish: PUBLISHERS,
      readVersions: STAFF,
    },
  },
  {
    slug: 'use-cases',
    graphql: { single: 'UseCase', plural: 'UseCases' },
    drafts: true,
    create: (unique) => ({ organization: `Org ${unique}`, scenario: 'S', solution: 'T' }),
    update: { scenario: 'Edited.' },
    allowed: {
      read: STAFF,
      create: STAFF,
      update: STAFF,
      delete: ['author', 'editor', 'admin'],
      publish: PUBLISHERS,
      readVersions: STAFF,
    },
  },
  {
    slug: 'faqs',
    graphql: { single: 'Faq', plural: 'Faqs' },
    drafts: true,
    create: (unique) => ({
      question: `Why ${unique}?`,
      answer: richTextParagraph('Because.'),
    }),
    update: { question: 'Edited?' },
    allowed: {
      read: STAFF,
      create: STAFF,
      update: STAFF,
      delete: ['author', 'editor', 'admin'],
      publish: PUBLISHERS,
      readVersions: STAFF,
    },
  },
  {
    slug: 'categories',
    graphql: { single: 'Category', plural: 'Categories' },
    drafts: false,
    create: (unique) => ({ name: `Category ${unique}`, slug: `category-${unique}` }),
    update: { description: 'Edited.' },
    allowed: { read: ['anonymous', ...STAFF], create: PUBLISHERS, update: PUBLISHERS, delete: PUBLISHERS },
  },
  {
    slug: 'providers',
    graphql: { single: 'Provider', plural: 'Providers' },
    drafts: false,
    create: (unique) => ({ name: `P${unique}`, slug: `p-${unique}`, fullName: `Provider ${unique}` }),
    update: { fullName: 'Edited provider' },
    allowed: { read: ['anonymous', ...STAFF], create: PUBLISHERS, update: PUBLISHERS, delete: PUBLISHERS },
  },
  {
    slug: 'media',
    graphql: { single: 'Media', plural: 'allMedia' },
    drafts: false,
    upload: true,
    create: (unique) => ({ alt: `Diagram ${unique}` }),
    update: { alt: 'Edited alternative text.' },
    allowed: { read: ['anonymous', ...STAFF], create: STAFF, update: STAFF, delete: PUBLISHERS },
  },
  {
    slug: 'releases',
    graphql: { single: 'Release', plural: 'Releases' },
    drafts: false,
    create: (unique) => ({ name: `Release ${unique}` }),
    update: { description: 'Edited.' },
    allowed: { read: STAFF, create: PUBLISHERS, update: PUBLISHERS, delete: PUBLISHERS },
  },
  {
    slug: 'audit-log',
    graphql: { single: 'AuditLog', plural: 'AuditLogs' },
    drafts: false,
    create: (unique) => ({ action: 'update', actorType: 'system', actorLabel: `matrix ${unique}` }),
    update: { note: 'Rewriting history.' },
    // Append-only: admins read it; nobody writes or removes entries through any API.
    allowed: { read: ['admin'], create: [], update: [], delete: [] },
  },
  {
    slug: 'api-clients',
    graphql: null,
    drafts: false,
    create: (unique) => ({ name: `Client ${unique}`, owner: 'Matrix', scope: 'published' }),
    update: { owner: 'Someone else', scope: 'preview' },
    allowed: { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  },
  {
    slug: 'users',
    graphql: { single: 'User', plural: 'Users' },
    drafts: false,
    create: (unique) => ({ email: `matrix-${unique}@test.cloudlex`, password: PASSWORD, role: 'author' }),
    update: { name: 'Renamed by someone else' },
    allowed: { read: STAFF, create: ['admin'], update: ['admin'], delete: ['admin'] },
  },
]

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

const rest = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }
const graphqlHandler = GRAPHQL_POST(config)

function authHeaders(actor: Actor): Record<string, string> {
  if (actor === 'anonymous') return {}
  if (actor === 'api-client') return { Authorization: `api-clients API-Key ${API_CLIENT_KEY}` }
  return { Authorization: `JWT ${tokens[actor]}` }
}

async function callRest(
  method: keyof typeof rest,
  path: string,
  actor: Actor,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = new URL(path, 'http://localhost')
  // A multipart body sets its own content type, with the boundary.
  const isForm = body instanceof FormData
  const response = await rest[method](
    new Request(url, {
      method,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      headers: { ...(isForm ? {} : { 'Content-Type': 'application/json' }), ...authHeaders(actor) },
    }),
    { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) },
  )
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> }
}

async function callGraphql(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const response = await graphqlHandler(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      body: JSON.stringify({ query, variables }),
      headers: { 'Content-Type': 'application/json', ...authHeaders(actor) },
    }),
  )
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] }
}

/** A new upload the way the admin sends it: the file, and the other fields as JSON in `_payload`. */
function uploadForm(spec: Spec): FormData {
  const name = unique()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `matrix-${name}.png`)
  form.append('_payload', JSON.stringify(spec.create(name)))
  return form
}

/** Payload's GraphQL API carries no files, so a create there gets past access control and stops at the missing file. */
const MISSING_FILE = 'No files were uploaded.'

/** A document to act on: drafts are the author actor's own; publish targets are approved. */
async function createTarget(spec: Spec, operation: Operation): Promise<string> {
  if (!spec.drafts) {
    const name = unique()
    const doc = await payload.create({
      collection: spec.slug,
      data: spec.create(name) as never,
      ...(spec.upload ? { file: imageFile(name) } : {}),
    })
    return String(doc.id)
  }
  const doc = await payload.create({
    collection: spec.slug,
    data: spec.create(unique()) as never,
    draft: true,
    user: users.author,
  })
  const id = String(doc.id)
  if (operation === 'publish') {
    await payload.update({
      collection: spec.slug,
      id,
      data: { workflowStage: 'in_review' } as never,
      draft: true,
      user: users.author,
    })
    await payload.update({
      collection: spec.slug,
      id,
      data: { workflowStage: 'approved' } as never,
      draft: true,
      user: users.reviewer,
    })
  }
  return id
}

async function attempt(spec: Spec, operation: Operation, actor: Actor, surface: Surface): Promise<boolean> {
  const id = operation === 'create' ? '' : await createTarget(spec, operation)
  const draftQuery = spec.drafts ? '?draft=true' : ''
  const user = actor === 'anonymous' ? undefined : actor === 'api-client' ? apiClientUser : users[actor]
  const local = { overrideAccess: false, user: user as User | undefined } as const

  if (surface === 'rest') {
    switch (operation) {
      case 'read': {
        const { status, json } = await callRest('GET', `/api/${spec.slug}/${id}${draftQuery}`, actor)
        return status === 200 && json.id === id
      }
      case 'create': {
        const body = spec.upload ? uploadForm(spec) : spec.create(unique())
        return (await callRest('POST', `/api/${spec.slug}${draftQuery}`, actor, body)).status === 201
      }
      case 'update':
        return (await callRest('PATCH', `/api/${spec.slug}/${id}${draftQuery}`, actor, spec.update)).status === 200
      case 'delete':
        return (await callRest('DELETE', `/api/${spec.slug}/${id}`, actor)).status === 200
      case 'publish':
        return (await callRest('PATCH', `/api/${spec.slug}/${id}`, actor, { _status: 'published' })).status === 200
      case 'readVersions': {
        const { status, json } = await callRest('GET', `/api/${spec.slug}/versions?where[parent][equals]=${id}`, actor)
        return status === 200 && ((json.docs as unknown[] | undefined)?.length ?? 0) > 0
      }
    }
  }

  if (surface === 'graphql' && spec.graphql) {
    const { single, plural } = spec.graphql
    const draftArg = spec.drafts ? ', draft: true' : ''
    switch (operation) {
      case 'read': {
        const result = await callGraphql(actor, `{ ${single}(id: "${id}"${draftArg}) { id } }`)
        return (result.data?.[single] as { id?: string } | null)?.id === id
      }
      case 'create': {
        const result = await callGraphql(
          actor,
          `mutation ($data: mutation${single}Input!) { create${single}(data: $data${draftArg}) { id } }`,
          { data: spec.create(unique()) },
        )
        if (spec.upload) {
          const messages = ((result.errors ?? []) as { message?: string }[]).map((error) => error.message)
          return messages.length > 0 && messages.every((message) => message === MISSING_FILE)
        }
        return Boolean(result.data?.[`create${single}`]) && !result.errors
      }
      case 'update':
      case 'publish': {
        const data = operation === 'publish' ? { _status: 'published' } : spec.update
        const result = await callGraphql(
          actor,
          `mutation ($data: mutation${single}UpdateInput!) { update${single}(id: "${id}", data: $data${operation === 'publish' ? '' : draftArg}) { id } }`,
          { data },
        )
        return Boolean(result.data?.[`update${single}`]) && !result.errors
      }
      case 'delete': {
        const result = await callGraphql(actor, `mutation { delete${single}(id: "${id}") { id } }`)
        return Boolean(result.data?.[`delete${single}`]) && !result.errors
      }
      case 'readVersions': {
        const result = await callGraphql(
          actor,
          `{ versions${plural}(where: { parent: { equals: "${id}" } }) { docs { id } } }`,
        )
        return ((result.data?.[`versions${plural}`] as { docs?: unknown[] } | null)?.docs?.length ?? 0) > 0
      }
    }
  }

  const succeeded = (promise: Promise<unknown>) =>
    promise.then(
      () => true,
      () => false,
    )
  const collection = spec.slug
  switch (operation) {
    case 'read':
      return succeeded(payload.findByID({ collection, id, draft: spec.drafts, ...local }))
    case 'create': {
      const name = unique()
      const file = spec.upload ? { file: imageFile(name) } : {}
      return succeeded(
        payload.create({ collection, data: spec.create(name) as never, draft: spec.drafts, ...file, ...local }),
      )
    }
    case 'update':
      return succeeded(payload.update({ collection, id, data: spec.update as never, draft: spec.drafts, ...local }))
    case 'delete':
      return succeeded(payload.delete({ collection, id, ...local }))
    case 'publish':
      return succeeded(payload.update({ collection, id, data: { _status: 'published' } as never, ...local }))
    case 'readVersions':
      return payload.findVersions({ collection, where: { parent: { equals: id } }, ...local }).then(
        (result) => result.docs.length > 0,
        () => false,
      )
  }
}

beforeAll(async () => {
  image = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#2a7ab0' } })
    .png()
    .toBuffer()
  payload = await getTestPayload()
  for (const role of ['admin', 'editor', 'reviewer', 'author'] as const) {
    users[role] = await createStaffUser(payload, role)
    const { token } = await payload.login({
      collection: 'users',
      data: { email: users[role].email, password: PASSWORD },
    })
    tokens[role] = token!
  }
  category = await payload.create({ collection: 'categories', data: { name: 'Matrix', slug: 'matrix' } })
  await payload.create({
    collection: 'api-clients',
    data: { name: 'Matrix client', owner: 'Matrix', scope: 'preview', enableAPIKey: true, apiKey: API_CLIENT_KEY },
  })
  const { user } = await payload.auth({ headers: new Headers(authHeaders('api-client')) })
  expect(user?.collection).toBe('api-clients')
  apiClientUser = user as unknown as Record<string, unknown>
})

for (const spec of SPECS) {
  describe(spec.slug, () => {
    for (const [operation, allowedActors] of Object.entries(spec.allowed) as [Operation, Actor[]][]) {
      for (const actor of ACTORS) {
        const expected = allowedActors.includes(actor === 'api-client' ? 'anonymous' : actor)
        for (const surface of SURFACES.filter((candidate) => candidate !== 'graphql' || spec.graphql)) {
          it(`${expected ? 'allows' : 'denies'} ${operation} to ${actor} via ${surface}`, async () => {
            expect(await attempt(spec, operation, actor, surface)).toBe(expected)
          })
        }
      }
    }
  })
}

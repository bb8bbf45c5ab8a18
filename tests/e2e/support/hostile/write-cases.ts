// Writes an actor may not make: anonymous callers on anything, an author on another author's documents,
// a reviewer or author changing _status or the editorial stage where the rules forbid it.
import type { Actor, CorpusContext, HostileCase } from './cases'
import type { Random } from './random'
import { hostileJsonValue } from './values'

/** Bodies a reviewer may not apply to a term (no rule lets a reviewer publish, unpublish or skip review). */
const REVIEWER_FORBIDDEN_BODIES = [
  { _status: 'published' },
  { _status: 'published', workflowStage: 'published' },
  { workflowStage: 'published' },
  { workflowStage: 'unpublished' },
  { _status: 'draft', workflowStage: 'unpublished' },
  { workflowStage: 'approved', _status: 'published' },
]

const AUTHOR_BODIES = [
  { title: 'Taken over' },
  { _status: 'published' },
  { workflowStage: 'in_review' },
  { workflowStage: 'approved' },
  { assignee: 'me', createdBy: 1 },
  { definition: 'Rewritten by someone else.', _status: 'draft' },
]

function body(random: Random, actor: Actor): string {
  if (actor === 'reviewer') return JSON.stringify(random.pick(REVIEWER_FORBIDDEN_BODIES))
  if (random.chance(0.3))
    return JSON.stringify({
      title: hostileJsonValue(random),
      definition: hostileJsonValue(random),
      _status: hostileJsonValue(random),
    })
  return JSON.stringify(random.pick(AUTHOR_BODIES))
}

type Write = Pick<HostileCase, 'request' | 'targets'>

function termWrite(random: Random, actor: Actor, id: string, collection: string): Write {
  const headers = { 'Content-Type': 'application/json' }
  const draft = random.pick(['', '?draft=true', '?draft=false', '?depth=0&draft=true'])
  switch (random.int(0, 5)) {
    case 0:
      return { request: { method: 'DELETE', path: `/api/${collection}/${id}` }, targets: [id] }
    case 1:
      return { request: { method: 'DELETE', path: `/api/${collection}?where[id][equals]=${id}` }, targets: [id] }
    case 2:
      return {
        request: {
          method: 'PATCH',
          path: `/api/${collection}?where[id][in][0]=${id}${draft.replace('?', '&')}`,
          headers,
          body: body(random, actor),
        },
        targets: [id],
      }
    case 3: {
      // A reviewer may edit any term, so only publishing and deleting are forbidden to them here.
      const mutation = random.pick([
        ...(actor === 'reviewer'
          ? []
          : [`mutation { updateTerm(id: "${id}", data: { title: "Taken over" }, draft: false) { id } }`]),
        `mutation { updateTerm(id: "${id}", data: { _status: published }) { id } }`,
        `mutation { deleteTerm(id: "${id}") { id } }`,
      ])
      return {
        request: { method: 'POST', path: '/api/graphql', headers, body: JSON.stringify({ query: mutation }) },
        targets: [id],
      }
    }
    default:
      return {
        request: { method: 'PATCH', path: `/api/${collection}/${id}${draft}`, headers, body: body(random, actor) },
        targets: [id],
      }
  }
}

/** A forbidden write, aimed at one of the documents created for the run. */
export function writeCase(random: Random, context: CorpusContext): Pick<HostileCase, 'actor' | 'request' | 'targets'> {
  const { publishedTerm, othersDraftTerm, othersUseCase } = context.targets
  const actor = random.pick<Actor>(['anonymous', 'author', 'reviewer'])
  if (actor === 'reviewer')
    return { actor, ...termWrite(random, actor, random.pick([publishedTerm, othersDraftTerm]), 'terms') }
  const [id, collection] = random.pick([
    [publishedTerm, 'terms'],
    [othersDraftTerm, 'terms'],
    [othersUseCase, 'use-cases'],
  ] as const)
  return { actor, ...termWrite(random, actor, id, collection) }
}

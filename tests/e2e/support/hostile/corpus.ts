// Builds the whole hostile corpus from a seed: the same seed and count always give the same cases.
import type { CorpusContext, HostileCase, Surface } from './cases'
import { graphqlRequest } from './graphql-cases'
import { headerRequest } from './header-cases'
import { seededRandom, type Random } from './random'
import { restBodyRequest, restReadRequest } from './rest-cases'
import { siteRequest } from './site-cases'
import { writeCase } from './write-cases'

/** Share of the corpus per surface; site pages render per request, so they get fewer cases. */
const SURFACE_WEIGHTS: [Surface, number][] = [
  ['rest-read', 0.38],
  ['rest-body', 0.08],
  ['rest-write', 0.14],
  ['graphql', 0.14],
  ['headers', 0.14],
  ['site', 0.12],
]

function pickSurface(random: Random): Surface {
  let roll = random.next()
  for (const [surface, weight] of SURFACE_WEIGHTS) {
    roll -= weight
    if (roll < 0) return surface
  }
  return 'rest-read'
}

function generateCase(id: number, random: Random, context: CorpusContext): HostileCase {
  const surface = pickSurface(random)
  switch (surface) {
    case 'rest-write':
      return { id, surface, ...writeCase(random, context) }
    case 'site': {
      const request = siteRequest(random, context)
      // Preview links are tried by a signed-in author too, so the redirect itself is exercised.
      const actor = request.path.startsWith('/next/preview') && random.chance(0.5) ? 'author' : 'anonymous'
      return { id, surface, actor, request }
    }
    case 'rest-body':
      return { id, surface, actor: 'anonymous', request: restBodyRequest(random) }
    case 'graphql':
      return { id, surface, actor: 'anonymous', request: graphqlRequest(random) }
    case 'headers':
      return { id, surface, actor: 'anonymous', request: headerRequest(random) }
    default:
      return { id, surface, actor: 'anonymous', request: restReadRequest(random) }
  }
}

export function generateCorpus(seed: number, count: number, context: CorpusContext): HostileCase[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, index) => generateCase(index + 1, random, context))
}

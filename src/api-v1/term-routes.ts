// GET /api/v1/terms/{slug}: one published term, whoever asks (drafts are never answered here).
import { getPublishedTermDocument } from '@/site-data/terms'

import { problem, problemResponse } from './problem'
import { refuseUnknownParameters } from './query-parameters'
import { termAnswer } from './term-answer'
import { MAX_SLUG_LENGTH, TermSchema } from './term-schema'
import { v1Answer } from './v1-answer'

export async function answerTerm(request: Request, slug: string): Promise<Response> {
  const refusal = refuseUnknownParameters(request, [])
  if (refusal) return refusal
  const path = new URL(request.url).pathname
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) {
    return problemResponse(
      problem('invalid-parameter', path, `The slug must be 1 to ${MAX_SLUG_LENGTH} characters long.`, [
        { name: 'slug', message: `length ${slug.length}, allowed 1 to ${MAX_SLUG_LENGTH}` },
      ]),
    )
  }
  const found = await getPublishedTermDocument(slug)
  if (!found) return problemResponse(problem('not-found', path, `No published term has the slug "${slug}".`))
  return v1Answer(request, TermSchema, termAnswer(found.term), found.tags)
}

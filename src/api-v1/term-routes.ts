// GET /api/v1/terms/{slug}: one published term, whoever asks; its latest draft for a client allowed to
// preview that asks with ?preview=true.
import { getPayloadClient } from '@/site-data/payload-client'
import { getPublishedTermDocument, readTermDraftDocument } from '@/site-data/terms'

import { problem, problemResponse } from '../http/problem'
import { parseQuery } from './query-parameters'
import { termAnswer } from './term-answer'
import { MAX_SLUG_LENGTH, TermQuerySchema, TermSchema } from './term-schema'
import { v1Answer } from './v1-answer'
import { previewAllowed, previewRefusal } from './v1-route'

export async function answerTerm(request: Request, slug: string): Promise<Response> {
  const query = parseQuery(request, TermQuerySchema)
  if (!query.ok) return query.response
  const preview = query.value.preview === 'true'
  if (preview && !previewAllowed()) return previewRefusal(request)
  const path = new URL(request.url).pathname
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) {
    return problemResponse(
      problem('invalid-parameter', path, `The slug must be 1 to ${MAX_SLUG_LENGTH} characters long.`, [
        { name: 'slug', message: `length ${slug.length}, allowed 1 to ${MAX_SLUG_LENGTH}` },
      ]),
    )
  }
  const found = preview
    ? await readTermDraftDocument(await getPayloadClient(), slug)
    : await getPublishedTermDocument(slug)
  if (!found)
    return problemResponse(problem('not-found', path, `No ${preview ? '' : 'published '}term has the slug "${slug}".`))
  return v1Answer(request, TermSchema, termAnswer(found.term), found.tags)
}

// The v1 shape of a term, defined once: the OpenAPI document is generated from these schemas, and every
// answer is parsed through them before it is sent, so it carries exactly the fields written here (staff
// fields never reach a consumer, whatever a read returns).
import { z } from 'zod'

const RichTextSchema = z
  .object({
    html: z.string().meta({ description: 'The text as HTML (paragraphs, lists, links; text escaped).' }),
    text: z.string().meta({ description: 'The same text without markup.' }),
  })
  .meta({ id: 'RichText' })

export const CategoryRefSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'CategoryRef' })

export const ProviderRefSchema = z
  .object({ slug: z.string(), name: z.string(), fullName: z.string().nullable() })
  .meta({ id: 'ProviderRef' })

export const MATCH_LEVELS = ['exact', 'close', 'partial', 'none'] as const

const ProviderEquivalentSchema = z
  .object({
    provider: ProviderRefSchema,
    service: z.string().nullable().meta({ description: 'The provider’s service; null when it has no equivalent.' }),
    matchLevel: z
      .enum(MATCH_LEVELS)
      .nullable()
      .meta({ description: 'How closely the service matches the term; null when not assessed.' }),
    keyDifference: z
      .string()
      .nullable()
      .meta({ description: 'What sets this provider’s service apart, in a sentence.' }),
    docUrl: z.string().nullable().meta({ description: 'The provider’s documentation of the service (http or https).' }),
  })
  .meta({ id: 'ProviderEquivalent' })

const UseCaseSchema = z
  .object({ organization: z.string(), scenario: z.string(), solution: z.string(), outcome: z.string().nullable() })
  .meta({ id: 'UseCase' })

const FaqSchema = z.object({ question: z.string(), answer: RichTextSchema }).meta({ id: 'Faq' })

export const TermSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    definition: z.string(),
  })
  .meta({ id: 'TermSummary', description: 'A term named from another: enough to list or link it.' })

const SeeAlsoSchema = z
  .object({
    label: z.string(),
    term: z
      .string()
      .nullable()
      .meta({ description: 'The slug of the glossary term linked, or null for an outside address.' }),
    url: z.string().meta({ description: 'Where the link goes: the term’s path on the site, or the outside address.' }),
  })
  .meta({ id: 'SeeAlso' })

export const MAX_SLUG_LENGTH = 200

export const SlugParameterSchema = z
  .string()
  .min(1)
  .max(MAX_SLUG_LENGTH)
  .meta({ description: 'The term’s slug, as in its page address /terms/{slug}.', example: 'cloudtrail' })

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const

export const TermSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    definition: z.string(),
    analogy: z.string().nullable(),
    body: RichTextSchema.nullable(),
    difficulty: z.enum(DIFFICULTIES),
    category: CategoryRefSchema.nullable(),
    aliases: z.array(z.string()),
    providerEquivalents: z.array(ProviderEquivalentSchema),
    useCases: z.array(UseCaseSchema),
    faqs: z.array(FaqSchema),
    relatedTerms: z.array(TermSummarySchema),
    seeAlso: z.array(SeeAlsoSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Term', description: 'A published glossary term with everything its page shows.' })

export type V1Term = z.infer<typeof TermSchema>
export type V1TermSummary = z.infer<typeof TermSummarySchema>

export const MAX_LIST_LIMIT = 100
export const TERM_LIST_ORDERS = ['title', '-title', 'updatedAt', '-updatedAt'] as const

const SlugFilterSchema = z.string().min(1).max(MAX_SLUG_LENGTH)

/** How many items a page of a list holds. */
export const listLimit = (fallback: number, max = MAX_LIST_LIMIT) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .meta({ description: `How many items a page holds (1 to ${max}).` })

export const CursorParameterSchema = z
  .string()
  .min(1)
  .max(2_000)
  .optional()
  .meta({ description: 'The `next` cursor of the previous page; omit it for the first page.' })

export const PreviewParameterSchema = z.literal('true').optional().meta({
  description:
    'Drafts: the latest version of each term instead of the published one. Only for a key with the preview scope.',
})

export const TermQuerySchema = z.object({ preview: PreviewParameterSchema })

export const TermListQuerySchema = z.object({
  category: SlugFilterSchema.optional().meta({
    description: 'Only terms of the category with this slug.',
    example: 'security',
  }),
  difficulty: z.enum(DIFFICULTIES).optional().meta({ description: 'Only terms of this difficulty.' }),
  provider: SlugFilterSchema.optional().meta({
    description: 'Only terms for which the provider with this slug has a service.',
    example: 'aws',
  }),
  updatedSince: z.iso.datetime({ offset: true }).optional().meta({
    description: 'Only terms whose published version changed at or after this time (ISO 8601).',
    example: '2026-01-01T00:00:00Z',
  }),
  sort: z
    .enum(TERM_LIST_ORDERS)
    .default('title')
    .meta({ description: 'By title or by time of the last change; a leading "-" reverses.' }),
  limit: listLimit(50),
  cursor: CursorParameterSchema,
  preview: PreviewParameterSchema,
})

export const TermListItemSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    definition: z.string(),
    difficulty: z.enum(DIFFICULTIES),
    category: CategoryRefSchema.nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'TermListItem',
    description: 'A published term as a list shows it; its whole answer is at /terms/{slug}.',
  })

export const NextCursorSchema = z
  .string()
  .nullable()
  .meta({ description: 'The cursor of the next page, to send as `cursor`; null on the last page.' })

export const TermListSchema = z
  .object({ items: z.array(TermListItemSchema), next: NextCursorSchema })
  .meta({ id: 'TermList', description: 'A page of published terms.' })

export type V1TermListItem = z.infer<typeof TermListItemSchema>

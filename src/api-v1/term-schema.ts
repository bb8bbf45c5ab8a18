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

const CategoryRefSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'CategoryRef' })

const ProviderRefSchema = z
  .object({ slug: z.string(), name: z.string(), fullName: z.string().nullable() })
  .meta({ id: 'ProviderRef' })

const MATCH_LEVELS = ['exact', 'close', 'partial', 'none'] as const

const ProviderEquivalentSchema = z
  .object({
    provider: ProviderRefSchema,
    service: z.string().nullable().meta({ description: 'The provider’s service; null when it has no equivalent.' }),
    matchLevel: z.enum(MATCH_LEVELS).nullable().meta({ description: 'How closely the service matches the term; null when not assessed.' }),
    keyDifference: z.string().nullable().meta({ description: 'What sets this provider’s service apart, in a sentence.' }),
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
    term: z.string().nullable().meta({ description: 'The slug of the glossary term linked, or null for an outside address.' }),
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

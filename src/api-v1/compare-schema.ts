// The v1 shape of the cross-provider comparison and its query parameters.
import { z } from 'zod'

import {
  CategoryRefSchema,
  CursorParameterSchema,
  DIFFICULTIES,
  listLimit,
  MATCH_LEVELS,
  MAX_SLUG_LENGTH,
  NextCursorSchema,
  ProviderRefSchema,
} from './term-schema'

/** More providers than the glossary names; a longer list is refused rather than read. */
const MAX_PROVIDERS_ASKED = 20

export const CompareQuerySchema = z.object({
  providers: z
    .string()
    .min(1)
    .max(MAX_PROVIDERS_ASKED * (MAX_SLUG_LENGTH + 1))
    .optional()
    .meta({
      description: 'The providers to compare, as comma-separated slugs, in column order; every provider when omitted.',
      example: 'aws,azure',
    }),
  category: z
    .string()
    .min(1)
    .max(MAX_SLUG_LENGTH)
    .optional()
    .meta({ description: 'Only the terms of the category with this slug.', example: 'security' }),
  limit: listLimit(50),
  cursor: CursorParameterSchema,
})

export { MAX_PROVIDERS_ASKED }

const CompareCellSchema = z
  .object({
    service: z.string().nullable().meta({ description: 'The provider’s service; null when it has no equivalent.' }),
    matchLevel: z.enum(MATCH_LEVELS).nullable(),
    keyDifference: z.string().nullable(),
    docUrl: z.string().nullable(),
  })
  .meta({ id: 'CompareCell' })

export const CompareRowSchema = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), difficulty: z.enum(DIFFICULTIES) }),
    cells: z.array(CompareCellSchema.nullable()).meta({
      description: 'One cell per provider, in the order of `providers`; null when the term records nothing for it.',
    }),
  })
  .meta({ id: 'CompareRow' })

export const CompareSchema = z
  .object({
    category: CategoryRefSchema.nullable().meta({ description: 'The category compared; null when every category is.' }),
    providers: z.array(ProviderRefSchema).meta({ description: 'The columns of the matrix.' }),
    rows: z.array(CompareRowSchema),
    next: NextCursorSchema,
  })
  .meta({
    id: 'Compare',
    description: 'A page of the comparison matrix: published terms in title order, one cell per provider.',
  })

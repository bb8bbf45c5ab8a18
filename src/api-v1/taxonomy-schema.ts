// The v1 shapes of categories, providers and a provider's services, with the query parameters of their
// endpoints; the OpenAPI document is generated from them and every answer is parsed through them.
import { z } from 'zod'

import {
  CategoryRefSchema,
  CursorParameterSchema,
  listLimit,
  MATCH_LEVELS,
  NextCursorSchema,
  ProviderRefSchema,
} from './term-schema'

export const CategorySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    termCount: z.number().int().meta({ description: 'How many published terms the category holds.' }),
  })
  .meta({ id: 'Category' })

export const CategoryListSchema = z
  .object({ items: z.array(CategorySchema) })
  .meta({ id: 'CategoryList', description: 'Every category, by name.' })

export const ProviderSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    fullName: z.string().nullable(),
    website: z.string().nullable(),
    serviceCount: z.number().int().meta({ description: 'How many published terms name a service of the provider.' }),
  })
  .meta({ id: 'Provider' })

export const ProviderListSchema = z
  .object({ items: z.array(ProviderSchema) })
  .meta({ id: 'ProviderList', description: 'Every provider, in the order the site shows them.' })

export const ProviderServicesQuerySchema = z.object({ limit: listLimit(50), cursor: CursorParameterSchema })

export const ProviderServiceSchema = z
  .object({
    term: z.object({ slug: z.string(), title: z.string() }).meta({ id: 'TermRef' }),
    category: CategoryRefSchema.nullable(),
    service: z
      .string()
      .nullable()
      .meta({ description: 'The provider’s service for the term; null when the provider has no equivalent.' }),
    matchLevel: z.enum(MATCH_LEVELS).nullable(),
    docUrl: z.string().nullable(),
  })
  .meta({ id: 'ProviderService' })

export const ProviderServicesSchema = z
  .object({ provider: ProviderRefSchema, items: z.array(ProviderServiceSchema), next: NextCursorSchema })
  .meta({
    id: 'ProviderServices',
    description: 'A page of the published terms that list the provider, in title order, with its service for each.',
  })

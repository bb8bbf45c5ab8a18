// The compare downloads (/compare.csv, /compare.json): every published term of the chosen categories
// (all of them, or ?category=…), with the chosen providers' columns (all, or ?provider=…), streamed a
// page of rows at a time so memory stays flat whatever the size of the glossary. Each answer names the
// content version it was made from, so a conditional request for an unchanged glossary gets a 304.
import {
  compareCsvHeader,
  compareCsvLine,
  compareJsonPieces,
  compareJsonTerm,
  chosenColumns,
  type CompareProvider,
} from '@/downloads/compare-matrix'
import { compareRowPages, countCompareTerms } from '@/downloads/compare'
import { readContentVersion } from '@/site-data/content-version'
import { getCategories, getProviders, type CategorySummary } from '@/site-data/taxonomy'

import { conditionalResponse, weakEtagOf } from '../http/conditional-response'
import { getPayloadClient } from '../site-data/payload-client'
import { termPath, type CompareDownloadFormat } from '../routes/site-routes'
import { absoluteUrl } from '../routes/site-url'
import { filterVocabulary, readTermFilters, searchParamsRecord, termFiltersQuery } from '../site-data/term-filters'

export const termUrl = (slug: string): string => absoluteUrl(termPath(slug))

type Selection = { categories: CategorySummary[]; providers: CompareProvider[]; query: string }

async function selectionFor(request: Request): Promise<Selection> {
  const [categories, providers] = await Promise.all([getCategories(), getProviders()])
  const filters = readTermFilters(
    searchParamsRecord(new URL(request.url).searchParams),
    filterVocabulary(categories, providers),
  )
  return {
    categories:
      filters.categories.length === 0
        ? categories
        : categories.filter((category) => filters.categories.includes(category.slug)),
    providers: chosenColumns(providers, filters.providers).map((index) => providers[index]!),
    // Only what changes the rows: the difficulty filter is not one the matrix takes.
    query: termFiltersQuery({ ...filters, difficulties: [] }),
  }
}

async function* csvChunks({ categories, providers }: Selection): AsyncGenerator<string> {
  yield compareCsvHeader(providers)
  for await (const { category, rows } of compareRowPages(await getPayloadClient(), categories, providers)) {
    yield rows.map((row) => compareCsvLine(category.name, row, termUrl)).join('')
  }
}

async function* jsonChunks({ categories, providers }: Selection): AsyncGenerator<string> {
  const payload = await getPayloadClient()
  yield compareJsonPieces.open(providers, await countCompareTerms(payload, categories))
  let firstCategory = true
  let previous: CategorySummary | null = null
  for await (const { category, rows, firstOfCategory } of compareRowPages(payload, categories, providers)) {
    // A category with no published term is left out, as on the page.
    if (rows.length === 0) continue
    if (firstOfCategory) {
      if (previous) yield compareJsonPieces.closeCategory()
      yield compareJsonPieces.openCategory(category, firstCategory)
      firstCategory = false
      previous = category
    }
    yield rows
      .map((row, index) =>
        compareJsonPieces.term(compareJsonTerm(row, providers, termUrl), firstOfCategory && index === 0),
      )
      .join('')
  }
  if (previous) yield compareJsonPieces.closeCategory()
  yield compareJsonPieces.close()
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next()
      if (done) controller.close()
      else if (value) controller.enqueue(encoder.encode(value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

const FORMATS: Record<
  CompareDownloadFormat,
  { type: string; disposition: string | null; chunks: (selection: Selection) => AsyncGenerator<string> }
> = {
  csv: {
    type: 'text/csv; charset=utf-8',
    disposition: 'attachment; filename="cloudlex-compare.csv"',
    chunks: csvChunks,
  },
  json: { type: 'application/json; charset=utf-8', disposition: null, chunks: jsonChunks },
}

export async function compareDownloadResponse(request: Request, format: CompareDownloadFormat): Promise<Response> {
  const [selection, version] = await Promise.all([selectionFor(request), readContentVersion(await getPayloadClient())])
  const { type, disposition, chunks } = FORMATS[format]
  const etag = weakEtagOf([format, version, selection.query, absoluteUrl('/')].join('\n'))
  return conditionalResponse(
    request,
    { etag, body: () => streamOf(chunks(selection)) },
    {
      'content-type': type,
      ...(disposition ? { 'content-disposition': disposition } : {}),
    },
  )
}

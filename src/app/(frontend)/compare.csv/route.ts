import { compareDownloadResponse } from '@/lib/compare-download'

// Read per request, streamed a page of rows at a time; a conditional request for an unchanged glossary
// gets a 304 before anything is read but the newest change (src/lib/compare-download.ts).
export const dynamic = 'force-dynamic'

export function GET(request: Request): Promise<Response> {
  return compareDownloadResponse(request, 'csv')
}

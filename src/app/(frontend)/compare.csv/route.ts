import { compareDownloadResponse } from '@/downloads/compare-download'

// Read per request, streamed a page of rows at a time; a conditional request for an unchanged glossary
// gets a 304 before anything is read but the newest change (src/downloads/compare-download.ts).
export const dynamic = 'force-dynamic'

export function GET(request: Request): Promise<Response> {
  return compareDownloadResponse(request, 'csv')
}

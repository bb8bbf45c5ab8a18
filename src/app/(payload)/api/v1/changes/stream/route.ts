import { answerChangeStream, streamSlotsOfThisProcess } from '@/api-v1/change-stream'
import { readChangeFeedSettings } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload-client'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const settings = readChangeFeedSettings()
  return answerChangeStream(request, await getPayloadClient(), { ...settings, slots: streamSlotsOfThisProcess(settings.maxStreams) })
}

import { answerChangeStream, streamSlotsOfThisProcess } from '@/api-v1/change-stream'
import { v1Route } from '@/api-v1/v1-route'
import { readChangeFeedSettings } from '@/config/env'
import { getPayloadClient } from '@/site-data/payload-client'

export const dynamic = 'force-dynamic'

export const GET = v1Route(async (request: Request) => {
  const settings = readChangeFeedSettings()
  return answerChangeStream(request, await getPayloadClient(), {
    ...settings,
    slots: streamSlotsOfThisProcess(settings.maxStreams),
  })
})

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'

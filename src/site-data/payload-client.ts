import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The process-wide Payload instance (Payload caches it; the first call connects and runs onInit). */
export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config })
}

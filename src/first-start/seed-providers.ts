import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

type ProviderSeed = {
  name: string
  slug: string
  fullName: string
  website: string
  displayOrder: number
  brandColor: string
}

/** Creates the providers listed in seed/providers.json that do not exist yet (matched by name). */
export async function seedProviders(payload: Payload, seedDir: string): Promise<number> {
  const file = path.join(seedDir, 'providers.json')
  const providers = JSON.parse(await fs.readFile(file, 'utf8')) as ProviderSeed[]
  let created = 0
  for (const provider of providers) {
    const existing = await payload.count({ collection: 'providers', where: { name: { equals: provider.name } } })
    if (existing.totalDocs > 0) continue
    await payload.create({ collection: 'providers', data: provider })
    created += 1
  }
  return created
}

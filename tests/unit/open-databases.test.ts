import { describe, expect, it } from 'vitest'

import { closeOpenDatabases, rememberOpenDatabase } from '@/db/open-databases'

type OpenDatabasesModule = { closeOpenDatabases: typeof closeOpenDatabases }

describe('closing the databases this process opened', () => {
  it('closes each remembered database once, and names them', async () => {
    const closed: string[] = []
    rememberOpenDatabase({ name: 'sqlite', destroy: async () => void closed.push('sqlite') })
    rememberOpenDatabase({ name: 'mongodb', destroy: async () => void closed.push('mongodb') })
    expect(await closeOpenDatabases()).toEqual(['sqlite', 'mongodb'])
    expect(await closeOpenDatabases()).toEqual([])
    expect(closed).toEqual(['sqlite', 'mongodb'])
  })

  it('shares the list with another copy of the module, as the server and the app’s bundles are', async () => {
    rememberOpenDatabase({ name: 'sqlite', destroy: async () => undefined })
    // A query makes Vite load the module a second time, with state of its own.
    const otherCopy = (await import('@/db/open-databases?copy' as string)) as OpenDatabasesModule
    expect(otherCopy.closeOpenDatabases).not.toBe(closeOpenDatabases)
    expect(await otherCopy.closeOpenDatabases()).toEqual(['sqlite'])
  })

  it('fails when an adapter cannot close, so that the stop says so', async () => {
    rememberOpenDatabase({ name: 'sqlite', destroy: () => Promise.reject(new Error('database is locked')) })
    await expect(closeOpenDatabases()).rejects.toThrow('database is locked')
  })
})

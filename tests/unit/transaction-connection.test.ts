// Transactions on SQLite share one long-lived connection (libsql frees no connection it hands to a
// transaction, so a connection per transaction grew an import by megabytes per term).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { shareTransactionConnection } from '@/db/transaction-connection'

let directory: string
let client: Client

beforeEach(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-tx-'))
  const config = { url: `file:${path.join(directory, 'tx.db')}` }
  client = createClient(config)
  await client.execute('CREATE TABLE notes (text TEXT)')
  shareTransactionConnection(client, config, ['PRAGMA busy_timeout = 4321;'])
})

afterEach(() => {
  client.close()
  fs.rmSync(directory, { recursive: true, force: true })
})

describe('SQLite transactions on one shared connection', () => {
  it('runs every transaction on the same connection, opened with the given pragmas', async () => {
    const first = await client.transaction('write')
    // A temporary table lives on one connection only: the next transaction sees it only on the same one.
    await first.execute('CREATE TEMP TABLE marker (x)')
    await first.commit()
    const second = await client.transaction('write')
    const marker = await second.execute("SELECT name FROM sqlite_temp_master WHERE name = 'marker'")
    const timeout = await second.execute('PRAGMA busy_timeout')
    await second.commit()
    expect(marker.rows).toHaveLength(1)
    expect(Object.values(timeout.rows[0]!)).toEqual([4321])
  })

  it('commits for everyone and rolls back to nothing', async () => {
    const kept = await client.transaction('write')
    await kept.execute("INSERT INTO notes VALUES ('kept')")
    await kept.commit()
    const dropped = await client.transaction('write')
    await dropped.execute("INSERT INTO notes VALUES ('dropped')")
    await dropped.rollback()
    const { rows } = await client.execute('SELECT text FROM notes')
    expect(rows.map((row) => row.text)).toEqual(['kept'])
  })

  it('refuses statements after the end, and a transaction started meanwhile gets a connection of its own', async () => {
    const open = await client.transaction('write')
    const overlapping = client.transaction('read')
    await open.commit()
    await expect(open.execute('SELECT 1')).rejects.toThrow('already been committed or rolled back')
    const read = await overlapping
    expect((await read.execute('SELECT count(*) AS n FROM notes')).rows[0]?.n).toBe(0)
    await read.rollback()
  })
})

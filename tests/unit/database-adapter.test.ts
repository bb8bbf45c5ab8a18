import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { databaseKindOf, ensureSqliteFolder, resolveDatabaseUri } from '@/db/database-adapter'

describe('choosing the database from DATABASE_URI', () => {
  it('uses embedded SQLite when DATABASE_URI is unset, on separate files for production and development', () => {
    expect(resolveDatabaseUri({ NODE_ENV: 'production' })).toBe('file:./data/cloudlex.db')
    expect(resolveDatabaseUri({ NODE_ENV: 'development' })).toBe('file:./data/cloudlex-dev.db')
    expect(databaseKindOf(resolveDatabaseUri({ NODE_ENV: 'production' }))).toBe('sqlite')
  })

  it('uses MongoDB for mongodb:// and mongodb+srv:// addresses', () => {
    expect(databaseKindOf('mongodb://mongo:27017/cloudlex?replicaSet=rs0')).toBe('mongodb')
    expect(databaseKindOf('mongodb+srv://cluster.example.net/cloudlex')).toBe('mongodb')
  })

  it('refuses an address it cannot serve, naming the accepted schemes', () => {
    expect(() => databaseKindOf('postgres://localhost/cloudlex')).toThrow(
      /file: \(SQLite\), mongodb:\/\/ or mongodb\+srv:\/\//,
    )
  })

  it('takes an explicit DATABASE_URI over the default', () => {
    expect(resolveDatabaseUri({ NODE_ENV: 'production', DATABASE_URI: ' file:/srv/cloudlex.db ' })).toBe(
      'file:/srv/cloudlex.db',
    )
  })

  it('creates the folder of a SQLite file so a fresh clone can start', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-folder-'))
    const target = path.join(base, 'nested', 'deeper', 'db.sqlite')
    ensureSqliteFolder(`file:${target}`)
    expect(fs.statSync(path.dirname(target)).isDirectory()).toBe(true)
    fs.rmSync(base, { recursive: true, force: true })
  })
})

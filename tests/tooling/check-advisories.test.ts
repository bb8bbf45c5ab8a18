// Our registry does not answer `npm audit`: the advisories we track (security/advisories.json) are checked
// against the versions package-lock.json installs, and SECURITY.md must list the same advisories.
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  checkAdvisories,
  describeFinding,
  installedCopies,
  type Advisory,
  type AdvisoryList,
  type LockFile,
} from '../../security/check-advisories'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T
const advisories = readJson<AdvisoryList>('security/advisories.json')
const lock = readJson<LockFile>('package-lock.json')

const RSC_RCE: Advisory = {
  package: 'next',
  ghsa: 'GHSA-9qr9-h5gf-34mp',
  cve: 'CVE-2025-66478',
  title: 'RCE in the React flight protocol',
  affected: '>=15.0.0 <15.0.5 || >=16.0.0 <16.0.7',
  fixed: '16.0.7',
  why: 'fixed at our version',
}
const lockWith = (packages: Record<string, string>): LockFile => ({
  packages: Object.fromEntries(Object.entries(packages).map(([where, version]) => [where, { version }])),
})
const today = new Date('2026-11-30')

describe('the installed dependencies', () => {
  it('carry no tracked advisory that is neither fixed nor accepted for a limited time', () => {
    expect(checkAdvisories(advisories, lock, new Date()).map(describeFinding)).toEqual([])
  })

  it('are checked against advisories for Payload, Next, React Server Components, sharp and graphql', () => {
    const packages = new Set(advisories.advisories.map((advisory) => advisory.package))
    for (const name of ['payload', 'next', 'react-server-dom-webpack', 'sharp', 'graphql'])
      expect(packages).toContain(name)
  })
})

describe('the advisory checker', () => {
  it('fails a lockfile whose next is below the fixed version, naming the copy and the upgrade', () => {
    const findings = checkAdvisories(
      { reviewed: '2026-11-30', advisories: [RSC_RCE] },
      lockWith({ 'node_modules/next': '16.0.6' }),
      today,
    )
    expect(findings.map(describeFinding)).toEqual([
      'next GHSA-9qr9-h5gf-34mp: node_modules/next@16.0.6 is affected (>=15.0.0 <15.0.5 || >=16.0.0 <16.0.7); upgrade to 16.0.7 or later',
    ])
  })

  it('passes the fixed version and later ones, and counts an older release line by its own range', () => {
    const list = { reviewed: '2026-11-30', advisories: [RSC_RCE] }
    for (const version of ['16.0.7', '16.4.6', '14.2.35']) {
      expect(checkAdvisories(list, lockWith({ 'node_modules/next': version }), today)).toEqual([])
    }
    expect(checkAdvisories(list, lockWith({ 'node_modules/next': '15.0.4' }), today)).toHaveLength(1)
  })

  it('finds nested copies, so a fixed top-level copy does not hide an affected one below another package', () => {
    const nested = lockWith({ 'node_modules/next': '16.4.6', 'node_modules/some-tool/node_modules/next': '16.0.1' })
    expect(installedCopies(nested, 'next').map((copy) => copy.version)).toEqual(['16.4.6', '16.0.1'])
    const findings = checkAdvisories({ reviewed: '2026-11-30', advisories: [RSC_RCE] }, nested, today)
    expect(findings.map((finding) => finding.kind === 'affected' && finding.copy.path)).toEqual([
      'node_modules/some-tool/node_modules/next',
    ])
  })

  it('lets a reviewed acceptance stand only until its date, and asks to remove it once nothing is affected', () => {
    const accepted = { ...RSC_RCE, accepted: { until: '2026-12-31', reason: 'staff only' } }
    const list = { reviewed: '2026-11-30', advisories: [accepted] }
    const affectedLock = lockWith({ 'node_modules/next': '16.0.6' })
    expect(checkAdvisories(list, affectedLock, today)).toEqual([])
    expect(checkAdvisories(list, affectedLock, new Date('2027-01-01')).map((finding) => finding.kind)).toEqual([
      'acceptance-expired',
    ])
    expect(
      checkAdvisories(list, lockWith({ 'node_modules/next': '16.4.6' }), today).map((finding) => finding.kind),
    ).toEqual(['acceptance-stale'])
  })

  it('refuses entries that cannot be checked: a bad id, range or fixed version inside the range', () => {
    const broken: Advisory[] = [
      { ...RSC_RCE, ghsa: 'GHSA-nope' },
      { ...RSC_RCE, affected: 'sometimes' },
      { ...RSC_RCE, fixed: '16.0.1' },
    ]
    const findings = checkAdvisories({ reviewed: '2026-11-30', advisories: broken }, lockWith({}), today)
    expect(findings.map((finding) => finding.kind)).toEqual(['invalid-entry', 'invalid-entry', 'invalid-entry'])
  })
})

describe('SECURITY.md', () => {
  const securityText = fs.readFileSync(path.join(repoRoot, 'SECURITY.md'), 'utf8')

  it('lists every tracked advisory, and no advisory the checker does not track', () => {
    const tracked = new Set(advisories.advisories.map((advisory) => advisory.ghsa))
    const listed = new Set(securityText.match(/GHSA(-[23456789cfghjmpqrvwx]{4}){3}/g) ?? [])
    expect([...tracked].filter((id) => !listed.has(id))).toEqual([])
    expect([...listed].filter((id) => !tracked.has(id))).toEqual([])
  })
})

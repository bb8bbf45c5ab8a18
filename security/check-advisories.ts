// Checks the installed versions (package-lock.json) against the advisories we track in advisories.json.
// Pure: callers pass the parsed files and today's date. Our registry does not answer `npm audit`, so this
// is the audit; SECURITY.md's dependency table lists the same advisories.
import semver from 'semver'

export interface Advisory {
  package: string
  ghsa: string
  cve: string | null
  title: string
  /** semver range of affected versions. */
  affected: string
  /** First fixed version on the newest affected release line. */
  fixed: string
  /** Why it does not apply to us, or why it is fixed. */
  why: string
  /** A reviewed, time-limited acceptance while an affected version is still installed. */
  accepted?: { until: string; reason: string }
}

export interface AdvisoryList {
  reviewed: string
  advisories: Advisory[]
}

/** The lockfile shape we read: npm's lockfileVersion 2/3 `packages` map. */
export interface LockFile {
  packages: Record<string, { version?: string }>
}

export interface InstalledCopy {
  path: string
  version: string
}

export type AdvisoryFinding =
  | { kind: 'affected'; advisory: Advisory; copy: InstalledCopy }
  | { kind: 'acceptance-expired'; advisory: Advisory; copy: InstalledCopy }
  | { kind: 'acceptance-stale'; advisory: Advisory }
  | { kind: 'invalid-entry'; advisory: Advisory; problem: string }

/** Every copy of a package in the lockfile, top-level and nested (node_modules/x/node_modules/pkg). */
export function installedCopies(lock: LockFile, name: string): InstalledCopy[] {
  const suffix = `node_modules/${name}`
  return Object.entries(lock.packages)
    .filter(([path, entry]) => (path === suffix || path.endsWith(`/${suffix}`)) && entry.version)
    .map(([path, entry]) => ({ path, version: entry.version! }))
}

function entryProblem(advisory: Advisory): string | null {
  if (!/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(advisory.ghsa)) return `"${advisory.ghsa}" is not a GHSA id`
  if (semver.validRange(advisory.affected) === null)
    return `affected range "${advisory.affected}" is not a semver range`
  if (semver.valid(advisory.fixed) === null) return `fixed version "${advisory.fixed}" is not a version`
  if (semver.satisfies(advisory.fixed, advisory.affected))
    return `fixed version ${advisory.fixed} lies inside the affected range`
  if (advisory.why.trim() === '') return 'says nothing about why it does not apply'
  if (advisory.accepted && Number.isNaN(Date.parse(advisory.accepted.until))) return 'accepted.until is not a date'
  return null
}

/** A copy is vulnerable when its version is in the affected range or below the fixed version of its line. */
export function isVulnerable(version: string, advisory: Advisory): boolean {
  if (semver.satisfies(version, advisory.affected, { includePrerelease: true })) return true
  return semver.major(version) === semver.major(advisory.fixed) && semver.lt(version, advisory.fixed)
}

/** Findings that must fail the check; an empty list means every tracked advisory is fixed or accepted. */
export function checkAdvisories(list: AdvisoryList, lock: LockFile, today: Date): AdvisoryFinding[] {
  const findings: AdvisoryFinding[] = []
  for (const advisory of list.advisories) {
    const problem = entryProblem(advisory)
    if (problem) {
      findings.push({ kind: 'invalid-entry', advisory, problem })
      continue
    }
    const vulnerable = installedCopies(lock, advisory.package).filter((copy) => isVulnerable(copy.version, advisory))
    const acceptedUntil = advisory.accepted ? new Date(advisory.accepted.until) : null
    for (const copy of vulnerable) {
      if (!acceptedUntil) findings.push({ kind: 'affected', advisory, copy })
      else if (acceptedUntil < today) findings.push({ kind: 'acceptance-expired', advisory, copy })
    }
    if (acceptedUntil && vulnerable.length === 0) findings.push({ kind: 'acceptance-stale', advisory })
  }
  return findings
}

export function describeFinding(finding: AdvisoryFinding): string {
  const { advisory } = finding
  const id = `${advisory.package} ${advisory.ghsa}`
  switch (finding.kind) {
    case 'affected':
      return `${id}: ${finding.copy.path}@${finding.copy.version} is affected (${advisory.affected}); upgrade to ${advisory.fixed} or later`
    case 'acceptance-expired':
      return `${id}: the acceptance of ${finding.copy.path}@${finding.copy.version} ended on ${advisory.accepted?.until}; upgrade to ${advisory.fixed} or review it again`
    case 'acceptance-stale':
      return `${id}: accepted, but no installed copy is affected any more; remove "accepted" from security/advisories.json`
    case 'invalid-entry':
      return `${id}: ${finding.problem}`
  }
}

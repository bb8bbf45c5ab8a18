// The parts of `npm run import` that need no database: argument checks and the dry-run JSON contract.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { runImportCli } from '@/content-transfer/import-cli'

import { DOCUMENTED_KEY_ORDER } from './support/entry-key-order'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const seedFile = path.join(repoRoot, 'seed/terms/cloudtrail.txt')

async function run(argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runImportCli(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) })
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

describe('npm run import -- --dry-run --json', () => {
  it('prints the contract JSON for CloudTrail exactly, and nothing else on stdout', async () => {
    const { code, stdout } = await run(['--dry-run', '--json', seedFile])
    expect(code).toBe(0)
    const [cloudtrail] = JSON.parse(stdout) as Record<string, unknown>[]
    expect(Object.keys(cloudtrail!)).toEqual(DOCUMENTED_KEY_ORDER)
    expect(cloudtrail).toMatchObject({
      title: 'CloudTrail',
      slug: 'cloudtrail',
      definition: 'AWS service that records all API calls made in your account for security and compliance.',
      analogy: 'Like a detailed security log that tracks who did what and when.',
      providerEquivalents: [
        { provider: 'AWS', service: 'AWS CloudTrail' },
        { provider: 'Azure', service: 'Azure Activity Log' },
        { provider: 'GCP', service: 'Cloud Audit Logs' },
        { provider: 'OCI', service: 'OCI Audit' },
      ],
      category: 'security',
      difficulty: 'intermediate',
      relatedTerms: [],
      seeAlso: [],
    })
    const useCases = cloudtrail!.useCases as { organization: string; outcome: string }[]
    expect(useCases.map((useCase) => useCase.organization)).toEqual(['Netflix', 'Capital One'])
    for (const useCase of useCases) {
      expect(Object.keys(useCase)).toEqual(['organization', 'scenario', 'solution', 'outcome'])
      expect(useCase.outcome).not.toMatch(/^\(|\)$/)
    }
    expect((cloudtrail!.faqs as unknown[]).length).toBe(3)
  })

  it('leaves an invalid file out, reports FILE:LINE: reason on stderr and exits 1', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-dry-'))
    const invalid = path.join(directory, 'invalid.txt')
    fs.writeFileSync(
      invalid,
      'Nameless\nDefinition\nText.\nFrequently Asked Questions\n- A question?\nCategory: x\nDifficulty: easy\n',
    )
    const { code, stdout, stderr } = await run(['--dry-run', '--json', invalid, seedFile])
    expect(code).toBe(1)
    expect(stderr).toContain(`${invalid}:5: FAQ question has no answer`)
    expect(stderr).toMatch(new RegExp(`${invalid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: .*easy`))
    expect((JSON.parse(stdout) as { slug: string }[]).map((document) => document.slug)).toEqual(['cloudtrail'])
    fs.rmSync(directory, { recursive: true, force: true })
  })

  it('refuses two files that would become the same term', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-dup-'))
    const duplicate = path.join(directory, 'cloudtrail-again.txt')
    fs.copyFileSync(seedFile, duplicate)
    const { code, stderr } = await run(['--dry-run', seedFile, duplicate])
    expect(code).toBe(1)
    expect(stderr).toContain(`${duplicate}:1: slug "cloudtrail" is already used by ${seedFile}`)
    fs.rmSync(directory, { recursive: true, force: true })
  })

  it('explains its usage when called wrongly', async () => {
    expect((await run(['--dry-run'])).stderr).toContain('usage: npm run import')
    const badStatus = await run(['--status', 'live', seedFile])
    expect(badStatus.code).toBe(2)
    expect(badStatus.stderr).toContain('--status must be draft or published, not "live"')
    const missing = await run(['--dry-run', '/nonexistent/cloudlex.txt'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('/nonexistent/cloudlex.txt')
  })
})

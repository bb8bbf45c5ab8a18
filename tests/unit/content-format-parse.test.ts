import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { DIFFICULTIES, parseTermDocument, slugify, type TermDocument } from '@/content-format'

import { DOCUMENTED_KEY_ORDER } from './support/entry-key-order'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const realExamplePath = path.join(repoRoot, 'seed/terms/cloudtrail.txt')

interface Parts {
  title: string[]
  definition: string[]
  useCases: string[]
  providers: string[]
  faqs: string[]
  fields: string[]
  relatedTerms: string[]
  seeAlso: string[]
}

const VALID_PARTS: Parts = {
  title: ['Load Balancer'],
  definition: ['Spreads incoming traffic across several servers. Like a host seating guests at free tables.'],
  useCases: ['- Acme: Spiky web traffic — Put a load balancer in front of the web tier (Fewer outages)'],
  providers: ['- AWS: Elastic Load Balancing', '- Azure: Azure Load Balancer'],
  faqs: ['- Is it a single point of failure?', '- No, managed load balancers are redundant.'],
  fields: ['Category: networking', 'Difficulty: beginner'],
  relatedTerms: ['- Auto Scaling'],
  seeAlso: ['- Reverse Proxy'],
}

/** A valid term document with some parts replaced. */
function termText(overrides: Partial<Parts> = {}): string {
  const parts = { ...VALID_PARTS, ...overrides }
  return [
    ...parts.title,
    'Definition',
    ...parts.definition,
    'Use Cases',
    ...parts.useCases,
    'Provider Equivalents',
    ...parts.providers,
    'Frequently Asked Questions',
    ...parts.faqs,
    ...parts.fields,
    'Related Terms',
    ...parts.relatedTerms,
    'See Also',
    ...parts.seeAlso,
  ].join('\n')
}

function parseOk(text: string): TermDocument {
  const result = parseTermDocument(text)
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.problems, null, 2)}`)
  return result.document
}

function problemsOf(text: string) {
  const result = parseTermDocument(text)
  if (result.ok) throw new Error('expected problems, but the document parsed')
  return result.problems
}

/** 1-based number of the first line whose trimmed text equals `content`. */
function lineOf(text: string, content: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.trim() === content)
  if (index < 0) throw new Error(`line not found: ${content}`)
  return index + 1
}

/** Asserts the text has exactly one problem, on the line `lineContent`, whose message contains `messagePart`. */
function expectOneProblem(text: string, lineContent: string, messagePart: string): void {
  expect(problemsOf(text)).toEqual([{ line: lineOf(text, lineContent), message: expect.stringContaining(messagePart) }])
}

describe('the real CloudTrail example', () => {
  const document = parseOk(readFileSync(realExamplePath, 'utf8'))

  it('parses into the complete expected document', () => {
    expect(document).toEqual({
      title: 'CloudTrail',
      slug: 'cloudtrail',
      definition: 'AWS service that records all API calls made in your account for security and compliance.',
      analogy: 'Like a detailed security log that tracks who did what and when.',
      useCases: [
        {
          organization: 'Netflix',
          scenario:
            'Security investigations and compliance auditing across a large AWS footprint by tracking changes to IAM, networking, and compute resources.',
          solution:
            'Enabled AWS CloudTrail organization trails to centrally capture management events across multiple AWS accounts, delivered logs to a dedicated S3 bucket with restricted access and retention policies, and used automated analysis/alerting on suspicious API activity.',
          outcome:
            'Improved incident response by providing a reliable, centralized history of account activity and configuration changes, supporting audit requirements and faster root-cause analysis.',
        },
        {
          organization: 'Capital One',
          scenario:
            'Auditability and detection of unauthorized or risky changes (for example, IAM policy updates, security group modifications, and key management actions).',
          solution:
            'Configured CloudTrail to log management events across accounts, stored logs in S3 with strong access controls and retention, and integrated log analysis to support security monitoring and investigations.',
          outcome:
            'Stronger governance and traceability of administrative actions, enabling quicker investigation of security events and improved compliance reporting.',
        },
      ],
      providerEquivalents: [
        { provider: 'AWS', service: 'AWS CloudTrail' },
        { provider: 'Azure', service: 'Azure Activity Log' },
        { provider: 'GCP', service: 'Cloud Audit Logs' },
        { provider: 'OCI', service: 'OCI Audit' },
      ],
      faqs: [
        {
          question: "What's the difference between AWS CloudTrail and Amazon CloudWatch?",
          answer:
            'CloudTrail records AWS API activity (who called which API, when, from what IP, and whether it succeeded). CloudWatch is primarily for metrics, alarms, and operational logs from applications and AWS resources. In practice, you often send CloudTrail events to CloudWatch Logs to create alerts on specific API actions.',
        },
        {
          question: 'When should I use CloudTrail?',
          answer:
            'Use CloudTrail whenever you need an audit trail of activity in AWS: security investigations, compliance evidence, tracking configuration changes, and detecting suspicious behavior (like unexpected IAM changes or disabling security controls). Most organizations enable it by default for all accounts and regions, then add alerting for high-risk actions.',
        },
        {
          question: 'How much does CloudTrail cost?',
          answer:
            'Pricing depends on what you enable and where you send logs. CloudTrail typically includes a free tier for basic event history, while delivering events to S3/CloudWatch Logs, enabling data events (like S3 object-level or Lambda invoke events), Insights, and long-term storage/analysis can add cost. Main cost drivers are the volume of logged events (especially data events), CloudWatch Logs ingestion/retention if used, and S3 storage plus any query/analytics tools you run on the logs.',
        },
      ],
      category: 'security',
      difficulty: 'intermediate',
      relatedTerms: [],
      seeAlso: [],
    })
  })

  it('uses the documented key order', () => {
    expect(Object.keys(document)).toEqual(DOCUMENTED_KEY_ORDER)
    expect(Object.keys(document.useCases[0] ?? {})).toEqual(['organization', 'scenario', 'solution', 'outcome'])
    expect(Object.keys(document.providerEquivalents[0] ?? {})).toEqual(['provider', 'service'])
    expect(Object.keys(document.faqs[0] ?? {})).toEqual(['question', 'answer'])
  })
})

describe('encoding and whitespace', () => {
  const expected = parseOk(termText())

  it('tolerates a leading BOM, CRLF line endings, trailing spaces and blank lines', () => {
    const messy = `\uFEFF\r\n${termText().split('\n').join('  \r\n')}\t\r\n\r\n`
    expect(parseOk(messy)).toEqual(expected)
  })

  it('reports line numbers of the original text when CRLF and leading blank lines are used', () => {
    const text = `\uFEFF\r\n\r\n${termText({ fields: ['Category: networking', 'Difficulty: expert'] }).replaceAll('\n', '\r\n')}`
    expectOneProblem(text, 'Difficulty: expert', 'Difficulty "expert" is not allowed')
  })
})

describe('title and slug', () => {
  it('takes the first non-empty line, trimmed, and derives the slug from it', () => {
    const document = parseOk(termText({ title: ['', '   Amazon S3 (Simple Storage Service)  '] }))
    expect(document.title).toBe('Amazon S3 (Simple Storage Service)')
    expect(document.slug).toBe('amazon-s3-simple-storage-service')
  })

  it('reports "missing title" when the first line is a heading', () => {
    const text = termText({ title: [] })
    expect(problemsOf(text)).toEqual([{ line: 1, message: expect.stringContaining('missing title') }])
  })

  it('reports "missing title" when the first line is a Category or Difficulty line', () => {
    const text = ['Category: networking', 'Definition', 'Text.', 'Difficulty: beginner'].join('\n')
    expect(problemsOf(text)).toEqual([{ line: 1, message: expect.stringContaining('missing title') }])
  })

  it('reports "missing title" (and the missing required parts) for an empty file', () => {
    const problems = problemsOf(' \n\n')
    expect(problems.map((problem) => problem.line)).toEqual([1, 1, 1, 1])
    expect(problems[0]?.message).toContain('missing title')
  })

  it('reports a title that gives an empty slug', () => {
    const text = termText({ title: ['¿¡ — !?'] })
    expectOneProblem(text, '¿¡ — !?', 'empty slug')
  })
})

describe('slugify', () => {
  it.each([
    ['CloudTrail', 'cloudtrail'],
    ['Amazon S3 (Simple Storage Service)', 'amazon-s3-simple-storage-service'],
    ['  --Infrastructure as Code--  ', 'infrastructure-as-code'],
    ['CI/CD', 'ci-cd'],
    ['Café & Co.', 'caf-co'],
    ['¿¡!?', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })

  it('cuts a long title at the last whole word within 120 characters', () => {
    const title = 'Managed service for '.repeat(10).trim()
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug).toMatch(/^managed-service-for-.*-(managed|service|for)$/)
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(120))
  })
})

describe('sections and fields', () => {
  it('recognises headings and field keys case-insensitively with surrounding spaces', () => {
    const text = termText()
      .replace('Use Cases', '  USE CASES  ')
      .replace('Frequently Asked Questions', 'frequently asked questions')
      .replace('Category: networking', 'CATEGORY : networking')
      .replace('Difficulty: beginner', 'difficulty:beginner')
    expect(parseOk(text)).toEqual(parseOk(termText()))
  })

  it('accepts missing and empty optional sections', () => {
    const text = [
      'Egress',
      'Definition',
      'Data leaving the network.',
      'Use Cases',
      'Category: billing',
      'Difficulty: beginner',
    ].join('\n')
    expect(parseOk(text)).toMatchObject({
      useCases: [],
      providerEquivalents: [],
      faqs: [],
      relatedTerms: [],
      seeAlso: [],
    })
  })

  it('reports a missing Definition section at line 1', () => {
    const text = ['Egress', 'Category: billing', 'Difficulty: beginner'].join('\n')
    expect(problemsOf(text)).toEqual([{ line: 1, message: expect.stringContaining('Definition section is missing') }])
  })

  it('reports a missing Category at line 1', () => {
    const text = termText({ fields: ['Difficulty: beginner'] })
    expect(problemsOf(text)).toEqual([{ line: 1, message: expect.stringContaining('Category is missing') }])
  })

  it('reports a missing Difficulty at line 1, listing the allowed values', () => {
    const text = termText({ fields: ['Category: networking'] })
    expect(problemsOf(text)).toEqual([
      { line: 1, message: expect.stringMatching(/Difficulty is missing.*beginner, intermediate, advanced/) },
    ])
  })

  it('reports a heading that appears twice at its second occurrence', () => {
    const text = termText({ seeAlso: ['- Reverse Proxy', 'Related Terms', '- Health Check'] })
    const lines = text.split('\n')
    const second = lines.lastIndexOf('Related Terms') + 1
    expect(problemsOf(text)).toEqual([
      {
        line: second,
        message: expect.stringContaining(
          `"Related Terms" heading appears twice (first at line ${lineOf(text, 'Related Terms')})`,
        ),
      },
    ])
  })

  it('reports text between the title and the first heading', () => {
    const text = termText({ title: ['Load Balancer', 'A stray sentence.'] })
    expectOneProblem(text, 'A stray sentence.', 'text outside any section')
  })

  it('ends the current section at a Category or Difficulty line', () => {
    const text = termText({ fields: ['Category: networking', '- Not a FAQ any more', 'Difficulty: beginner'] })
    expectOneProblem(text, '- Not a FAQ any more', 'text outside any section')
  })
})

describe('definition and analogy', () => {
  function definitionOf(lines: string[]) {
    const { definition, analogy } = parseOk(termText({ definition: lines }))
    return { definition, analogy }
  }

  it('splits off a last sentence starting with "Like " as the analogy', () => {
    expect(definitionOf(['Spreads traffic. Like a host seating guests.'])).toEqual({
      definition: 'Spreads traffic.',
      analogy: 'Like a host seating guests.',
    })
  })

  it('splits off a last sentence starting with "Think of ", after ! or ?', () => {
    expect(definitionOf(['Why use it? Think of it as a traffic cop!'])).toEqual({
      definition: 'Why use it?',
      analogy: 'Think of it as a traffic cop!',
    })
    expect(definitionOf(['It scales! Think of a toll plaza'])).toEqual({
      definition: 'It scales!',
      analogy: 'Think of a toll plaza',
    })
  })

  it('joins paragraphs (one per non-empty line, trimmed) with a blank line', () => {
    expect(definitionOf(['  First paragraph.  ', '', 'Second paragraph. Like a relay race.'])).toEqual({
      definition: 'First paragraph.\n\nSecond paragraph.',
      analogy: 'Like a relay race.',
    })
  })

  it('has no analogy when the last sentence does not start with "Like " or "Think of "', () => {
    expect(definitionOf(['It hands work on, like a relay race.'])).toEqual({
      definition: 'It hands work on, like a relay race.',
      analogy: null,
    })
    expect(definitionOf(['It hands work on. Like a relay race. Each server takes a share.'])).toEqual({
      definition: 'It hands work on. Like a relay race. Each server takes a share.',
      analogy: null,
    })
    expect(definitionOf(['It hands work on. like a relay race.'])).toMatchObject({ analogy: null })
    expect(definitionOf(['It hands work on. Likewise it scales.'])).toMatchObject({ analogy: null })
  })

  it('only looks at the last paragraph', () => {
    expect(definitionOf(['It hands work on. Like a relay race.', 'Each server takes a share.'])).toMatchObject({
      analogy: null,
    })
  })

  it('needs whitespace after the punctuation for a sentence boundary', () => {
    expect(definitionOf(['Uses v1.Like syntax.'])).toMatchObject({ analogy: null })
  })

  it('drops the last paragraph when it is only the analogy', () => {
    expect(definitionOf(['Spreads traffic', 'Like a host seating guests.'])).toEqual({
      definition: 'Spreads traffic',
      analogy: 'Like a host seating guests.',
    })
  })

  it('reports a definition that is only an analogy', () => {
    const text = termText({ definition: ['Like a host seating guests.'] })
    expectOneProblem(text, 'Like a host seating guests.', 'Definition has no text besides the analogy')
  })

  it('reports an empty Definition section at its heading', () => {
    const text = termText({ definition: [''] })
    expectOneProblem(text, 'Definition', 'Definition section is empty')
  })
})

describe('use cases', () => {
  function useCasesOf(lines: string[]) {
    return parseOk(termText({ useCases: lines })).useCases
  }

  function expectUseCaseProblem(line: string, messagePart: string): void {
    expectOneProblem(termText({ useCases: [line] }), line, messagePart)
  }

  it('reads organization, scenario, solution and the outcome without its parentheses', () => {
    expect(useCasesOf(['-  Acme Corp : Spiky traffic  —  Added a load balancer  ( Fewer outages ) '])).toEqual([
      {
        organization: 'Acme Corp',
        scenario: 'Spiky traffic',
        solution: 'Added a load balancer',
        outcome: 'Fewer outages',
      },
    ])
  })

  it('accepts " -- " as the separator and uses whichever separator comes first', () => {
    expect(useCasesOf(['- Acme: Spiky traffic -- Added one — then two (Fewer outages)'])).toEqual([
      { organization: 'Acme', scenario: 'Spiky traffic', solution: 'Added one — then two', outcome: 'Fewer outages' },
    ])
    expect(useCasesOf(['- Acme: Spiky traffic — Added one -- then two'])).toMatchObject([
      { scenario: 'Spiky traffic', solution: 'Added one -- then two' },
    ])
  })

  it('takes the organization up to the first ":" only', () => {
    expect(useCasesOf(['- Acme: Time: of day — Routed by region'])).toMatchObject([
      { organization: 'Acme', scenario: 'Time: of day' },
    ])
  })

  it('has a null outcome when the line does not end with a parenthesised group', () => {
    expect(useCasesOf(['- Acme: Spiky traffic — Added a load balancer (ALB) in front of the web tier'])).toEqual([
      {
        organization: 'Acme',
        scenario: 'Spiky traffic',
        solution: 'Added a load balancer (ALB) in front of the web tier',
        outcome: null,
      },
    ])
  })

  it('keeps parentheses in the scenario and handles nested parentheses in the outcome', () => {
    expect(useCasesOf(['- Acme: Video (4K) for all — Cached at the edge (HD) (Startup fell to 1 s (median))'])).toEqual(
      [
        {
          organization: 'Acme',
          scenario: 'Video (4K) for all',
          solution: 'Cached at the edge (HD)',
          outcome: 'Startup fell to 1 s (median)',
        },
      ],
    )
  })

  it('reports a line that does not start with "- "', () => {
    expectUseCaseProblem('* Acme: Spiky traffic — Added a load balancer', 'must start with "- "')
  })

  it('reports a missing "ORGANIZATION:"', () => {
    expectUseCaseProblem('- Spiky traffic — Added a load balancer', 'use case has no "ORGANIZATION:"')
  })

  it('reports a missing separator', () => {
    expectUseCaseProblem(
      '- Acme: Spiky traffic - Added a load balancer',
      'use case has no " — " separator between scenario and solution',
    )
  })

  it.each([
    ['- : Spiky traffic — Added a load balancer', 'organization is empty'],
    ['- Acme: — Added a load balancer', 'scenario is empty'],
    ['- Acme: Spiky traffic —', 'solution is empty'],
    ['- Acme: Spiky traffic — (Fewer outages)', 'solution is empty'],
    ['- Acme: Spiky traffic — Added a load balancer ()', 'outcome "()" is empty'],
    ['- Acme: Spiky traffic — Added a load balancer (Fewer outages))', 'has no matching "("'],
  ])('reports %j', (line, messagePart) => {
    expectUseCaseProblem(line, messagePart)
  })
})

describe('provider equivalents', () => {
  function providersOf(lines: string[]) {
    return parseOk(termText({ providers: lines })).providerEquivalents
  }

  it('reads provider and service; the service may contain ":"', () => {
    expect(providersOf(['- AWS: Elastic Load Balancing', '- Azure : Front Door: Standard tier'])).toEqual([
      { provider: 'AWS', service: 'Elastic Load Balancing' },
      { provider: 'Azure', service: 'Front Door: Standard tier' },
    ])
  })

  it('reads "—", "-", "N/A", "None" (any case) and empty services as null', () => {
    const lines = ['- A: —', '- B: -', '- C: N/A', '- D: n/a', '- E: NONE', '- F:', '- G: None of them']
    expect(providersOf(lines).map((entry) => entry.service)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'None of them',
    ])
  })

  it('reports a line without "PROVIDER:"', () => {
    expectOneProblem(
      termText({ providers: ['- AWS Elastic Load Balancing'] }),
      '- AWS Elastic Load Balancing',
      'no "PROVIDER:"',
    )
  })

  it('reports an empty provider name', () => {
    expectOneProblem(
      termText({ providers: ['- : Elastic Load Balancing'] }),
      '- : Elastic Load Balancing',
      'provider name is empty',
    )
  })

  it('reports the same provider twice, ignoring case', () => {
    const text = termText({ providers: ['- AWS: Elastic Load Balancing', '- aws: Application Load Balancer'] })
    expectOneProblem(
      text,
      '- aws: Application Load Balancer',
      `provider "aws" is listed twice (first at line ${lineOf(text, '- AWS: Elastic Load Balancing')})`,
    )
  })

  it('reports a line that does not start with "- "', () => {
    expectOneProblem(
      termText({ providers: ['AWS: Elastic Load Balancing'] }),
      'AWS: Elastic Load Balancing',
      'must start with "- "',
    )
  })
})

describe('frequently asked questions', () => {
  it('pairs alternating lines as question and answer', () => {
    const faqs = parseOk(termText({ faqs: ['- Q1?', '- A1.', '', '- Q2?', '- A2.'] })).faqs
    expect(faqs).toEqual([
      { question: 'Q1?', answer: 'A1.' },
      { question: 'Q2?', answer: 'A2.' },
    ])
  })

  it('reports a question without an answer at the question line', () => {
    const text = termText({ faqs: ['- Q1?', '- A1.', '- Q2?'] })
    expectOneProblem(text, '- Q2?', 'FAQ question has no answer')
  })

  it('reports a line that does not start with "- "', () => {
    const text = termText({ faqs: ['- Q1?', 'A1.'] })
    expect(problemsOf(text)).toEqual(
      [
        { line: lineOf(text, 'A1.'), message: expect.stringContaining('must start with "- "') },
        { line: lineOf(text, '- Q1?'), message: expect.stringContaining('FAQ question has no answer') },
      ].sort((a, b) => a.line - b.line),
    )
  })

  it('reports an empty "- " line', () => {
    const text = termText({ faqs: ['- Q1?', '-', '- A1.'] })
    expectOneProblem(text, '-', 'empty "- " line')
  })
})

describe('category and difficulty', () => {
  it('stores the category trimmed and lower-cased', () => {
    expect(parseOk(termText({ fields: ['Category:   Machine Learning ', 'Difficulty: beginner'] })).category).toBe(
      'machine learning',
    )
  })

  it('reports an empty category', () => {
    const text = termText({ fields: ['Category:', 'Difficulty: beginner'] })
    expectOneProblem(text, 'Category:', 'Category is empty')
  })

  it.each(DIFFICULTIES.flatMap((difficulty) => [difficulty, difficulty.toUpperCase()]))(
    'accepts difficulty %j and stores it lower-case',
    (value) => {
      expect(parseOk(termText({ fields: ['Category: networking', `Difficulty: ${value}`] })).difficulty).toBe(
        value.toLowerCase(),
      )
    },
  )

  it('reports an unknown difficulty, quoting it and listing the allowed values', () => {
    const text = termText({ fields: ['Category: networking', 'Difficulty: Expert'] })
    expectOneProblem(
      text,
      'Difficulty: Expert',
      'Difficulty "Expert" is not allowed; use one of: beginner, intermediate, advanced',
    )
  })

  it('reports Category given twice at the second line', () => {
    const text = termText({ fields: ['Category: networking', 'Difficulty: beginner', 'Category: compute'] })
    expectOneProblem(text, 'Category: compute', 'Category is given twice (first at line')
  })

  it('reports Difficulty given twice at the second line', () => {
    const text = termText({ fields: ['Difficulty: beginner', 'Category: networking', 'Difficulty: advanced'] })
    expectOneProblem(text, 'Difficulty: advanced', 'Difficulty is given twice (first at line')
  })
})

describe('related terms and see also', () => {
  it('keeps names as written, trimmed', () => {
    const document = parseOk(
      termText({ relatedTerms: ['-   Auto Scaling  ', '- CI/CD'], seeAlso: ['- reverse proxy'] }),
    )
    expect(document.relatedTerms).toEqual(['Auto Scaling', 'CI/CD'])
    expect(document.seeAlso).toEqual(['reverse proxy'])
  })

  it('reports a Related Terms line that does not start with "- "', () => {
    expectOneProblem(
      termText({ relatedTerms: ['Auto Scaling'] }),
      'Auto Scaling',
      '"Related Terms" section must start with "- "',
    )
  })

  it('reports a See Also line that does not start with "- "', () => {
    expectOneProblem(
      termText({ seeAlso: ['Reverse Proxy'] }),
      'Reverse Proxy',
      '"See Also" section must start with "- "',
    )
  })
})

describe('problem collection', () => {
  it('collects every problem in the file, sorted by line', () => {
    const text = termText({
      title: ['Load Balancer', 'stray text'],
      useCases: ['- Acme Spiky traffic'],
      providers: ['- AWS: ELB', '- AWS: ALB'],
      fields: ['Category: networking', 'Difficulty: hard'],
      seeAlso: ['Reverse Proxy'],
    })
    const problems = problemsOf(text)
    expect(problems.map((problem) => problem.line)).toEqual([
      lineOf(text, 'stray text'),
      lineOf(text, '- Acme Spiky traffic'),
      lineOf(text, '- AWS: ALB'),
      lineOf(text, 'Difficulty: hard'),
      lineOf(text, 'Reverse Proxy'),
    ])
  })

  it('says what was expected in every message', () => {
    const text = [
      'Category: x',
      'stray',
      'Use Cases',
      '- Acme',
      'Provider Equivalents',
      '- AWS',
      'Frequently Asked Questions',
      '- Q?',
      'Difficulty: ?',
    ].join('\n')
    for (const problem of problemsOf(text)) {
      expect(problem.message).toMatch(/expected|must|add|write|use one of|keep/i)
    }
  })
})

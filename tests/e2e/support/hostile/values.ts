// Hostile scalar values and strings shared by the generators.
import type { Random } from './random'

const UP = '..' + '/'

export const REGEX_METACHARACTERS = [
  '.*',
  '(a+)+$',
  '^(.*)*$',
  '[',
  '\\',
  '(?i)',
  '$where',
  '.{0,99999}',
  '*',
  '%',
  '_',
  '%_%',
  '\\d+\\',
  '[[:alpha:]]',
]

export const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE terms; --',
  '" OR 1=1 --',
  "') UNION SELECT password FROM users --",
  '{"$ne":null}',
  '{"$gt":""}',
  '$where',
  'function(){return true}',
  '__proto__',
  'constructor',
  'prototype',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  `${UP.repeat(6)}etc/passwd`,
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  '%00',
  '\r\nSet-Cookie: x=1',
]

export const ODD_TEXT = [
  '',
  ' ',
  '\t',
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '{}',
  'ﬀ',
  'İ',
  'ß',
  '東京',
  '🚀'.repeat(50),
  'a\u0301',
  '\u202e',
  '\ufeff',
  '\ud800',
  'x'.repeat(300),
]

export const ODD_NUMBERS = [
  '-1',
  '0',
  '1e309',
  '-0',
  '9007199254740993',
  '99999999999',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '1e3',
  '',
  ' 1',
  '10abc',
  '[1]',
]

export function hostileString(random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
      return random.pick(REGEX_METACHARACTERS)
    case 1:
      return random.pick(INJECTIONS)
    case 2:
      return random.pick(ODD_TEXT)
    case 3:
      return random
        .pick(['a', 'é', '(', '%', '.*'])
        .repeat(random.chance(0.05) ? 100_000 : random.pick([1_000, 10_000]))
    default:
      return random.pick(['cloud', 'Key Vault', 'kubernets', 'IAM', 'aws', 's3']) + random.pick(ODD_TEXT)
  }
}

/** Any JSON value of a wrong or odd type for a field. */
export function hostileJsonValue(random: Random, depth = 0): unknown {
  switch (random.int(0, 8)) {
    case 0:
      return hostileString(random)
    case 1:
      return random.pick([null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1])
    case 2:
      return depth > 2 ? [] : Array.from({ length: random.int(0, 4) }, () => hostileJsonValue(random, depth + 1))
    case 3:
      return depth > 2
        ? {}
        : {
            [random.pick(['$ne', '$gt', '$where', '__proto__', 'constructor', 'id', 'equals'])]: hostileJsonValue(
              random,
              depth + 1,
            ),
          }
    case 4:
      return nestedObject(random.pick([50, 500]))
    case 5:
      return 'x'.repeat(random.pick([10_000, 50_000]))
    default:
      return random.pick(ODD_TEXT)
  }
}

export function nestedObject(levels: number): unknown {
  let value: unknown = 'deep'
  for (let level = 0; level < levels; level++) value = { a: value }
  return value
}

/** Deeply nested JSON text, built as text: JSON.stringify itself would overflow the stack. */
export function nestedObjectJson(levels: number): string {
  return '{"a":'.repeat(levels) + '"deep"' + '}'.repeat(levels)
}

export function nestedArrayJson(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels)
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** encodeURIComponent that also sends lone surrogates, as the invalid UTF-8 bytes %ED%A0%80 a client could. */
export function encodeHostile(text: string): string {
  if (text.isWellFormed()) return encodeURIComponent(text)
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ue000')).replaceAll('%EE%80%80', '%ED%A0%80')
}

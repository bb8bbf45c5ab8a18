// The size of a Payload `where` tree: how deep its and/or groups nest, how many conditions it holds and
// the longest list one condition names. Measuring stops as soon as a ceiling is passed, so a hostile
// tree costs no more to refuse than one just over the cap. Pure: no Payload imports.
export type WhereShape = { nesting: number; conditions: number; longestList: number }
type Ceilings = { nesting: number; conditions: number }

/** Payload also takes these lists as comma-separated strings. */
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
/** A field path with its operator is two levels (`{ title: { equals } }`); a few more allow nested paths. */
const MAX_CONDITION_LEVELS = 4

const isGroup = (key: string) => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'

export function measureWhere(where: unknown, ceilings: Ceilings): WhereShape {
  const shape: WhereShape = { nesting: 0, conditions: 0, longestList: 0 }
  const over = () => shape.nesting > ceilings.nesting || shape.conditions > ceilings.conditions

  const visitCondition = (value: unknown, key: string, level: number) => {
    // `{ field: { operator: value } }`, or a nested path object; every leaf is one condition.
    if (level > MAX_CONDITION_LEVELS) {
      shape.nesting = Number.POSITIVE_INFINITY
      return
    }
    if (Array.isArray(value) || (LIST_OPERATORS.has(key) && typeof value === 'string')) {
      const values = Array.isArray(value) ? value : value.split(',')
      shape.conditions += 1
      shape.longestList = Math.max(shape.longestList, values.length)
      return
    }
    if (!value || typeof value !== 'object') {
      shape.conditions += 1
      return
    }
    for (const [childKey, child] of Object.entries(value)) {
      if (over()) return
      visitCondition(child, childKey, level + 1)
    }
  }

  const visitGroup = (node: unknown, level: number) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (over()) return
      if (!isGroup(key)) {
        visitCondition(value, key, 1)
        continue
      }
      shape.nesting = Math.max(shape.nesting, level + 1)
      const members = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []
      for (const member of members) {
        if (over()) return
        visitGroup(member, level + 1)
      }
    }
  }

  visitGroup(where, 0)
  return shape
}

// The validation of Payload's beforeChange field traversal (payload/dist/fields/hooks/beforeChange/promise.js),
// run on its own after a traversal with `skipValidation`. Payload hands each validator a deep copy of the whole
// document and of the field's siblings, made anew for every field: with rich text in the document, about a
// quarter of an import's time. Validators only read what they are given, so here they get the document itself. The same
// fields are validated (condition passed, a `validate` function, a value of the right shape), with the same
// arguments, and errors are reported as Payload reports them (the values that Payload finds of the wrong
// shape, the traversal reported already). One difference: Payload validates a field right after its own hooks,
// alongside its siblings' hooks; here every hook has run. tests/int/import-validation.test.ts holds both to the
// same errors and data for the collections the import writes.
import type { Field, PayloadRequest, SanitizedCollectionConfig, ValidationFieldError } from 'payload'
import { fieldAffectsData, getFieldPaths } from 'payload/shared'

type Row = Record<string, unknown>

type Scope = {
  collection: SanitizedCollectionConfig
  data: Row
  errors: ValidationFieldError[]
  /** Validators that answer later (a promise): awaited together at the end, as Payload awaits them together. */
  pending: Promise<void>[]
  operation: 'create'
  overrideAccess: boolean
  req: PayloadRequest
}

type Position = {
  blockData: Row | undefined
  fieldLabelPath: string
  parentIndexPath: string
  parentPath: string
  parentSchemaPath: string
}

type AnyField = Field & {
  admin?: { condition?: (data: Row, siblingData: Row, context: Row) => unknown }
  label?: unknown
  name?: string
  validate?: (value: unknown, options: Row) => unknown
}

type Label = string | Record<string, string> | ((args: { i18n: unknown; t: unknown }) => string) | false | undefined

function translatedLabel(label: Label, req: PayloadRequest): string {
  if (typeof label === 'function') return label({ i18n: req.i18n, t: req.i18n.t })
  if (label && typeof label === 'object') {
    const fallbacks = ([] as string[]).concat(req.i18n.fallbackLanguage || [])
    const language = [req.i18n.language, ...fallbacks].find((code) => label[code])
    return label[language ?? Object.keys(label)[0]!]!
  }
  return label || ''
}

function buildFieldLabel(parentLabel: string, label: string): string {
  if (!label) return parentLabel
  const capitalized = label.charAt(0).toUpperCase() + label.slice(1)
  return parentLabel && capitalized ? `${parentLabel} > ${capitalized}` : capitalized || parentLabel
}

/** Payload reports these values as invalid input whether or not it validates, and goes no deeper. */
function hasInvalidValueShape(field: AnyField, value: unknown): boolean {
  if (value === null || value === undefined || !fieldAffectsData(field)) return false
  if (field.type === 'array' || field.type === 'blocks') return !(Array.isArray(value) || typeof value === 'number')
  if (field.type === 'number') return typeof value === 'object' && !(field.hasMany && Array.isArray(value))
  if ((field.type === 'relationship' || field.type === 'upload') && field.hasMany) {
    if (typeof value !== 'object' || Array.isArray(value)) return false
    const prototype = Object.getPrototypeOf(value)
    const relation = value as Row
    const isOnePolymorphicValue =
      Array.isArray(field.relationTo) &&
      (prototype === null || prototype === Object.prototype) &&
      Object.hasOwn(relation, 'relationTo') &&
      Object.hasOwn(relation, 'value') &&
      Reflect.ownKeys(relation).length === 2 &&
      typeof relation.relationTo === 'string' &&
      field.relationTo.includes(relation.relationTo as never) &&
      (typeof relation.value === 'string' || typeof relation.value === 'number')
    return !isOnePolymorphicValue
  }
  return false
}

function validateValue(scope: Scope, field: AnyField, siblingData: Row, path: string, at: Position) {
  const { collection, data, operation, overrideAccess, req } = scope
  const value = siblingData[field.name!]
  let jsonError: unknown
  if (field.type === 'json' && typeof value === 'string') {
    try {
      JSON.parse(value)
    } catch (error) {
      jsonError = error
    }
  }
  const outcome = field.validate!(value, {
    ...field,
    id: undefined,
    blockData: at.blockData,
    collectionSlug: collection.slug,
    data,
    event: 'submit',
    jsonError,
    operation,
    overrideAccess,
    path: path ? path.split('.') : [],
    preferences: { fields: {} },
    previousValue: undefined,
    req,
    siblingData,
  })
  if (typeof (outcome as PromiseLike<unknown> | undefined)?.then === 'function') {
    scope.pending.push(Promise.resolve(outcome).then((result) => reportError(scope, field, path, at, result)))
  } else reportError(scope, field, path, at, outcome)
}

function reportError(scope: Scope, field: AnyField, path: string, at: Position, result: unknown) {
  if (typeof result !== 'string') return
  const label = buildFieldLabel(at.fieldLabelPath, translatedLabel((field.label || field.name) as Label, scope.req))
  scope.errors.push({ label, message: result, path })
}

function childLabelPath(field: AnyField, at: Position, label: string, req: PayloadRequest): string {
  return field.label === false
    ? at.fieldLabelPath
    : buildFieldLabel(at.fieldLabelPath, translatedLabel(label as Label, req))
}

function validateField(scope: Scope, field: AnyField, fieldIndex: number, siblingData: Row, at: Position) {
  const { req } = scope
  const { indexPath, path, schemaPath } = getFieldPaths({ field, index: fieldIndex, ...at })
  const pathSegments = path ? path.split('.') : []
  const condition = field.admin?.condition
  if (
    condition &&
    !condition(scope.data, siblingData, {
      blockData: at.blockData,
      operation: scope.operation,
      path: pathSegments,
      user: req.user,
    })
  ) {
    return
  }
  if (fieldAffectsData(field)) {
    if (hasInvalidValueShape(field, siblingData[field.name])) return
    if (field.validate) validateValue(scope, field, siblingData, path, at)
  }
  validateSubfields(scope, field, siblingData, at, { indexPath, path, schemaPath })
}

type FieldPaths = { indexPath: string; path: string; schemaPath: string }

function validateArrayRows(scope: Scope, field: AnyField, rows: Row[], at: Position, paths: FieldPaths) {
  const { req } = scope
  if (field.type !== 'array') return
  const label = translatedLabel((field.label || field.name) as Label, req)
  for (const [rowIndex, row] of rows.entries()) {
    validateFieldList(scope, field.fields, row, {
      ...at,
      fieldLabelPath: childLabelPath(field, at, `${label} ${rowIndex + 1}`, req),
      parentIndexPath: '',
      parentPath: `${paths.path}.${rowIndex}`,
      parentSchemaPath: paths.schemaPath,
    })
  }
}

/** Goes down into the fields a field holds, as Payload's traversal does after validating the field. */
function validateSubfields(scope: Scope, field: AnyField, siblingData: Row, at: Position, paths: FieldPaths) {
  const { req } = scope
  const { indexPath, path, schemaPath } = paths
  const type = field.type as Field['type'] | 'tab'
  if (type === 'array') {
    const rows = siblingData[field.name!]
    if (Array.isArray(rows)) validateArrayRows(scope, field, rows as Row[], at, paths)
  } else if ((type === 'collapsible' || type === 'row') && 'fields' in field) {
    const labelPath =
      type === 'row' ? at.fieldLabelPath : childLabelPath(field, at, (field.label || type) as string, req)
    const rowAt = { ...at, fieldLabelPath: labelPath, parentIndexPath: indexPath, parentSchemaPath: schemaPath }
    validateFieldList(scope, field.fields, siblingData, rowAt)
  } else if ((type === 'group' || type === 'tab') && 'fields' in field) {
    const named = 'name' in field
    const fallbackLabel = type === 'tab' || named ? field.name : type
    validateFieldList(scope, field.fields, named ? (siblingData[field.name!] as Row) : siblingData, {
      blockData: at.blockData,
      fieldLabelPath: childLabelPath(field, at, (field.label || fallbackLabel) as string, req),
      parentIndexPath: named ? '' : indexPath,
      parentPath: named ? path : at.parentPath,
      parentSchemaPath: schemaPath,
    })
  } else if (field.type === 'tabs') {
    const tabs = field.tabs.map((tab) => ({ ...tab, type: 'tab' }) as unknown as AnyField)
    validateFieldList(scope, tabs, siblingData, {
      blockData: at.blockData,
      fieldLabelPath: childLabelPath(field, at, (field.label || '') as string, req),
      parentIndexPath: indexPath,
      parentPath: path,
      parentSchemaPath: schemaPath,
    })
  }
}

function validateFieldList(scope: Scope, fields: Field[], siblingData: Row, at: Position): void {
  for (const [index, field] of fields.entries()) validateField(scope, field as AnyField, index, siblingData, at)
}

/**
 * Validates a document that went through `beforeChangeTraverseFields` with `skipValidation`, adding to
 * `errors` what the traversal with validation would have added.
 */
export async function validateDocumentFields(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  data: Row,
  errors: ValidationFieldError[],
): Promise<void> {
  const scope: Scope = { collection, data, errors, pending: [], operation: 'create', overrideAccess: true, req }
  const at: Position = {
    blockData: undefined,
    fieldLabelPath: '',
    parentIndexPath: '',
    parentPath: '',
    parentSchemaPath: '',
  }
  validateFieldList(scope, collection.fields, data, at)
  await Promise.all(scope.pending)
}

type EditorFeatures = {
  getSubFields?: Map<string, unknown>
  hooks?: { beforeChange?: unknown[] }
  nodeHooks?: { beforeChange?: Map<string, unknown> }
}

type RichTextNode = { type?: unknown; id?: unknown; fields?: { id?: unknown }; children?: unknown }

/** Whether the editor's beforeChange hook would validate something in these nodes (it does so only with validation). */
function nodesNeedEditorValidation(nodes: unknown, features: EditorFeatures): boolean {
  if (!Array.isArray(nodes)) return true
  for (const node of nodes as RichTextNode[]) {
    if (!node || typeof node !== 'object') return true
    const type = node.type as string
    if (features.getSubFields?.has(type) || features.nodeHooks?.beforeChange?.has(type)) return true
    if (node.id || node.fields?.id) return true
    if (node.children !== undefined && nodesNeedEditorValidation(node.children, features)) return true
  }
  return false
}

function richTextNeedsEditorValidation(field: AnyField, value: unknown): boolean {
  if (value === null || value === undefined) return false
  const editor = (field as { editor?: { editorConfig?: { features?: EditorFeatures } } }).editor
  const features = editor?.editorConfig?.features
  if (!features || features.hooks?.beforeChange?.length) return true
  const root = typeof value === 'object' ? (value as { root?: { children?: unknown } }).root : undefined
  return !root || typeof root !== 'object' || nodesNeedEditorValidation(root.children, features)
}

/**
 * Whether the document is one to leave to Payload's validation: some rich text holds nodes with fields of
 * their own (links with fields, uploads, blocks), which the rich-text editor validates in its own hook, or
 * it has rows of blocks, whose validation this module does not repeat.
 */
export function needsPayloadValidation(fields: Field[], siblingData: unknown): boolean {
  if (!siblingData || typeof siblingData !== 'object') return false
  const row = siblingData as Row
  return fields.some((candidate) => {
    const field = candidate as AnyField
    const value = 'name' in field && field.name ? row[field.name] : row
    switch (field.type) {
      case 'richText':
        return richTextNeedsEditorValidation(field, value)
      case 'array':
        return Array.isArray(value) && value.some((item) => needsPayloadValidation(field.fields, item))
      case 'blocks':
        return Array.isArray(value) && value.length > 0
      case 'group':
      case 'collapsible':
      case 'row':
        return needsPayloadValidation(field.fields, value)
      case 'tabs':
        return field.tabs.some((tab) => needsPayloadValidation(tab.fields, 'name' in tab ? row[tab.name] : row))
      default:
        return false
    }
  })
}

// Checks real answers against the OpenAPI document the server publishes: the schema of the operation's
// answer for that status, with every $ref resolved inside the document, by a JSON Schema 2020-12
// validator (the dialect of OpenAPI 3.1). Objects are checked closed: an answer carrying a field the
// document does not name (a staff field, say) fails, even though the document itself does not forbid one.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const DOCUMENT_ID = 'openapi.json'

/** A JSON Pointer segment (RFC 6901). */
const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')

/** A copy of the document whose object schemas allow only the properties they name. */
function closedObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closedObjects)
  if (!node || typeof node !== 'object') return node
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closedObjects(value)]))
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined)
    copy.additionalProperties = false
  return copy
}

export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })

  constructor(document: object) {
    addFormats.default(this.ajv)
    this.ajv.addSchema(closedObjects(document) as object, DOCUMENT_ID)
  }

  /**
   * What is wrong with `body` as the answer of GET `path` (as the document writes it) with `status`; empty when
   * nothing.
   */
  errors(path: string, status: number, contentType: string, body: unknown): string[] {
    const ref = `${DOCUMENT_ID}#/paths/${pointer(path)}/get/responses/${status}/content/${pointer(contentType)}/schema`
    const validate = this.ajv.getSchema(ref)
    if (!validate) return [`the document has no ${contentType} answer ${status} for GET ${path}`]
    if (validate(body)) return []
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`)
  }
}

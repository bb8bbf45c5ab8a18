// The shape of the hand-written source, measured: functions and files over their length limits, and
// folders under src/ that depend on each other in a circle (A imports B and B, or something B imports,
// imports A back). Pure functions over file texts; scripts/check-code-shape.ts runs them on the repository.
import path from 'node:path'

import ts from 'typescript'

export const MAX_FUNCTION_LINES = 80
export const MAX_FILE_LINES = 300

/** Written by tools: payload's types and import map, the GraphQL schema, migrations. */
const GENERATED = [/^src\/payload-types\.ts$/, /^src\/migrations\//, /^src\/app\/\(payload\)\/admin\/importMap\.js$/]

export const isHandWritten = (file: string) => !GENERATED.some((pattern) => pattern.test(file))

export type LongFunction = { file: string; name: string; line: number; lines: number }

const scriptKindOf = (file: string) =>
  file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file))
}

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  if (node.name) return node.name.getText()
  const parent = node.parent
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (ts.isPropertyAssignment(parent)) return parent.name.getText()
  if (ts.isExportAssignment(parent)) return 'default export'
  return '(anonymous)'
}

/** Every function, method or arrow function in `text` longer than `max` lines, nested ones included. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): LongFunction[] {
  const source = parse(file, text)
  const found: LongFunction[] = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const declaration = node as ts.FunctionLikeDeclaration
      const first = source.getLineAndCharacterOfPosition(declaration.getStart(source)).line
      const last = source.getLineAndCharacterOfPosition(declaration.getEnd()).line
      const lines = last - first + 1
      if (lines > max) found.push({ file, name: functionName(declaration), line: first + 1, lines })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

export const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0)

/** The module paths a file imports or re-exports, static or dynamic (literal specifiers only). */
export function importedSpecifiers(file: string, text: string): string[] {
  const source = parse(file, text)
  const specifiers: string[] = []
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return specifiers
}

/** The folder directly under src/ that a repository path lies in; null outside src/ or for files at its top. */
export function sourceFolderOf(repositoryPath: string): string | null {
  const parts = repositoryPath.split('/')
  return parts[0] === 'src' && parts.length > 2 ? parts[1]! : null
}

/** Where a specifier points inside the repository (`@/x` is `src/x`); null for packages. */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.posix.join('src', specifier.slice(2))
  if (specifier.startsWith('.')) return path.posix.join(path.posix.dirname(fromFile), specifier)
  return null
}

export type FolderEdge = { from: string; to: string; example: string }

/** One edge per pair of src/ folders where the first imports the second, with one importing file as example. */
export function folderEdges(files: ReadonlyMap<string, string>): FolderEdge[] {
  const edges = new Map<string, FolderEdge>()
  for (const [file, text] of files) {
    const from = sourceFolderOf(file)
    if (!from) continue
    for (const specifier of importedSpecifiers(file, text)) {
      const target = resolveSpecifier(file, specifier)
      const to = target ? sourceFolderOf(target) : null
      if (!to || to === from) continue
      const key = `${from}→${to}`
      if (!edges.has(key)) edges.set(key, { from, to, example: `${file} imports ${specifier}` })
    }
  }
  return [...edges.values()]
}

/** Pairs of folders that import each other directly, each pair once ("a ↔ b", a before b). */
export function mutualPairs(edges: readonly FolderEdge[]): [FolderEdge, FolderEdge][] {
  const byKey = new Map(edges.map((edge) => [`${edge.from}→${edge.to}`, edge]))
  return edges
    .filter(({ from, to }) => from < to && byKey.has(`${to}→${from}`))
    .map((edge): [FolderEdge, FolderEdge] => [edge, byKey.get(`${edge.to}→${edge.from}`)!])
    .sort(([a], [b]) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`))
}

/** Groups of folders that reach each other through imports (strongly connected, more than one folder). */
export function folderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to])
  const folders = [...new Set(edges.flatMap(({ from, to }) => [from, to]))].sort()
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  let counter = 0
  const connect = (folder: string) => {
    index.set(folder, counter)
    low.set(folder, counter)
    counter += 1
    stack.push(folder)
    onStack.add(folder)
    for (const target of next.get(folder) ?? []) {
      if (!index.has(target)) {
        connect(target)
        low.set(folder, Math.min(low.get(folder)!, low.get(target)!))
      } else if (onStack.has(target)) low.set(folder, Math.min(low.get(folder)!, index.get(target)!))
    }
    if (low.get(folder) !== index.get(folder)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      group.push(member)
    } while (member !== folder)
    if (group.length > 1) groups.push(group.sort())
  }
  for (const folder of folders) if (!index.has(folder)) connect(folder)
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

// The shape of one generated hostile request, and what the generators know about the running server.
export type Actor = 'anonymous' | 'author' | 'reviewer'

export type Surface = 'rest-read' | 'rest-body' | 'rest-write' | 'graphql' | 'site' | 'headers'

export interface HostileRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface HostileCase {
  id: number
  surface: Surface
  actor: Actor
  request: HostileRequest
  /** Set on writes the actor may not make: the documents they aim at must stay unchanged. */
  targets?: string[]
}

/** Documents the suite creates before the run, by role in the corpus. */
export interface WriteTargets {
  /** A term the admin created and published. */
  publishedTerm: string
  /** A draft term created by the owning author (not the attacking author). */
  othersDraftTerm: string
  /** A use case created by the owning author. */
  othersUseCase: string
}

export interface CorpusContext {
  targets: WriteTargets
  /** A valid draft-preview secret, so preview cases reach the redirect. */
  previewSecret: string
}

/** Text a draft target holds; no anonymous response may ever contain it. */
export const DRAFT_MARKER = 'hostile-draft-marker-7f3a9c'

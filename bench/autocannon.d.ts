// The part of autocannon 9's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string }

  export type AutocannonOptions = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: AutocannonRequest[]
  }

  export type AutocannonResult = {
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  export interface AutocannonInstance extends EventEmitter {
    stop: () => void
  }

  export default function autocannon(
    options: AutocannonOptions,
    callback: (error: Error | null, result: AutocannonResult) => void,
  ): AutocannonInstance
}

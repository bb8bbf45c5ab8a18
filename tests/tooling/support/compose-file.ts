// docker-compose.yml as Compose reads it (YAML merge keys resolved), for the tests that hold the container
// setup to what `docker compose up` relies on, since no Docker engine runs in CI.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'yaml'

export const repoRoot = path.resolve(import.meta.dirname, '../../..')
export const readRepoFile = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8')

export interface Healthcheck {
  test?: string | string[]
  interval?: string
  timeout?: string
  retries?: number
  start_period?: string
  disable?: boolean
}

export type Dependency = { condition?: string; required?: boolean; restart?: boolean }

export interface Service {
  image?: string
  build?: string | { context?: string }
  profiles?: string[]
  command?: string | string[]
  healthcheck?: Healthcheck
  depends_on?: string[] | Record<string, Dependency>
  environment?: string[] | Record<string, string | number | boolean | null>
  ports?: (string | number | Record<string, unknown>)[]
  volumes?: (string | { type?: string; source?: string; target?: string; read_only?: boolean })[]
  restart?: string
  stop_grace_period?: string
}

export interface Compose {
  services?: Record<string, Service>
  volumes?: Record<string, unknown>
}

// Compose resolves `<<` merge keys (YAML 1.1); the yaml package does so only when asked.
export const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as Compose

export function service(name: string): Service {
  const found = compose.services?.[name]
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`)
  return found
}

export function asArgs(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean)
}

export function environmentOf(svc: Service): Record<string, string> {
  const env = svc.environment ?? {}
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=')
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)]
      }),
    )
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]))
}

/** depends_on in its long form (service → condition), whichever form the file uses. */
export function dependenciesOf(svc: Service): Record<string, Dependency> {
  const dependsOn = svc.depends_on ?? {}
  return Array.isArray(dependsOn)
    ? Object.fromEntries(dependsOn.map((name) => [name, { condition: 'service_started' }]))
    : dependsOn
}

/** Named volumes mounted by a service, as target path → volume name (bind mounts left out). */
export function namedVolumeMounts(svc: Service): Map<string, string> {
  const mounts = new Map<string, string>()
  for (const volume of svc.volumes ?? []) {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':')
      if (source && target && !/^[./~]/.test(source)) mounts.set(target, source)
    } else if ((volume.type ?? 'volume') === 'volume' && volume.source && volume.target) {
      mounts.set(volume.target, volume.source)
    }
  }
  return mounts
}

export type BindMount = { source: string; target: string; readOnly: boolean }

/** Folders and files of the repository mounted into a service (short syntax, `./path:/target[:ro]`). */
export function bindMounts(svc: Service): BindMount[] {
  return (svc.volumes ?? []).flatMap((volume) => {
    if (typeof volume !== 'string') return []
    const [source, target, mode] = volume.split(':')
    if (!source || !target || !/^[./]/.test(source)) return []
    return [{ source: path.normalize(source), target, readOnly: (mode ?? '').split(',').includes('ro') }]
  })
}

export type PublishedPort = { hostAddress: string; hostPort: number; containerPort: number }

/** Every port a service publishes, short syntax (`[address:]host:container`). */
export function publishedPorts(svc: Service): PublishedPort[] {
  return (svc.ports ?? []).map((port) => {
    const parts = String(port).split(':')
    if (parts.length < 2) throw new Error(`port "${String(port)}" is published on a random host port; name one`)
    const [hostAddress, hostPort, containerPort] = parts.length === 3 ? parts : ['0.0.0.0', ...parts]
    return { hostAddress: hostAddress!, hostPort: Number(hostPort), containerPort: Number(containerPort) }
  })
}

export const servicesWithoutProfile = () =>
  Object.entries(compose.services ?? {})
    .filter(([, svc]) => !svc.profiles?.length)
    .map(([name]) => name)
export const servicesInProfile = (profile: string) =>
  Object.entries(compose.services ?? {})
    .filter(([, svc]) => svc.profiles?.includes(profile))
    .map(([name]) => name)

import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { SESSION_COOKIES } from '@/site-cache/session-cookies'

import { loopbackMainConfig, renderSiteConfig, SITE_TEMPLATE_FILE } from '../support/nginx-proxy'

const template = fs.readFileSync(SITE_TEMPLATE_FILE, 'utf8')
const settings = { instances: ['10.0.0.5:3001', '10.0.0.6:3001'], listen: '127.0.0.1:8080', cacheDir: '/var/cache/nginx/cloudlex' }

describe('the nginx config in deploy/nginx', () => {
  it('gets one upstream server line per app instance, each with the template’s failure settings', () => {
    const servers = renderSiteConfig(template, settings)
      .split('\n')
      .filter((line) => /^\s*server\s+[^{\s]/.test(line))
    expect(servers.map((line) => line.trim())).toEqual([
      'server 10.0.0.5:3001 max_fails=1 fail_timeout=10s;',
      'server 10.0.0.6:3001 max_fails=1 fail_timeout=10s;',
    ])
  })

  it('fills in the listen address and the cache folder and leaves no placeholder behind', () => {
    const rendered = renderSiteConfig(template, settings)
    expect(rendered).toContain('listen 127.0.0.1:8080;')
    expect(rendered).toContain('proxy_cache_path /var/cache/nginx/cloudlex ')
    expect(rendered).not.toContain('${CLOUDLEX_')
  })

  it('refuses a config without app instances', () => {
    expect(() => renderSiteConfig(template, { ...settings, instances: [] })).toThrow('at least one app instance')
  })

  it('refuses a template whose instance line is gone, rather than leaving nginx without upstreams', () => {
    const withoutInstance = template.replace(/^.*server \$\{CLOUDLEX_INSTANCE\}.*$/m, '')
    expect(() => renderSiteConfig(withoutInstance, settings)).toThrow('exactly one server line')
  })

  it('bypasses the cache for every cookie the app treats as a session (src/site-cache/session-cookies.ts)', () => {
    const cookieMap = /map \$http_cookie \$cloudlex_session_cookie \{[^}]*"~(?<pattern>[^"]+)" 1;/.exec(template)?.groups?.pattern
    expect(cookieMap, 'the session-cookie map in the template').toBeDefined()
    const matches = (cookieHeader: string) => new RegExp(cookieMap!).test(cookieHeader)
    for (const name of SESSION_COOKIES) {
      expect(matches(`${name}=abc`), name).toBe(true)
      expect(matches(`theme=dark; ${name}=abc`), `${name} after another cookie`).toBe(true)
      expect(matches(`my-${name}=abc`), `a cookie whose name ends in ${name}`).toBe(false)
    }
    expect(matches('theme=dark; consent=yes')).toBe(false)
  })

  it('keeps every file nginx writes inside its own folder when run for the tests and the bench', () => {
    const main = loopbackMainConfig({ workDir: '/tmp/n', siteFile: '/tmp/n/cloudlex.conf', accessLog: false })
    const paths = [...main.matchAll(/^\s*(?:pid|error_log|\w+_temp_path|include)\s+(\S+?);?(?:\s|$)/gm)].map((match) => match[1])
    expect(paths.length).toBeGreaterThanOrEqual(8)
    for (const written of paths) expect(written).toMatch(/^\/tmp\/n\//)
    expect(main).toContain('access_log off;')
  })
})

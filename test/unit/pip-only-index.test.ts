// uv told where packages come from as pip is (env/uv-tool.ts): pip's
// environment settings are passed on to uv, choosing as pip does; a pip
// configuration file's index keys, which uv does not read, keep install auto
// on pip (pipOnlyIndex). A pip.conf that sets only a CA bundle is no such thing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { pipOnlyIndex, uvIndexFromPip } from '../../src/env/uv-tool.js'

const home = mkdtempSync(join(tmpdir(), 'importgate-pipconf-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

it("passes pip's index, find-links, no-index and CA bundle on to uv, unless uv is told already", () => {
  expect(
    uvIndexFromPip({
      PIP_INDEX_URL: 'https://pypi.example/simple',
      PIP_EXTRA_INDEX_URL: 'https://a.example/simple https://b.example/simple',
      PIP_FIND_LINKS: '/opt/wheels  /srv/wheels',
      PIP_NO_INDEX: 'true',
      PIP_CERT: '/etc/ca.pem',
    }),
  ).toEqual({
    UV_INDEX_URL: 'https://pypi.example/simple',
    UV_EXTRA_INDEX_URL: 'https://a.example/simple https://b.example/simple',
    UV_FIND_LINKS: '/opt/wheels,/srv/wheels',
    UV_NO_INDEX: '1',
    UV_INDEX_STRATEGY: 'unsafe-best-match',
    SSL_CERT_FILE: '/etc/ca.pem',
  })
  expect(uvIndexFromPip({ PIP_NO_INDEX: '0' })).toEqual({})
  expect(uvIndexFromPip({ PIP_FIND_LINKS: '/opt/wheels', UV_FIND_LINKS: '/srv/wheels' })).toEqual(
    {},
  )
  expect(uvIndexFromPip({ PIP_DEFAULT_TIMEOUT: '60' })).toEqual({})
})

it("keeps pip for a pip configuration file's index keys, not for its other settings", () => {
  const base = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') }
  // /etc/pip.conf is the machine's: only its index keys would count.
  const machine = pipOnlyIndex(base)
  mkdirSync(join(home, '.config', 'pip'), { recursive: true })
  writeFileSync(join(home, '.config', 'pip', 'pip.conf'), '[global]\ncert = /etc/ca.pem\n')
  expect(pipOnlyIndex(base)).toBe(machine)
  writeFileSync(
    join(home, '.config', 'pip', 'pip.conf'),
    '[global]\nindex-url = https://pypi.example/simple\n',
  )
  expect(pipOnlyIndex(base)).toMatch(
    new RegExp(
      `^pip's configuration says where packages come from \\(.*${join(home, '.config', 'pip', 'pip.conf')}`,
    ),
  )
  expect(pipOnlyIndex({ ...base, UV_DEFAULT_INDEX: 'https://pypi.example/simple' })).toBeNull()
})

// When pip is told where packages come from and uv is not, install auto keeps
// pip (env/uv-tool.ts pipOnlyIndex): uv would reach PyPI and could install
// other files. A pip.conf that sets only a CA bundle is no such thing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { pipOnlyIndex } from '../../src/env/uv-tool.js'

const home = mkdtempSync(join(tmpdir(), 'importgate-pipconf-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

it('keeps pip for pip-only index settings, in the environment or a config file', () => {
  const base = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') }
  // /etc/pip.conf is the machine's: only its index keys would count.
  const machine = pipOnlyIndex(base)
  expect(pipOnlyIndex({ ...base, PIP_INDEX_URL: 'https://pypi.example/simple' })).toMatch(
    /^pip is told where packages come from \(PIP_INDEX_URL.*\) and uv is not$/,
  )
  expect(pipOnlyIndex({ ...base, PIP_FIND_LINKS: '/wheels', UV_FIND_LINKS: '/wheels' })).toBeNull()
  mkdirSync(join(home, '.config', 'pip'), { recursive: true })
  writeFileSync(join(home, '.config', 'pip', 'pip.conf'), '[global]\ncert = /etc/ca.pem\n')
  expect(pipOnlyIndex(base)).toBe(machine)
  writeFileSync(
    join(home, '.config', 'pip', 'pip.conf'),
    '[global]\nindex-url = https://pypi.example/simple\n',
  )
  expect(pipOnlyIndex(base)).toContain(join(home, '.config', 'pip', 'pip.conf'))
})

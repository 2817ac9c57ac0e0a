import { describe, expect, it } from 'vitest'
import { childEnv } from '../../src/process/child-env.js'

describe('childEnv', () => {
  const parent = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TMPDIR: '/tmp',
    GITHUB_TOKEN: 'ghs_secret',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    ACTIONS_RUNTIME_TOKEN: 'secret',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://example.invalid',
    AWS_SECRET_ACCESS_KEY: 'secret',
    PYTHONPATH: '/somewhere/else',
    PYTHONSTARTUP: '/evil.py',
    NODE_OPTIONS: '--require x',
  }

  it('passes only the allow-list', () => {
    expect(childEnv(parent)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TMPDIR: '/tmp',
    })
  })

  it('adds what the install mode needs, over the parent', () => {
    expect(childEnv(parent, { PYTHONPATH: '/repo/src' }).PYTHONPATH).toBe('/repo/src')
  })
})

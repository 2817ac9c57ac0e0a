// The secrets handover at start (issue 47: M1, M2) and the Node it needs.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HandoverError, writeHandover } from '../../src/env/private-environment.js'
import { oldNodeMessage } from '../../src/node-version.js'
import { removeDir, tempDir } from '../helpers/project.js'

const SECRET = 'ghs_handover_secret_0123456789'
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir)
})

describe('the handover of the environment', () => {
  it('goes through a file of its own (600) in a folder of its own (700) with an unguessable name', () => {
    const tmp = tempDir()
    dirs.push(tmp)
    const file = writeHandover(JSON.stringify({ TOKEN: SECRET }), tmp)
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify({ TOKEN: SECRET }))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const folder = dirname(file)
    expect(dirname(folder)).toBe(tmp)
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    // 128 random bits in hex, and mkdtemp's own suffix.
    expect(basename(folder)).toMatch(/^importgate-env-[0-9a-f]{32}-\w{6}$/)
  })

  it('names TMPDIR and says what to do when it cannot write there, echoing nothing and leaving nothing', () => {
    const tmp = tempDir()
    dirs.push(tmp)
    const missing = join(tmp, 'gone')
    let error: unknown
    try {
      writeHandover(JSON.stringify({ TOKEN: SECRET }), missing)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(HandoverError)
    const message = (error as Error).message
    expect(message).toContain(`TMPDIR (${missing}), and it does not exist`)
    expect(message).toContain('set TMPDIR to a writable folder')
    expect(message).not.toContain(SECRET)
    expect(readdirSync(tmp)).toEqual([])
  })

  it('stops the bundled CLI with a setup error when TMPDIR is missing, not a stack', () => {
    const cli = new URL('../../dist/cli.js', import.meta.url).pathname
    const tmp = tempDir()
    dirs.push(tmp)
    const run = spawnSync(process.execPath, [cli, '--version'], {
      env: { PATH: process.env.PATH, TMPDIR: join(tmp, 'gone'), MY_SECRET: SECRET },
      encoding: 'utf8',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^importgate: importgate cannot start: .*TMPDIR \(.*gone\)/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.stderr + run.stdout).not.toContain(SECRET)
    expect(readdirSync(tmp)).toEqual([])
  })
})

describe('the Node it needs', () => {
  it('refuses a Node below 24, saying how to get one', () => {
    const message = oldNodeMessage('20.20.2')!
    expect(message).toContain('importgate needs Node 24 or later; this is Node 20.20.2.')
    expect(message).toContain('nvm install 24')
    expect(message).toContain('actions/setup-node')
    expect(oldNodeMessage('24.0.0')).toBeNull()
    expect(oldNodeMessage('25.2.1')).toBeNull()
  })

  const node20 = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (path) =>
      existsSync(path) &&
      execFileSync(path, ['--version'], { encoding: 'utf8' }).trim().split('.')[0] !== 'v24',
  )
  it.runIf(node20)('stops the bundled CLI at once on an older Node, with that message', () => {
    const cli = new URL('../../dist/cli.js', import.meta.url).pathname
    const run = spawnSync(node20!, [cli, '--version'], {
      env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR },
      encoding: 'utf8',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^importgate: importgate needs Node 24 or later; this is Node /)
  })
})

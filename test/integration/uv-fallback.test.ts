// install auto falls back to pip, and says so once, when uv cannot be had
// (nothing to fetch it from, or a wheel whose hash is not the pinned
// release's) and when uv cannot install the project. Offline: the project is
// built with flit_core from test/fixtures/wheels, which only pip is told of.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults } from '../../src/results/schema.js'
import { UV_VERSION } from '../../src/env/uv-tool.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.11') ?? findPython('3.8')!
const WHEELS = resolve('test/fixtures/wheels')
const PYPROJECT = `[build-system]\nrequires = ["flit_core>=3.2"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\nname = "hello"\nversion = "0.1"\ndescription = "test"\n\n[tool.importgate]\ntargets = ["hello"]\n`

let repo: string
let tmp: string
/** Folders the tests make, removed at the end. */
const made: string[] = []
const shas: string[] = []

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, { 'pyproject.toml': PYPROJECT, 'hello/__init__.py': 'X = 1\n' })
  shas.push(gitCommit(repo, 'base'))
  writeFiles(repo, { 'hello/__init__.py': 'import json\nX = 2\n' })
  shas.push(gitCommit(repo, 'head'))
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
  for (const dir of made) removeDir(dir)
})

/** A folder of executables: python (as `python`) and, when given, a uv of the test's own. */
function pathWith(uv?: string): string {
  const bin = tempDir()
  made.push(bin)
  if (uv) {
    writeFileSync(join(bin, 'uv'), uv)
    chmodSync(join(bin, 'uv'), 0o755)
  }
  // git and the shell tools, but no uv: /usr/bin and /bin have none on these machines.
  return [bin, dirname(python), '/usr/bin', '/bin'].join(':')
}

async function compareAuto(env: Record<string, string>, interpreter = python) {
  const json = join(tmp, 'results.json')
  const toolCache = tempDir()
  const result = await cli(
    [
      'compare',
      shas[0]!,
      shas[1]!,
      '--python',
      interpreter,
      ...fastFlags({ quiet: true }),
      '--json',
      json,
    ],
    // UV_OFFLINE: uv is told where packages come from too (nowhere), so pip's
    // find-links alone does not keep auto on pip (the last test).
    {
      ...process.env,
      TMPDIR: tmp,
      RUNNER_TOOL_CACHE: toolCache,
      PIP_NO_INDEX: '1',
      UV_OFFLINE: '1',
      ...env,
    },
    repo,
  )
  expect(result.status, result.stderr).not.toBe(2)
  const doc = JSON.parse(readFileSync(json, 'utf8')) as CompareResults
  removeDir(json)
  const folder = join(toolCache, 'importgate', 'uv')
  const fetched = existsSync(folder) ? readdirSync(folder).length : 0
  removeDir(toolCache)
  return { ...result, doc, fetched }
}

/** The warning said once, and the sides installed with pip, the reason recorded. */
function expectPip(out: { stderr: string; doc: CompareResults }, why: RegExp) {
  expect(out.stderr.match(/install auto: /g)).toHaveLength(1)
  expect(out.stderr).toMatch(why)
  expect(out.doc.installs!.sides.map((s) => s.tool)).toEqual(['pip', 'pip'])
  expect(out.doc.installs!.fell_back).toMatch(why)
  expect(out.doc.deps).toMatchObject({ base_strategy: 'pip', head_strategy: 'pip' })
  expect(out.doc.targets[0]!.verdict).not.toBe('error')
}

describe('install auto without uv on PATH', () => {
  it('goes on with pip when uv cannot be fetched, and says why once', async () => {
    const out = await compareAuto({ PATH: pathWith(), PIP_FIND_LINKS: WHEELS })
    expectPip(out, new RegExp(`fetching uv ${UV_VERSION.replace(/\./g, '\\.')} failed`))
    expect(out.fetched).toBe(0)
  }, 180_000)

  it("fetches with a venv's pip when the interpreter has none of its own", async () => {
    const venv = tempDir()
    made.push(venv)
    execFileSync(python, ['-m', 'venv', '--without-pip', venv])
    const out = await compareAuto(
      { PATH: pathWith(), PIP_FIND_LINKS: WHEELS },
      join(venv, 'bin', 'python'),
    )
    // The fetch got as far as asking the index (offline here), not stopped by a missing pip.
    expectPip(
      out,
      /fetching uv [\d.]+ failed: .*(no matching distribution|could not find a version)/i,
    )
    expect(out.doc.installs!.fell_back).not.toMatch(/No module named pip/)
  }, 180_000)

  it('refuses a uv wheel whose hash is not the pinned release, and goes on with pip', async () => {
    // A wheel that says it is the pinned uv, from a folder pip is told to look in.
    const links = tempDir()
    for (const wheel of readdirSync(WHEELS).filter((n) => n.endsWith('.whl')))
      copyFileSync(join(WHEELS, wheel), join(links, wheel))
    const build = tempDir()
    const info = join(build, `uv-${UV_VERSION}.dist-info`)
    mkdirSync(info)
    writeFileSync(
      join(info, 'METADATA'),
      `Metadata-Version: 2.1\nName: uv\nVersion: ${UV_VERSION}\n`,
    )
    writeFileSync(
      join(info, 'WHEEL'),
      'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    )
    writeFileSync(join(info, 'RECORD'), '')
    execFileSync(python, [
      '-m',
      'zipfile',
      '-c',
      join(links, `uv-${UV_VERSION}-py3-none-any.whl`),
      info,
    ])
    const out = await compareAuto({ PATH: pathWith(), PIP_FIND_LINKS: links })
    expectPip(out, /do not match the hashes/i)
    expect(out.fetched).toBe(0)
    removeDir(links)
    removeDir(build)
  }, 180_000)
})

describe('install auto with a uv that cannot install the project', () => {
  it('installs both sides with pip instead, and says so once', async () => {
    const failing = '#!/bin/sh\necho "error: the build backend is not allowed here" >&2\nexit 2\n'
    const out = await compareAuto({ PATH: pathWith(failing), PIP_FIND_LINKS: WHEELS })
    expectPip(
      out,
      /uv could not install the project \(installing (base|head) .* failed: uv venv exited with status 2/,
    )
    expect(out.stderr).toContain('the build backend is not allowed here')
  }, 180_000)
})

describe("install auto when pip's configuration says where packages come from", () => {
  it('installs with pip, which reads it (uv does not), and says why once', async () => {
    const config = tempDir()
    made.push(config)
    writeFiles(config, { 'pip/pip.conf': `[global]\nfind-links = ${WHEELS}\nno-index = true\n` })
    // pip is told in the environment as well, since it may run as the sandbox user, who cannot read the file here.
    const out = await compareAuto({
      PATH: pathWith(),
      XDG_CONFIG_HOME: config,
      PIP_FIND_LINKS: WHEELS,
      UV_OFFLINE: '',
    })
    expectPip(
      out,
      /pip's configuration says where packages come from \(.*pip\.conf\) and uv is not told/,
    )
    expect(out.fetched).toBe(0)
  }, 180_000)
})

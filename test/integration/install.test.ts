// Real installs from PyPI: --install pip, uv and a custom command on a package
// that gains a real dependency (six) in head.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults as ResultsDocument } from '../../src/results/schema.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = fastFlags({ seed: 3, quiet: true })

/** One cheap question to PyPI decides whether these tests can run here. */
function pypiReachable(): boolean {
  const dir = tempDir()
  try {
    const run = spawnSync(
      python,
      ['-m', 'pip', 'download', '--no-deps', '--quiet', '-d', dir, 'six'],
      { timeout: 60_000 },
    )
    return run.status === 0
  } finally {
    removeDir(dir)
  }
}
const online = pypiReachable()
if (!online)
  console.warn(
    'importgate tests: PyPI cannot be reached from here; the pip and uv install tests are skipped',
  )

const PYPROJECT = (deps: string) => `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "calc"
version = "0.1.0"
dependencies = [${deps}]

[tool.importgate]
targets = ["calc"]
`

describe.skipIf(!online)('installing base and head', () => {
  let repo: string
  let tmp: string
  let uvBin: string
  const commits: Record<string, string> = {}

  beforeAll(() => {
    repo = tempDir()
    tmp = tempDir()
    gitInit(repo)
    writeFiles(repo, { 'pyproject.toml': PYPROJECT(''), 'src/calc/__init__.py': 'VALUE = 1\n' })
    commits.plain = gitCommit(repo, 'no dependencies')
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT('"six"'),
      'src/calc/__init__.py': 'import six\nVALUE = 1\n',
    })
    commits.six = gitCommit(repo, 'depend on six')
    writeFiles(repo, { 'pyproject.toml': PYPROJECT('"importgate-no-such-package-7f3a"') })
    commits.broken = gitCommit(repo, 'depend on a package that does not exist')
    // uv from PyPI, into a venv of its own; its bin folder goes first on PATH.
    const uvVenv = join(tempDir(), 'uv')
    execFileSync(python, ['-m', 'venv', uvVenv])
    execFileSync(join(uvVenv, 'bin', 'python'), [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      'uv',
    ])
    uvBin = join(uvVenv, 'bin')
  }, 300_000)

  afterAll(() => {
    removeDir(repo)
    removeDir(tmp)
    if (uvBin) removeDir(join(uvBin, '..', '..'))
  })

  async function compare(base: string, head: string, install: string) {
    const json = join(tmp, 'results.json')
    const env = { ...process.env, TMPDIR: tmp, PATH: `${uvBin}:${process.env.PATH}` }
    const result = await cli(
      ['compare', base, head, '--python', python, '--install', install, ...FAST, '--json', json],
      env,
      repo,
    )
    const doc =
      result.status === 2 ? null : (JSON.parse(readFileSync(json, 'utf8')) as ResultsDocument)
    removeDir(json)
    const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
      cwd: repo,
      encoding: 'utf8',
    })
    expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
    expect(readdirSync(tmp)).toEqual([])
    return { ...result, doc }
  }

  function expectSixAdded(doc: ResultsDocument, strategy: string) {
    expect(doc.verdict).not.toBe('error')
    expect(doc.deps).toMatchObject({ base_strategy: strategy, head_strategy: strategy })
    expect(doc.deps!.changed).toContainEqual({
      name: 'six',
      base: null,
      head: expect.stringMatching(/^\d+\.\d+/),
    })
    const target = doc.targets[0]!
    expect(target.modules!.added.find((m) => m.name === 'six')?.chain).toEqual(['calc', 'six'])
  }

  it('installs each side with pip into its own venv (non-editable)', async () => {
    const { doc, stderr } = await compare(commits.plain!, commits.six!, 'pip')
    expect(stderr).toBe('')
    expectSixAdded(doc!, 'pip')
    expect(doc!.settings.install).toBe('pip')
  })

  it('installs each side with uv', async () => {
    const { doc } = await compare(commits.plain!, commits.six!, 'uv')
    expectSixAdded(doc!, 'uv')
  })

  it('installs with uv under auto when uv is on PATH, though the project has no uv.lock', async () => {
    const { doc } = await compare(commits.plain!, commits.six!, 'auto')
    expectSixAdded(doc!, 'uv')
    expect(doc!.settings.install).toBe('auto')
  })

  it('runs a custom install command in the worktree with the venv activated', async () => {
    const { doc } = await compare(
      commits.plain!,
      commits.six!,
      'python -m pip install --quiet --no-input .',
    )
    expectSixAdded(doc!, 'command')
  })

  it('names the side and ref of a failed install and shows its output', async () => {
    const { status, stderr } = await compare(commits.six!, commits.broken!, 'pip')
    expect(status).toBe(2)
    expect(stderr).toContain(
      `installing head (${commits.broken} at ${commits.broken!.slice(0, 10)}) failed: pip install exited with status 1`,
    )
    expect(stderr).toMatch(/importgate-no-such-package-7f3a/)
  })
})

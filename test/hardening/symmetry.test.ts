// Base and head are two commits of one project: a pull request may remove a
// module its base measured, add one a -t flag names, or fix a pyproject.toml
// its base got wrong. None of these may fail the pull request for base's sake.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResults } from '../../src/results/read.js'
import type { CompareResults } from '../../src/results/schema.js'
import { cli, FEWEST_PAIRS } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = [
  '--install',
  'none',
  '--min-pairs',
  String(FEWEST_PAIRS),
  '--max-pairs',
  '400',
  '--warmup',
  '1',
]
const FAST_PROFILE = ['--profile-runs', '1', '--seed', '5']
let repo: string
let tmp: string
const commits: Record<string, string> = {}
const config = (targets: string[]) =>
  `[tool.importgate]\ntargets = [${targets.map((t) => `"${t}"`).join(', ')}]\n`

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml': config(['shop', 'shop.old']),
    'src/shop/__init__.py': 'VALUE = 1\n',
    'src/shop/old.py': 'OLD = 1\n',
  })
  commits.base = gitCommit(repo, 'base measures shop and shop.old')
  removeDir(join(repo, 'src/shop/old.py'))
  writeFiles(repo, {
    'pyproject.toml': config(['shop']),
    'src/shop/fresh.py': 'FRESH = 1\n',
  })
  commits.removed = gitCommit(repo, 'remove shop.old, add shop.fresh')
  writeFiles(repo, { 'pyproject.toml': '[tool.importgate\ntargets = ["shop"]\n' })
  commits.brokenHead = gitCommit(repo, 'break the TOML')
  writeFiles(repo, { 'pyproject.toml': config(['shop']) })
  commits.fixed = gitCommit(repo, 'fix the TOML')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

async function compare(base: string, head: string, extra: string[] = []) {
  const json = join(tmp, `${base.slice(0, 7)}-${head.slice(0, 7)}.json`)
  const result = await cli(
    ['compare', base, head, '--python', python, ...FAST, ...FAST_PROFILE, ...extra, '--json', json],
    { ...process.env, TMPDIR: tmp },
    repo,
  )
  expect(result.stderr).not.toMatch(/internal error/)
  const doc =
    result.status === 2 ? null : (readResults(readFileSync(json, 'utf8'), json) as CompareResults)
  return { ...result, doc }
}

describe('base and head are symmetric', () => {
  it('reports a target head removed and no longer lists, without failing', async () => {
    const { status, doc } = await compare(commits.base!, commits.removed!)
    const old = doc!.targets.find((t) => t.name === 'shop.old')!
    expect(old).toMatchObject({ verdict: 'pass', gone: true, head: null })
    expect(old.error).toBeNull()
    expect(status).not.toBe(2)
  })

  it('measures a -t module new in head on head alone', async () => {
    const { doc } = await compare(commits.base!, commits.removed!, ['-t', 'shop.fresh'])
    expect(doc!.targets[0]).toMatchObject({ name: 'shop.fresh', new: true, base: null })
    expect(doc!.targets[0]!.verdict).not.toBe('error')
  })

  it('names a broken pyproject.toml by side and commit, not by a temp path', async () => {
    const { status, stderr } = await compare(commits.removed!, commits.brokenHead!)
    expect(status).toBe(2)
    expect(stderr).toContain(
      `pyproject.toml at head (${commits.brokenHead!.slice(0, 10)}): not valid TOML`,
    )
    expect(stderr).not.toContain(tmp)
  })

  it("lets the pull request that fixes base's broken pyproject.toml pass", async () => {
    const { status, stderr, doc } = await compare(commits.brokenHead!, commits.fixed!, [
      '--threshold',
      '1000%',
    ])
    expect(status).toBe(0)
    expect(stderr).toMatch(
      /pyproject\.toml at base \(\w+\): not valid TOML.*using head's \[tool\.importgate\]/,
    )
    expect(doc!.targets.map((t) => t.name)).toEqual(['shop'])
  })
})

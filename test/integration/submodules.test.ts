// A target whose code lives in a git submodule: the worktrees get the
// submodule at each side's recorded commit, from the repository's own copy
// (issue 29: 7), so a bump that slows the import is measured, not passed.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults } from '../../src/results/schema.js'
import { readResults } from '../../src/results/read.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
let lib: string
let repo: string
let tmp: string
const commits: Record<string, string> = {}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, stdio: 'pipe', encoding: 'utf8' })

beforeAll(() => {
  // The library, a repository of its own: fast, then 80 ms slower at import.
  lib = tempDir()
  gitInit(lib)
  writeFiles(lib, { '__init__.py': 'VALUE = 1\n' })
  const fast = gitCommit(lib, 'fast')
  writeFiles(lib, { '__init__.py': 'import time\ntime.sleep(0.08)\nVALUE = 1\n' })
  gitCommit(lib, 'slow')
  git(lib, 'checkout', '-q', fast)

  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, { 'app.py': 'import vendored\n' })
  // A local path as the submodule's URL: allowed here, as a user's own checkout would be.
  git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendored')
  commits.base = gitCommit(repo, 'app with the fast library')
  git(join(repo, 'vendored'), 'checkout', '-q', 'main')
  commits.head = gitCommit(repo, 'bump the library')
})

afterAll(() => {
  removeDir(lib)
  removeDir(repo)
  removeDir(tmp)
})

/** compare base → head of `app` in the repository at `cwd`, with cheap settings. */
const compareBump = (cwd: string, extra: string[] = [], maxPairs?: number) =>
  cli(
    [
      'compare',
      commits.base!,
      commits.head!,
      '-t',
      'app',
      '--python',
      python,
      ...fastFlags({ install: 'none', maxPairs, seed: 3 }),
      ...extra,
    ],
    { ...process.env, TMPDIR: tmp },
    cwd,
  )

describe('a target whose code is in a submodule', () => {
  it('measures each side with its submodule commit, and catches the slower bump', async () => {
    const json = join(tmp, 'bump.json')
    const { status, stderr } = await compareBump(repo, ['--json', json], 40)
    const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
    // The proof's own line names the submodule it cannot see into; nothing else may.
    expect(stderr.replace(/^importgate: proof: .*$/gm, '')).not.toMatch(/submodule|internal error/)
    expect(doc.targets[0]!.proof?.reason).toMatch(/the submodule `vendored` changed/)
    expect(doc.targets[0]!.error).toBeNull()
    expect(doc.targets[0]!.verdict).toBe('regression')
    expect(doc.targets[0]!.delta!.ms).toBeGreaterThan(60)
    expect(status).toBe(1)
  })

  it('says which submodule it could not check out, and why', async () => {
    // A clone of the repository whose submodule was never initialised.
    const bare = tempDir()
    git(bare, 'clone', '-q', repo, 'clone')
    const clone = join(bare, 'clone')
    const { stderr, status } = await compareBump(clone)
    removeDir(bare)
    expect(stderr).toMatch(
      /submodule vendored is not checked out in the repository, so the measured trees lack it \(check out submodules first/,
    )
    // Once, not once per side.
    expect(stderr.match(/submodule vendored/g)).toHaveLength(1)
    // What changed is what is missing: an error, never a pass.
    expect(stderr).toMatch(
      /submodule "vendored" differs between the commits but could not be checked out/,
    )
    expect(status).toBe(2)
  })
})

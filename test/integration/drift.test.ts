// `importgate drift`: from the latest release tag to head, on a real git
// history with a real interpreter. Five pull requests since v1.0: two of docs,
// one adds a module nothing imports, one makes the import sleep 80 ms (a
// tenfold slowdown: timing cannot flip it), one changes that unimported
// module. The drift is a regression; the commits that can affect importing
// are the three that touch Python files; the bisection names the sleep's
// pull request in two paired compares.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driftReference } from '../../src/git/history.js'
import { readResults } from '../../src/results/read.js'
import type { CompareResults } from '../../src/results/schema.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.11') ?? findPython('3.8')!
const FLAGS = [
  '-t',
  'pkg',
  '--install',
  'none',
  '--python',
  python,
  ...fastFlags({ seed: 4, quiet: true }),
]

let repo: string
let tmp: string
const sha: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, { 'pkg/__init__.py': 'VALUE = 1\n', 'README.md': 'pkg\n' })
  sha.release = gitCommit(repo, 'release 1.0')
  execFileSync('git', ['tag', 'v1.0'], { cwd: repo })
  writeFiles(repo, { 'README.md': 'pkg, documented\n' })
  sha.docs = gitCommit(repo, 'docs: usage (#1)')
  writeFiles(repo, { 'pkg/util.py': 'def helper():\n    return 1\n' })
  sha.util = gitCommit(repo, 'add a helper nothing imports yet (#2)')
  writeFiles(repo, {
    'pkg/slow.py': 'import time\ntime.sleep(0.08)\n',
    'pkg/__init__.py': 'from pkg import slow\nVALUE = 1\n',
  })
  sha.slow = gitCommit(repo, 'load settings at import (#3)')
  writeFiles(repo, { 'pkg/util.py': 'def helper():\n    return 2\n' })
  sha.tweak = gitCommit(repo, 'tweak the helper (#4)')
  writeFiles(repo, { 'README.md': 'pkg, documented twice\n' })
  sha.head = gitCommit(repo, 'docs: more (#5)')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

describe('importgate drift', () => {
  it('compares the latest release tag with head, lists what changed importing, and bisects to the pull request', async () => {
    const json = join(tmp, 'drift.json')
    const { status, stdout, stderr } = await cli(
      ['drift', '--bisect', ...FLAGS, '--json', json],
      process.env,
      repo,
    )
    expect(status, stderr).toBe(1)
    const doc = readResults(readFileSync(json, 'utf8'), 'drift.json') as CompareResults
    expect(doc.base.sha).toBe(sha.release)
    expect(doc.head.sha).toBe(sha.head)
    expect(doc.targets[0]!.verdict).toBe('regression')
    const drift = doc.drift!
    expect(drift.since).toEqual({ ref: 'v1.0', sha: sha.release, how: 'latest-tag' })
    expect(drift.commits).toBe(5)
    // Docs-only pull requests cannot change what the import does.
    expect(drift.merged.map((m) => m.pr)).toEqual([2, 3, 4])
    expect(drift.merged[1]).toMatchObject({
      sha: sha.slow,
      files: ['pkg/__init__.py', 'pkg/slow.py'],
    })
    // The proof's tracer says which lines the import runs, git blame which commit wrote them:
    // #3's, not the helper nothing imports.
    expect(drift.merged.map((m) => m.imported)).toEqual([
      [],
      [
        { file: 'pkg/__init__.py', ran: true, lines: [1] },
        { file: 'pkg/slow.py', ran: true, lines: [1, 2] },
      ],
      [],
    ])
    expect(stdout).toContain(
      `where to look: lines that run at import were written or removed by ${sha.slow!.slice(0, 12)} #3`,
    )
    expect(stdout).toContain(
      'pkg/__init__.py (runs at import: line 1), pkg/slow.py (runs at import: lines 1, 2)',
    )
    // Candidates #2, #3, #4: #2 passes, #3 regresses.
    expect(drift.bisect!.steps.map((s) => [s.pr, s.verdict])).toEqual([
      [2, 'pass'],
      [3, 'regression'],
    ])
    expect(drift.bisect!.first_bad).toEqual({
      sha: sha.slow,
      subject: 'load settings at import (#3)',
      pr: 3,
    })
    expect(drift.duration_s).toBeGreaterThan(0)
    expect(stdout).toMatch(
      /Since v1\.0 \(the latest release tag\): 5 first-parent commits, 3 changed/,
    )
    expect(stdout).toContain(
      `the regression first shows at ${sha.slow!.slice(0, 12)} #3 load settings at import`,
    )
    const md = markdownReport(doc)
    expect(md).toContain('**Bisected** in 2 paired compares with `v1.0`')
    expect(md).toMatch(/\| 2 \| `[0-9a-f]{12}` #3 load settings at import \| regression \| \+\d/)
  }, 300_000)

  it('takes --since as a ref, and says what to give when no tag is reachable', async () => {
    const json = join(tmp, 'since.json')
    const { status } = await cli(
      ['drift', '--since', sha.slow!, '--head', sha.tweak!, ...FLAGS, '--json', json],
      process.env,
      repo,
    )
    expect(status).toBe(0)
    const doc = JSON.parse(readFileSync(json, 'utf8')) as CompareResults
    expect(doc.drift!.since).toEqual({ ref: sha.slow, sha: sha.slow, how: 'ref' })
    expect(doc.drift!.merged.map((m) => m.pr)).toEqual([4])
    expect(doc.drift!.bisect).toBeUndefined()
    execFileSync('git', ['tag', '-d', 'v1.0'], { cwd: repo })
    const untagged = await cli(['drift', ...FLAGS], process.env, repo)
    execFileSync('git', ['tag', 'v1.0', sha.release!], { cwd: repo })
    expect(untagged.status).toBe(2)
    expect(untagged.stderr).toMatch(
      /--since was not given and no tag is reachable from the head commit .*give --since v2\.3\.0 or --since "90 days"/,
    )
  }, 300_000)

  it('says so when head is the reference itself: nothing to measure, and no commits since', async () => {
    const { status, stdout } = await cli(
      ['drift', '--since', 'HEAD', ...FLAGS.filter((f) => f !== '--quiet')],
      process.env,
      repo,
    )
    expect(status).toBe(0)
    expect(stdout).toContain('✅ Nothing to measure: base and head have the same files')
    expect(stdout).toContain(
      'no file differs between base and head: nothing was installed or measured',
    )
    expect(stdout).toMatch(/Since HEAD \(as given\): 0 first-parent commits, 0 changed/)
  })

  it('takes the highest release tag reachable from head: not a nearer branch marker, pre-release or nightly', async () => {
    const tags = {
      '1.0.x': sha.util!,
      'v1.1rc1': sha.slow!,
      nightly: sha.tweak!,
      'v0.9': sha.docs!,
    }
    for (const [tag, at] of Object.entries(tags))
      execFileSync('git', ['tag', tag, at], { cwd: repo })
    try {
      const found = await driftReference(repo, sha.head!, null, '--since', new Date())
      expect(found).toEqual({ ref: 'v1.0', sha: sha.release, how: 'latest-tag' })
      // With no release among them, the nearest tag of any name.
      execFileSync('git', ['tag', '-d', 'v1.0', 'v0.9'], { cwd: repo })
      const nearest = await driftReference(repo, sha.head!, null, '--since', new Date())
      expect(nearest).toEqual({ ref: 'nightly', sha: sha.tweak, how: 'latest-tag' })
    } finally {
      execFileSync('git', ['tag', '-d', ...Object.keys(tags).filter((t) => t !== 'v0.9')], {
        cwd: repo,
      })
      execFileSync('git', ['tag', '-f', 'v1.0', sha.release!], { cwd: repo })
    }
  })
})

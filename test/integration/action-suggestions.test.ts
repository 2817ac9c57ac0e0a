// suggest-lazy on Python 3.15: the bundled action offers the pull request's
// own import lines that nothing needed as GitHub suggested changes, in one
// review on the pull request's head commit, over the loopback GitHub checked
// against the OpenAPI description; nothing when the input is off, and
// nothing twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runBundledAction } from '../helpers/action-run.js'
import { startGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.15')
let repo: string
let github: FakeGitHub
const commits: Record<string, string> = {}
const runDirs: string[] = []

beforeAll(async () => {
  repo = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\nrequires-python = ">=3.15"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py': 'import lz.b\n',
    'src/lz/b.py': 'X = 1\n',
  })
  commits.base = gitCommit(repo, 'base')
  // Two new lines nothing needs; the old one (line 1) is not the pull request's.
  writeFiles(repo, {
    'src/lz/__init__.py': 'import lz.b\nimport json\n    \nimport email.mime.text  # mail\n',
  })
  commits.head = gitCommit(repo, 'json and email, eagerly')
  github = await startGitHub('octo', 'shop', 7)
})

afterAll(async () => {
  await github.close()
  removeDir(repo)
  for (const dir of runDirs) removeDir(dir)
})

afterEach(() => {
  expect(github.violations).toEqual([])
})

const run = (overrides: Record<string, string> = {}) =>
  runBundledAction({
    repo,
    base: commits.base!,
    head: commits.head!,
    python: python!,
    github,
    runDirs,
    overrides: {
      targets: 'lz',
      // Every never-needed line, however cheap: the floor is timing, not what this tests.
      'min-delta': '0',
      'min-pairs': '15',
      'max-pairs': '40',
      'profile-runs': '1',
      ...overrides,
    },
  })

describe.skipIf(!python)('suggest-lazy (Python 3.15)', () => {
  it('posts nothing when the input is off (the default)', async () => {
    const result = await run()
    // Measured, with never-needed lines to suggest: only the input held them back.
    expect(result.outputs.verdict).not.toBe('error')
    expect(result.summary).toContain('`lazy import json` at `src/lz/__init__.py:2`')
    expect(github.reviews).toEqual([])
    expect(github.requests.some((r) => r.path.includes('/reviews'))).toBe(false)
  }, 180_000)

  it("offers the pull request's own never-needed lines as suggested changes, once", async () => {
    const first = await run({ 'suggest-lazy': 'true' })
    expect(first.stdout).toContain('importgate: suggested 2 lazy imports on the pull request')
    expect(github.reviews).toHaveLength(1)
    const [review] = github.reviews
    expect(review).toMatchObject({ commit_id: commits.head, event: 'COMMENT' })
    const comments = review!.comments!.map((c) => [c.path, c.line, c.side])
    expect(comments.sort()).toEqual([
      ['src/lz/__init__.py', 2, 'RIGHT'],
      ['src/lz/__init__.py', 4, 'RIGHT'],
    ])
    const body = (line: number) => review!.comments!.find((c) => c.line === line)!.body
    expect(body(2)).toContain('```suggestion\nlazy import json\n```')
    expect(body(2)).toContain('Nothing needed `json` while importing `lz`')
    expect(body(4)).toContain('```suggestion\nlazy import email.mime.text  # mail\n```')
    // Run again on the same head: the suggestions are there already.
    const again = await run({ 'suggest-lazy': 'true' })
    expect(again.outputs.verdict).not.toBe('error')
    expect(github.reviews).toHaveLength(1)
  }, 300_000)
})

// The action's mode drift, run as a scheduled workflow runs it (the bundled
// action, a schedule event, a loopback GitHub checked against the OpenAPI
// description), on a real git history: v1.0, then a docs pull request, one
// that makes the import sleep 80 ms (a tenfold slowdown: timing cannot flip
// it), and one that sets a budget. One issue is created, updated with one
// more history row a run, left closed when a person closed it, and never
// doubled; a repository without tags and a token that may not write issues
// end in messages a person can act on.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBundledAction } from '../helpers/action-run.js'
import { A_PERSON, ACTIONS_BOT, startGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'
import { historyOf } from '../../src/report/view/drift-history.js'

const python = findPython('3.13') ?? findPython('3.11') ?? findPython('3.8')!
const runDirs: string[] = []
let repo: string
let head: string
let github: FakeGitHub

const schedule = {
  name: 'schedule',
  payload: { schedule: '0 6 * * 1', repository: { full_name: 'octo/shop' } },
}
const MARK = '<!-- importgate-drift:imports/importgate -->'

function drift(overrides: Record<string, string> = {}, repoDir = repo, commit = head) {
  return runBundledAction({
    repo: repoDir,
    base: commit,
    head: commit,
    python,
    github,
    runDirs,
    other: schedule,
    overrides: { mode: 'drift', targets: '', ...overrides },
  })
}

const issueRequests = () => github.requests.filter((r) => /\/issues(\/\d+)?$|\/labels/.test(r.path))

beforeAll(async () => {
  github = await startGitHub('octo', 'shop', 7)
  repo = tempDir()
  runDirs.push(repo)
  gitInit(repo)
  const pyproject =
    '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n'
  writeFiles(repo, {
    'pyproject.toml': pyproject,
    'src/shop/__init__.py': 'VALUE = 1\n',
    'README.md': 'shop\n',
  })
  gitCommit(repo, 'release 1.0')
  execFileSync('git', ['tag', 'v1.0'], { cwd: repo })
  writeFiles(repo, { 'README.md': 'shop, documented\n' })
  gitCommit(repo, 'docs: usage (#11)')
  writeFiles(repo, {
    'src/shop/slow.py': 'import time\ntime.sleep(0.08)\n',
    'src/shop/__init__.py': 'from shop import slow\nVALUE = 1\n',
  })
  gitCommit(repo, 'load settings at import (#12)')
  // The default branch's budget, which the old release does not have: the gate is head's.
  writeFiles(repo, { 'pyproject.toml': `${pyproject}\n[tool.importgate.budgets]\nshop = "2s"\n` })
  head = gitCommit(repo, 'a budget (#13)')
})

afterAll(async () => {
  await github.close()
  for (const d of runDirs) removeDir(d)
})

describe('the action in mode drift', () => {
  it('creates one labelled issue on a schedule, with the verdict, the Why, the history and a budget to tighten, and fails nothing', async () => {
    const run = await drift()
    expect(run.status, run.stdout).toBe(0)
    expect(run.outputs.verdict).toBe('regression')
    expect(github.issues).toHaveLength(1)
    const issue = github.issues[0]!
    expect(run.outputs['issue-url']).toBe(issue.html_url)
    expect(issue.title).toBe('Import time since v1.0')
    expect(issue.labels).toEqual([{ name: 'importgate-drift' }])
    expect(github.labels).toEqual(['importgate-drift'])
    expect(issue.body.startsWith(`${MARK}\n`)).toBe(true)
    expect(issue.body).toContain('regression')
    // The Why names what crept in, and the drift section the pull request.
    expect(issue.body).toContain('`shop.slow`')
    expect(issue.body).toContain('#12')
    // Head's budget of 2 s applied, and main is far under it.
    expect(issue.body).toContain('#### Budgets to tighten')
    expect(issue.body).toMatch(/\[tool\.importgate\.budgets\]\n"shop" = "\d+ms"\n/)
    expect(issue.body).toContain('#### History')
    const history = historyOf(issue.body)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ since: 'v1.0', head_sha: head })
    expect(history[0]!.targets[0]).toMatchObject({ name: 'shop', verdict: 'regression' })
    expect(history[0]!.targets[0]!.pct).toBeGreaterThan(100)
    expect(run.summary).toContain('Kept in issue [#1]')
    expect(run.summary).toContain('(created)')
    expect(github.violations).toEqual([])
  }, 240_000)

  it('updates that issue on the next run, its history one row longer and a trend drawn; closes a raced duplicate, and leaves a person’s look-alike alone', async () => {
    const lookalike = github.addIssue({
      body: `${MARK}\nnot importgate's`,
      labels: [{ name: 'importgate-drift' }],
      user: A_PERSON,
    })
    // What a run that raced the first would have made.
    const raced = github.addIssue({
      body: `${MARK}\nraced`,
      labels: [{ name: 'importgate-drift' }],
      user: ACTIONS_BOT,
    })
    const run = await drift()
    expect(run.status, run.stdout).toBe(0)
    expect(github.issues).toHaveLength(3)
    expect(lookalike).toMatchObject({ body: `${MARK}\nnot importgate's`, state: 'open' })
    expect(raced).toMatchObject({
      body: `${MARK}\nraced`,
      state: 'closed',
      state_reason: 'duplicate',
    })
    expect(run.summary).toContain(
      `Closed as duplicates, made by runs that raced: #${raced.number}.`,
    )
    const issue = github.issues[0]!
    expect(historyOf(issue.body)).toHaveLength(2)
    expect(issue.body).toContain('```mermaid\nxychart-beta')
    expect(issue.body.match(/importgate-drift-history/g)).toHaveLength(1)
    expect(run.summary).toContain('(updated)')
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues')),
    ).toHaveLength(1)
    expect(github.violations).toEqual([])
  }, 240_000)

  it('updates a closed issue without reopening it, and says so; fail-on applies as on a pull request', async () => {
    const issue = github.issues[0]!
    issue.state = 'closed'
    const run = await drift({ 'fail-on': 'regression' })
    // Asked for, a regression makes the scheduled run red.
    expect(run.status, run.stdout).toBe(1)
    expect(run.stdout).toContain('::error::')
    expect(issue.state).toBe('closed')
    expect(historyOf(issue.body)).toHaveLength(3)
    expect(run.summary).toContain('#1 is closed: it was updated, not reopened')
    expect(github.issues.filter((i) => i.state === 'open')).toEqual([
      expect.objectContaining({ user: A_PERSON }),
    ])
    expect(github.violations).toEqual([])
  }, 240_000)

  it('ends a repository without tags in an error naming input "since", and writes no issue', async () => {
    const bare = tempDir()
    runDirs.push(bare)
    gitInit(bare)
    writeFiles(bare, {
      'pyproject.toml': '[project]\nname = "shop"\nversion = "0"\n',
      'src/shop/__init__.py': 'VALUE = 1\n',
    })
    const only = gitCommit(bare, 'first')
    const before = issueRequests().length
    const run = await drift({ targets: 'shop' }, bare, only)
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('error')
    expect(run.stdout).toContain('input "since" was not given and no tag is reachable')
    expect(run.summary).toContain('fetch-depth: 0')
    expect(issueRequests().length).toBe(before)
  }, 120_000)

  it.each([
    [403, 'Resource not accessible by integration', 'a token without issues: write'],
    [404, 'Not Found', "a private repository's answer to a token that may not see its issues"],
  ])(
    'keeps the report in the summary on HTTP %i (%s: %s), and says which permission',
    async (status, message) => {
      github.failIssues = { status, message }
      try {
        const run = await drift({ since: 'v1.0' })
        expect(run.outputs.verdict).toBe('regression')
        // fail-on's default in mode drift is error: a check that could not write its issue is red.
        expect(run.status).toBe(1)
        expect(run.stdout).toContain('permissions: issues: write')
        expect(run.summary).toContain(`The token may not write issues in octo/shop (HTTP ${status}`)
        if (status === 404) expect(run.summary).toContain('a private repository answers 404')
        expect(run.summary).toContain('`shop.slow`')
        expect(run.outputs['issue-url']).toBeUndefined()
      } finally {
        github.failIssues = null
      }
      expect(github.violations).toEqual([])
    },
    240_000,
  )
})

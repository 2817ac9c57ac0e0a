// The bundled action, run as the runner runs it: `node dist/index.js` with
// every input of action.yml as INPUT_<NAME> (defaults applied), a pull_request
// event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, and
// GITHUB_API_URL pointing at a loopback GitHub checked against the OpenAPI
// description.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runBundledAction, SECRETS } from '../helpers/action-run.js'
import { startGitHub, type FakeGitHub } from '../helpers/github-server.js'
import {
  ancestorEnvironmentsSpy,
  gitCommit,
  gitInit,
  removeDir,
  tempDir,
  writeFiles,
} from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
let repo: string
let work: string
let github: FakeGitHub
const commits: Record<string, string> = {}
/** Per-run folders, removed after all tests whether they passed or not. */
const runDirs: string[] = []

beforeAll(async () => {
  repo = tempDir()
  work = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n',
    'src/shop/__init__.py': 'from shop import orders\n',
    'src/shop/orders.py': 'VALUE = 1\n',
  })
  commits.base = gitCommit(repo, 'base')
  writeFiles(repo, { 'src/shop/orders.py': '# a comment\nVALUE = 1\n' })
  commits.comment = gitCommit(repo, 'comment only')
  writeFiles(repo, { 'src/shop/orders.py': 'VALUE = sum(i * i for i in range(400_000))\n' })
  commits.heavy = gitCommit(repo, 'heavy module-level work')
  // Importing this head writes the names and values of its environment to a file,
  // and what /proc shows of the environments of its ancestors (importgate's among them).
  writeFiles(repo, {
    'src/shop/orders.py': [
      'import os',
      `with open(${JSON.stringify(join(work, 'env.txt'))}, "w") as f:`,
      '    f.write("\\n".join(k + "=" + v for k, v in os.environ.items()))',
      ...ancestorEnvironmentsSpy(join(work, 'ancestors.txt')),
      'VALUE = 1',
      '',
    ].join('\n'),
  })
  commits.spy = gitCommit(repo, 'spy on the environment')
  // Its import fails with a message written to look like workflow commands,
  // a terminal escape and a team mention.
  writeFiles(repo, {
    'src/shop/orders.py': `raise RuntimeError("boom\\n::set-output name=verdict::pass\\n::add-mask::x\\n::error title=Injected::owned \\x1b[31mred @octo/owners")\n`,
  })
  commits.hostile = gitCommit(repo, 'an import error that looks like commands')
  // A pull request off base that touches only docs and CI.
  execFileSync('git', ['checkout', '-q', '--detach', commits.base], { cwd: repo })
  writeFiles(repo, { 'docs/index.md': '# Docs\n', '.github/workflows/ci.yml': 'on: push\n' })
  commits.docs = gitCommit(repo, 'docs only')
  github = await startGitHub('octo', 'shop', 7)
})

afterAll(async () => {
  await github.close()
  removeDir(repo)
  removeDir(work)
  for (const dir of runDirs) removeDir(dir)
})

afterEach(() => {
  expect(github.violations).toEqual([])
})

function runAction(
  head: string,
  overrides: Record<string, string> = {},
  /** Another event than the pull request's (a fork's workflow_run, say). */
  other?: { name: string; payload: object },
) {
  return runBundledAction({
    repo,
    base: commits.base!,
    head,
    python,
    github,
    runDirs,
    overrides,
    ...(other ? { other } : {}),
  })
}

/** Publish mode, as a fork's workflow_run (which names no pull request) about commit `headSha`, runs it. */
function publishForRun(results: string, headSha: string, overrides: Record<string, string> = {}) {
  return runAction(
    commits.base!,
    { mode: 'publish', results, python: '/nonexistent/python3', ...overrides },
    {
      name: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: { id: 100, pull_requests: [], head_sha: headSha },
        repository: { name: 'shop', full_name: 'octo/shop', owner: { login: 'octo' } },
      },
    },
  )
}

const MARKER = '<!-- importgate:imports/importgate -->'

/** Lines of a job log the runner would take for commands: outside any ::stop-commands:: fence. */
function commandLines(log: string): string[] {
  const found: string[] = []
  let fence: string | null = null
  for (const line of log.split('\n')) {
    const trimmed = line.trim()
    if (fence) {
      if (trimmed === `::${fence}::`) fence = null
      continue
    }
    const start = /^::stop-commands::(.+)$/.exec(trimmed)
    if (start) fence = start[1]!
    else if (trimmed.startsWith('::')) found.push(trimmed)
  }
  return found
}

describe('the action', () => {
  it("keeps the measured code's text out of workflow commands, terminals and mentions", async () => {
    const run = await runAction(commits.hostile!)
    expect(run.outputs.verdict).toBe('error')
    const commands = commandLines(run.stdout)
    // Ours only: the error annotation and the failure, their text escaped by the toolkit.
    expect(commands.length).toBeGreaterThan(0)
    for (const line of commands) expect(line).toMatch(/^::(error|warning)( [^:]*)?::/)
    expect(commands.join('\n')).not.toMatch(/set-output|add-mask|title=Injected/)
    expect(run.stdout).not.toContain('\x1b')
    const comment = github.comments.at(-1)!.body
    expect(comment).not.toMatch(/@octo\/owners/)
    expect(comment).not.toContain('\x1b')
  })

  it('creates the sticky comment on the first run and passes', async () => {
    const run = await runAction(commits.comment!)
    expect(run.stdout).not.toMatch(/::error::/)
    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(run.outputs['report-json']).toBe(run.results)
    expect(JSON.parse(readFileSync(run.results, 'utf8'))).toMatchObject({
      schema: 1,
      verdict: 'pass',
    })
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body.startsWith(`${MARKER}\n### ✅ No import-time regression`)).toBe(
      true,
    )
    expect(run.outputs['comment-url']).toBe(github.comments[0]!.html_url)
    expect(run.summary).toContain('No import-time regression')
    expect(run.summary).toContain(
      '`importgate.html` in the `importgate` artifact of [this run](https://github.com/octo/shop/actions/runs/42#artifacts)',
    )
    // No artifact service here: a warning, never a failed check.
    expect(run.stdout).toMatch(
      /::warning::importgate: the results were not uploaded as an artifact/,
    )
  })

  it('passes a docs-only pull request in seconds, updating the comment with why', async () => {
    const run = await runAction(commits.docs!)
    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    const doc = JSON.parse(readFileSync(run.results, 'utf8'))
    expect(doc.skipped).toMatchObject({ reason: 'no-affecting-change', changed_count: 2 })
    // Nothing installed or measured: a measured run takes tens of seconds; a loaded machine
    // (the benches beside the suite) took a skip to 5 s.
    expect(doc.phases_s).toBeUndefined()
    expect(doc.duration_s).toBeLessThan(15)
    expect(github.comments).toHaveLength(1)
    expect(
      github.comments[0]!.body.startsWith(
        `${MARKER}\n### ✅ Nothing to measure: none of the 2 changed files can affect importing`,
      ),
    ).toBe(true)
  })

  it('updates the same comment on page 2 behind 150 others, and fails on a regression', async () => {
    const ours = github.comments.splice(0)[0]!
    for (let i = 0; i < 150; i++) {
      if (i === 120) github.comments.push(ours)
      // Older than ours, with our marker, by a person: not ours to adopt (issue 29: 10).
      else if (i === 10) github.addComment(`${MARKER}\nplanted by someone else`)
      else github.addComment(`comment ${i} by someone else`)
    }
    const run = await runAction(commits.heavy!)
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('regression')
    expect(run.outputs.regressions).toBe('1')
    expect(github.comments).toHaveLength(150)
    const mine = github.comments.filter((c) => c.body.startsWith(MARKER))
    expect(mine.map((c) => c.id)).toEqual([mine[0]!.id, ours.id])
    expect(mine[0]!.body).toBe(`${MARKER}\nplanted by someone else`)
    mine.shift()
    expect(mine[0]!.body).toMatch(/### ❌ `shop` imports .* slower/)
    expect(
      github.requests.some(
        (r) => r.method === 'GET' && r.query.page === '2' && r.query.per_page === '100',
      ),
    ).toBe(true)
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1) // only the first run's
    expect(run.stdout).toMatch(
      /::error title=importgate%3A import-time regression::shop imports \d+(\.\d+)?(–\d+(\.\d+)?)?(%|×) slower \(\+/,
    )
    expect(run.stdout).toMatch(/::error::❌ shop imports .* slower/)
  })

  it('warns when the token cannot comment, still writes the summary, and keeps the verdict', async () => {
    github.comments.splice(0)
    github.failCreate = 403
    const run = await runAction(commits.comment!)
    github.failCreate = null
    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    // The event does not say where the pull request comes from: both causes are named.
    expect(run.stdout).toMatch(
      /::warning::The token may not comment on this pull request \(HTTP 403: Resource not accessible by integration\)\. Give the job `permissions: pull-requests: write`/,
    )
    expect(run.stdout).toMatch(/if the pull request comes from a fork, see the two-workflow recipe/)
    expect(run.summary).toContain('No import-time regression')
    expect(run.summary).toContain(
      '`importgate.html` in the `importgate` artifact of [this run](https://github.com/octo/shop/actions/runs/42#artifacts)',
    )
    expect(github.comments).toHaveLength(0)
  })

  it('never lets the measured code see the token or runner secrets', async () => {
    // Writing the file makes head's import measurably slower (on a loaded machine,
    // by any factor), which is not what this test is about: the check fails only
    // on an error, such as a measured import that could not run.
    const run = await runAction(commits.spy!, {
      comment: 'never',
      threshold: '1000%',
      'fail-on': 'error',
    })
    expect(run.status).toBe(0)
    const seen = readFileSync(join(work, 'env.txt'), 'utf8')
    const names = seen.split('\n').map((line) => line.split('=')[0])
    expect(names).toContain('PATH')
    for (const name of [
      ...Object.keys(SECRETS),
      'INPUT_GITHUB-TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'GITHUB_API_URL',
    ]) {
      expect(names).not.toContain(name)
    }
    expect(names.filter((n) => n?.startsWith('INPUT_'))).toEqual([])
    for (const value of Object.values(SECRETS)) expect(seen).not.toContain(value)
    // Nor in importgate's own environment, which /proc shows to any process of its user.
    const ancestors = readFileSync(join(work, 'ancestors.txt'), 'utf8')
    expect(ancestors).toContain('PATH=')
    expect(ancestors).not.toContain('INPUT_GITHUB-TOKEN')
    for (const value of Object.values(SECRETS)) expect(ancestors).not.toContain(value)
  })

  it('names the action input, not a CLI flag, when the setup is wrong', async () => {
    const run = await runAction(commits.comment!, { python: '/no/such/python3', comment: 'never' })
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('error')
    expect(run.summary).toContain('input "python": "/no/such/python3" was not found')
    expect(run.stdout).toMatch(
      /::error::importgate: input "python": "\/no\/such\/python3" was not found/,
    )
    expect(run.stdout).not.toMatch(/--python/)
  })
  it('merges a matrix of three Pythons into one comment with three rows per target', async () => {
    const pythons = ['3.8', '3.11', '3.13'].filter((v) => findPython(v))
    const before = github.comments.length
    const results: string[] = []
    for (const version of pythons) {
      const run = await runAction(commits.heavy!, {
        python: findPython(version)!,
        comment: 'never',
        label: `py${version}`,
      })
      expect(run.outputs.verdict).toBe('regression')
      results.push(run.results)
    }
    // Measuring jobs with comment never post nothing.
    expect(github.comments.length).toBe(before)
    const publish = await runAction(commits.heavy!, {
      mode: 'publish',
      results: results.join('\n'),
      'comment-key': 'matrix',
    })
    expect(publish.status).toBe(1)
    expect(publish.outputs.verdict).toBe('regression')
    expect(github.comments.length).toBe(before + 1)
    const body = github.comments[github.comments.length - 1]!.body
    const top = body.slice(0, body.indexOf('<details>'))
    const rows = top.split('\n').filter((l) => l.startsWith('| `shop`'))
    expect(rows.map((r) => r.split('|')[2]!.trim())).toEqual(pythons.map((v) => `py${v}`))
    expect(publish.summary).toContain('| `shop` | py')
  })

  it("publishes a fork's results from a workflow_run, which names no pull request", async () => {
    const measured = await runAction(commits.heavy!, { comment: 'never', label: 'fork' })
    expect(JSON.parse(readFileSync(measured.results, 'utf8')).pull_request).toBe(7)
    const headSha = JSON.parse(readFileSync(measured.results, 'utf8')).head.sha
    // GitHub says pull request #7's head is the commit the run built.
    github.pullHeadSha = headSha
    const before = github.comments.length
    const publish = await runAction(
      commits.base!,
      // An interpreter that does not exist: publishing must never need one.
      {
        mode: 'publish',
        results: dirname(measured.results),
        'comment-key': 'fork',
        python: '/nonexistent/python3',
      },
      {
        name: 'workflow_run',
        payload: {
          action: 'completed',
          // GitHub leaves pull_requests empty for a fork's run.
          workflow_run: {
            id: 99,
            pull_requests: [],
            head_sha: headSha,
          },
          repository: { name: 'shop', full_name: 'octo/shop', owner: { login: 'octo' } },
        },
      },
    )
    expect(publish.outputs.verdict).toBe('regression')
    expect(github.comments.length).toBe(before + 1)
    expect(github.comments[github.comments.length - 1]!.body).toContain('| `shop` | fork |')
    // Nothing of the pull request was checked out, installed or run.
    expect(publish.stdout).not.toMatch(/installing|measuring|warming up|Python \d/)
    const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
      cwd: repo,
      encoding: 'utf8',
    })
    expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
  })

  it("refuses results for another commit than the workflow run's, whatever pull request they name (issue 29: 2)", async () => {
    const measured = await runAction(commits.heavy!, { comment: 'never', label: 'forged' })
    const forged = JSON.parse(readFileSync(measured.results, 'utf8'))
    forged.pull_request = 5
    writeFileSync(measured.results, JSON.stringify(forged))
    const before = github.comments.map((c) => c.body)
    const publish = await publishForRun(measured.results, 'f'.repeat(40))
    expect(publish.status).toBe(1)
    expect(publish.outputs.verdict).toBe('error')
    expect(publish.stdout).toMatch(
      /is for head \w+, not ffffffffffff, the commit this workflow run is about; nothing was published/,
    )
    // No comment was written or edited.
    expect(github.comments.map((c) => c.body)).toEqual(before)
  })

  it("refuses results that name a pull request whose head is not the run's commit (issue 29: 2)", async () => {
    // A fork's own, genuine results for its own commit, naming someone else's pull request.
    const measured = await runAction(commits.heavy!, { comment: 'never', label: 'elsewhere' })
    const doc = JSON.parse(readFileSync(measured.results, 'utf8'))
    expect(doc.pull_request).toBe(7)
    github.pullHeadSha = 'e'.repeat(40)
    const before = github.comments.map((c) => c.body)
    const requestsBefore = github.requests.length
    const publish = await publishForRun(measured.results, doc.head.sha)
    expect(publish.status).toBe(1)
    expect(publish.outputs.verdict).toBe('error')
    expect(publish.stdout).toMatch(
      /names pull request #7, whose head is eeeeeeeeeeee, not \w+, the commit this workflow run is about; nothing was published/,
    )
    expect(github.comments.map((c) => c.body)).toEqual(before)
    // One question asked (whose head is #7?), nothing written.
    expect(github.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/shop/pulls/7',
    ])
  })

  it('refuses to publish results of different commits, naming the file', async () => {
    const a = await runAction(commits.heavy!, { comment: 'never', label: 'a' })
    const b = await runAction(commits.comment!, { comment: 'never', label: 'b' })
    const publish = await runAction(commits.heavy!, {
      mode: 'publish',
      results: `${a.results}\n${b.results}`,
    })
    expect(publish.status).toBe(1)
    expect(publish.outputs.verdict).toBe('error')
    expect(publish.stdout).toMatch(
      /head\.sha is \w+, but .*results\.json has \w+: results of different commits cannot be merged/,
    )
  })
})

// Every workflow in examples/workflows/, run as GitHub would run its
// importgate steps: the bundled action against a loopback GitHub, with the
// inputs the file gives (its expressions filled in), the other steps stood in
// for (checkout: the repository is there; download-artifact: the measuring
// jobs' results are copied where it would put them). An example that stops
// working fails here, so the docs and the README cannot show one that rots.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { root, runBundledAction } from '../helpers/action-run.js'
import { startGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const USES = 'importgate/importgate@v1'

interface Step {
  uses?: string
  with?: Record<string, string | number>
}
interface Job {
  needs?: string | string[]
  strategy?: { matrix?: Record<string, (string | number)[]> }
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

const dir = join(root, 'examples', 'workflows')
const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as Workflow
const runDirs: string[] = []
let github: FakeGitHub

beforeAll(async () => {
  github = await startGitHub('octo', 'shop', 7)
})
afterAll(async () => {
  await github.close()
  for (const d of runDirs) removeDir(d)
})

/** A repository with `mypkg` in `folder`, and a pull request that changes a comment in it. */
function project(folder: string) {
  const repo = tempDir()
  runDirs.push(repo)
  gitInit(repo)
  const at = (path: string) => (folder === '.' ? path : `${folder}/${path}`)
  writeFiles(repo, {
    [at('pyproject.toml')]: '[project]\nname = "mypkg"\nversion = "0"\n',
    [at('src/mypkg/__init__.py')]: 'from mypkg import core\n',
    [at('src/mypkg/core.py')]: 'VALUE = 1\n',
  })
  const base = gitCommit(repo, 'base')
  writeFiles(repo, { [at('src/mypkg/core.py')]: '# why VALUE is 1\nVALUE = 1\n' })
  return { repo, base, head: gitCommit(repo, 'a comment') }
}

/** A step's inputs as text, its `${{ matrix.* }}` filled in. */
function inputsOf(step: Step, matrix: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, key: string) => matrix[key]!),
    ]),
  )
}

/** Each matrix combination of a job (one, without a matrix). */
function combinations(job: Job): Record<string, string>[] {
  let out: Record<string, string>[] = [{}]
  for (const [key, values] of Object.entries(job.strategy?.matrix ?? {}))
    out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: String(v) })))
  return out
}

const importgateSteps = (job: Job) => job.steps.filter((s) => s.uses === USES)

describe('examples/workflows', () => {
  it('holds the examples the README and docs point to', () => {
    expect(readdirSync(dir).sort()).toEqual([
      'drift.yml',
      'fork-measure.yml',
      'fork-publish.yml',
      'matrix.yml',
      'monorepo.yml',
      'pull-request.yml',
      'uv-cache.yml',
    ])
  })

  it.each(['pull-request.yml', 'monorepo.yml', 'fork-measure.yml', 'matrix.yml', 'uv-cache.yml'])(
    '%s runs green on a pull request that changes nothing the import runs',
    async (file) => {
      const workflow = read(file)
      expect(Object.keys(workflow.on)).toContain('pull_request')
      const measuring = Object.values(workflow.jobs).flatMap((job) =>
        importgateSteps(job).filter((s) => s.with?.mode !== 'publish'),
      )
      const folder = String(measuring[0]?.with?.['working-directory'] ?? '.')
      const { repo, base, head } = project(folder)
      // Each example on its own: an earlier one's sticky comment would be updated, not made.
      github.comments.splice(0)
      let comments = 0
      const results: string[] = []
      for (const job of Object.values(workflow.jobs)) {
        for (const matrix of combinations(job)) {
          for (const step of importgateSteps(job)) {
            const inputs = inputsOf(step, matrix)
            if (inputs.mode === 'publish') {
              // Where download-artifact puts each measuring job's artifact.
              for (const [i, result] of results.entries()) {
                mkdirSync(join(repo, inputs.results!, `job-${i}`), { recursive: true })
                copyFileSync(result, join(repo, inputs.results!, `job-${i}`, 'results.json'))
              }
            }
            const run = await runBundledAction({
              repo,
              base,
              head,
              python,
              github,
              runDirs,
              overrides: inputs,
            })
            expect(run.status, run.stdout).toBe(0)
            expect(run.outputs.verdict).toBe('pass')
            if (inputs.mode !== 'publish') results.push(run.results)
            if (inputs.comment !== 'never') comments++
          }
        }
      }
      expect(github.violations).toEqual([])
      expect(github.comments.length).toBe(comments)
    },
    240_000,
  )

  it('fork-publish.yml posts what fork-measure.yml measured, from a workflow_run', async () => {
    const measure = read('fork-measure.yml')
    const publish = read('fork-publish.yml')
    expect(publish.on.workflow_run).toMatchObject({ workflows: ['Imports (fork)'] })
    // The publishing workflow listens to the measuring one by its name.
    expect((measure as unknown as { name: string }).name).toBe('Imports (fork)')
    const { repo, base, head } = project('.')
    const [step] = importgateSteps(Object.values(measure.jobs)[0]!)
    const measured = await runBundledAction({
      repo,
      base,
      head,
      python,
      github,
      runDirs,
      overrides: inputsOf(step!, {}),
    })
    expect(measured.outputs.verdict).toBe('pass')
    const headSha = JSON.parse(readFileSync(measured.results, 'utf8')).head.sha as string
    github.pullHeadSha = headSha
    const [post] = importgateSteps(Object.values(publish.jobs)[0]!)
    const inputs = inputsOf(post!, {})
    mkdirSync(join(repo, inputs.results!), { recursive: true })
    copyFileSync(measured.results, join(repo, inputs.results!, 'results.json'))
    github.comments.splice(0)
    const run = await runBundledAction({
      repo,
      base,
      head: base,
      python: '/nonexistent/python3',
      github,
      runDirs,
      overrides: inputs,
      other: {
        name: 'workflow_run',
        payload: {
          action: 'completed',
          workflow_run: { id: 99, pull_requests: [], head_sha: headSha },
          repository: { name: 'shop', full_name: 'octo/shop', owner: { login: 'octo' } },
        },
      },
    })
    expect(run.status, run.stdout).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(github.comments.length).toBe(1)
    expect(github.comments[0]!.body).toContain('`mypkg`')
    expect(github.violations).toEqual([])
  }, 240_000)

  it('drift.yml keeps one issue on a schedule: created on the first run, updated on the next', async () => {
    const workflow = read('drift.yml')
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'workflow_dispatch'])
    const job = Object.values(workflow.jobs)[0]!
    // The tags and the history since the release are fetched.
    expect(job.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } })
    const { repo, base, head } = project('.')
    execFileSync('git', ['tag', 'v1.0', base], { cwd: repo })
    const [step] = importgateSteps(job)
    github.issues.splice(0)
    for (const run of [1, 2]) {
      const result = await runBundledAction({
        repo,
        base: head,
        head,
        python,
        github,
        runDirs,
        overrides: inputsOf(step!, {}),
        other: { name: run === 1 ? 'schedule' : 'workflow_dispatch', payload: {} },
      })
      expect(result.status, result.stdout).toBe(0)
      expect(result.outputs.verdict).toBe('pass')
      expect(github.issues).toHaveLength(1)
      expect(github.issues[0]!.title).toBe('Import time since v1.0')
      expect(result.summary).toContain(run === 1 ? '(created)' : '(updated)')
    }
    expect(github.violations).toEqual([])
  }, 240_000)
})

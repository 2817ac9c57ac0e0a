// `importgate measure` end to end: a src-layout package in a git repository
// made by the test, real interpreters, the CLI as a function and as the bundle.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { median } from '../../src/analysis/stats/summary.js'
import type { ResultsDocument } from '../../src/results/schema.js'
import { readResults } from '../../src/results/read.js'
import { cli } from '../helpers/cli.js'
import {
  ancestorEnvironmentsSpy,
  gitCommit,
  gitInit,
  removeDir,
  tempDir,
  writeFiles,
} from '../helpers/project.js'
import { testPythons } from '../helpers/pythons.js'

const PACKAGE = {
  'pyproject.toml':
    '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n',
  'src/shop/__init__.py': 'from shop import orders\n',
  'src/shop/orders.py': 'from shop import money\n',
  // Module-level work that dwarfs every other module's own time (10x or more).
  'src/shop/money.py': 'import decimal\nRATES = sum(i * i for i in range(400_000))\n',
  'src/shop/broken.py': 'raise RuntimeError("cannot reach the database")\n',
  // Writes to the probe's report descriptor before the probe does.
  'src/shop/forger.py': 'import os\nos.write(3, b\'{"protocol": 1, "ok": true}\\n\')\n',
}

const FAST = ['--min-pairs', '5', '--max-pairs', '5', '--warmup', '1', '--profile-runs', '2']

describe.each(testPythons())('importgate measure on $label', ({ path: python }) => {
  let repo: string
  let tmp: string
  let sha: string
  let env: NodeJS.ProcessEnv
  beforeAll(() => {
    repo = tempDir()
    tmp = tempDir()
    writeFiles(repo, PACKAGE)
    gitInit(repo)
    sha = gitCommit(repo, 'shop')
    env = { ...process.env, TMPDIR: tmp }
  })
  afterAll(() => {
    removeDir(repo)
    removeDir(tmp)
  })

  it('measures a src-layout package and writes the results document', async () => {
    const json = join(repo, 'out', 'results.json')
    const result = await cli(
      ['measure', '-t', 'shop', '--python', python, ...FAST, '--json', json, '-C', repo],
      env,
      repo,
    )
    expect(result.stderr).not.toMatch(/error/i)
    expect(result.status).toBe(0)
    const doc = readResults(readFileSync(json, 'utf8'), json) as ResultsDocument
    expect(doc).toMatchObject({
      schema: 1,
      command: 'measure',
      verdict: 'pass',
      base: null,
      rounds: 5,
    })
    // The interpreter's version, as its name says (python3.8, python3.15, ...).
    const minor = /python(\d+\.\d+)$/.exec(python)![1]!
    expect(doc.python.startsWith(`${minor}.`)).toBe(true)
    // Clean: the tree is described before the warm-ups write __pycache__ into
    // src/ (which once made every measured tree look dirty).
    expect(doc.head).toEqual({ ref: 'WORKTREE', sha, dirty: false })
    const [target] = doc.targets
    expect(target).toMatchObject({
      name: 'shop',
      verdict: 'pass',
      base: null,
      delta: null,
      error: null,
    })
    const head = target!.head!
    expect(head.samples_ms).toHaveLength(5)
    expect(head.median_ms).toBeCloseTo(median(head.samples_ms), 3)
    expect(head.modules).toEqual(
      expect.arrayContaining(['shop', 'shop.orders', 'shop.money', 'decimal']),
    )
    expect(head.modules).not.toContain('shop.broken')
    expect(head.package_module_count).toBe(3)
    expect(head.module_count).toBeGreaterThan(head.modules_added)
    expect(head.profile.runs).toBe(2)
    const [slowest, next] = head.profile.slowest
    expect(slowest).toMatchObject({
      name: 'shop.money',
      chain: ['shop', 'shop.orders', 'shop.money'],
    })
    expect(slowest!.self_ms).toBeGreaterThan(next!.self_ms)
    expect(slowest!.cumulative_ms).toBeGreaterThanOrEqual(slowest!.self_ms)
    // The summary names the target, its median and the slowest modules.
    expect(result.stdout).toContain('shop')
    expect(result.stdout).toMatch(/slowest modules by self time/)
    expect(result.stdout).toMatch(/shop\.money +shop → shop\.orders/)
    expect(result.stdout).not.toContain('\u001b[') // not a TTY: no colour
    // Nothing left in the temp folder the run used.
    expect(readdirSync(tmp)).toEqual([])
  })

  it('takes targets from pyproject.toml when none are given', async () => {
    const result = await cli(['measure', '--python', python, ...FAST, '-q'], env, repo)
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^\s+shop\s/m)
  })

  it('reports a target that raises at import as an error, exit status 2', async () => {
    const json = join(tmp, 'broken.json')
    const result = await cli(
      ['measure', '-t', 'shop.broken', '-t', 'shop', '--python', python, ...FAST, '--json', json],
      env,
      repo,
    )
    expect(result.status).toBe(2)
    expect(result.stdout).toMatch(/shop\.broken: RuntimeError: cannot reach the database/)
    const doc = readResults(readFileSync(json, 'utf8'), json) as ResultsDocument
    removeDir(json)
    expect(doc.verdict).toBe('error')
    expect(doc.targets[0]).toMatchObject({ name: 'shop.broken', verdict: 'error', head: null })
    expect(doc.targets[0]!.error).toMatchObject({ side: 'head', kind: 'RuntimeError' })
    // The other target is still measured.
    expect(doc.targets[1]).toMatchObject({ name: 'shop', verdict: 'pass' })
    expect(doc.targets[1]!.head!.samples_ms).toHaveLength(5)
  })

  it('reports CPU time beside import time when asked, and shows a results file again', async () => {
    const json = join(tmp, 'cpu.json')
    const args = ['measure', '-t', 'shop', '--python', python, ...FAST, '--json', json]
    const result = await cli([...args, '--metric', 'cpu_ms'], env, repo)
    expect(result.status).toBe(0)
    const doc = readResults(readFileSync(json, 'utf8'), json)
    expect(doc.settings.metrics).toEqual(['import_ms', 'cpu_ms'])
    const [primary, cpu] = doc.targets[0]!.metrics!
    expect(primary).toMatchObject({ metric: 'import_ms', gating: true })
    expect(cpu).toMatchObject({ metric: 'cpu_ms', gating: false, delta: null })
    expect(cpu!.head_median).toBeGreaterThan(0)
    expect(result.stdout).toMatch(/^\s+shop · CPU time\s/m)
    // The same report, from the file.
    const again = await cli(['report', json], env, repo)
    removeDir(json)
    expect(again.status).toBe(0)
    expect(again.stdout).toBe(result.stdout)
    const bad = await cli(
      ['measure', '-t', 'shop', '--metric', 'ram', '--python', python],
      env,
      repo,
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--metric: "ram" is not a metric; use import_ms, cpu_ms/)
  })

  it('counts file-system calls and instructions on this Python', async () => {
    const json = join(tmp, 'counted.json')
    const result = await cli(
      ['measure', '-t', 'shop', '--python', python, ...FAST, '--json', json].concat([
        '--metric',
        'fs_calls',
        '--metric',
        'instructions',
      ]),
      env,
      repo,
    )
    expect(result.status).toBe(0)
    const doc = readResults(readFileSync(json, 'utf8'), json)
    removeDir(json)
    const counted = Object.fromEntries(doc.targets[0]!.metrics!.map((m) => [m.metric, m]))
    // Every run counted, and counted alike: the import's own work is the same each time.
    expect(counted.instructions!.head_median).toBeGreaterThan(1_000_000)
    expect(counted.fs_calls!.head_median).toBeGreaterThan(5)
    expect(result.stdout).toMatch(/shop · instructions/)
  }, 120_000)

  it('calls a run whose budget took no sample inconclusive, exit status 1', async () => {
    const json = join(tmp, 'nothing.json')
    const result = await cli(
      ['measure', '-t', 'shop', '--python', python, '--max-time', '0.001', '--json', json],
      env,
      repo,
    )
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/inconclusive: shop: 0 of the 20 samples a verdict needs/)
    const doc = readResults(readFileSync(json, 'utf8'), json)
    removeDir(json)
    expect(doc.targets[0]).toMatchObject({
      verdict: 'inconclusive',
      head: null,
      inconclusive: { pairs: 0, needed_pairs: 20 },
    })
  })

  it('fails only the target that writes to the report channel', async () => {
    const json = join(tmp, 'forger.json')
    const result = await cli(
      ['measure', '-t', 'shop.forger', '-t', 'shop', '--python', python, ...FAST, '--json', json],
      env,
      repo,
    )
    expect(result.status).toBe(2)
    expect(result.stderr).not.toMatch(/internal error/)
    const doc = readResults(readFileSync(json, 'utf8'), json) as ResultsDocument
    removeDir(json)
    expect(doc.targets[0]).toMatchObject({ name: 'shop.forger', verdict: 'error' })
    expect(doc.targets[0]!.error).toMatchObject({ side: 'head', kind: 'BadReport' })
    expect(doc.targets[1]).toMatchObject({ name: 'shop', verdict: 'pass' })
    expect(doc.targets[1]!.head!.samples_ms).toHaveLength(5)
  })

  it('explains a module that cannot be found', async () => {
    const result = await cli(['measure', '-t', 'shopp', '--python', python, ...FAST], env, repo)
    expect(result.status).toBe(2)
    expect(result.stdout).toMatch(
      /No module named 'shopp' \(with --install none, PYTHONPATH is .*src/,
    )
  })
})

describe('importgate measure input errors', () => {
  it('refuses a target that is not a module name, naming it', async () => {
    const result = await cli(['measure', '-t', 'shop;rm -rf ~'], process.env, process.cwd())
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/-t\/--target: "shop;rm -rf ~" is not a Python module name/)
  })

  it('names an interpreter it cannot find', async () => {
    const result = await cli(
      ['measure', '-t', 'x', '--python', 'python2.99'],
      process.env,
      process.cwd(),
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/--python: "python2\.99" was not found/)
  })

  it('names an unknown option', async () => {
    const result = await cli(['measure', '--targte', 'x'], process.env, process.cwd())
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/--targte/)
  })
})

describe('importgate measure -C (issue 27)', () => {
  it('reads [tool.importgate] of the -C repository, not of the repository it is run from', async () => {
    const here = tempDir()
    const there = tempDir()
    try {
      writeFiles(here, {
        'pyproject.toml':
          '[project]\nname = "herepkg"\nversion = "0"\n\n[tool.importgate]\ntargets = ["herepkg"]\n',
        'src/herepkg/__init__.py': '',
      })
      gitInit(here)
      gitCommit(here, 'the checkout importgate is run from')
      writeFiles(there, {
        'pyproject.toml':
          '[project]\nname = "therepkg"\nversion = "0"\n\n[tool.importgate]\ntargets = ["therepkg"]\ncache = ["warm", "no-pyc"]\n',
        'src/therepkg/__init__.py': 'X = 1\n',
      })
      gitInit(there)
      gitCommit(there, 'the project measured')
      const json = join(there, '..', `${there.split('/').pop()}.json`)
      const result = await cli(
        ['measure', '-C', there, '--install', 'none', ...FAST, '--json', json, '-q'],
        { ...process.env, TMPDIR: here },
        join(here, 'src'),
      )
      expect(result.status).toBe(0)
      const doc = readResults(readFileSync(json, 'utf8'), json)
      expect(doc.settings.cache).toEqual(['warm', 'no-pyc'])
      expect(doc.targets.map((t) => [t.name, t.variant ?? 'warm'])).toEqual([
        ['therepkg', 'warm'],
        ['therepkg', 'no-pyc'],
      ])
      removeDir(json)
    } finally {
      removeDir(here)
      removeDir(there)
    }
  })
})

describe('the bundled CLI', () => {
  it('runs from dist/ with the probe beside it', () => {
    const python = testPythons()[0]!.path
    const repo = tempDir()
    try {
      writeFiles(repo, PACKAGE)
      const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname
      const run = spawnSync(
        process.execPath,
        [cliPath, 'measure', '--python', python, ...FAST, '-q'],
        {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      )
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/importgate measure · Python 3\.\d+/)
      const version = execFileSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8' })
      expect(version.trim()).toMatch(/^importgate \d+\.\d+\.\d+$/)
    } finally {
      removeDir(repo)
    }
  })

  it("keeps the CLI's own secrets out of what /proc shows the measured code of its ancestors", () => {
    const project = tempDir()
    writeFiles(project, {
      'spy.py': [...ancestorEnvironmentsSpy(join(project, 'seen.txt')), ''].join('\n'),
    })
    const secret = 'ghp_cli_secret_in_the_environment_42'
    const python = testPythons()[0]!.path
    const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname
    const result = spawnSync(
      process.execPath,
      [cliPath, 'measure', '-t', 'spy', '--install', 'none', '--python', python, ...FAST],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_TOKEN: secret, FORCE_COLOR: '1' },
      },
    )
    const seen = readFileSync(join(project, 'seen.txt'), 'utf8')
    removeDir(project)
    expect(result.status).toBe(0)
    expect(seen).toContain('PATH=')
    expect(seen).not.toContain(secret)
    // The run itself still had its whole environment: FORCE_COLOR was honoured.
    expect(result.stdout).toContain('\u001b[')
  })
})

describe('the sample project the self-test workflow measures', () => {
  it('has valid settings and importable targets within its budget', async () => {
    const python = testPythons()[0]!.path
    const repoRoot = new URL('../..', import.meta.url).pathname
    const result = await cli(
      ['measure', '--project-dir', 'examples/sample-project', '--python', python, ...FAST],
      process.env,
      repoRoot,
    )
    expect(result.stdout).toMatch(/sample\.cli/)
    expect(result.status).toBe(0)
  })
})

describe('run tags', () => {
  it('nest: a run under a tag extends it, so whoever set it finds everything the run started', async () => {
    const project = tempDir()
    writeFiles(project, {
      'tagged.py':
        'import os\nwith open(os.path.join(os.path.dirname(__file__), "tags.txt"), "a") as f:\n    f.write(os.environ.get("IMPORTGATE_RUN_TAG", "none") + "\\n")\n',
    })
    const python = testPythons()[0]!.path
    const result = await cli(
      ['measure', '-t', 'tagged', '--install', 'none', '--python', python, ...FAST],
      { ...process.env },
      project,
    )
    const tags = readFileSync(join(project, 'tags.txt'), 'utf8').trim().split('\n')
    removeDir(project)
    expect(result.status).toBe(0)
    // The suite's tag (test/global-cleanup.ts), extended by the run's own part and the child's number.
    const outer = process.env.IMPORTGATE_RUN_TAG!
    expect(outer).toMatch(/^suite-/)
    expect(tags.length).toBeGreaterThan(5)
    for (const tag of tags) expect(tag).toMatch(new RegExp(`^${outer}~[0-9a-f]{24}\\.\\d+$`))
  })
})

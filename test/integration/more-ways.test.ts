// More ways to measure, with real tools on real interpreters: instruction
// counts (perf or cachegrind), file-system calls (strace), memory, the
// no-pyc and cold cache states, and a command target installed by pip.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResults } from '../../src/results/read.js'
import type { CompareResults, MeasureResults, TargetResult } from '../../src/results/schema.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { cli, fastFlags, FEWEST_PAIRS } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.11') ?? findPython('3.8')!
const FEW = fastFlags({ seed: 5, quiet: true })
/** What the counts and timings here are about is the import, not how it was installed. */
const UNINSTALLED = fastFlags({ seed: 5, quiet: true, install: 'none' })
const WHEELS = resolve('test/fixtures/wheels')
const PYPROJECT = `[project]\nname = "loopy"\nversion = "0"\n\n[tool.importgate]\ntargets = ["loopy"]\n`
/** Import-time work the count sees: a loop of `n` turns. */
const LOOP = (n: number, comment = '') =>
  `${comment}TURNS = ${n}\nfor _ in range(TURNS):\n    pass\n`

let tmp: string
const repos: string[] = []

beforeAll(() => {
  tmp = tempDir()
})

afterAll(() => {
  for (const repo of repos) removeDir(repo)
  removeDir(tmp)
})

function repoWith(commits: Record<string, string>[]): { repo: string; shas: string[] } {
  const repo = tempDir()
  repos.push(repo)
  gitInit(repo)
  const shas = commits.map((files, i) => {
    writeFiles(repo, files)
    return gitCommit(repo, `commit ${i}`)
  })
  return { repo, shas }
}

async function run<T>(args: string[], repo: string, env = {}): Promise<{ doc: T; stderr: string }> {
  const json = join(tmp, `${Math.random().toString(36).slice(2)}.json`)
  const result = await cli(
    [...args, '--python', python, '--json', json, '-C', repo],
    { ...process.env, TMPDIR: tmp, ...env },
    repo,
  )
  expect(result.stderr).not.toMatch(/internal error/)
  // A run that wrote no results says why, rather than ENOENT.
  if (!existsSync(json))
    throw new Error(`no results file (exit ${result.status}); stderr:\n${result.stderr}`)
  return { doc: readResults(readFileSync(json, 'utf8'), json) as T, stderr: result.stderr }
}

const metric = (t: TargetResult, id: string) => t.metrics!.find((m) => m.metric === id)!

describe('instruction counts', () => {
  const { repo, shas } = repoWith([
    { 'pyproject.toml': PYPROJECT, 'loopy/__init__.py': LOOP(300_000) },
    { 'loopy/__init__.py': LOOP(300_000, '# a comment, and nothing else\n') },
    { 'loopy/__init__.py': LOOP(303_600) },
  ])
  const [base, comment, more] = shas as [string, string, string]

  it('are stable across runs of one commit, and a comment-only change passes every metric', async () => {
    const every = ['instructions', 'fs-calls', 'memory', 'cpu_ms'].flatMap((m) => ['--metric', m])
    const { doc } = await run<CompareResults>(
      [
        'compare',
        base,
        comment,
        ...UNINSTALLED,
        // The counts are what this test is about. The timed metrics get at most
        // 60 pairs and no overtime, so they may end undecided, never with a change;
        // the counted runs get the budget's 35 s (three cachegrind runs a side, ~5 s each).
        '--max-time',
        '35',
        '--overtime',
        '0',
        '--min-pairs',
        '20',
        '--max-pairs',
        '60',
        ...every,
      ],
      repo,
    )
    const t = doc.targets[0]!
    // The counts are what this test is about: they pass whatever the load, and so do
    // the reported-only timed metrics (an undecided look at one is no change). The
    // timed verdict of an unchanged import is a pass, or inconclusive when 60 pairs
    // do not settle it (the suggestion: twice as many); never a change.
    for (const id of ['instructions', 'fs_calls', 'cpu_ms', 'memory'])
      expect({ id, outcome: metric(t, id).outcome }).toEqual({ id, outcome: 'pass' })
    if (t.verdict === 'inconclusive') {
      expect(metric(t, 'import_ms').outcome).toBe('inconclusive')
      expect(t.inconclusive).toMatchObject({ pairs: 60, suggested_max_pairs: 120 })
    } else if (t.undecided_pass) {
      // Undecided, and its interval rules out twice the band: a pass with a warning.
      expect(t.verdict).toBe('pass')
      expect(metric(t, 'import_ms').outcome).toBe('inconclusive')
      expect(t.undecided_pass.upper_pct).toBeLessThan(t.undecided_pass.ruled_out_pct)
    } else {
      expect(t.verdict).toBe('pass')
      expect(metric(t, 'import_ms').outcome).toBe('pass')
    }
    // Up to three counted runs a side, as many as the budget fits (on a loaded
    // machine, cachegrind's ~5 s runs may not all fit: bench/instructions.ts
    // has the timing); whatever ran agrees within a few millionths.
    const counts = [...t.base!.instruction_counts!, ...t.head!.instruction_counts!]
    expect(t.base!.instruction_counts!.length).toBeGreaterThanOrEqual(1)
    expect(t.head!.instruction_counts!.length).toBeGreaterThanOrEqual(1)
    expect(counts.length).toBeLessThanOrEqual(6)
    const spread = (Math.max(...counts) - Math.min(...counts)) / Math.min(...counts)
    expect(spread).toBeLessThan(1e-4)
    expect(metric(t, 'instructions').counted!.spread_pct).toBeLessThan(0.01)
    expect(t.head!.counting!.instructions!.tool).toMatch(/perf stat|cachegrind/)
    expect(new Set(t.head!.fs_call_counts).size).toBe(1)
    // What its settings allow on a loaded machine: 35 s of sampling, the counted
    // runs' own budget (as long again), warm-ups and profiles.
  }, 200_000)

  it('confirm a 1.2% change as a regression in a few runs, whatever the timings say', async () => {
    const { doc } = await run<CompareResults>(
      ['compare', base, more, ...UNINSTALLED, '--max-time', '20', '--metric', 'instructions'],
      repo,
    )
    const t = doc.targets[0]!
    const instructions = metric(t, 'instructions')
    expect(instructions).toMatchObject({ gating: true, outcome: 'regression' })
    expect(instructions.counted!.pct).toBeGreaterThan(1)
    expect(instructions.counted!.pct).toBeLessThan(1.5)
    // As many counted runs as the budget fits, up to three a side (the load decides how many).
    expect(instructions.counted).toMatchObject({ reason: null })
    expect(instructions.counted!.base_runs).toBeGreaterThanOrEqual(1)
    expect(instructions.counted!.head_runs).toBeGreaterThanOrEqual(1)
    expect(t.verdict).toBe('regression')
    expect(doc.phases_s!.counting).toBeGreaterThan(0)
    const md = markdownReport(doc)
    expect(md).toMatch(/\| `loopy` · instructions \|.*\| ❌ regression +\|/)
    expect(md).toMatch(/<sub>`loopy` · instructions: [1-3] and [1-3] runs? \(base, head\) under /)
    // 20 s and 40 s of overtime of sampling, then the counted runs' own budget.
  }, 300_000)
})

/** Top-level modules, each looked up on sys.path from its first entry. */
const STDLIB = 'json, decimal, fractions, csv, difflib, textwrap, uuid, base64, hashlib, tempfile'

describe('file-system calls', () => {
  it('count the stat calls that a sys.path entry with many files adds', async () => {
    const vendor = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`loopy/vendor${i % 5}/f${i}.txt`, 'x\n']),
    )
    const { repo, shas } = repoWith([
      { 'pyproject.toml': PYPROJECT, 'loopy/__init__.py': `import ${STDLIB}\n` },
      {
        ...vendor,
        'loopy/__init__.py': `import os, sys\nhere = os.path.dirname(__file__)\nsys.path[:0] = [os.path.join(here, f"vendor{i}") for i in range(5)]\nimport ${STDLIB}\n`,
      },
    ])
    const { doc } = await run<CompareResults>(
      ['compare', shas[0]!, shas[1]!, ...UNINSTALLED, '--max-time', '15', '--metric', 'fs-calls'],
      repo,
    )
    const fs = metric(doc.targets[0]!, 'fs_calls')
    expect(fs).toMatchObject({ gating: false, outcome: 'regression' })
    // Five more folders to look in first: each is stat-ed and listed (572 against 557 calls here).
    expect(fs.head_median!).toBeGreaterThan(fs.base_median!)
    expect(doc.targets[0]!.head!.counting!.fs_calls!.by_call).toHaveProperty('getdents64')
  })
})

describe('cache states', () => {
  it('no-pyc and cold are slower than warm on the same commit, each labelled with its method', async () => {
    const { repo } = repoWith([
      {
        'pyproject.toml': PYPROJECT,
        'loopy/__init__.py': 'import asyncio, email.mime.multipart, http.client, json, decimal\n',
      },
    ])
    const { doc } = await run<MeasureResults>(
      [
        'measure',
        ...FEW,
        '--install',
        'none',
        '--max-time',
        '60',
        '--min-pairs',
        '15',
        '--max-pairs',
        '15',
        '--cache',
        'no-pyc',
        '--cache',
        'cold',
      ],
      repo,
    )
    const median = (variant?: string) =>
      doc.targets.find((t) => t.variant === variant)!.head!.median_ms
    expect(doc.targets.map((t) => t.variant ?? 'warm')).toEqual(['warm', 'no-pyc', 'cold'])
    // Compiling every module costs several times the warm import; a cold page cache, more than a warm one.
    expect(median('no-pyc')).toBeGreaterThan(2 * median())
    expect(median('cold')).toBeGreaterThan(1.2 * median())
    expect(doc.settings.cold_method).toMatch(/^(drop-caches|sudo-drop-caches|fadvise)$/)
    const md = markdownReport(doc)
    expect(md).toMatch(/\| `loopy` · no \.pyc +\|/)
    expect(md).toMatch(/\| `loopy` · cold cache +\|/)
    expect(md).toMatch(/<sub>cold cache: (the page cache dropped|each file under)/)
  })
})

describe('a command target', () => {
  it('times a console script that pip installed, start to exit, on both sides', async () => {
    const project = `[build-system]\nrequires = ["flit_core>=3.2"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\nname = "greet"\nversion = "0.1"\ndescription = "test"\n\n[project.scripts]\ngreet = "greet.cli:main"\n\n[tool.importgate]\ntargets = ["greet", "cmd: greet --help"]\n`
    const cliSource = (imports: string) =>
      `${imports}import argparse\n\n\ndef main():\n    argparse.ArgumentParser(prog="greet").parse_args()\n`
    const { repo, shas } = repoWith([
      { 'pyproject.toml': project, 'greet/__init__.py': '', 'greet/cli.py': cliSource('') },
      { 'greet/cli.py': cliSource('import asyncio, email.mime.multipart, http.client\n') },
    ])
    const { doc } = await run<CompareResults>(
      // Room for the decision: start-up to exit of a command is noisier than an import.
      [
        'compare',
        shas[0]!,
        shas[1]!,
        ...FEW,
        '--max-pairs',
        '40',
        '--install',
        'pip',
        '--max-time',
        '60',
      ],
      repo,
      { PIP_NO_INDEX: '1', PIP_FIND_LINKS: WHEELS },
    )
    const command = doc.targets.find((t) => t.name === 'cmd: greet --help')!
    expect(command.error).toBeNull()
    expect(command.base!.samples_ms.length).toBeGreaterThanOrEqual(FEWEST_PAIRS)
    // Its whole start-up, interpreter included: tens of milliseconds, and head's eager imports on top.
    expect(command.verdict).toBe('regression')
    expect(command.head!.median_ms).toBeGreaterThan(command.base!.median_ms * 1.5)
    expect(markdownReport(doc).split('\n')[0]).toMatch(/^### ❌ `cmd: greet --help` runs .* slower/)
  })
})

// `importgate compare` end to end on a repository made here, whose history
// walks through the changes users make: a comment, an eager import through an
// intermediate module, the import moved back into a function, heavy work at
// module level. Effects are 50x or more the noise, so verdicts cannot flip.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveProcessGroupCount } from '../../src/process/groups.js'
import type { ResultsDocument } from '../../src/results/schema.js'
import { readResults } from '../../src/results/read.js'
import { fewestPairs } from '../../src/analysis/stats/sequential.js'
import { cli, fastFlags, FEWEST_PAIRS } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = fastFlags({
  install: 'none',
  // A large change is decided at the fewest pairs; an unchanged import passes once its interval is inside the band.
  pairs: FEWEST_PAIRS,
  maxPairs: 400,
  profileRuns: 2,
  seed: 7,
  quiet: true,
})
const LAZY_EXPORT = 'def to_async():\n    import asyncio\n    return asyncio\n'

let repo: string
let tmp: string
const commits: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n',
    'src/shop/__init__.py': 'from shop import orders\n',
    'src/shop/orders.py': 'from shop import export\n',
    'src/shop/export.py': LAZY_EXPORT,
  })
  commits.base = gitCommit(repo, 'base')
  writeFiles(repo, {
    'src/shop/orders.py': '# Orders, as the shop sees them.\nfrom shop import export\n',
  })
  commits.comment = gitCommit(repo, 'comment only')
  writeFiles(repo, {
    'src/shop/export.py': 'import asyncio\n\ndef to_async():\n    return asyncio\n',
  })
  commits.eager = gitCommit(repo, 'eager asyncio through shop.export')
  writeFiles(repo, { 'src/shop/export.py': LAZY_EXPORT })
  commits.lazy = gitCommit(repo, 'asyncio back into the function')
  writeFiles(repo, {
    'src/shop/orders.py':
      '# Orders, as the shop sees them.\nfrom shop import export\nTOTALS = sum(i * i for i in range(1_500_000))\n',
  })
  commits.heavy = gitCommit(repo, 'heavy module-level work')
  // On a branch of its own: HEAD stays the heavy commit, which tests name as HEAD.
  execFileSync('git', ['checkout', '-q', '-b', 'broken-import'], { cwd: repo })
  writeFiles(repo, {
    'src/shop/orders.py': 'from shop import export\nraise ValueError("no orders")\n',
  })
  commits.broken = gitCommit(repo, 'an import that fails')
  execFileSync('git', ['checkout', '-q', '-'], { cwd: repo })
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

async function compare(base: string, head: string, extra: string[] = [], dir = repo) {
  const json = join(tmp, `${base.slice(0, 7)}-${head.slice(0, 7)}.json`)
  const result = await cli(
    ['compare', base, head, '--python', python, ...FAST, ...extra, '--json', json, '-C', dir],
    { ...process.env, TMPDIR: tmp },
    dir,
  )
  const doc = readResults(readFileSync(json, 'utf8'), json) as ResultsDocument
  removeDir(json)
  return { ...result, doc, target: doc.targets[0]! }
}

function expectNothingLeft(dir = repo) {
  const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
    cwd: dir,
    encoding: 'utf8',
  })
  expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
  expect(readdirSync(tmp)).toEqual([])
  expect(liveProcessGroupCount()).toBe(0)
}

describe('importgate compare', () => {
  it("names the failing file as it is in the commit, not in the run's deleted worktree", async () => {
    const { status, target, stdout } = await compare(commits.base!, commits.broken!)
    expect(status).toBe(2)
    expect(target.verdict).toBe('error')
    expect(target.error).toMatchObject({ side: 'head', kind: 'ValueError', message: 'no orders' })
    const frames = target.error!.traceback.join('\n')
    expect(frames).toMatch(/"src\/shop\/orders\.py", line 2/)
    expect(frames + stdout).not.toContain(tmp)
    expectNothingLeft()
  })

  it('says inconclusive, never pass, when the budget leaves too few pairs', async () => {
    const md = join(tmp, 'inconclusive.md')
    const { status, stderr, stdout, target, doc } = await compare(commits.lazy!, commits.heavy!, [
      '--max-time',
      '0.4',
      // Without overtime: with it, the run would sample on past the budget until it had its pairs.
      '--overtime',
      '0',
      '--markdown',
      md,
    ])
    const report = readFileSync(md, 'utf8')
    removeDir(md)
    // A 100x slowdown, but with a handful of pairs at most the test cannot show it.
    expect(status).toBe(1)
    expect(doc.verdict).toBe('inconclusive')
    const needed = target.inconclusive!.needed_pairs
    expect(needed).toBe(fewestPairs(0.05))
    expect(target.inconclusive!.pairs).toBeLessThan(needed)
    expect(target.inconclusive!.suggested_max_time_s).toBeGreaterThan(0.4)
    expect(stdout).toMatch(
      new RegExp(`inconclusive: shop: \\d of the ${needed} pairs a verdict needs`),
    )
    expect(report).toMatch(/^### ❔ importgate cannot tell whether it got slower for `shop`/)
    expect(report).toMatch(
      new RegExp(
        `#### Not enough evidence\n\n- \`shop\`: (no|\\d) pairs? of the ${needed} a verdict needs, within the time budget of [^,]+`,
      ),
    )
    expect(report).toMatch(/Raise `max-time` to about \d+ s for these imports/)
    // min-pairs cannot lower what the procedure needs, so it is not offered.
    expect(report).not.toMatch(/lower `min-pairs`/)
    expect(stdout).not.toMatch(/lower --min-pairs/)
    expect(stderr).toBe('')
    expectNothingLeft()
  })

  it('samples on in overtime, only as long as the verdict needs, when the budget is too short', async () => {
    const { status, stderr, target, doc } = await compare(commits.lazy!, commits.heavy!, [
      '--max-time',
      '1',
      '--overtime',
      '60',
    ])
    // The same 100x slowdown: overtime brings the pairs the budget could not.
    expect(doc.verdict).toBe('regression')
    expect(status).toBe(1)
    expect(target.inconclusive).toBeFalsy()
    expect(doc.settings.overtime_s).toBe(60)
    // Each phase's time, install (none here) apart.
    const phases = doc.phases_s!
    expect(phases.install).toBeNull()
    expect(phases.sampling).toBeGreaterThan(0)
    expect(phases.warmup + phases.profile + phases.sampling).toBeLessThanOrEqual(doc.duration_s)
    // The same settings without overtime stop short of the pairs a decision needs (the test
    // above); overtime stops at its decision, no earlier than --min-pairs, well before its 60 s.
    expect(target.head!.samples_ms.length).toBeGreaterThanOrEqual(FEWEST_PAIRS)
    expect(doc.duration_s).toBeLessThan(61)
    // The timed rounds took turns on every core this process may use, where taskset runs.
    const pinnable =
      process.platform === 'linux' &&
      availableParallelism() > 1 &&
      spawnSync('taskset', ['--version']).status === 0
    expect(doc.pinned_cores === null ? null : doc.pinned_cores!.length).toBe(
      pinnable ? availableParallelism() : null,
    )
    // Up to two rounds at once where there are two cores to pin them to, each pair whole.
    if (pinnable) expect(doc.rounds_side_by_side).toMatchObject({ most: 2 })
    else expect(doc.rounds_side_by_side).toBeUndefined()
    expect(target.base!.samples_ms.length).toBe(target.head!.samples_ms.length)
    expect(stderr).toBe('')
    expectNothingLeft()
  })

  it('refuses a max-pairs too small for the test to find anything, before installing', async () => {
    const result = await cli(
      [
        'compare',
        commits.base!,
        commits.comment!,
        '--python',
        python,
        '--min-pairs',
        '3',
        '--max-pairs',
        '3',
        '-C',
        repo,
      ],
      { ...process.env, TMPDIR: tmp },
      repo,
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(
      new RegExp(
        `max-pairs 3 is too few for a verdict: the decision needs at least ${fewestPairs(0.05)} pairs`,
      ),
    )
    expectNothingLeft()
  })

  it('passes a change to a comment, with no module changes', async () => {
    const { status, doc, target } = await compare(commits.base!, commits.comment!)
    expect(status).toBe(0)
    expect(doc).toMatchObject({ schema: 1, command: 'compare', verdict: 'pass' })
    expect(doc.base).toEqual({ ref: commits.base, sha: commits.base })
    expect(target.verdict).toBe('pass')
    // The verdict, not a bound on Δ: timing belongs in benchmarks.
    expect(target.modules!.added).toEqual([])
    expect(target.function_changes).toEqual([])
    expect(target.modules!.removed).toEqual([])
    expect(target.base!.samples_ms.length).toBe(target.delta!.pairs)
    expect(target.head!.samples_ms.length).toBe(target.delta!.pairs)
    expectNothingLeft()
  })

  it('finds an eager import through an intermediate module, with its chain', async () => {
    const { status, stdout, doc, target } = await compare(commits.comment!, commits.eager!)
    expect(status).toBe(1)
    expect(doc.verdict).toBe('regression')
    expect(target.verdict).toBe('regression')
    expect(target.delta!.pct).toBeGreaterThan(100)
    expect(target.delta!.p).toBeLessThan(0.01)
    expect(target.delta).toMatchObject({ decision: 'regression' })
    const asyncio = target.modules!.added.find((m) => m.name === 'asyncio')
    expect(asyncio?.chain).toEqual(['shop', 'shop.orders', 'shop.export', 'asyncio'])
    expect(asyncio!.cumulative_ms).toBeGreaterThan(asyncio!.self_ms)
    // Modules asyncio pulls in carry chains through it.
    const events = target.modules!.added.find((m) => m.name === 'asyncio.events')
    expect(events?.chain.slice(0, 4)).toEqual(['shop', 'shop.orders', 'shop.export', 'asyncio'])
    expect(target.modules!.removed).toEqual([])
    expect(target.head!.module_count).toBeGreaterThan(target.base!.module_count + 20)
    expect(stdout).toMatch(/\+ asyncio .* shop → shop\.orders → shop\.export → asyncio/)
    // The package roll-up names the project first, then asyncio, new in head.
    expect(target.packages![0]).toMatchObject({ name: 'shop', own: true })
    expect(target.packages!.find((p) => p.name === 'asyncio')).toMatchObject({
      base_self_ms: null,
      base_modules: 0,
    })
    expectNothingLeft()
  })

  it('finds an import moved into a function as no longer imported, an improvement, and says so', async () => {
    const { status, stdout, target } = await compare(commits.eager!, commits.lazy!, [
      '--watch',
      'asyncio.events',
    ])
    // A watched module folded under asyncio still gets its own row.
    expect(target.watch).toEqual([
      {
        name: 'asyncio.events',
        base: expect.objectContaining({ loaded: true }),
        head: { loaded: false, chain: [], cumulative_ms: null },
      },
    ])
    expect(target.watch![0]!.base!.chain.slice(0, 4)).toEqual([
      'shop',
      'shop.orders',
      'shop.export',
      'asyncio',
    ])
    expect(stdout).toMatch(
      /watched: asyncio\.events under shop: no longer imported via shop → shop\.orders/,
    )
    expect(status).toBe(0)
    expect(target.verdict).toBe('improvement')
    // Decided like a regression, mirrored.
    expect(target.delta).toMatchObject({ decision: 'improvement' })
    expect(target.delta!.pct).toBeLessThan(-50)
    const asyncio = target.modules!.removed.find((m) => m.name === 'asyncio')
    // The chain comes from the base's import tree, where asyncio was loaded.
    expect(asyncio?.chain).toEqual(['shop', 'shop.orders', 'shop.export', 'asyncio'])
    // How: shop.export's import of asyncio is now in to_async(), at line 2 of head's file.
    expect(asyncio?.how).toEqual({
      mechanism: 'function',
      importer: 'shop.export',
      side: 'head',
      path: 'src/shop/export.py',
      line: 2,
      function: 'to_async',
    })
    expect(target.modules!.added).toEqual([])
    expect(stdout).toContain('import moved into to_async() at src/shop/export.py:2')
    expectNothingLeft()
  })

  it('finds heavy module-level work and names the module whose own time grew', async () => {
    const { status, target } = await compare(commits.lazy!, commits.heavy!, [
      '--min-pairs',
      '5',
      '--max-pairs',
      '40',
      // Own-time changes stand out only against the spread of 3 untimed runs a side (issue 48: 3).
      '--profile-runs',
      '3',
    ])
    expect(status).toBe(1)
    expect(target.verdict).toBe('regression')
    expect(target.delta!.ms).toBeGreaterThan(20)
    expect(target.delta).toMatchObject({ decision: 'regression' })
    // Decided at the first look it could be: every pair slower, as few as a regression can rest
    // on, or one more where two rounds ran side by side in the step that passed it.
    expect(target.delta!.pairs).toBeGreaterThanOrEqual(FEWEST_PAIRS)
    expect(target.delta!.pairs).toBeLessThanOrEqual(FEWEST_PAIRS + 1)
    expect(target.modules!.added).toEqual([])
    expect(target.modules!.self_time_changes[0]).toMatchObject({ name: 'shop.orders' })
    expect(target.modules!.self_time_changes[0]!.delta_ms).toBeGreaterThan(20)
    expectNothingLeft()
  })

  it('resolves relative refs and reports a missing one by name', async () => {
    const { target } = await compare('HEAD~1', 'HEAD')
    expect(target.verdict).toBe('regression')
    const bad = await cli(
      ['compare', 'no-such-branch', 'HEAD', '--python', python, ...FAST, '-C', repo],
      { ...process.env, TMPDIR: tmp },
      repo,
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/base ref: "no-such-branch" does not name a commit/)
    expectNothingLeft()
  })

  it('compares HEAD~1 with HEAD in a shallow clone by fetching what is missing', async () => {
    const shallow = join(tempDir(), 'clone')
    try {
      execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo}`, shallow])
      expect(() =>
        execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD~1'], {
          cwd: shallow,
          stdio: 'pipe',
        }),
      ).toThrow()
      const { status, target, doc } = await compare('HEAD~1', 'HEAD', [], shallow)
      expect(status).toBe(1)
      expect(doc.base!.sha).toBe(commits.lazy)
      expect(target.verdict).toBe('regression')
      // A SHA the clone does not have is fetched by itself.
      const bySha = await compare(commits.comment!, 'HEAD', ['-t', 'shop.export'], shallow)
      expect(bySha.doc.base!.sha).toBe(commits.comment)
      expectNothingLeft(shallow)
    } finally {
      removeDir(join(shallow, '..'))
    }
  })
})

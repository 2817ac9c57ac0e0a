// The gate end to end: budgets and forbidden imports come from the base
// commit, so a pull request cannot loosen its own gate; what it changes shows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults as ResultsDocument } from '../../src/results/schema.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = fastFlags({
  install: 'none',
  pairs: 10,
  maxPairs: 12,
  profileRuns: 2,
  seed: 5,
  quiet: true,
})

const config = (budget: string, targets = '"shop"') => `[project]
name = "shop"
version = "0"

[tool.importgate]
targets = [${targets}]
forbid = ["asyncio"]

[tool.importgate.budgets]
shop = "${budget}"
`

let repo: string
let tmp: string
const commits: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml': config('20ms'),
    'src/shop/__init__.py': 'from shop import orders\n',
    'src/shop/orders.py': 'VALUE = 1\n',
    'src/shop/cli.py': 'import shop\n',
  })
  commits.base = gitCommit(repo, 'base: shop under 20 ms')
  // Head makes shop ~100 ms (several times the budget) and loosens the budget
  // to 10 s in the same commit, adding a target of its own.
  writeFiles(repo, {
    'pyproject.toml': config('10s', '"shop", "shop.cli"'),
    'src/shop/orders.py': 'VALUE = sum(i * i for i in range(1_500_000))\n',
  })
  commits.loosened = gitCommit(repo, 'slower, and a looser budget')
  writeFiles(repo, { 'src/shop/orders.py': 'import asyncio\nVALUE = 1\n' })
  commits.forbidden = gitCommit(repo, 'eager asyncio, which base forbids')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

async function compare(base: string, head: string) {
  const json = join(tmp, 'results.json')
  const markdown = join(tmp, 'report.md')
  const result = await cli(
    ['compare', base, head, '--python', python, ...FAST, '--json', json, '--markdown', markdown],
    { ...process.env, TMPDIR: tmp },
    repo,
  )
  const doc = JSON.parse(readFileSync(json, 'utf8')) as ResultsDocument
  const md = readFileSync(markdown, 'utf8')
  removeDir(json)
  removeDir(markdown)
  return { ...result, doc, md }
}

describe('the gate', () => {
  it("uses base's budget when head loosens it, and shows the change", async () => {
    const { status, stdout, doc, md } = await compare(commits.base!, commits.loosened!)
    expect(status).toBe(1)
    const shop = doc.targets.find((t) => t.name === 'shop')!
    expect(shop.budget!.time).toMatchObject({ limit_ms: 20, ok: false })
    // Over budget outranks the (also real) regression.
    expect(shop.verdict).toBe('budget')
    expect(shop.delta!.pct).toBeGreaterThan(100)
    expect(doc.verdict).toBe('budget')
    expect(doc.config_changes).toEqual([
      { key: 'budgets', base: { shop: '20ms' }, head: { shop: '10s' } },
      { key: 'targets', base: ['shop'], head: ['shop', 'shop.cli'] },
    ])
    expect(md).toMatch(/^### 💸 `shop` takes \d+(\.\d+)? ms to import, over its 20\.0 ms budget/)
    expect(md).toContain(
      'the gate used the base branch\'s settings. `budgets`: `{"shop":"20ms"}` → `{"shop":"10s"}`',
    )
    expect(stdout).toMatch(
      /head changes \[tool\.importgate\] budgets: \{"shop":"20ms"\} → \{"shop":"10s"\} \(the gate used base's\)/,
    )
    // The target head adds is measured on head only, and shown as new.
    const cli = doc.targets.find((t) => t.name === 'shop.cli')!
    expect(cli).toMatchObject({ new: true, base: null, delta: null })
    expect(cli.head!.samples_ms.length).toBeGreaterThan(0)
    expect(md).toContain('(new target)')
  })

  it('fails on a module base forbids, naming the chain that imports it', async () => {
    const { status, doc, md } = await compare(commits.loosened!, commits.forbidden!)
    expect(status).toBe(1)
    const shop = doc.targets.find((t) => t.name === 'shop')!
    expect(shop.verdict).toBe('forbidden')
    expect(shop.forbidden[0]).toMatchObject({
      name: 'asyncio',
      chain: ['shop', 'shop.orders', 'asyncio'],
      rule: 'asyncio',
    })
    expect(shop.forbidden[0]!.count).toBeGreaterThan(5)
    expect(md).toMatch(/^### ⛔ `shop` imports forbidden module `asyncio`/)
  })
})

describe('the gate on an import too slow for profile runs in its budget (issue 27)', () => {
  it('still checks forbid and the watch list on the module set, and explains the change after sampling', async () => {
    const repo = tempDir()
    try {
      gitInit(repo)
      writeFiles(repo, {
        'pyproject.toml': '[project]\nname = "slowpkg"\nversion = "0"\n',
        'src/slowpkg/__init__.py': 'import time\n\ntime.sleep(0.4)\n',
      })
      const base = gitCommit(repo, 'a slow import')
      // +0.2 s: a change no noise hides, so the deferred function profile must run after sampling.
      writeFiles(repo, {
        'src/slowpkg/__init__.py': 'import fractions\nimport time\n\ntime.sleep(0.6)\n',
      })
      const head = gitCommit(repo, 'fractions, which is forbidden, and a longer sleep')
      const json = join(tmp, 'slow.json')
      const markdown = join(tmp, 'slow.md')
      // 20 pairs of ~1 s rounds never fit 6 s: no profile run beyond the first
      // fits, where none ran before (and forbid passed with fractions loaded).
      const result = await cli(
        [
          'compare',
          base,
          head,
          '--python',
          python,
          '-t',
          'slowpkg',
          '--install',
          'none',
          '--forbid',
          'fractions',
          '--watch',
          'decimal',
          '--max-time',
          '6',
          '--overtime',
          '0s',
          '--min-pairs',
          '20',
          '--warmup',
          '1',
          '--seed',
          '3',
          '-q',
          '--json',
          json,
          '--markdown',
          markdown,
        ],
        { ...process.env, TMPDIR: tmp },
        repo,
      )
      const doc = JSON.parse(readFileSync(json, 'utf8')) as ResultsDocument
      const md = readFileSync(markdown, 'utf8')
      expect(result.status).toBe(1)
      const [target] = doc.targets
      expect(target!.verdict).toBe('forbidden')
      expect(target!.forbidden[0]).toMatchObject({
        name: 'fractions',
        chain: ['slowpkg', 'fractions'],
      })
      // fractions imports decimal: the watch list sees it too.
      expect(target!.watch![0]).toMatchObject({
        name: 'decimal',
        base: { loaded: false },
        head: { loaded: true },
      })
      expect(target!.modules!.added.map((m) => m.name)).toContain('fractions')
      // The function profile did not fit before sampling; a change was found, so it ran after.
      expect(doc.phases_s!.explain).toBeGreaterThan(0)
      expect(target!.function_changes).toBeDefined()
      expect(target!.gaps).toBeUndefined()
      expect(md).not.toContain('no function-level')
    } finally {
      removeDir(repo)
    }
  })
})

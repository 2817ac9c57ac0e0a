// The gate end to end: budgets and forbidden imports come from the base
// commit, so a pull request cannot loosen its own gate; what it changes shows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults as ResultsDocument } from '../../src/results/schema.js'
import { cli } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = [
  '--install',
  'none',
  '--min-pairs',
  '10',
  '--max-pairs',
  '12',
  '--warmup',
  '1',
  '--profile-runs',
  '2',
  '--seed',
  '5',
  '-q',
]

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

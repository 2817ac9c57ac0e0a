import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ModuleCost } from '../../src/analysis/attribution/module-costs.js'
import { rollUpByPackage } from '../../src/analysis/attribution/package-rollup.js'
import { diffModules } from '../../src/analysis/attribution/module-diff.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import type { CompareResults } from '../../src/results/schema.js'

const costs = (entries: [string, number][]) =>
  new Map<string, ModuleCost>(
    entries.map(([name, selfMs]) => [name, { name, selfMs, cumulativeMs: selfMs, chain: [name] }]),
  )

describe('own time by package', () => {
  it("marks the project's own row as noise when it moved within its runs' spread (issue 27)", () => {
    // An A/A: a 45 ms package +4.4 ms, its modules' own times spreading 3 ms a side.
    const spread = (entries: [string, number][]) =>
      new Map<string, ModuleCost>(
        entries.map(([name, selfMs]) => [
          name,
          { name, selfMs, cumulativeMs: selfMs, chain: [name], runs: 5, selfSpreadMs: 3 },
        ]),
      )
    const [row] = rollUpByPackage('pkg', spread([['pkg', 45]]), spread([['pkg', 49.4]]))
    expect(row).toMatchObject({ name: 'pkg', own: true, notable: false })
    const [moved] = rollUpByPackage('pkg', spread([['pkg', 45]]), spread([['pkg', 60]]))
    expect(moved).toMatchObject({ own: true, notable: true })
  })

  it("never calls the project's own change noise when the timed samples decided it (tractor #478 under load, issue 48: 2)", () => {
    // Two profile runs a side under heavy load: its modules' own times spread by seconds.
    const wide = (ms: number) =>
      new Map<string, ModuleCost>([
        [
          'tractor',
          {
            name: 'tractor',
            selfMs: ms,
            cumulativeMs: ms,
            chain: ['tractor'],
            runs: 2,
            selfSpreadMs: 900,
          },
        ],
      ])
    const [alone] = rollUpByPackage('tractor', wide(2100), wide(560))
    expect(alone).toMatchObject({ own: true, notable: false })
    // The import fell 71% (−413 ms) by the sequential test: the row carries it.
    const [decided] = rollUpByPackage('tractor', wide(2100), wide(560), -413)
    expect(decided).toMatchObject({ own: true, notable: true })
    // Not a row that moved the other way, nor one that carries little of it.
    expect(rollUpByPackage('tractor', wide(2100), wide(560), 413)[0]!.notable).toBe(false)
    expect(rollUpByPackage('tractor', wide(2100), wide(2000), -413)[0]!.notable).toBe(false)
  })

  it('shows no change as real that two untimed runs a side cannot tell from noise (runpod #466 under load, issue 48: 3)', () => {
    const runs = (n: number, entries: [string, number, number][]) =>
      new Map<string, ModuleCost>(
        entries.map(([name, selfMs, spreadMs]) => [
          name,
          { name, selfMs, cumulativeMs: selfMs, chain: [name], runs: n, selfSpreadMs: spreadMs },
        ]),
      )
    // fcntl, one C module: 181 µs → 116 ms, both of head's two runs slow on a loaded machine.
    const base = runs(2, [
      ['runpod', 40, 1],
      ['fcntl', 0.181, 0.01],
      ['aiohttp', 60, 2],
    ])
    const head = runs(2, [
      ['runpod', 41, 1],
      ['fcntl', 116, 3],
      ['aiohttp', 168, 4],
    ])
    const rows = rollUpByPackage('runpod', base, head)
    expect(rows.filter((r) => r.notable).map((r) => r.name)).toEqual([])
    // With enough runs, the same figures stand out.
    const many = rollUpByPackage(
      'runpod',
      runs(5, [['fcntl', 0.181, 0.01]]),
      runs(5, [['fcntl', 116, 3]]),
    )
    expect(many[0]).toMatchObject({ name: 'fcntl', notable: true })
    const modules = diffModules(
      { added: ['runpod', 'fcntl'], costs: base },
      { added: ['runpod', 'fcntl'], costs: head },
    )
    expect(modules.selfTimeChanges).toEqual([])
  })

  it("sums each package's modules, the target's own first, then the largest changes", () => {
    // Ten own modules each 6 ms cheaper, a dependency gone, one new.
    const own = (ms: number) =>
      Array.from({ length: 10 }, (_, i) => [`mypkg.m${i}`, ms] as [string, number])
    const base = costs([
      ['mypkg', 1],
      ...own(7),
      ['paramiko', 30],
      ['paramiko.client', 8],
      ['json', 2],
    ])
    const head = costs([['mypkg', 1], ...own(1), ['json', 2], ['rich', 4]])
    const rows = rollUpByPackage('mypkg.cli', base, head)
    expect(rows.map((r) => [r.name, r.own, r.deltaMs, r.baseModules, r.headModules])).toEqual([
      ['mypkg', true, -60, 11, 11],
      ['paramiko', false, -38, 2, 0],
      ['rich', false, 4, 0, 1],
      ['json', false, 0, 1, 1],
    ])
    expect(rows[1]).toMatchObject({ baseMs: 38, headMs: null, notable: true })
    // Unchanged json, and a dependency 3.6% slower in a comment-only change: noise.
    expect(rows[3]!.notable).toBe(false)
    const noisy = rollUpByPackage('calc', costs([['sympy', 292]]), costs([['sympy', 302.6]]))
    expect(noisy[0]).toMatchObject({ name: 'sympy', notable: false })
    // With the runs' spread known, it decides: 5.4 ms within 2 x 3 ms is noise; 8 ms is not.
    const spread = (name: string, selfMs: number): [string, ModuleCost] => [
      name,
      { name, selfMs, cumulativeMs: selfMs, chain: [name], runs: 3, selfSpreadMs: 3 },
    ]
    const within = rollUpByPackage(
      'calc',
      new Map([spread('mpmath', 90)]),
      new Map([spread('mpmath', 95.4)]),
    )
    expect(within[0]!.notable).toBe(false)
    const beyond = rollUpByPackage(
      'calc',
      new Map([spread('mpmath', 90)]),
      new Map([spread('mpmath', 98)]),
    )
    expect(beyond[0]!.notable).toBe(true)
  })

  it('is a table in the comment and a line in the terminal', () => {
    const doc = JSON.parse(
      readFileSync(new URL('../fixtures/reports/compare.json', import.meta.url), 'utf8'),
    ) as CompareResults
    doc.targets[0]!.packages = [
      {
        name: 'shop',
        own: true,
        base_self_ms: 0.5,
        head_self_ms: 0.6,
        delta_ms: 0.1,
        base_modules: 3,
        head_modules: 3,
      },
      {
        name: 'asyncio',
        own: false,
        base_self_ms: null,
        head_self_ms: 30,
        delta_ms: 30,
        base_modules: 0,
        head_modules: 30,
      },
      {
        name: 'json',
        own: false,
        base_self_ms: 2,
        head_self_ms: 2,
        delta_ms: 0,
        base_modules: 1,
        head_modules: 1,
      },
    ]
    const md = markdownReport(doc)
    // The headline target's table, above the details, says asyncio is the cause above.
    const rollup = md.indexOf('#### Own time by package')
    expect(rollup).toBeGreaterThan(0)
    expect(rollup).toBeLessThan(md.indexOf('<details>'))
    expect(md).toMatch(/\| `shop` \(this project\) \| +500 µs \| +600 µs \| +\+100 µs \| +3 \|/)
    expect(md).toMatch(
      /\| `asyncio` +\| +– \| +30\.0 ms \| +\+30\.0 ms \| +0 → 30 \| now imported \(above\) \|/,
    )
    expect(md).not.toMatch(/\| `json`/)
    expect(compareReport(doc, PLAIN)).toMatch(
      /By package.*\n {2}shop: shop \(this project\) \+100 µs, asyncio \+30\.0 ms \(new\)/,
    )
  })
})

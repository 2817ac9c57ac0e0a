// A watched module is reported by name on each side, whatever grouping does,
// and overlapping groups say so.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { grouped } from '../../src/analysis/attribution/module-groups.js'
import type { ProfileObservation } from '../../src/analysis/verdict/observations.js'
import { watchModules } from '../../src/analysis/verdict/watch.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import type { CompareResults } from '../../src/results/schema.js'

const profile = (added: string[], chains: Record<string, string[]>): ProfileObservation => ({
  runs: 3,
  added,
  moduleCount: 40 + added.length,
  unstableModules: false,
  costs: new Map(
    Object.entries(chains).map(([name, chain]) => [
      name,
      { name, chain, selfMs: 1, cumulativeMs: 38 },
    ]),
  ),
  logs: [],
  failure: null,
})

describe('watched modules', () => {
  it('says which side loads each, and through which chain', () => {
    const base = profile(['shop', 'paramiko', 'paramiko.client'], {
      paramiko: ['shop', 'shop.ssh', 'paramiko'],
    })
    const head = profile(['shop'], {})
    expect(watchModules(['paramiko', 'boto3'], base, head)).toEqual([
      {
        name: 'paramiko',
        base: { loaded: true, chain: ['shop', 'shop.ssh', 'paramiko'], cumulativeMs: 38 },
        head: { loaded: false, chain: [], cumulativeMs: null },
      },
      {
        name: 'boto3',
        base: { loaded: false, chain: [], cumulativeMs: null },
        head: { loaded: false, chain: [], cumulativeMs: null },
      },
    ])
    expect(watchModules(['paramiko'], null, { ...head, runs: 0 })).toEqual([
      { name: 'paramiko', base: null, head: null },
    ])
  })

  it('shows a watched module folded under a bigger group, in markdown and the terminal', () => {
    const doc = JSON.parse(
      readFileSync(new URL('../fixtures/reports/compare.json', import.meta.url), 'utf8'),
    ) as CompareResults
    // asyncio.events is folded under asyncio in the lazy-loading list.
    doc.targets[0]!.watch = [
      {
        name: 'asyncio.events',
        base: { loaded: false, chain: [], cumulative_ms: null },
        head: {
          loaded: true,
          chain: ['shop', 'shop.orders', 'shop.export', 'asyncio', 'asyncio.events'],
          cumulative_ms: 3,
        },
      },
    ]
    const md = markdownReport(doc)
    expect(md).toMatch(
      /#### Watched modules\n\n\| Module +\| Target \| Base +\| Head +\| Change +\|\n.*\n\| `asyncio\.events` \| `shop` +\| not loaded \| loaded \(3\.00 ms\) \| ⚠️ now eager, via `shop` → `shop\.orders` → `shop\.export` → `asyncio` → `asyncio\.events` \|/,
    )
    expect(compareReport(doc, PLAIN)).toMatch(
      /watched: asyncio\.events under shop: now eager via shop/,
    )
  })

  it('gives a module to the importer whose import of it went, not to a lead loaded first (issue 27)', () => {
    // b was loaded anyway; c (a lead, as its importer b did not change) came
    // through a in base only because a loaded b first: c is b's, not a's.
    const groups = grouped([
      { name: 'a', chain: ['t', 'a'] },
      { name: 'c', chain: ['t', 'a', 'b', 'c'] },
      { name: 'd', chain: ['t', 'a', 'b', 'c', 'd'] },
    ])
    expect(groups.map((g) => [g.lead.name, g.more])).toEqual([
      ['a', 0],
      ['c', 1],
    ])
  })

  it('finds a lead when the chains of changed modules disagree about who imported whom', () => {
    // sklearn 1.9.1's -X importtime runs: each of two new modules had the other as its importer.
    const groups = grouped([
      { name: 'nw.stable.v2', chain: ['t', 'sk.validation', 'nw.stable', 'nw.stable.v2'] },
      { name: 'nw.stable', chain: ['t', 'sk.validation', 'nw.stable.v2', 'nw.stable'] },
      { name: 'nw', chain: ['t', 'sk.validation', 'nw.stable.v2', 'nw.stable', 'nw'] },
    ])
    // One group, the package's: its import is where the time and the modules
    // are; the submodule sklearn asked for is merged in.
    expect(groups.map((g) => [g.lead.name, g.more, g.merged.map((m) => m.name)])).toEqual([
      ['nw.stable', 2, ['nw.stable.v2']],
    ])
  })

  it('names the package, not the leaf its importer asked for first (fastapi and pydantic.version, issue 48: 7)', () => {
    // `from pydantic.version import VERSION`: the log nests pydantic under the
    // outer pydantic.version record, and pydantic.version again under pydantic.
    const groups = grouped([
      { name: 'pydantic', chain: ['t', 'fastapi._compat', 'pydantic.version', 'pydantic'] },
      {
        name: 'pydantic.version',
        chain: ['t', 'fastapi._compat', 'pydantic', 'pydantic._migration', 'pydantic.version'],
      },
      {
        name: 'pydantic._migration',
        chain: ['t', 'fastapi._compat', 'pydantic', 'pydantic._migration'],
      },
      {
        name: 'pydantic_core',
        chain: [
          't',
          'fastapi._compat',
          'pydantic',
          'pydantic._migration',
          'pydantic.version',
          'pydantic_core',
        ],
      },
    ])
    expect(groups.map((g) => [g.lead.name, g.more, g.merged.map((m) => m.name)])).toEqual([
      ['pydantic', 3, ['pydantic.version']],
    ])
  })
})

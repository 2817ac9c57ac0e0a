import { readFileSync } from 'node:fs'
import { marked, type Tokens } from 'marked'
import { describe, expect, it } from 'vitest'
import { MARKDOWN_LIMIT, markdownReport } from '../../src/report/markdown/markdown.js'
import { code, plain } from '../../src/report/markdown/markdown-text.js'
import type { CompareResults, ResultsDocument } from '../../src/results/schema.js'

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'),
  ) as ResultsDocument

/** Every table a GFM parser finds, with its header and rows as text. */
function tables(markdown: string): { header: string[]; rows: string[][] }[] {
  const found: { header: string[]; rows: string[][] }[] = []
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type !== 'table') return
    const t = token as Tokens.Table
    found.push({
      header: t.header.map((c) => c.text),
      rows: t.rows.map((r) => r.map((c) => c.text)),
    })
  })
  return found
}

describe('markdown report of a comparison', () => {
  // A real compare of an eager asyncio import, with a forbidden import, budgets,
  // a new target, dependency drift and a config change added to cover them.
  const doc = fixture('compare.json') as CompareResults
  const md = markdownReport(doc)

  it('matches the reviewed snapshot', async () => {
    await expect(md).toMatchFileSnapshot('../fixtures/reports/compare.md')
  })

  it('says how many warm-ups ran when the budget cut them short', () => {
    const cut = markdownReport({
      ...doc,
      settings: { ...doc.settings, warmups: 3 },
      warmup_rounds: 1,
    })
    expect(cut).toMatch(/after 1 of 3 warm-up rounds;/)
    expect(md).not.toMatch(/ of \d+ warm-up/)
  })

  it('says whether the rounds were pinned to a core, and nothing for documents that predate it', () => {
    expect(markdownReport({ ...doc, pinned_cores: [0, 1] })).toMatch(
      /all runs of a round on one core, cores 0, 1 in turn\./,
    )
    expect(markdownReport({ ...doc, pinned_cores: null })).toMatch(/, not pinned to a core\./)
    expect(
      markdownReport({
        ...doc,
        rounds: 40,
        pinned_cores: [0, 1],
        rounds_side_by_side: { most: 2, rounds: 34 },
      }),
    ).toMatch(
      /cores 0, 1 in turn; 34 of the 40 rounds ran 2 at a time, each on its own core, while nothing else used the CPUs\./,
    )
    expect(
      markdownReport({
        ...doc,
        pinned_cores: [0, 1],
        rounds_side_by_side: { most: 2, rounds: 0 },
      }),
    ).toMatch(/cores 0, 1 in turn; every round ran alone, as other work was using the CPUs \(/)
    expect(md).not.toMatch(/pinned|on one core|at a time/)
  })

  it('leads with the most serious finding', () => {
    expect(md.split('\n')[0]).toBe('### ⛔ `shop` imports forbidden module `asyncio`')
  })

  it('keeps its tables intact for a GFM parser', () => {
    const found = tables(md)
    expect(found.map((t) => t.header[0])).toEqual([
      'Target',
      'Target',
      'Module',
      'Target',
      'Package',
    ])
    for (const t of found) for (const row of t.rows) expect(row).toHaveLength(t.header.length)
    const delta = found[0]!
    expect(delta.header).toEqual(['Target', 'Base', 'Head', 'Δ', 'Δ %', 'CI', 'Verdict'])
    expect(delta.rows[0]![5]).toMatch(/ \(98%\)$/)
    expect(delta.rows.map((r) => r[0])).toEqual(['`shop`', '`shop.cli`'])
    expect(delta.rows[1]![6]).toBe('✅ pass (new target)')
  })

  it('explains lazy-loading changes, budgets and the config change', () => {
    expect(md).toContain('- `asyncio` is now imported by `shop` (+')
    expect(md).toContain(
      'via `shop` → `shop.orders` → `shop.export` → `asyncio`, with 101 modules it imports',
    )
    expect(md).toMatch(/\| `shop` +\| import time \| +40\.0 ms \| +60\.\d ms \| ❌ over +\|/)
    expect(md).toContain(
      'the gate used the base branch\'s settings. `budgets`: `{"shop":"40ms"}` → `{"shop":"400ms"}`',
    )
    expect(md).toContain('<details><summary>How this was measured</summary>')
  })

  it('stays under the limit with 5,000 added modules, listing the rest as a count', () => {
    const big = structuredClone(doc)
    const t = big.targets[0]!
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `generated_package_${i}.with_a_long_module_name_${i}`,
      chain: ['shop', `shop.plugin_${i}`, `generated_package_${i}.with_a_long_module_name_${i}`],
      self_ms: 0.5,
      cumulative_ms: 1 + i / 1000,
    }))
    t.modules!.added = many
    t.modules!.removed = many
    t.modules!.self_time_changes = many.map((m) => ({
      name: m.name,
      base_self_ms: 1,
      head_self_ms: 2,
      delta_ms: 1,
    }))
    t.forbidden = many.map((m) => ({ name: m.name, chain: m.chain, rule: m.name, count: 1 }))
    big.deps!.changed = many.map((m) => ({ name: m.name, base: '1.0', head: '2.0' }))
    const text = markdownReport(big)
    expect(text.length).toBeLessThan(MARKDOWN_LIMIT)
    expect(text).toMatch(/- … and \d+ more/)
    for (const table of tables(text))
      for (const row of table.rows) expect(row).toHaveLength(table.header.length)
  })

  it('cuts, saying so, when even the shortest lists do not fit', () => {
    const text = markdownReport(doc, 1500)
    expect(text.length).toBeLessThanOrEqual(1500)
    expect(text).toMatch(/report cut to fit; the full results are in the uploaded JSON/)
  })
})

describe('markdown report of a measurement', () => {
  const md = markdownReport(fixture('measure.json'))

  it('matches the reviewed snapshot', async () => {
    await expect(md).toMatchFileSnapshot('../fixtures/reports/measure.md')
  })

  it('has a one-row table per target', () => {
    expect(tables(md)[0]!.header).toEqual(['Target', 'Median', 'IQR', 'Modules', 'Verdict'])
  })
})

describe('escaping', () => {
  it('fences code around backticks and escapes text that could become markup', () => {
    expect(code('a`b')).toBe('``a`b``')
    expect(plain('No module named <x> | *y*_z')).toBe('No module named &lt;x&gt; \\| \\*y\\*\\_z')
    const md = markdownReport({ ...fixture('measure.json'), head: { ref: 'WORKTREE', sha: null } })
    expect(md).toContain('Working tree at –')
  })

  it("says who ran the measured code, and what was missing when it was importgate's own user (issue 47)", () => {
    const doc = fixture('compare.json') as CompareResults
    const isolated = markdownReport({ ...doc, boundary: { user: 'importgate' } })
    expect(isolated).toContain(
      "- The measured code (its install included) ran as the user `importgate`: it could not read importgate's environment or files, nor signal its processes.",
    )
    const open = markdownReport({
      ...doc,
      boundary: {
        user: null,
        missing: 'the measured code runs as your user, because importgate is not root',
      },
    })
    expect(open).toContain(
      '- ⚠️ No boundary: the measured code runs as your user, because importgate is not root. It could have read',
    )
    // Files written before the boundary existed say nothing of it.
    expect(markdownReport(doc)).not.toMatch(/No boundary|ran as the user/)
  })
})

describe('the all-lazy headroom', () => {
  it('never reads as a saving when the all-lazy run was slower (issue 47, a low)', async () => {
    const { allLazyText } = await import('../../src/report/view/view-lazy.js')
    expect(allLazyText(90, 130)).toBe('90.0 ms of 130 ms')
    expect(allLazyText(140, 130)).toMatch(/^no faster: 140 ms against 130 ms as written/)
    expect(allLazyText(null, 130)).toBe('not measured (that run failed)')
  })
})

// The comment a reviewer reads, on results of real runs: a regression two
// targets share, an improvement named by its function, an A/A pass, a
// forbidden import, an inconclusive target. Snapshots are reviewed by eye; the
// assertions hold what must not drift.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import type { CompareResults } from '../../src/results/schema.js'

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'),
  ) as CompareResults

const REPO = { repoUrl: 'https://github.com/acme/myapp' }

/**
 * Lines a reader sees above the first <details>, as GitHub renders them: no
 * blank lines, no table delimiter rows; a Mermaid block counts its source lines.
 */
function linesAboveDetails(md: string): number {
  const top = md.slice(0, md.indexOf('<details>'))
  return top
    .split('\n')
    .filter((line) => line.trim() && !/^\|[\s:|-]+\|$/.test(line) && !line.startsWith('```')).length
}

/** An A/A run's results turned into one whose estimate leans past the threshold unsettled. */
function inconclusive(): CompareResults {
  const doc = fixture('aa-pass.json')
  const t = doc.targets[0]!
  t.verdict = 'inconclusive'
  t.delta = { ...t.delta!, pct: 4.1, ms: 14.2, p: 0.04, ci_pct: [-0.8, 9.3] }
  t.metrics![0]!.delta = t.delta
  t.inconclusive = { reason: 'unsettled', pairs: 26, needed_pairs: 20, suggested_max_time_s: 240 }
  return { ...doc, verdict: 'inconclusive', settings: { ...doc.settings, overtime_s: 240 } }
}

describe('the pull-request comment', () => {
  it('leads a shared regression with its cause, once for both targets, in ~25 lines', async () => {
    const md = markdownReport(fixture('regression-two-targets.json'), undefined, REPO)
    await expect(md).toMatchFileSnapshot('../fixtures/reports/regression-two-targets.md')
    expect(md.split('\n')[0]).toBe(
      '### ❌ `myapp` imports 5.2–5.8× slower (+48.6 ms) (and 1 more): `myapp.output` now imports `rich.console` and 1 more rich module (+45.2 ms)',
    )
    const why = md.slice(md.indexOf('#### Why'), md.indexOf('```mermaid'))
    // One entry for the cause, naming both targets, where the old report had four bullets.
    expect(why.match(/^- /gm)).toHaveLength(1)
    expect(why).toContain('in `myapp` and `myapp.cli`')
    expect(md).toMatch(
      /```mermaid\nflowchart LR\n[\s\S]*== "\+42\.3 ms" ==> m\d\["rich\.console"\]/,
    )
    // The package table says where a new package came from instead of repeating it.
    expect(md).toMatch(/\| `typing` +\|[^\n]*\| with `rich\.console` +\|/)
    // The dependency change behind it, in one line above the details.
    expect(md.slice(0, md.indexOf('<details>'))).toContain(
      '**Dependencies**: + `markdown-it-py` `4.3.0`, + `mdurl` `0.1.2`, + `Pygments` `2.21.0`, + `rich` `15.0.0`',
    )
    expect(linesAboveDetails(md)).toBeLessThanOrEqual(25)
  })

  it('counts module names that went without an import in the right number, in plain words (issue 48: 12)', () => {
    const doc = fixture('improvement.json')
    const md = markdownReport(doc)
    expect(md).toMatch(
      /- 2 more module names went with these: aliases that the modules above registered themselves, with no import or time of their own/,
    )
    expect(md).not.toContain('sys.modules')
    const target = doc.targets[0]!
    const removed = target.modules!.removed.filter((m) => m.name !== 'importlib._bootstrap')
    const one = { ...doc, targets: [{ ...target, modules: { ...target.modules!, removed } }] }
    expect(markdownReport(one)).toMatch(/- 1 more module name went with these/)
  })

  it("lists the project's own calling modules before a dependency's", () => {
    const doc = fixture('improvement.json')
    const target = doc.targets[0]!
    const [change, ...rest] = target.function_changes!
    const dependency = {
      module: 'vendor.plugins',
      side: 'base' as const,
      path: null,
      lines: [],
      base_calls: 40,
      head_calls: 0,
    }
    const callers = [dependency, ...change!.callers]
    const one = {
      ...doc,
      targets: [{ ...target, function_changes: [{ ...change!, callers }, ...rest] }],
    }
    const md = markdownReport(one)
    const why = md.slice(md.indexOf('#### Why'), md.indexOf('<details>'))
    expect(why).toMatch(/called at import by `mypkg\.m00` \(line \d+\), `mypkg\.m01`/)
    const details = md.slice(md.indexOf('#### Functions called at import'))
    expect(details).toMatch(/is called at import by \d+ modules: `mypkg\.m00`/)
  })

  it('names the function behind an improvement, with the calling lines linked', async () => {
    const md = markdownReport(fixture('improvement.json'), undefined, REPO)
    await expect(md).toMatchFileSnapshot('../fixtures/reports/improvement.md')
    expect(md.split('\n')[0]).toBe(
      '### 🚀 `mypkg` imports 79% faster (−77.7 ms): `inspect.stack` 30 → 0 calls at import, via `mypkg.log.get_logger`',
    )
    const why = md.slice(md.indexOf('#### Why'))
    expect(why.split('\n')[2]).toMatch(/^- \*\*`inspect\.stack`\*\* 30 → 0 calls at import/)
    expect(why).toMatch(
      /\[line 3\]\(https:\/\/github\.com\/acme\/myapp\/blob\/[0-9a-f]{40}\/src\/mypkg\/m00\.py#L3\)/,
    )
    expect(md).toMatch(/-\. "−18\.6 ms, no longer imported" \.->/)
    // The dropped imports are a quarter of it: the comment says where the rest went.
    expect(why).toContain(
      "New or dropped imports account for −18.6 ms of `mypkg`'s −77.7 ms; the rest is own time of modules both sides load: `mypkg` (this project) −60.8 ms",
    )
    expect(linesAboveDetails(md)).toBeLessThanOrEqual(25)
  })

  it('keeps an A/A pass to its verdict and table', async () => {
    const md = markdownReport(fixture('aa-pass.json'), undefined, REPO)
    await expect(md).toMatchFileSnapshot('../fixtures/reports/aa-pass.md')
    expect(md.split('\n')[0]).toMatch(/^### ✅ No import-time regression: `calc` \+/)
    expect(md).not.toContain('#### Why')
    expect(md).not.toContain('```mermaid')
    // Only the project's own row moved (by noise): the roll-up waits in the details.
    expect(md.slice(0, md.indexOf('<details>'))).not.toContain('Own time by package')
    expect(linesAboveDetails(md)).toBeLessThanOrEqual(10)
  })

  it('puts a forbidden import first, with its chain', async () => {
    const md = markdownReport(fixture('compare.json'), undefined, REPO)
    expect(md.split('\n')[0]).toBe('### ⛔ `shop` imports forbidden module `asyncio`')
    const forbidden = md.indexOf('#### Forbidden imports')
    expect(forbidden).toBeGreaterThan(0)
    expect(forbidden).toBeLessThan(md.indexOf('<details>'))
    expect(md).toContain('`shop.export` now imports **`asyncio`**')
    expect(linesAboveDetails(md)).toBeLessThanOrEqual(25)
  })

  it('names the cause of a budget breach too, when the import got slower', () => {
    const doc = fixture('compare.json')
    doc.targets[0]!.verdict = 'budget'
    doc.targets[0]!.forbidden = []
    doc.verdict = 'budget'
    expect(markdownReport(doc).split('\n')[0]).toBe(
      '### 💸 `shop` takes 60.3 ms to import, over its 40.0 ms budget: `shop.export` now imports `asyncio` (+62.7 ms)',
    )
  })

  it('says what an inconclusive target had and what budget would settle it', async () => {
    const md = markdownReport(inconclusive(), undefined, REPO)
    await expect(md).toMatchFileSnapshot('../fixtures/reports/inconclusive.md')
    expect(md.split('\n')[0]).toMatch(/^### ❔ `calc` may import 4\.1% slower/)
    expect(md).toContain('the time budget of 30 s and its 240 s of overtime ended sampling')
    expect(linesAboveDetails(md)).toBeLessThanOrEqual(25)

    // Sampling that stopped at its pair ceiling, with time left: the advice is pairs, not time.
    const capped = inconclusive()
    capped.targets[0]!.inconclusive = {
      reason: 'unsettled',
      pairs: 1000,
      needed_pairs: 20,
      suggested_max_time_s: null,
      suggested_max_pairs: 400,
    }
    const advice = markdownReport(capped, undefined, REPO)
    expect(advice).toContain(
      'neither a pass nor a change is shown when `max-pairs` ended sampling. It may be a regression. Raise `max-pairs` to about 400 for these imports.',
    )
    expect(compareReport(capped, PLAIN)).toContain('raise --max-pairs to about 400')
  })
})

describe('the headline names the largest cause (issue 27)', () => {
  it('says above the details what it could not explain, and why', () => {
    const doc = fixture('improvement.json')
    doc.targets[0]!.gaps = [{ missing: 'functions', reason: 'budget' }]
    const md = markdownReport(doc)
    const line =
      "ℹ️ `mypkg`: no function-level explanation: its profiled runs fitted neither the time budget before sampling nor the explanation's own budget after it (a quarter of `max-time`); raise `max-time` to get it."
    expect(md).toContain(line)
    expect(md.indexOf(line)).toBeLessThan(md.indexOf('<details>'))
    expect(compareReport(doc, PLAIN)).toContain(
      'mypkg: no function-level explanation: its profiled runs fitted neither',
    )
  })

  it('says when a pass does not rule out a regression past the threshold', () => {
    // An A/A that ended on its budget at +2.9%, interval −6.8% … +10.9%: a
    // pass, but not the "3% regression ruled out" a reader would assume.
    const md = markdownReport(fixture('aa-pass.json'))
    expect(md).toContain(
      'ℹ️ `calc`: a pass, but its 98% interval still reaches +10.9%: the pairs this budget allowed do not rule out a regression past the 3% threshold.',
    )
    expect(compareReport(fixture('aa-pass.json'), PLAIN)).toMatch(
      /calc: a pass, but its 98% interval still reaches \+10\.9%/,
    )
    // A 185 µs import whose interval reaches +165% (+0.3 ms) is under the 0.5 ms min-delta: ruled out.
    const tiny = fixture('aa-pass.json')
    const t = tiny.targets[0]!
    t.base!.median_ms = 0.185
    t.delta = { ...t.delta!, pct: 141, ci_pct: [117, 165] }
    expect(markdownReport(tiny)).not.toContain('still reaches')
  })

  it('says whether base loads a forbidden module too, and tells a decided change in words (issue 48: 9)', () => {
    // The reversed runpod #466 with --forbid paramiko: base loads it too (38
    // modules), and head is +15.1% slower, a regression the verdict outranks.
    const doc = fixture('compare.json')
    const t = doc.targets.find((x) => x.verdict === 'forbidden')!
    t.forbidden = t.forbidden.map((f) => ({ ...f, base_count: 38 }))
    t.delta = { ...t.delta!, decision: 'regression' }
    const md = markdownReport(doc)
    expect(md.split('\n')[0]).toMatch(
      /^### ⛔ `shop` imports forbidden module `asyncio` \(base does too\), and imports 76–93× slower \(\+63\.0 ms\): /,
    )
    expect(md).toContain('; base imports it too (38 modules): this change did not bring it')
    expect(compareReport(doc, PLAIN)).toContain('base imports it too (38 modules)')
    t.forbidden = t.forbidden.map((f) => ({ ...f, base_count: 0 }))
    expect(markdownReport(doc)).toContain(
      '(new in this change), and imports 76–93× slower (+63.0 ms)',
    )
    expect(markdownReport(doc)).toContain('; base does not import it: this change brings it')
  })

  it('says when the medians disagree with Δ, and that the samples fall in two groups (issue 48: 8)', () => {
    // "18.1 ms → 20.9 ms | +0.67% | ✅ pass": both sides' times in 12-16 ms
    // and 20-36 ms, their medians between the groups.
    const doc = fixture('aa-pass.json')
    const t = doc.targets[0]!
    const low = [12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5, 16]
    const high = [20, 22, 24, 26, 28, 30, 32, 34, 36]
    t.base = { ...t.base!, median_ms: 18.1, samples_ms: [...low, ...high, 16, 20] }
    t.head = { ...t.head!, median_ms: 20.9, samples_ms: [...low, ...high, 20, 21] }
    t.delta = { ...t.delta!, pct: 0.67, ci_pct: [-2.1, 3.4], ci_level: 0.98, decision: 'pass' }
    t.metrics![0]!.delta = t.delta
    const md = markdownReport(doc)
    const note =
      "ℹ️ `calc`: the medians (18.1 ms → 20.9 ms, +15.5%) lie outside Δ's 98% interval (−2.10% … +3.40%): the samples fall into two groups (12.0 ms–16.0 ms and 20.0 ms–36.0 ms)"
    expect(md).toContain(note)
    expect(md.indexOf(note)).toBeLessThan(md.indexOf('<details>'))
    expect(compareReport(doc, PLAIN)).toContain(
      "calc: the medians (18.1 ms → 20.9 ms, +15.5%) lie outside Δ's 98% interval",
    )
    // Medians inside the interval: no note.
    t.head = { ...t.head, median_ms: 18.2 }
    expect(markdownReport(doc)).not.toContain('lie outside')
  })

  it('shows a pass with the interval it was decided on, beside a change with its own', () => {
    // The rich bump of 2026-12-04: a pass whose 90% sequence lay inside ±3%
    // read "CI (98%) −3.07% … +3.74%" and a note that it did not rule out a
    // regression, against its own ✅.
    const doc = fixture('aa-pass.json')
    const t = doc.targets[0]!
    t.delta = {
      ...t.delta!,
      pct: 0.37,
      ci_pct: [-3.07, 3.74],
      ci_level: 0.98,
      pass_ci_pct: [-2.1, 2.6],
      pass_ci_level: 0.9,
      decision: 'pass',
    }
    t.metrics![0]!.delta = t.delta
    const md = markdownReport(doc)
    // Every cell names its level, so that a pass's 90% and a change's 98% in
    // the next comment never read as the same column (issue 48: 12).
    expect(md).toMatch(/\| +CI \| Verdict/)
    expect(md).toMatch(/\| `calc` [^\n]*\| −2\.10% … \+2\.60% \(90%\) \| ✅ pass/)
    expect(md).not.toContain('still reaches')
    expect(md).not.toContain('+3.74%')
    expect(compareReport(doc, PLAIN)).toMatch(
      /CI[^\n]*\n[^\n]*calc[^\n]*−2\.10% … \+2\.60% \(90%\)/,
    )

    // Beside a regression, each interval names its level.
    const two = fixture('aa-pass.json')
    const [pass] = two.targets
    pass!.delta = t.delta
    pass!.metrics![0]!.delta = t.delta
    const slower = structuredClone(pass!)
    slower.name = 'calc.cli'
    slower.verdict = 'regression'
    slower.delta = { ...t.delta, pct: 12.4, ci_pct: [9.1, 15.8], decision: 'regression' }
    slower.metrics![0]!.delta = slower.delta
    two.targets.push(slower)
    const mixed = markdownReport(two)
    expect(mixed).toMatch(/\| +CI \| Verdict/)
    expect(mixed).toContain('−2.10% … +2.60% (90%)')
    expect(mixed).toContain('+9.10% … +15.8% (98%)')
  })

  it("names the project's own time when it holds most of the change, not a small lazy import", () => {
    // A −2.02 s improvement: inspect no longer imported (−18.6 ms), and the
    // project's own modules doing 2.04 s less at import, mostly mypkg.core.
    const doc = fixture('improvement.json')
    const t = doc.targets[0]!
    t.delta = { ...t.delta!, ms: -2020, pct: -95 }
    t.metrics![0]!.delta = t.delta
    t.function_changes = []
    t.modules!.self_time_changes = [
      { name: 'mypkg.core', base_self_ms: 1900, head_self_ms: 10, delta_ms: -1890, noise_ms: 40 },
      { name: 'mypkg.index', base_self_ms: 160, head_self_ms: 10, delta_ms: -150, noise_ms: 8 },
      { name: 'inspect', base_self_ms: 2.8, head_self_ms: null, delta_ms: -2.8, noise_ms: null },
    ]
    const md = markdownReport(doc)
    expect(md).toMatch(
      /^### 🚀 `mypkg` imports 95% faster \(−2\.02 s\): own time of `mypkg`'s modules at import \(−2\.04 s\), mostly `mypkg\.core`/,
    )
    expect(md.split('\n')[0]).not.toContain('inspect')
    expect(md).toMatch(/#### Why\n\n- New or dropped imports account for/)
    // The same document with the own time a tenth of the change: the lazy import leads again.
    t.modules!.self_time_changes = [
      { name: 'mypkg.core', base_self_ms: 12, head_self_ms: 10, delta_ms: -2, noise_ms: 1 },
    ]
    t.delta = { ...t.delta, ms: -20, pct: -50 }
    t.metrics![0]!.delta = t.delta
    expect(markdownReport(doc).split('\n')[0]).toContain('no longer imports `inspect`')
  })
})

describe("a function behind the project's own time (issue 48: 1)", () => {
  it('names the function in the headline when it accounts for the own time, not "own time of"', () => {
    // The shape of tractor #478: the project's own modules doing 2.04 s less at import,
    // because the logger helper they all call stopped calling inspect.stack().
    const doc = fixture('improvement.json')
    const t = doc.targets[0]!
    t.delta = { ...t.delta!, ms: -2020, pct: -95 }
    t.metrics![0]!.delta = t.delta
    t.modules!.self_time_changes = [
      { name: 'mypkg.core', base_self_ms: 1900, head_self_ms: 10, delta_ms: -1890, noise_ms: 40 },
      { name: 'mypkg.index', base_self_ms: 160, head_self_ms: 10, delta_ms: -150, noise_ms: 8 },
    ]
    const [change] = t.function_changes!
    expect(change!.callers.every((c) => c.module.startsWith('mypkg'))).toBe(true)
    t.function_changes = [{ ...change!, profiled_delta_ms: -4100 }]
    const headline = markdownReport(doc).split('\n')[0]!
    expect(headline).toMatch(
      /^### 🚀 `mypkg` imports 95% faster \(−2\.02 s\): `inspect\.stack` 30 → 0 calls/,
    )
    // A function too small to account for it leaves the own time in the headline.
    t.function_changes = [{ ...change!, profiled_delta_ms: -300 }]
    expect(markdownReport(doc).split('\n')[0]).toContain("own time of `mypkg`'s modules")
  })
})

describe('names from the measured code in the comment (issue 29: 1)', () => {
  it('keeps a name with blank lines inside its code span: no mention, no HTML', () => {
    const doc = fixture('improvement.json')
    const evil = 'q\n\n@octocat <img src=https://evil.example/p.png>'
    const t = doc.targets[0]!
    t.function_changes = t.function_changes!.map((c) => ({ ...c, name: evil, called_as: evil }))
    t.name = `mypkg\n\n@octocat`
    const md = markdownReport(doc)
    // Every line holding the text keeps it inside backticks; none starts a paragraph with it.
    for (const line of md.split('\n').filter((l) => l.includes('@octocat')))
      expect(line).toMatch(/`[^`]*@octocat[^`]*`/)
    expect(md).not.toMatch(/^\s*@octocat/m)
    expect(md).not.toMatch(/^[^`]*<img/m)
    expect(md).toContain('q\\n\\n@octocat <img src=https://evil.example/p.png>')
  })
})

describe('the footer', () => {
  it('names the settings marked shown that a run set otherwise than by default, and none at their defaults', () => {
    const doc = fixture('aa-pass.json')
    const footer = (settings: CompareResults['settings']) =>
      markdownReport({ ...doc, settings }, undefined, REPO)
        .split('\n')
        .filter((line) => line.startsWith('- Set otherwise than by default'))
    expect(footer(doc.settings)).toEqual([])
    expect(footer({ ...doc.settings, proof: true, undecided: 'warn' })).toEqual([])
    expect(footer({ ...doc.settings, proof: false, undecided: 'fail' })).toEqual([
      '- Set otherwise than by default: `proof` = `false`, `undecided` = `fail`.',
    ])
  })
})

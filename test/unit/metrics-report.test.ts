// A second metric is a row in every report, from the metric table alone.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import { measureReport } from '../../src/report/terminal/terminal-measure.js'
import type { CompareResults, MeasureResults } from '../../src/results/schema.js'

const fixture = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8')) as T

describe('a reported-only metric (cpu_ms)', () => {
  const doc = fixture<CompareResults>('compare.json')
  const shop = doc.targets[0]!
  shop.base!.cpu_samples_ms = shop.base!.samples_ms.map((x) => x * 0.9)
  shop.head!.cpu_samples_ms = shop.head!.samples_ms.map((x) => x * 0.9)
  shop.metrics = [
    {
      metric: 'import_ms',
      variant: 'warm',
      unit: 'ms',
      gating: true,
      outcome: 'regression',
      base_median: shop.base!.median_ms,
      head_median: shop.head!.median_ms,
      delta: shop.delta,
    },
    {
      metric: 'cpu_ms',
      variant: 'warm',
      unit: 'ms',
      gating: false,
      outcome: 'regression',
      base_median: 0.7,
      head_median: 54.3,
      delta: { ...shop.delta!, ms: 53.6, pct: 7650, confirmation: null },
    },
  ]

  it('is a row of the markdown table that does not decide the verdict', () => {
    const md = markdownReport(doc)
    expect(md.split('\n')[0]).toBe('### ⛔ `shop` imports forbidden module `asyncio`')
    expect(md).toMatch(
      /\| `shop` · CPU time +\| +\d+ µs \| +\d+\.\d ms \| +\+53\.6 ms \| +\+7650% \|.*\| ℹ️ slower \(not gating\) +\|/,
    )
    expect(md).toMatch(/\| `shop` +\|.*\| ⛔ forbidden import +\|/)
  })

  it('is a row of the terminal report too', () => {
    const text = compareReport(doc, PLAIN)
    expect(text).toMatch(
      /shop · CPU time\s+\d+ µs\s+\d+\.\d ms\s+\+53\.6 ms\s+\+7650%.*slower \(not gating\)/,
    )
  })

  it('shows its own median and spread when measuring', () => {
    const measured = fixture<MeasureResults>('measure.json')
    const t = measured.targets[0]!
    t.head!.cpu_samples_ms = t.head!.samples_ms.map(() => 2)
    t.metrics = [
      {
        metric: 'import_ms',
        variant: 'warm',
        unit: 'ms',
        gating: true,
        outcome: null,
        base_median: null,
        head_median: t.head!.median_ms,
        delta: null,
      },
      {
        metric: 'cpu_ms',
        variant: 'warm',
        unit: 'ms',
        gating: false,
        outcome: null,
        base_median: null,
        head_median: 2,
        delta: null,
      },
    ]
    expect(measureReport(measured, PLAIN)).toMatch(
      new RegExp(`${t.name.replace('.', '\\.')} · CPU time\\s+2\\.00 ms\\s+2\\.00 ms – 2\\.00 ms`),
    )
    expect(markdownReport(measured)).toMatch(/· CPU time \| +2\.00 ms \| 2\.00 ms – 2\.00 ms \|/)
  })
})

describe('a measured target with no samples', () => {
  it('says "no samples" when the budget left none, and "error" only for an import that failed', () => {
    const doc = fixture<MeasureResults>('measure.json')
    const t = doc.targets[0]!
    const empty: MeasureResults = {
      ...doc,
      verdict: 'inconclusive',
      targets: [
        {
          ...t,
          head: null,
          verdict: 'inconclusive',
          inconclusive: {
            reason: 'too-few-pairs',
            pairs: 0,
            needed_pairs: 20,
            suggested_max_time_s: null,
          },
        },
      ],
    }
    const report = measureReport(empty, PLAIN)
    expect(report).toMatch(new RegExp(`${t.name.replace('.', '\\.')}\\s+no samples`))
    expect(report).not.toMatch(/\berror\b/)
  })
})

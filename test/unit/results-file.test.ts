import { readFileSync } from 'node:fs'
import { gate } from '../helpers/fake-engine.js'
import { describe, expect, it } from 'vitest'
import { readResults, ResultsFileError } from '../../src/results/read.js'
import { metricRows } from '../../src/results/metric-rows.js'
import { evaluate } from '../../src/analysis/verdict/evaluate.js'
import { targetResult } from '../../src/results/target-result.js'
import type { Side } from '../../src/model/target.js'

const text = (name: string) =>
  readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8')

describe('reading a results file', () => {
  it('reads files written before metrics were recorded, with their primary row', () => {
    const doc = readResults(text('compare.json'), 'compare.json')
    expect(doc.command).toBe('compare')
    const shop = doc.targets[0]!
    expect(shop.metrics).toBeUndefined()
    expect(metricRows(shop)).toEqual([
      expect.objectContaining({
        metric: 'import_ms',
        gating: true,
        base_median: shop.base!.median_ms,
        head_median: shop.head!.median_ms,
        delta: shop.delta,
      }),
    ])
    expect(readResults(text('measure.json'), 'measure.json').command).toBe('measure')
  })

  it('names the file and the field of a bad one', () => {
    const doc = JSON.parse(text('compare.json'))
    doc.targets[0].verdict = 'maybe'
    expect(() => readResults(JSON.stringify(doc), 'results.json')).toThrow(
      /^results\.json: not an importgate results file: targets\[0\]\.verdict: "maybe" is not one of "pass", "improvement"/,
    )
    delete doc.targets[0].verdict
    expect(() => readResults(JSON.stringify(doc), 'r.json')).toThrow(
      /r\.json: .*targets\[0\]: the field "verdict" is missing/,
    )
    expect(() => readResults('{"schema": 1,', 'r.json')).toThrow(/^r\.json: not JSON/)
    expect(() => readResults('{"schema": 2}', 'r.json')).toThrow(
      /r\.json: schema 2 is not one this importgate reads \(1\)/,
    )
    expect(() => readResults('[]', 'r.json')).toThrow(ResultsFileError)
  })
})

describe('a forged results file (issue 29: 5)', () => {
  it('refuses one nested thousands deep, naming the file, instead of crashing on it', () => {
    // Built as text: JSON.stringify itself would run out of stack this deep.
    const node = (inner: string) =>
      `{"name":"m","self_ms":0,"cumulative_ms":0,"children":[${inner}]}`
    let deep = node('')
    for (let i = 0; i < 3000; i++) deep = node(deep)
    const forged = text('aa-pass.json').replace('"profile":{', `"profile":{"tree":${deep},`)
    expect(forged.length).toBeGreaterThan(deep.length)
    expect(() => readResults(forged, 'forged.json')).toThrow(ResultsFileError)
    expect(() => readResults(forged, 'forged.json')).toThrow(
      /^forged\.json: nests deeper than \d+ levels/,
    )
  })
})

describe('writing a metric no ratio describes', () => {
  it('writes no delta for a memory growth of 0 KiB on both sides, and the file still reads', () => {
    // Seen under load: 444 undecided pairs of 0/0 wrote ci_pct [null, null], which its own schema refused.
    const arm = (side: Side, ms: number) => ({
      key: { side, target: 'pkg', variant: 'warm' as const },
      samples: Array.from({ length: 40 }, (_, i) => ({
        importMs: ms * (1 + (i % 7) / 100),
        wallMs: ms + 20,
        startupMs: 10,
        moduleCount: 40,
        modulesAdded: 10,
        values: { cpu_ms: ms, memory: 0 },
      })),
      failure: null,
      profile: null,
    })
    const evaluation = evaluate(
      { arms: [arm('base', 20), arm('head', 20)], rounds: 40, truncated: false },
      {
        targets: [{ name: 'pkg', isNew: false }],
        variant: 'warm',
        gate,
        metrics: ['import_ms', 'memory'],
        watch: [],
        sampling: { minPairs: 20, maxPairs: 200, warmups: 3, profileRuns: 3, maxTimeMs: 120_000 },
      },
    )
    const result = targetResult(evaluation.targets[0]!)
    const memory = result.metrics!.find((m) => m.metric === 'memory')!
    expect(memory).toMatchObject({ base_median: 0, head_median: 0, delta: null })
    const doc = JSON.parse(text('compare.json'))
    doc.targets[0].metrics = result.metrics
    expect(() => readResults(JSON.stringify(doc), 'r.json')).not.toThrow()
  })
})

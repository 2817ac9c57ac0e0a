import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readResults, ResultsFileError } from '../../src/results/read.js'
import { metricRows } from '../../src/results/metric-rows.js'

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

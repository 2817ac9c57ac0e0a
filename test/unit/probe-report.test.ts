// The probe's report as data: each sample metric is read from the field its
// table entry names, checked, and recorded in its own results field.
import { describe, expect, it } from 'vitest'
import { BadReportError, parseProbeReport } from '../../src/measure/probe-protocol.js'
import { toSample } from '../../src/measure/probe-run.js'
import { readMetric } from '../../src/model/metrics.js'
import { sideResult } from '../../src/results/side-result.js'

const report = (extra: Record<string, unknown>) =>
  JSON.stringify({
    protocol: 1,
    mode: 'time',
    target: 'pkg',
    ok: true,
    import_ns: 12_500_000,
    start_ns: 0,
    end_ns: 12_500_000,
    modules_before: 30,
    modules_after: 42,
    probe_preloaded: [],
    error: null,
    ...extra,
  })

const run = (raw: string) => ({
  report: parseProbeReport(raw),
  failure: null,
  wallMs: 40,
  startupMs: 20,
  stderr: '',
})

describe("the probe's report", () => {
  it('gives each sample metric from its own field, in its unit', () => {
    const sample = toSample(run(report({ import_cpu_ns: 11_000_000, memory_kib: 2048 })))
    expect(readMetric('import_ms', sample)).toBe(12.5)
    expect(readMetric('cpu_ms', sample)).toBe(11)
    expect(readMetric('memory', sample)).toBe(2048)
  })

  it('gives null where the run cannot tell: a command has no CPU time, memory is Linux-only', () => {
    const sample = toSample(run(report({ import_cpu_ns: null })))
    expect(readMetric('cpu_ms', sample)).toBeNull()
    expect(readMetric('memory', sample)).toBeNull()
  })

  it('is refused when a metric field is not a number, naming the field', () => {
    expect(() => parseProbeReport(report({ memory_kib: '2048' }))).toThrow(BadReportError)
    expect(() => parseProbeReport(report({ import_cpu_ns: [1] }))).toThrow(/import_cpu_ns/)
  })

  it('is checked against its JSON Schema, lazy statements and all, naming where it failed (issue 50: 4)', () => {
    const lazy = {
      importer: 'pkg',
      module: 'json',
      names: null,
      file: 'pkg/__init__.py',
      line: 3,
      loaded: true,
      loaded_at: ['pkg/b.py', 1],
    }
    expect(parseProbeReport(report({ lazy: [lazy] })).lazy).toEqual([lazy])
    expect(() => parseProbeReport(report({ lazy: [{ ...lazy, line: '3' }] }))).toThrow(
      /\/lazy\/0\/line/,
    )
    expect(() =>
      parseProbeReport(report({ lazy: [{ ...lazy, loaded_at: ['pkg/b.py', 1, 2] }] })),
    ).toThrow(BadReportError)
    expect(() => parseProbeReport(report({ protocol: 2 }))).toThrow(/\/protocol/)
    expect(() => parseProbeReport(report({ error: { kind: 'ValueError' } }))).toThrow(/message/)
  })

  it('records each sample metric in its results field, and none where a run could not tell', () => {
    const known = toSample(run(report({ import_cpu_ns: 11_000_000, memory_kib: 2048 })))
    const unknown = toSample(run(report({ import_cpu_ns: null })))
    const side = (samples: (typeof known)[]) =>
      sideResult('pkg', { samples, moduleCount: 42, profile: null, medianMs: 12.5 })
    expect(side([known, known])).toMatchObject({
      samples_ms: [12.5, 12.5],
      cpu_samples_ms: [11, 11],
      memory_samples_kib: [2048, 2048],
    })
    // One sample without a value: the others' values would no longer line up with samples_ms.
    expect(side([known, unknown])).toMatchObject({ cpu_samples_ms: [], memory_samples_kib: [] })
  })
})

// The main table's rows in the view model: each target under each metric,
// with each side's figures read from its samples. Pure.
import { quantile } from '../analysis/summary.js'
import { METRICS, PRIMARY_METRIC, type MetricId } from '../model/metrics.js'
import type { Verdict } from '../model/verdict.js'
import { metricRows } from '../results/metric-rows.js'
import type { DeltaJson, SideResult, TargetResult } from '../results/schema.js'

/** One row of the main table: a target under one metric. */
export interface MetricRowView {
  target: string
  metric: MetricId
  /** "import time", "CPU time". */
  label: string
  primary: boolean
  gating: boolean
  /** The target's verdict for a gating row; for a reported-only row, what its statistics say. */
  verdict: Verdict
  outcome: 'regression' | 'improvement' | 'pass' | null
  isNew: boolean
  /** Head removed the module and no longer lists it as a target. */
  isGone: boolean
  base: SideFigures | null
  head: SideFigures | null
  delta: DeltaJson | null
}

/** One side's figures for one metric, read from its samples. */
export interface SideFigures {
  median: number
  q1: number
  q3: number
  min: number
  max: number
  n: number
  moduleCount: number
  packageModuleCount: number
}

function figures(side: SideResult | null, metric: MetricId): SideFigures | null {
  if (!side) return null
  const samples = side[METRICS[metric].samplesField] ?? []
  const at = (p: number) => quantile(samples, p)
  // The document's own figures for the primary metric (old files may hold no samples).
  const primary = metric === PRIMARY_METRIC
  return {
    median: primary ? side.median_ms : at(0.5),
    q1: primary ? side.q1_ms : at(0.25),
    q3: primary ? side.q3_ms : at(0.75),
    min: primary ? side.min_ms : at(0),
    max: primary ? side.max_ms : at(1),
    n: samples.length,
    moduleCount: side.module_count,
    packageModuleCount: side.package_module_count,
  }
}

/** What a reported-only row's statistics say: "slower (not gating)". */
export function reportedOnly(r: MetricRowView): string {
  const said =
    r.outcome === 'regression' ? 'slower' : r.outcome === 'improvement' ? 'faster' : 'no change'
  return `${said} (not gating)`
}

export function rowsOf(t: TargetResult): MetricRowView[] {
  const rows = metricRows(t)
  // A target that could not be measured still gets its row, with its verdict.
  const list = rows.length
    ? rows
    : [{ metric: PRIMARY_METRIC, gating: true, outcome: null, delta: null }]
  return list.map((m) => ({
    target: t.name,
    metric: m.metric,
    label: METRICS[m.metric].label,
    primary: m.metric === PRIMARY_METRIC,
    gating: m.gating,
    verdict: m.gating ? t.verdict : (m.outcome ?? 'pass'),
    outcome: m.outcome,
    isNew: t.new === true,
    isGone: t.gone === true,
    base: figures(t.base, m.metric),
    head: figures(t.head, m.metric),
    delta: m.delta,
  }))
}

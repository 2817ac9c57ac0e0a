// The main table's rows in the view model: each target under each metric,
// with each side's figures read from its samples. Pure.
import { quantile } from '../../analysis/stats/summary.js'
import { signedPct, signedValue } from './format.js'
import { METRICS, PRIMARY_METRIC, type MetricId, type MetricUnit } from '../../model/metrics.js'
import type { Verdict } from '../../model/verdict.js'
import { VARIANT_LABEL, type Variant } from '../../model/target.js'
import { metricRows } from '../../results/metric-rows.js'
import type {
  CountedDeltaJson,
  CountingJson,
  DeltaJson,
  SideResult,
  TargetResult,
} from '../../results/schema.js'

/** One row of the main table: a target under one metric. */
export interface MetricRowView {
  target: string
  metric: MetricId
  /** "import time", "CPU time". */
  label: string
  /** The cache state: "warm" unless the run measured others. */
  variant: Variant
  /** What follows the target's name in the table: "no .pyc", "CPU time", "cold cache · CPU time"; empty for the main row. */
  suffix: string
  unit: MetricUnit
  primary: boolean
  gating: boolean
  /** The target's verdict for a gating row; for a reported-only row, what its statistics say. */
  verdict: Verdict
  outcome: 'regression' | 'improvement' | 'pass' | 'inconclusive' | null
  isNew: boolean
  /** Head removed the module and no longer lists it as a target. */
  isGone: boolean
  /** The proof decided it: not timed (view-proof.ts). */
  proved: boolean
  base: SideFigures | null
  head: SideFigures | null
  delta: DeltaJson | null
  /** A counted metric: how the counts compare; null otherwise. */
  counted: CountedDeltaJson | null
  /** A counted metric: how head (else base) was counted, for the report's footnote. */
  counting: CountingJson | null
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
  const samples = (side[METRICS[metric].samplesField] ?? []).filter(Number.isFinite)
  if (metric !== PRIMARY_METRIC && !samples.length) return null
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

/**
 * The interval a row's decision rests on: a pass's is the one it was decided
 * on (one-sided β a side, inside the band by construction), anything else's
 * the α one. Files from before the pass interval was recorded show the α one.
 */
export function decidingInterval(d: NonNullable<MetricRowView['delta']>): {
  ci: [number, number] | null
  level: number
} {
  return d.decision === 'pass' && d.pass_ci_pct !== undefined && d.pass_ci_level !== undefined
    ? { ci: d.pass_ci_pct, level: d.pass_ci_level }
    : { ci: d.ci_pct, level: d.ci_level }
}

/** An interval's level as a table shows it: "98%", "90%". */
export const levelText = (level: number): string => `${Math.round(level * 1000) / 10}%`

/**
 * A row's change columns: Δ in its unit, Δ % (a number, for colouring), the
 * interval its decision rests on (and that interval's level) or the counted
 * runs' spread; null with nothing compared.
 */
type ChangeCells = { delta: string; pct: number; interval: string; level?: number }

export function changeCells(r: MetricRowView): ChangeCells | null {
  const d = r.delta
  if (d) {
    const { ci, level } = decidingInterval(d)
    return {
      delta: signedValue(r.unit, d.ms),
      pct: d.pct,
      interval: ci ? `${signedPct(ci[0])} … ${signedPct(ci[1])}` : '–',
      level,
    }
  }
  const c = r.counted
  if (c && c.base_runs && c.head_runs && c.delta !== null && c.pct !== null)
    return {
      delta: signedValue(r.unit, c.delta),
      pct: c.pct,
      interval: `runs within ${spreadText(c.spread_pct)}`,
    }
  return null
}

/**
 * The rows' change cells and their interval column. Each cell names its own
 * level: a pass is decided on its 90% interval, a change on its 98% one, and a
 * header that said "CI (98%)" on one comment and "CI (90%)" on the next read
 * as the same column (issue 48: 12).
 */
export function intervalColumn(rows: readonly MetricRowView[]): {
  cells: (ChangeCells | null)[]
  header: string
  text: (c: ChangeCells) => string
} {
  const cells = rows.map(changeCells)
  const shown = (c: ChangeCells) => c.level !== undefined && c.interval !== '–'
  return {
    cells,
    header: 'CI',
    text: (c) => (shown(c) ? `${c.interval} (${levelText(c.level!)})` : c.interval),
  }
}

/** How far counted runs disagree: "0.012%", "<0.001%". */
export const spreadText = (pct: number): string =>
  pct > 0 && pct < 0.001 ? '<0.001%' : `${pct.toFixed(3)}%`

/** What a reported-only row's statistics say: "slower (not gating)", "more (not gating)". */
export function reportedOnly(r: MetricRowView): string {
  const [up, down] = r.unit === 'ms' ? ['slower', 'faster'] : ['more', 'less']
  const said =
    r.outcome === 'regression'
      ? up
      : r.outcome === 'improvement'
        ? down
        : r.outcome === 'inconclusive'
          ? 'inconclusive'
          : 'no change'
  return `${said} (not gating)`
}

export function rowsOf(t: TargetResult): MetricRowView[] {
  const rows = metricRows(t)
  // A target that could not be measured still gets its row, with its verdict.
  const list = rows.length
    ? rows
    : [
        {
          metric: PRIMARY_METRIC as MetricId,
          gating: true,
          outcome: null,
          delta: null,
          counted: null,
        },
      ]
  const variant: Variant = t.variant ?? 'warm'
  return list.map((m) => ({
    target: t.name,
    metric: m.metric,
    label: METRICS[m.metric].label,
    variant,
    suffix: [VARIANT_LABEL[variant], m.metric === PRIMARY_METRIC ? '' : METRICS[m.metric].label]
      .filter(Boolean)
      .join(' · '),
    unit: METRICS[m.metric].unit,
    // The main row of a target: what headlines, causes and budgets go by.
    primary: m.metric === PRIMARY_METRIC && variant === 'warm',
    gating: m.gating,
    // The primary row carries the target's verdict (budgets, forbidden imports
    // and all); another gating row, its own metric's outcome.
    verdict: rowVerdict(t, m),
    outcome: m.outcome,
    isNew: t.new === true,
    isGone: t.gone === true,
    proved: t.proof?.decided === true,
    base: figures(t.base, m.metric),
    head: figures(t.head, m.metric),
    delta: m.delta,
    counted: m.counted ?? null,
    counting: countingOf(t, m.metric),
  }))
}

/**
 * The primary row carries the target's verdict (budgets, forbidden imports and
 * all), except a change another metric found (an instruction count) that the
 * time did not; any other gating row shows its own metric's outcome.
 */
function rowVerdict(
  t: TargetResult,
  m: { metric: MetricId; outcome: MetricRowView['outcome'] },
): Verdict {
  if (!m.outcome) return t.verdict
  if (m.metric !== PRIMARY_METRIC) return m.outcome
  const changed = t.verdict === 'regression' || t.verdict === 'improvement'
  return changed && m.outcome !== t.verdict ? m.outcome : t.verdict
}

function countingOf(t: TargetResult, metric: MetricId): CountingJson | null {
  const entry = METRICS[metric]
  if (entry.kind !== 'counted') return null
  return t.head?.counting?.[entry.id] ?? t.base?.counting?.[entry.id] ?? null
}

// One target's findings per metric, and each side's: the sequential procedure
// over the pairs of a sampled metric, the counts compared for a counted one.
// Pure; evaluate.ts puts them into the target's finding.
import {
  METRICS,
  readMetric,
  readPrimary,
  type CountedMetricId,
  type MetricId,
  type SampleMetricId,
} from '../../model/metrics.js'
import type { Gate, Sampling } from '../../settings/setting-values.js'
import { median } from '../stats/summary.js'
import { outcomeOf } from '../stats/paired-compare.js'
import { compareCounts, importCounts } from './counted-compare.js'
import { groupComparison } from './decision.js'
import type { ArmObservation } from './observations.js'
import type { MetricFinding, SideFinding } from './finding.js'

export function sideFinding(arm: ArmObservation | null): SideFinding | null {
  const samples = arm ? arm.samples : []
  if (!arm || samples.length === 0) return null
  const profile = arm.profile
  const finding: SideFinding = {
    samples,
    profile,
    medianMs: median(samples.map(readPrimary)),
    moduleCount: profile?.moduleCount || samples[samples.length - 1]!.moduleCount,
  }
  if (arm.counted) {
    finding.counted = Object.fromEntries(
      Object.entries(arm.counted).map(([id, runs]) => [
        id,
        {
          counts: importCounts(runs),
          tool: runs.tool,
          byCall: runs.byCall,
          failure: runs.failure,
          ms: runs.ms,
        },
      ]),
    )
  }
  return finding
}

/** A counted metric's finding: the counts compared, or (one side only) a pass that shows head's counts. */
function countedFinding(
  id: CountedMetricId,
  base: ArmObservation | null,
  head: ArmObservation,
  gate: Gate,
): MetricFinding {
  const metric = METRICS[id]
  const gating = metric.gates
  if (!base) return { metric: id, gating, outcome: 'pass', comparison: null }
  const missing = { tool: '', runs: [], empty: [], failure: 'not counted', ms: 0 }
  const counted = compareCounts(
    base.counted?.[id] ?? missing,
    head.counted?.[id] ?? missing,
    metric.thresholdSetting ? gate[metric.thresholdSetting] : metric.thresholdPct,
  )
  return {
    metric: id,
    gating,
    outcome: counted.outcome,
    comparison: null,
    counted,
  }
}

export function metricFindings(
  base: ArmObservation | null,
  head: ArmObservation,
  spec: { metrics: readonly MetricId[]; gate: Gate; sampling: Pick<Sampling, 'maxPairs'> },
): MetricFinding[] {
  return spec.metrics.flatMap((id): MetricFinding[] => {
    if (METRICS[id].kind === 'counted') {
      // Not counted on either side (a command target: no probe marks its import): no row.
      const planned =
        base?.counted?.[id as CountedMetricId] ?? head.counted?.[id as CountedMetricId]
      return planned ? [countedFinding(id as CountedMetricId, base, head, spec.gate)] : []
    }
    const metric = METRICS[id as SampleMetricId]
    const known = (arm: ArmObservation) =>
      arm.samples.every((s) => readMetric(metric.id, s) !== null)
    // What a sample cannot say (a command's CPU time or memory) is no row, rather than a row of nothing.
    if (!known(head) || (base && !known(base))) return []
    if (!base) {
      return [
        {
          metric: id,
          gating: metric.gates,
          outcome: 'pass',
          comparison: null,
        },
      ]
    }
    // Every metric gets the sequential procedure over its pairs; one that only informs
    // shows an undecided look as no change, where the gating one is inconclusive.
    const settings = { gate: spec.gate, maxPairs: spec.sampling.maxPairs }
    const comparison = groupComparison(base, head, settings, (s) => readMetric(metric.id, s)!)
    const outcome = outcomeOf(comparison, metric.gates)
    return [{ metric: id, gating: metric.gates, outcome, comparison }]
  })
}

/** How many pairs (or samples, on one side) the verdict rests on. */
export function pairsTaken(
  base: SideFinding | null,
  head: SideFinding | null,
  metrics: MetricFinding[],
): number {
  const comparison = metrics[0]?.comparison
  if (comparison) return comparison.pairs
  return head && !base ? head.samples.length : 0
}

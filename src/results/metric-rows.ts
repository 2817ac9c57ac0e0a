// A target's metric rows, from any schema-1 document: files written before
// `metrics` was added carry the primary metric in base, head and delta only.
import { METRICS, PRIMARY_METRIC } from '../model/metrics.js'
import type { MetricResultJson, TargetResult } from './schema.js'

export function metricRows(t: TargetResult): MetricResultJson[] {
  if (t.metrics) return t.metrics
  if (!t.base && !t.head) return []
  const metric = METRICS[PRIMARY_METRIC]
  return [
    {
      metric: PRIMARY_METRIC,
      variant: 'warm',
      unit: metric.unit,
      gating: metric.gates,
      outcome: null,
      base_median: t.base?.median_ms ?? null,
      head_median: t.head?.median_ms ?? null,
      delta: t.delta,
    },
  ]
}

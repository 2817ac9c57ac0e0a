// The metric table: what is measured, in which unit, and whether a change in
// it fails the check by default. Statistics, the gate and every report iterate
// over this table; a new metric is a new entry here.
//
// Two kinds: a *sample* metric is read from every timed run (paired and
// judged like import time); a *counted* metric comes from a few separate runs
// under a tool (valgrind, perf, strace) that counts something nearly
// deterministic, and is judged by whether every run of one side lies beyond
// every run of the other by its own threshold.

/** One timed run of a target in a fresh interpreter. */
export interface Sample {
  /** perf_counter around the import inside the interpreter: the primary figure. */
  importMs: number
  /** Spawn to exit, seen from outside: start-up plus import plus exit. */
  wallMs: number
  startupMs: number | null
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** Modules the import added. */
  modulesAdded: number
  /**
   * Every other sample metric's value, in its unit, read from the probe's
   * report where its table entry says; null where the run cannot tell (a
   * command has no CPU time of its own; memory is read on Linux only).
   */
  values: { [K in SampleMetricId]?: number | null }
}

export type SampleMetricId = 'import_ms' | 'cpu_ms' | 'memory'
export type CountedMetricId = 'instructions' | 'fs_calls'
export type MetricId = SampleMetricId | CountedMetricId

export type MetricUnit = 'ms' | 'KiB' | 'instructions' | 'calls'

interface MetricBase {
  /** How reports name it: "import time". */
  label: string
  unit: MetricUnit
  /** Whether a decided change fails the check (else it only informs). */
  gates: boolean
}

export interface SampleMetric extends MetricBase {
  kind: 'sample'
  id: SampleMetricId
  /** The probe report's field that carries it, and the divisor to its unit (ns → ms: 1e6). */
  probe: { field: string; per: number }
  /** Where a side's samples of this metric sit in a results document. */
  samplesField: 'samples_ms' | 'cpu_samples_ms' | 'memory_samples_kib'
}

export interface CountedMetric extends MetricBase {
  kind: 'counted'
  id: CountedMetricId
  /** Relative change (percent) below which the counts are "no change". */
  thresholdPct: number
  /** The gate setting that overrides thresholdPct, if one does. */
  thresholdSetting?: 'instructionsThresholdPct'
  /** Where a side's counts (one per run, the import's alone) sit in a results document. */
  samplesField: 'instruction_counts' | 'fs_call_counts'
}

export type Metric = SampleMetric | CountedMetric

export const METRICS: Readonly<{
  [K in MetricId]: K extends SampleMetricId ? SampleMetric : CountedMetric
}> = {
  import_ms: {
    kind: 'sample',
    id: 'import_ms',
    label: 'import time',
    unit: 'ms',
    probe: { field: 'import_ns', per: 1e6 },
    gates: true,
    samplesField: 'samples_ms',
  },
  cpu_ms: {
    kind: 'sample',
    id: 'cpu_ms',
    label: 'CPU time',
    unit: 'ms',
    probe: { field: 'import_cpu_ns', per: 1e6 },
    gates: false,
    samplesField: 'cpu_samples_ms',
  },
  memory: {
    kind: 'sample',
    id: 'memory',
    label: 'peak memory',
    unit: 'KiB',
    // Null off Linux, where a run refuses the metric (commands/pipeline.ts).
    probe: { field: 'memory_kib', per: 1 },
    gates: false,
    samplesField: 'memory_samples_kib',
  },
  instructions: {
    kind: 'counted',
    id: 'instructions',
    label: 'instructions',
    unit: 'instructions',
    // Asked for, it judges: a deterministic count is what settles a 1% change.
    gates: true,
    thresholdPct: 1,
    thresholdSetting: 'instructionsThresholdPct',
    samplesField: 'instruction_counts',
  },
  fs_calls: {
    kind: 'counted',
    id: 'fs_calls',
    label: 'file-system calls',
    unit: 'calls',
    gates: false,
    thresholdPct: 1,
    samplesField: 'fs_call_counts',
  },
}

export const METRIC_IDS = Object.keys(METRICS) as MetricId[]

/** The metric the headline, budgets and the stopping rule are about. */
export const PRIMARY_METRIC = 'import_ms' satisfies SampleMetricId

/** Other spellings a user may write: `fs-calls` as the docs say it. */
const ALIASES: Readonly<Record<string, MetricId>> = { 'fs-calls': 'fs_calls', time: 'import_ms' }

/** The metric a user's spelling names, or null. */
export function metricNamed(value: string): MetricId | null {
  if (value in METRICS) return value as MetricId
  return ALIASES[value] ?? null
}

export const isCounted = (id: MetricId): id is CountedMetricId => METRICS[id].kind === 'counted'

/** The sample metrics, in table order. */
export const SAMPLE_METRICS = Object.values(METRICS).filter(
  (m): m is SampleMetric => m.kind === 'sample',
)

/** The primary metric of a sample: every sample has it. */
export const readPrimary = (sample: Sample): number => sample.importMs

/** A sample metric's value in one sample; null where the sample cannot tell. */
export const readMetric = (id: SampleMetricId, sample: Sample): number | null =>
  id === PRIMARY_METRIC ? sample.importMs : (sample.values[id] ?? null)

// The metric table: what can be read from one sample, in which unit, and
// whether a change in it fails the check by default. Statistics, the gate and
// every report iterate over this table; a new metric is a new entry here.

/** One timed run of a target in a fresh interpreter. */
export interface Sample {
  /** perf_counter around the import inside the interpreter: the primary figure. */
  importMs: number
  /** CPU time of the import (process_time). */
  cpuMs: number
  /** Spawn to exit, seen from outside: start-up plus import plus exit. */
  wallMs: number
  startupMs: number | null
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** Modules the import added. */
  modulesAdded: number
}

export type MetricId = 'import_ms' | 'cpu_ms'

export interface Metric {
  id: MetricId
  /** How reports name it: "import time". */
  label: string
  unit: 'ms'
  read(sample: Sample): number
  /** Whether a significant change fails the check unless the settings say otherwise. */
  gatesByDefault: boolean
  /** Where a side's samples of this metric sit in a results document. */
  samplesField: 'samples_ms' | 'cpu_samples_ms'
}

export const METRICS: Readonly<Record<MetricId, Metric>> = {
  import_ms: {
    id: 'import_ms',
    label: 'import time',
    unit: 'ms',
    read: (s) => s.importMs,
    gatesByDefault: true,
    samplesField: 'samples_ms',
  },
  cpu_ms: {
    id: 'cpu_ms',
    label: 'CPU time',
    unit: 'ms',
    read: (s) => s.cpuMs,
    gatesByDefault: false,
    samplesField: 'cpu_samples_ms',
  },
}

export const METRIC_IDS = Object.keys(METRICS) as MetricId[]

/** The metric the headline, budgets and the stopping rule are about. */
export const PRIMARY_METRIC: MetricId = 'import_ms'

export const isMetricId = (value: string): value is MetricId => value in METRICS

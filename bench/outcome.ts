// One scenario of a quality run, and how each method judged it.
export interface Outcome {
  size: number
  effect: number
  rep: number
  verdict: string
  /** Runs of the previous procedure: whether a fresh batch confirmed a flag; null when none ran. */
  confirmation?: boolean | null
  /** Seconds of sampling (phases_s.sampling) to the verdict: the time the decision cost, installs and profiles apart. */
  samplingS?: number
  /**
   * The raw pairs (import ms of base and head, and each pair's wall cost: its
   * runs' spawn-to-exit ms, scaled to the sampling phase when rounds ran side
   * by side), for bench/replay.ts.
   */
  pairs_ms?: { base: number[]; head: number[]; pairMs: number[] }
  /** Rounds that ran side by side (two at once, each on its own core); absent in older runs. */
  sideBySide?: number
  pct: number | null
  pairs: number
  /** The fewest pairs with which the test could reject at the run's alpha (absent in older runs). */
  neededPairs?: number
  durationS: number
  sampleS: number
  baseMedianMs: number | null
  /** 'skipped' when the run was made without the baselines. */
  sequential: string
  sequentialPct: number
  mean10: string
  mean10Pct: number
  /** Wall time of the whole scenario, baselines included. */
  jobS: number
}

export interface RunInfo {
  command: string
  thresholdPct: number
  minDeltaMs: number
  cores: number
  cpu: string
  python: string
  rate: number
  totalMin: number
  /** Compares the run is to make; more than outcomes.length while it is in progress. */
  planned?: number
}

/** What RESULTS.json holds: enough to render RESULTS.md and the README section again. */
export interface ResultsFile {
  run: RunInfo
  outcomes: Outcome[]
}

export type Method = 'importgate' | 'sequential' | 'mean10'
export const METHODS: { id: Method; label: string; color: string }[] = [
  { id: 'importgate', label: 'importgate (defaults)', color: '#d9480f' },
  { id: 'sequential', label: 'sequential blocks, 20+20 medians, 5%', color: '#1c7ed6' },
  { id: 'mean10', label: 'mean of 10 per side, 5%', color: '#868e96' },
]

export const verdictOf = (o: Outcome, m: Method) =>
  m === 'importgate' ? o.verdict : m === 'sequential' ? o.sequential : o.mean10

/** How many outcomes method m judged as `want` accepts. */
export const countBy = (os: Outcome[], m: Method, want: (verdict: string) => boolean) =>
  os.filter((o) => want(verdictOf(o, m))).length

export const sizesOf = (os: Outcome[]) => [...new Set(os.map((o) => o.size))].sort((a, b) => a - b)
export const effectsOf = (os: Outcome[]) =>
  [...new Set(os.map((o) => o.effect))].filter((e) => e > 0).sort((a, b) => a - b)
export const scenario = (os: Outcome[], size: number, effect: number) =>
  os.filter((o) => o.size === size && o.effect === effect)

/**
 * What each pair cost in wall time: its two runs' spawn-to-exit times, scaled
 * so that they add up to the sampling phase (rounds side by side share it).
 */
export function pairCosts(
  base: number[],
  head: number[],
  doc: { phases_s?: { sampling: number } },
) {
  const runs = base.map((b, i) => b + (head[i] ?? 0))
  const total = runs.reduce((a, b) => a + b, 0)
  const sampling = (doc.phases_s?.sampling ?? 0) * 1000
  return sampling > 0 && total > 0 ? runs.map((ms) => (ms * sampling) / total) : runs
}

/** How many of the timed rounds ran two at once (recorded since 2026-12-04; nothing for older runs). */
export function sideBySideLine(outcomes: Pick<Outcome, 'sideBySide' | 'pairs'>[]): string[] {
  const recorded = outcomes.filter((o) => o.sideBySide !== undefined)
  if (!recorded.length) return []
  const rounds = recorded.reduce((sum, o) => sum + o.pairs, 0)
  const beside = recorded.reduce((sum, o) => sum + o.sideBySide!, 0)
  return [
    `Rounds side by side (two at once, each on its own core, while nothing else used the CPUs): ${beside} of ${rounds} (${((100 * beside) / Math.max(1, rounds)).toFixed(0)}%).`,
  ]
}

// What simple cold-start scripts do, measured on the same machine in the same
// run, for comparison: no interleaving, no statistics, a percentage threshold.
import { mean, median } from './stats.js'
import { runProbe } from '../src/measure/run-probe.js'

export interface NaiveSide {
  python: string
  probe: string
  env: Record<string, string>
}

async function times(
  side: NaiveSide,
  target: string,
  runs: number,
  cwd: string,
): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = await runProbe({
      python: side.python,
      probe: side.probe,
      target,
      mode: 'time',
      env: side.env,
      cwd,
      timeoutMs: 60_000,
    })
    if (run.failure) throw new Error(`${target}: ${run.failure.message}`)
    out.push(run.report!.import_ns / 1e6)
  }
  return out
}

/** "Sequential blocks": all base runs, then all head runs; medians against a threshold. */
export async function sequentialBlocks(
  base: NaiveSide,
  head: NaiveSide,
  target: string,
  cwd: string,
  runs = 20,
  thresholdPct = 5,
) {
  await times(base, target, 1, cwd) // one warm-up each, as such scripts usually do
  const b = await times(base, target, runs, cwd)
  await times(head, target, 1, cwd)
  const h = await times(head, target, runs, cwd)
  const pct = (median(h) / median(b) - 1) * 100
  return {
    pct,
    flagged: pct > thresholdPct ? 'regression' : pct < -thresholdPct ? 'improvement' : 'pass',
  }
}

/** "Mean of 10": ten runs per side, means, a percentage threshold (the reference kit's method). */
export async function meanOfTen(
  base: NaiveSide,
  head: NaiveSide,
  target: string,
  cwd: string,
  thresholdPct = 5,
) {
  const b = await times(base, target, 10, cwd)
  const h = await times(head, target, 10, cwd)
  const pct = (mean(h) / mean(b) - 1) * 100
  return {
    pct,
    flagged: pct > thresholdPct ? 'regression' : pct < -thresholdPct ? 'improvement' : 'pass',
  }
}

// Number and chain formatting shared by the terminal and markdown reports.
import type { MetricUnit } from '../../model/metrics.js'
import type { ResultsDocument } from '../../results/schema.js'

/** 12.3 ms, 1.234 s, 850 µs: three significant figures or so. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–'
  const abs = Math.abs(value)
  if (abs >= 1000) return `${(value / 1000).toFixed(abs >= 10_000 ? 1 : 2)} s`
  if (abs >= 100) return `${value.toFixed(0)} ms`
  if (abs >= 10) return `${value.toFixed(1)} ms`
  if (abs >= 1) return `${value.toFixed(2)} ms`
  return `${(value * 1000).toFixed(0)} µs`
}

/** "a → b → c", keeping the two outermost and the three innermost links of a long chain. */
export function formatChain(chain: readonly string[], arrow = ' → '): string {
  if (chain.length <= 6) return chain.join(arrow)
  return [...chain.slice(0, 2), '…', ...chain.slice(-3)].join(arrow)
}

/** The value with its sign (a real minus, ± for zero), its size as `format` writes it. */
export function signed(value: number, format: (x: number) => string): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`
}

/** +12.3 ms, −850 µs, ±0 µs. */
export const signedMs = (value: number): string => signed(value, formatMs)

/** A count in a table cell: 1.23 G, 45.6 M, 7.89 k, 512. */
function formatCount(value: number): string {
  const abs = Math.abs(value)
  const scaled = (x: number, suffix: string) =>
    `${x.toFixed(Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 10 ? 2 : 3)} ${suffix}`
  if (abs >= 1e9) return scaled(value / 1e9, 'G')
  if (abs >= 1e6) return scaled(value / 1e6, 'M')
  if (abs >= 1e4) return scaled(value / 1e3, 'k')
  return String(Math.round(value))
}

/** 850 KiB, 12.3 MiB. */
function formatKib(value: number): string {
  const abs = Math.abs(value)
  return abs >= 1024
    ? `${(value / 1024).toFixed(abs >= 10 * 1024 ? 1 : 2)} MiB`
    : `${Math.round(value)} KiB`
}

/** A metric's value in its unit: 12.3 ms, 4.56 MiB, 512.3 M (instructions), 1234 (calls). */
export function formatValue(unit: MetricUnit, value: number): string {
  if (!Number.isFinite(value)) return '–'
  if (unit === 'ms') return formatMs(value)
  if (unit === 'KiB') return formatKib(value)
  return formatCount(value)
}

/** A change in a metric's unit, with a real minus sign: +1.2 ms, −350 KiB, +4.56 M. */
export const signedValue = (unit: MetricUnit, value: number): string =>
  signed(value, (x) => formatValue(unit, x))

/** +66, −65, 0: a change in a count, with a real minus sign. */
export function signedCount(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0'
}

/** +12.3%, −0.85%, +8524%. */
export function signedPct(value: number): string {
  return signed(value, (x) => `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}%`)
}

/** "12% slower" for ordinary changes, "85× slower" once the ratio says more than a percentage. */
export function howMuch(pct: number): string {
  const ratio = 1 + pct / 100
  if (pct >= 200) return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× slower`
  if (pct > 0) return `${pct.toFixed(pct >= 10 ? 0 : 1)}% slower`
  return `${Math.abs(pct).toFixed(Math.abs(pct) >= 10 ? 0 : 1)}% faster`
}

/**
 * How much, as a range when the decided interval is too wide for one figure
 * to stand for it: "40–77% faster" rather than "60% faster" on an interval of
 * −77% … −40% (issue 48: 10). Wide is more than ±5 percentage points, or, in
 * multiples, a top more than 10% above the bottom ("76–93× slower").
 */
export function howMuchWithin(pct: number, ci: readonly [number, number] | null): string {
  if (!ci) return howMuch(pct)
  const [lo, hi] = ci
  if (lo > 0 && lo >= 200) {
    const [a, b] = [1 + lo / 100, 1 + hi / 100]
    if (b / a <= 1.1) return howMuch(pct)
    const x = (r: number) => r.toFixed(a >= 10 ? 0 : 1)
    return `${x(a)}–${x(b)}× slower`
  }
  if (hi - lo <= 10 || (lo <= 0 && hi >= 0)) return howMuch(pct)
  const p = (v: number) => Math.abs(v).toFixed(Math.abs(v) >= 10 ? 0 : 1)
  return lo > 0 ? `${p(lo)}–${p(hi)}% slower` : `${p(hi)}–${p(lo)}% faster`
}

/** Warm-up rounds as run: "3", or "1 of 3" when the budget cut them short. */
export function warmupsRun(run: number, asked: number): string {
  return run < asked ? `${run} of ${asked}` : String(run)
}

/** "21 rounds", "1 round": a count and its noun, in the number the count asks for. */
export const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** "install 12 s, warm-ups 3.2 s, profile runs 6.5 s, sampling 103 s"; empty without phases. */
export function phasesText(p: ResultsDocument['phases_s']): string {
  if (!p) return ''
  const s = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} s`
  // Decided by the proof alone: no phase after it ran, and zeros say nothing.
  const timed = p.proof === undefined || p.warmup + p.profile + p.sampling > 0
  return [
    p.install === null ? null : `install ${s(p.install)}`,
    p.proof === undefined ? null : `proof ${s(p.proof)}`,
    timed ? `warm-ups ${s(p.warmup)}` : null,
    timed ? `profile runs ${s(p.profile)}` : null,
    timed ? `sampling ${s(p.sampling)}` : null,
    p.explain === undefined ? null : `explaining ${s(p.explain)}`,
    p.counting === undefined ? null : `counted runs ${s(p.counting)}`,
  ]
    .filter(Boolean)
    .join(', ')
}

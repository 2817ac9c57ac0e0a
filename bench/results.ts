// bench/RESULTS.md and its plot, from the outcomes of a quality run.
import { writeFileSync } from 'node:fs'
import { DEFAULTS } from '../src/config/settings.js'
import { median } from './stats.js'

export interface Outcome {
  size: number
  effect: number
  rep: number
  verdict: string
  /** Whether a fresh batch confirmed a regression the first batch flagged; null when none ran. */
  confirmation: boolean | null
  pct: number | null
  pairs: number
  durationS: number
  sampleS: number
  baseMedianMs: number | null
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
}

type Method = 'importgate' | 'sequential' | 'mean10'
const METHODS: { id: Method; label: string; color: string }[] = [
  { id: 'importgate', label: 'importgate (defaults)', color: '#d9480f' },
  { id: 'sequential', label: 'sequential blocks, 20+20 medians, 5%', color: '#1c7ed6' },
  { id: 'mean10', label: 'mean of 10 per side, 5%', color: '#868e96' },
]

const flagged = (o: Outcome, m: Method) =>
  m === 'importgate' ? o.verdict : m === 'sequential' ? o.sequential : o.mean10
const rate = (os: Outcome[], m: Method, want: (v: string) => boolean) =>
  os.filter((o) => want(flagged(o, m))).length
const pct = (k: number, n: number) => (n ? `${k}/${n} (${Math.round((100 * k) / n)}%)` : '–')

function plot(outcomes: Outcome[], sizes: number[], effects: number[]): string {
  const W = 640
  const H = 360
  const L = 60
  const B = 300
  const x = (e: number) =>
    L + (effects.indexOf(e) / Math.max(1, effects.length - 1)) * (W - L - 180)
  const y = (r: number) => B - r * (B - 30)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  ]
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`)
  for (const r of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${L}" x2="${W - 180}" y1="${y(r)}" y2="${y(r)}" stroke="#e9ecef"/>`)
    parts.push(`<text x="${L - 8}" y="${y(r) + 4}" text-anchor="end">${r * 100}%</text>`)
  }
  for (const e of effects)
    parts.push(`<text x="${x(e)}" y="${B + 18}" text-anchor="middle">+${e}%</text>`)
  parts.push(
    `<text x="${(L + W - 180) / 2}" y="${B + 40}" text-anchor="middle">injected slowdown</text>`,
  )
  parts.push(
    `<text x="16" y="${(B + 30) / 2}" transform="rotate(-90 16 ${(B + 30) / 2})" text-anchor="middle">detected as a regression</text>`,
  )
  let legend = 40
  for (const m of METHODS) {
    for (const [i, size] of sizes.entries()) {
      const points = effects.map((e) => {
        const os = outcomes.filter((o) => o.size === size && o.effect === e)
        return `${x(e)},${y(os.length ? rate(os, m.id, (v) => v === 'regression') / os.length : 0)}`
      })
      const dash = i === 0 ? '' : ' stroke-dasharray="6 4"'
      parts.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${m.color}" stroke-width="2"${dash}/>`,
      )
      parts.push(
        `<line x1="${W - 170}" x2="${W - 145}" y1="${legend}" y2="${legend}" stroke="${m.color}" stroke-width="2"${dash}/>`,
      )
      parts.push(`<text x="${W - 140}" y="${legend + 4}">${m.id} · ${size} ms</text>`)
      legend += 18
    }
  }
  parts.push('</svg>')
  return parts.join('\n')
}

export function writeResults(path: string, outcomes: Outcome[], run: RunInfo): void {
  const sizes = [...new Set(outcomes.map((o) => o.size))].sort((a, b) => a - b)
  const effects = [...new Set(outcomes.map((o) => o.effect))]
    .filter((e) => e > 0)
    .sort((a, b) => a - b)
  const lines = [
    '# importgate: measurement quality',
    '',
    `Written by \`${run.command}\` (${run.totalMin.toFixed(0)} min). Machine: ${run.cores} cores (${run.cpu}), Python ${run.python}.`,
    `importgate ran with threshold ${run.thresholdPct}% and min-delta ${run.minDeltaMs} ms, otherwise its default settings (alpha ${DEFAULTS.alpha}, ${DEFAULTS.minPairs} to ${DEFAULTS.maxPairs} pairs, ${DEFAULTS.maxTimeMs / 1000} s, a confirming batch of at least ${2 * DEFAULTS.minPairs} pairs), and \`--install none\`.`,
    `Fixtures: a package whose import does calibrated CPU work (${Math.round(run.rate)} loop iterations per ms here); head does the stated percentage more. A/A pairs differ only in a comment.`,
    'Baselines on the same fixtures, in the same run: *sequential blocks* (20 base runs, then 20 head runs, medians, flag beyond ±5%) and *mean of 10* (10 runs per side, means, ±5%), as simple cold-start scripts do.',
    '',
    '## False alarms (A/A: the same code on both sides)',
    '',
    '| import | runs | importgate | of which flagged by the first batch, then not confirmed | sequential blocks | mean of 10 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const size of sizes) {
    const os = outcomes.filter((o) => o.size === size && o.effect === 0)
    const alarms = (m: Method) =>
      pct(
        rate(os, m, (v) => v !== 'pass'),
        os.length,
      )
    lines.push(
      `| ~${size} ms | ${os.length} | ${alarms('importgate')} | ${os.filter((o) => o.confirmation === false).length} | ${alarms('sequential')} | ${alarms('mean10')} |`,
    )
  }
  lines.push(
    '',
    '## Detection (injected slowdowns)',
    '',
    '| import | slowdown | runs | importgate | time to verdict, median (slowest) | median pairs | flagged, then not confirmed | sequential blocks | mean of 10 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const size of sizes) {
    for (const e of effects) {
      const os = outcomes.filter((o) => o.size === size && o.effect === e)
      const hit = (m: Method) =>
        pct(
          rate(os, m, (v) => v === 'regression'),
          os.length,
        )
      lines.push(
        `| ~${size} ms | +${e}% | ${os.length} | ${hit('importgate')} | ${median(os.map((o) => o.durationS)).toFixed(1)} s (${Math.max(...os.map((o) => o.durationS)).toFixed(0)} s) | ${median(os.map((o) => o.pairs))} | ${os.filter((o) => o.confirmation === false).length} | ${hit('sequential')} | ${hit('mean10')} |`,
      )
    }
  }
  const all = outcomes
  lines.push(
    '',
    '![Detection rate against injected slowdown](quality.svg)',
    '',
    '## Overhead',
    '',
    `Median wall time of a compare: ${median(all.map((o) => o.durationS)).toFixed(1)} s, of which inside timed samples (spawn to exit, both sides): ${median(all.map((o) => o.sampleS)).toFixed(1)} s (median share ${Math.round(100 * median(all.map((o) => o.sampleS / o.durationS)))}%). The rest is worktrees, warm-ups and the untimed \`-X importtime\` runs.`,
    '',
  )
  writeFileSync(path, lines.join('\n'))
  writeFileSync(path.replace(/[^/]*$/, 'quality.svg'), plot(outcomes, sizes, effects))
}

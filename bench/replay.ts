// The replay bench: raw paired samples recorded once (bench/record.ts), replayed
// through the decision procedure thousands of times, in seconds. Each replay
// picks one recorded run of a scenario and draws a sequence of pairs from it
// by circular block bootstrap (segments of consecutive pairs, so that the
// machine's drift and bursts stay as they were), each pair taking the time it
// took; it stops at the procedure's decision, or at the budget.
// Effects other than those recorded are A/A runs with head scaled.
//
//   npx tsx bench/replay.ts [--in bench/replay/quiet.jsonl,...] [--replays 2000]
//   (--in may also name a bench:quality checkpoint or its RESULTS.json: their compares carry their raw pairs)
//                           [--effects 0,2,5,10] [--budget 120] [--overtime 240]
//                           [--spread 6.5]: each run's log-ratios rescaled about the recorded
//                           effect to that robust SD (%), their shape kept: the procedure at
//                           another hour's noise
//                           [--undecided warn]: a target still undecided at the end passes (with a
//                           warning) when its pass interval rules out twice the band, as the
//                           engine's `undecided = "warn"` does (analysis/verdict/end-of-budget.ts)
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { seededRandom } from '../src/analysis/stats/random.js'
import { lookAt } from '../src/analysis/stats/sequential.js'
import { endOfBudget } from '../src/analysis/verdict/end-of-budget.js'
import { looksAt } from '../src/measure/rounds.js'
import { median, quantile } from '../src/analysis/stats/summary.js'
import { pairSpread, rateInterval } from './stats.js'

const { values } = parseArgs({
  options: {
    in: { type: 'string', default: 'bench/replay/quiet.jsonl,bench/replay/loaded.jsonl' },
    replays: { type: 'string', default: '2000' },
    effects: { type: 'string', default: '0,2,5,10' },
    budget: { type: 'string', default: '120' },
    overtime: { type: 'string', default: '240' },
    threshold: { type: 'string', default: '3' },
    'min-delta': { type: 'string', default: '0.5' },
    alpha: { type: 'string', default: '0.01' },
    'min-pairs': { type: 'string', default: '10' },
    segment: { type: 'string', default: '20' },
    spread: { type: 'string' },
    undecided: { type: 'string', default: 'fail' },
  },
})
if (!['fail', 'warn'].includes(values.undecided!))
  throw new Error(`--undecided: ${values.undecided} is not one of fail, warn`)

interface Recorded {
  size: number
  effect: number
  mode: string
  load: string
  base: number[]
  head: number[]
  pairMs: number[]
}
const records: Recorded[] = values
  .in!.split(',')
  .flatMap((file) => {
    const text = readFileSync(file, 'utf8').trim()
    // A finished bench:quality run's results (RESULTS.json): its outcomes, one a line.
    if (file.endsWith('.json'))
      return (JSON.parse(text) as { outcomes: unknown[] }).outcomes.map((o) => JSON.stringify(o))
    return text.split('\n')
  })
  .filter(Boolean)
  .flatMap((line) => {
    const parsed = JSON.parse(line) as Recorded & {
      pairs_ms?: { base: number[]; head: number[]; pairMs: number[] }
    }
    // bench:quality's checkpoint lines carry their raw pairs too (its header line does not).
    if (parsed.pairs_ms)
      return [{ ...parsed, mode: 'sequential', load: parsed.load ?? 'none', ...parsed.pairs_ms }]
    return parsed.base ? [parsed] : []
  })
  .map((run) => (values.spread ? atSpread(run, Number(values.spread) / 100) : run))

/**
 * The run as it would have read at another robust spread: each pair's
 * log-ratio moved towards or away from the recorded effect (none for an A/A)
 * by one factor, so the tails' shape and the order stay, and the run's
 * realised difference from its effect, noise too, scales with the rest.
 */
function atSpread(run: Recorded, spread: number): Recorded {
  const logs = run.base.map((b, i) => Math.log(run.head[i]! / b))
  const centre = Math.log(1 + run.effect / 100)
  const factor = spread / (pairSpread(run) || spread)
  const head = run.base.map((b, i) => b * Math.exp(centre + (logs[i]! - centre) * factor))
  return { ...run, head }
}
const gate = {
  thresholdPct: Number(values.threshold),
  minDeltaMs: Number(values['min-delta']),
  alpha: Number(values.alpha),
}
const minPairs = Number(values['min-pairs'])
const budgetMs = Number(values.budget) * 1000
const endMs = budgetMs + Number(values.overtime) * 1000
const segment = Number(values.segment)
const random = seededRandom(28)

/** One replay: the verdict, the pairs and the sampling time it took. Looks when the engine would. */
function replay(run: Recorded, scale: number, baseMedianMs: number) {
  const n = run.base.length
  const logs: number[] = []
  let ms = 0
  let start = 0
  for (let i = 0; ; i++) {
    if (i % segment === 0) start = Math.floor(random() * n)
    const j = (start + (i % segment)) % n
    logs.push(Math.log((run.head[j]! * scale) / run.base[j]!))
    ms += run.pairMs[j]!
    const pairs = logs.length
    if (ms > endMs) return { verdict: atTheEnd(logs, baseMedianMs), pairs, ms }
    if (pairs < minPairs || !looksAt(pairs)) continue
    const look = lookAt(logs, gate, baseMedianMs)
    if (look.decision !== 'continue') return { verdict: look.decision, pairs, ms }
  }
}

/** What a target still undecided when the budget and its overtime end is given. */
function atTheEnd(logs: readonly number[], baseMedianMs: number): string {
  if (values.undecided !== 'warn') return 'inconclusive'
  const look = lookAt(logs, gate, baseMedianMs)
  return endOfBudget(look, gate, baseMedianMs) ? 'warned' : 'inconclusive'
}

const pct = (k: number, n: number) => {
  const [lo, hi] = n <= 200 ? rateInterval(k, n) : wilson(k, n)
  return `${k}/${n} (${((100 * k) / n).toFixed(1)}%; ${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)}%)`
}
/** Wilson's interval (95%), for counts too large for the exact one's sums. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n)
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}
const scenarios = [...new Set(records.map((r) => `${r.size}|${r.mode}|${r.load}`))].sort()
console.log(
  `| import | mode | load | effect | replays | regression | improvement | pass | passed at the end, warned | inconclusive | pairs, median | time to verdict, median (p90, slowest) |`,
)
console.log(`| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`)
for (const scenario of scenarios) {
  const [size, mode, load] = scenario.split('|')
  const runs = records.filter((r) => `${r.size}|${r.mode}|${r.load}` === scenario)
  for (const effect of values.effects!.split(',').map(Number)) {
    // A recorded effect is replayed as it was; others are an A/A run with head scaled.
    const recorded = runs.filter((r) => r.effect === effect)
    const source = recorded.length ? recorded : runs.filter((r) => r.effect === 0)
    if (!source.length) continue
    const scale = recorded.length ? 1 : 1 + effect / 100
    const count = { regression: 0, improvement: 0, pass: 0, warned: 0, inconclusive: 0 }
    const times: number[] = []
    const pairs: number[] = []
    const replays = Number(values.replays)
    for (let i = 0; i < replays; i++) {
      const run = source[Math.floor(random() * source.length)]!
      const outcome = replay(run, scale, median(run.base))
      count[outcome.verdict as keyof typeof count]++
      times.push(outcome.ms / 1000)
      pairs.push(outcome.pairs)
    }
    console.log(
      `| ${size} ms | ${mode} | ${load} | ${effect ? `+${effect}%` : 'A/A'}${recorded.length ? '' : ' (scaled)'} | ${replays} | ${pct(count.regression, replays)} | ${pct(count.improvement, replays)} | ${pct(count.pass, replays)} | ${pct(count.warned, replays)} | ${pct(count.inconclusive, replays)} | ${median(pairs)} | ${median(times).toFixed(1)} s (${quantile(times, 0.9).toFixed(1)}, ${Math.max(...times).toFixed(1)}) |`,
    )
  }
}

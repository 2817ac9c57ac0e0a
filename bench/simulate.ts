// Error rates of the sequential procedure by simulation, in seconds: A/A, half
// the band and the band, under the engine's look schedule, with pairs drawn
// from a narrow noise and from the two-speed noise of a shared runner (each
// run lands on a fast or a slow CPU, 1.7x apart).
//   npx tsx bench/simulate.ts [--runs 4000]
import { parseArgs } from 'node:util'
import { seededRandom } from '../src/analysis/stats/random.js'
import { lookAt } from '../src/analysis/stats/sequential.js'
import { looksAt } from '../src/measure/rounds.js'
import { median } from '../src/analysis/stats/summary.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '4000' } } })
const gate = { thresholdPct: 3, minDeltaMs: 0.5, alpha: 0.01 }
const runs = Number(values.runs)
const random = seededRandom(5)
const noises = {
  'uniform ±10%': () => 1 + (random() - 0.5) * 0.2,
  'two speeds': () => (random() < 0.5 ? 1.7 : 1) * (1 + (random() - 0.5) * 0.04),
}
console.log(
  '| noise | change | regression | improvement | pass | undecided at 2000 | pairs, median |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, noise] of Object.entries(noises)) {
  for (const effect of [0, 0.015, 0.03, 0.05]) {
    const count = { regression: 0, improvement: 0, pass: 0, continue: 0 }
    const pairs: number[] = []
    for (let r = 0; r < runs; r++) {
      const logs: number[] = []
      let decision: keyof typeof count = 'continue'
      for (let i = 1; i <= 2000; i++) {
        logs.push(Math.log(((1 + effect) * noise()) / noise()))
        if (i < 10 || !looksAt(i)) continue
        decision = lookAt(logs, gate, 100).decision
        if (decision !== 'continue') break
      }
      count[decision]++
      pairs.push(logs.length)
    }
    const share = (k: number) => `${((100 * k) / runs).toFixed(2)}%`
    console.log(
      `| ${name} | +${(effect * 100).toFixed(1)}% | ${share(count.regression)} | ${share(count.improvement)} | ${share(count.pass)} | ${share(count.continue)} | ${median(pairs)} |`,
    )
  }
}

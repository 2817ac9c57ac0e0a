// Error rates of the sequential procedure under i.i.d. noise, by simulation: A/A, half the band
// and the band, for fast (blocks of 8) and slow (blocks of 1) imports. Seconds, not hours.
//   npx tsx bench/simulate.ts
import { seededRandom } from '../src/analysis/random.js'
import { decide } from '../src/analysis/sequential.js'
import { median } from '../src/analysis/summary.js'
const gate = { thresholdPct: 3, minDeltaMs: 0.5, alpha: 0.01 }
for (const [B, noise, effect] of [
  [8, 0.2, 0],
  [8, 0.2, 0.015],
  [8, 0.2, 0.03],
  [1, 0.03, 0],
  [1, 0.03, 0.015],
  [1, 0.03, 0.03],
  [4, 0.1, 0],
] as const) {
  const random = seededRandom(5)
  const count: Record<string, number> = {}
  const firstLook: Record<string, number> = {}
  const runs = 4000
  for (let r = 0; r < runs; r++) {
    let k = 0,
      sum = 0,
      sq = 0,
      block: number[] = []
    let decision = 'inconclusive'
    for (let i = 0; i < 2000; i++) {
      const b = 100 * (1 + (random() - 0.5) * 2 * noise)
      const h = 100 * (1 + effect) * (1 + (random() - 0.5) * 2 * noise)
      block.push(Math.log(h / b))
      if (block.length < B) continue
      const m = median(block)
      block = []
      k++
      sum += m
      sq += m * m
      const mean = sum / k
      const sd = Math.sqrt(Math.max(0, (sq - k * mean * mean) / Math.max(1, k - 1)))
      const look = decide({ blocks: k, mean, sd }, B, gate, 100)
      if (look.decision !== 'continue') {
        decision = look.decision
        if (k === 8) firstLook[decision] = (firstLook[decision] ?? 0) + 1
        break
      }
    }
    count[decision] = (count[decision] ?? 0) + 1
  }
  console.log(
    `B=${B} noise ±${noise * 100}% effect ${effect * 100}%`,
    JSON.stringify(count),
    'at first look:',
    JSON.stringify(firstLook),
  )
}

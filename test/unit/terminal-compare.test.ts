import { describe, expect, it } from 'vitest'
import type { ResultsDocument, TargetResult } from '../../src/results/schema.js'
import { signedMs, signedPct } from '../../src/report/view/format.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import { COLOR, PLAIN } from '../../src/report/terminal/style.js'

const side = (median: number) => ({ median_ms: median }) as TargetResult['base']

const doc = {
  python: '3.13.0 (main)',
  platform: 'linux x86_64',
  base: { ref: 'main', sha: 'a'.repeat(40) },
  head: { ref: 'HEAD', sha: 'b'.repeat(40) },
  settings: { warmups: 3, alpha: 0.01, threshold_pct: 5, min_delta_ms: 1 },
  deps: {
    base_strategy: 'pip',
    head_strategy: 'pip',
    changed: [{ name: 'six', base: null, head: '1.17.0' }],
  },
  rounds: 20,
  truncated: false,
  duration_s: 11.3,
  targets: [
    {
      name: 'shop',
      verdict: 'regression',
      base: side(0.78),
      head: side(60.3),
      delta: {
        ms: 63,
        pct: 8524,
        ci_pct: [7473, 9232],
        ci_level: 0.98,
        p: 1e-12,
        p_slower: 1e-12,
        p_faster: 1,
        pairs: 40,
        decision: 'regression',
      },
      modules: {
        added: [
          {
            name: 'asyncio',
            chain: ['shop', 'shop.export', 'asyncio'],
            self_ms: 1,
            cumulative_ms: 62.7,
          },
          {
            name: 'asyncio.events',
            chain: ['shop', 'shop.export', 'asyncio', 'asyncio.events'],
            self_ms: 3,
            cumulative_ms: 3,
          },
          { name: 'importlib._bootstrap', chain: [], self_ms: 0, cumulative_ms: 0 },
        ],
        removed: [],
        self_time_changes: [
          { name: 'asyncio.events', base_self_ms: null, head_self_ms: 3, delta_ms: 3 },
        ],
      },
      forbidden: [],
      error: null,
    },
  ],
} as unknown as ResultsDocument

describe('compareReport', () => {
  const text = compareReport(doc, PLAIN)

  it('leads with the same headline as the markdown report, cause included', () => {
    expect(text.split('\n')[1]).toBe(
      '❌ shop imports 76–93× slower (+63.0 ms): shop.export now imports asyncio (+62.7 ms)',
    )
  })

  it('shows the delta table with the verdict', () => {
    expect(text).toMatch(
      /shop\s+780 µs\s+60\.3 ms\s+\+63\.0 ms\s+\+8524%\s+\+7473% … \+9232% \(98%\)\s+regression/,
    )
  })

  it('groups modules now eager under the one that pulled them in', () => {
    expect(text).toMatch(
      /\+ asyncio\s+\+62\.7 ms\s+shop → shop\.export → asyncio\s+\(\+1 module it imports\)/,
    )
    expect(text).not.toMatch(/\+ asyncio\.events/)
    expect(text).toMatch(
      /\(and 1 more module name came with these: aliases that the modules above register themselves, with no import or time of their own\)/,
    )
  })

  it('shows where the time went and dependency drift', () => {
    expect(text).toMatch(/Where the time went.*\n\s+shop: asyncio\.events \+3\.00 ms/)
    expect(text).toMatch(/Dependencies: \+ six 1\.17\.0/)
  })

  it('colours worse red only when asked to', () => {
    expect(text).not.toContain('\u001b[')
    expect(compareReport(doc, COLOR)).toContain('\u001b[31m+63.0 ms\u001b[39m')
  })

  it('signs figures for people', () => {
    expect(signedMs(-38)).toBe('−38.0 ms')
    expect(signedPct(0)).toBe('±0.00%')
    expect(signedPct(12.345)).toBe('+12.3%')
  })
})

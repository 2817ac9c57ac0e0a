// Small things a reviewer reads: signs, chains of removed modules, SHAs, and
// why Δ and the medians can disagree.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diffDistributions } from '../../src/analysis/attribution/deps-diff.js'
import { signedCount } from '../../src/report/view/format.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import type { CompareResults } from '../../src/results/schema.js'

const fixture = () =>
  JSON.parse(
    readFileSync(new URL('../fixtures/reports/compare.json', import.meta.url), 'utf8'),
  ) as CompareResults

describe('report details', () => {
  it('signs counts with a real minus sign', () => {
    expect([signedCount(66), signedCount(-65), signedCount(0)]).toEqual(['+66', '−65', '0'])
  })

  it("leaves the project's own version bump out of the dependency changes", () => {
    const base = { 'my-app': '0.1.0', rich: '13.0' }
    const head = { My_App: '0.2.0', rich: '14.0' }
    expect(diffDistributions(base, head, ['my.app'])).toEqual([
      { name: 'rich', base: '13.0', head: '14.0' },
    ])
  })

  it('gives a module no longer imported the chain base imported it through', () => {
    const doc = fixture()
    const t = doc.targets[0]!
    t.modules!.removed = [
      { name: 'paramiko', chain: ['shop', 'shop.ssh', 'paramiko'], self_ms: 1, cumulative_ms: 38 },
    ]
    expect(markdownReport(doc)).toContain(
      '- `paramiko` is no longer imported by `shop` (−38.0 ms); base imported it via `shop` → `shop.ssh` → `paramiko`',
    )
  })

  it('shows a SHA once when the ref is the SHA, and says why Δ and the medians disagree', () => {
    const doc = fixture()
    const sha = 'a'.repeat(40)
    doc.base = { ref: sha, sha }
    const t = doc.targets[0]!
    t.base!.median_ms = 10
    t.head!.median_ms = 9.8
    t.delta = { ...t.delta!, ms: 0.1, pct: 1 }
    const md = markdownReport(doc)
    expect(md).toContain(`- Base \`${sha.slice(0, 12)}\`, head`)
    expect(md).toMatch(
      /the median of the paired differences \(Hodges-Lehmann\), not the difference of the medians; for `shop`/,
    )
    expect(compareReport(doc, PLAIN)).toContain(`base ${sha.slice(0, 10)} → head`)
  })
})

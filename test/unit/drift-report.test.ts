// The drift check's section in the markdown and terminal reports (pure).
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import type { CompareResults } from '../../src/results/schema.js'

const doc = JSON.parse(
  readFileSync(new URL('../fixtures/reports/improvement.json', import.meta.url), 'utf8'),
) as CompareResults
const commit = (n: number, pr: number) => ({
  sha: `${n}`.repeat(40),
  subject: `change ${pr} (#${pr})`,
  pr,
})
const drifted: CompareResults = {
  ...doc,
  drift: {
    since: { ref: 'v1.0', sha: 'a'.repeat(40), how: 'latest-tag' },
    commits: 9,
    merged: [{ ...commit(1, 7), date: '2026-01-01T00:00:00Z', files: ['pkg/a.py'], more_files: 2 }],
    bisect: {
      direction: 'improvement',
      steps: [
        { ...commit(1, 7), verdict: 'inconclusive', delta_pct: -0.4 },
        { ...commit(2, 8), verdict: 'improvement', delta_pct: -19.85 },
      ],
      first_bad: commit(2, 8),
      note: 'a step was inconclusive and counted as before the change: the change may lie earlier',
    },
    duration_s: 1400,
  },
}

it('says the reference, the bisection step by step, and the commits that changed what the import runs', () => {
  const md = markdownReport(drifted)
  expect(md).toContain(
    '**Since `v1.0`** (the latest release tag): 9 first-parent commits, 1 of them changed a file that can affect importing; the drift check took 23 min 20 s.',
  )
  expect(md).toContain(
    '**Bisected** in 2 paired compares with `v1.0`: the improvement first shows at `222222222222` #8 change 8. A step was inconclusive',
  )
  expect(md).toContain('| 1 | `111111111111` #7 change 7 | inconclusive | −0.4% |')
  expect(md).toContain('| 2 | `222222222222` #8 change 8 | improvement | −19.9% |')
  expect(md).toContain('- `111111111111` #7 change 7: `pkg/a.py` and 2 more')
  const text = compareReport(drifted, PLAIN)
  expect(text).toContain('  bisect 2: 222222222222 #8 change 8: improvement (−19.9%)')
  expect(text).toContain('  the improvement first shows at 222222222222 #8 change 8')
  // A compare has none of it.
  expect(markdownReport(doc)).not.toContain('Since `')
})

it('marks the files the traced import runs or loads, and says where to look', () => {
  const traced: CompareResults = {
    ...drifted,
    drift: {
      ...drifted.drift!,
      merged: [
        {
          ...commit(1, 7),
          date: '2026-01-01T00:00:00Z',
          files: ['pkg/a.py', 'pkg/b.py', 'docs/conf.py'],
          more_files: 0,
          imported: [
            { file: 'pkg/a.py', ran: true },
            { file: 'pkg/b.py', ran: false },
          ],
        },
        {
          ...commit(3, 9),
          date: '2026-01-02T00:00:00Z',
          files: ['tools/x.py'],
          more_files: 0,
          imported: [],
        },
      ],
    },
  }
  const md = markdownReport(traced)
  expect(md).toContain(
    '**Where to look**: files whose changed lines run at import (traced) were changed by `111111111111` #7 change 7.',
  )
  expect(md).toContain(
    '- `111111111111` #7 change 7: `pkg/a.py` (**runs at import**), `pkg/b.py` (**loaded at import**), `docs/conf.py`',
  )
  const text = compareReport(traced, PLAIN)
  expect(text).toContain(
    'where to look: files whose changed lines run at import were changed by 111111111111 #7',
  )
  expect(text).toContain('pkg/a.py (runs at import), pkg/b.py (loaded at import), docs/conf.py')
  // Past five, a count: the marks below say which.
  const many: CompareResults = {
    ...traced,
    drift: {
      ...traced.drift!,
      bisect: undefined,
      merged: Array.from({ length: 6 }, (_, i) => ({
        ...commit(i + 1, 10 + i),
        date: '2026-01-01T00:00:00Z',
        files: ['pkg/a.py'],
        more_files: 0,
        imported: [{ file: 'pkg/a.py', ran: true }],
      })),
    },
  }
  expect(markdownReport(many)).toContain(
    '**Where to look**: 6 of these commits changed files whose changed lines run at import (traced, file by file over the whole change), marked below; bisecting narrows a change to one.',
  )
  // Blamed: the lines this commit wrote, or that it removed.
  const blamed: CompareResults = {
    ...traced,
    drift: {
      ...traced.drift!,
      merged: [
        {
          ...commit(1, 7),
          date: '2026-01-01T00:00:00Z',
          files: ['pkg/a.py', 'pkg/b.py'],
          more_files: 0,
          imported: [
            { file: 'pkg/a.py', ran: true, lines: [3, 4, 9, 12] },
            { file: 'pkg/b.py', ran: true, removed: [17] },
          ],
        },
      ],
    },
  }
  const byLine = markdownReport(blamed)
  expect(byLine).toContain(
    '**Where to look**: lines that run at import (traced) were written or removed by `111111111111` #7 change 7.',
  )
  expect(byLine).toContain(
    '`pkg/a.py` (**runs at import: lines 3, 4, 9 and 1 more**), `pkg/b.py` (**removed lines that ran at import**)',
  )
  // Untraced (proof = false): nothing is claimed.
  expect(markdownReport(drifted)).not.toContain('Where to look')
})

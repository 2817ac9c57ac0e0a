// Several jobs of one comparison as one report, and the files merge refuses.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { jobsOf } from '../../src/results/merge.js'
import { fittedBody, marker } from '../../src/github/sticky-comment.js'
import { MARKDOWN_LIMIT } from '../../src/report/markdown/markdown.js'
import { mergedMarkdown, mergedView } from '../../src/report/markdown/merged.js'
import { buildView } from '../../src/report/view/view.js'
import type { CompareResults } from '../../src/results/schema.js'

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'),
  ) as CompareResults

/** The same comparison as another job saw it: another Python, a pass. */
function passingJob(label: string): CompareResults {
  const doc = fixture('regression-two-targets.json')
  doc.python = '3.8.20 (default) [GCC 12.2.0]'
  doc.verdict = 'pass'
  for (const t of doc.targets) {
    t.verdict = 'pass'
    t.delta = { ...t.delta!, ms: 0.2, pct: 1.1 }
    t.metrics![0]!.delta = t.delta
    t.modules = { added: [], removed: [], self_time_changes: [] }
  }
  return { ...doc, label }
}

describe('importgate merge', () => {
  const regression = { source: 'py311.json', doc: fixture('regression-two-targets.json') }
  const older = { source: 'py38.json', doc: passingJob('py3.8') }

  it('leads with the most serious job and has a row per target and job', () => {
    const md = mergedMarkdown(mergedView(jobsOf([older, regression])))
    expect(md.split('\n')[0]).toBe(
      '### ❌ `myapp` imports 5.2–5.8× slower (+48.6 ms) (and 1 more): `myapp.output` now imports `rich.console` and 1 more rich module (+45.2 ms) (Python 3.11.7 · linux x86\\_64)',
    )
    const top = md.slice(0, md.indexOf('<details>'))
    const rows = top.split('\n').filter((l) => /^\| `myapp/.test(l))
    expect(
      rows.map((r) =>
        r
          .split('|')
          .slice(1, 3)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['`myapp`', 'py3.8'],
      ['`myapp`', 'Python 3.11.7 · linux x86\\_64'],
      ['`myapp.cli`', 'py3.8'],
      ['`myapp.cli`', 'Python 3.11.7 · linux x86\\_64'],
    ])
    // Each job's explanations under its name, collapsed.
    expect(md).toContain(
      '<details><summary>py3.8: ✅ No import-time regressions in 2 targets</summary>',
    )
    expect(md).toMatch(
      /<details><summary>Python 3\.11\.7 · linux x86_64: ❌ <code>myapp<\/code> imports/,
    )
  })

  it("escapes each job's headline as HTML inside <summary>, where code spans do not apply (issue 47: H2)", () => {
    const hostile = structuredClone(regression.doc)
    const evil = 'rich.console\n\n@octocat <img src=https://evil.example/p.png></details>'
    const json = JSON.stringify(hostile).split('"rich.console"').join(JSON.stringify(evil))
    const doc = {
      ...(JSON.parse(json) as CompareResults),
      label: 'py\n\n@team </summary><img onerror=x>',
    }
    const md = mergedMarkdown(mergedView(jobsOf([older, { source: 'evil.json', doc }])))
    const summaries = md.split('\n').filter((l) => l.startsWith('<details><summary>'))
    const evilSummary = summaries.find((l) => l.includes('&#64;team'))!
    expect(evilSummary).toMatch(/<\/summary>$/)
    expect(evilSummary).not.toMatch(/<img|@octocat|@team|<\/details>.*<\/summary>$/)
    expect(evilSummary).toContain('&lt;img src=https://evil.example/p.png&gt;&lt;/details&gt;')
    // Outside the summary, in markdown, the name stays inside one code span.
    expect(md).toContain('`rich.console\\n\\n@octocat')
  })

  it('fits 50 jobs in one comment: every row in the table, the details that fit, and what was left out (issue 29: 9)', () => {
    const jobs = Array.from({ length: 50 }, (_, i) =>
      i === 7
        ? {
            source: 'py311.json',
            doc: { ...fixture('regression-two-targets.json'), label: 'job 7' },
          }
        : { source: `job${i}.json`, doc: passingJob(`job ${i}`) },
    )
    const md = mergedMarkdown(mergedView(jobsOf(jobs)))
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT)
    expect(md.split('\n')[0]).toMatch(/^### ❌ `myapp` imports/)
    const top = md.slice(0, md.indexOf('<details>'))
    expect(top.split('\n').filter((l) => /^\| `myapp/.test(l))).toHaveLength(100)
    const shown = md.match(/<details><summary>job \d+/g)!.length
    expect(shown).toBeGreaterThan(5)
    expect(shown).toBeLessThan(50)
    expect(md).toContain(`The details of ${50 - shown} more jobs do not fit in one comment`)
  })

  it('posts the headline and where the report is when even the table is too long for a comment', () => {
    const mark = marker('ci/imports')
    const report = `### ❌ big\n\n${'| row |\n'.repeat(20_000)}`
    const body = fittedBody(mark, report, '### ❌ big', 'of [this run](https://x/runs/1)')
    expect(body).toBe(
      '### ❌ big\n\nThe full report is 160,011 characters, more than GitHub takes in a comment (65,536): it is in the job summary of [this run](https://x/runs/1).\n',
    )
    expect(fittedBody(mark, 'short', '### h', 'x')).toBe('short')
  })

  it("treats a fork's labels and names as text: no markup, no mentions, no escapes", () => {
    const hostile = passingJob('<img src=x onerror=alert(1)> @octo/owners \u001b[31m')
    const md = mergedMarkdown(mergedView(jobsOf([{ source: 'fork.json', doc: hostile }])))
    expect(md).not.toContain('<img')
    expect(md).not.toContain('@octo')
    expect(md).not.toContain('\u001b')
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; &#64;octo/owners')
  })

  it('follows the rows, not a top-level verdict that contradicts them (issue 47, a low)', () => {
    const forged = { ...regression.doc, verdict: 'pass' as const }
    const view = mergedView(jobsOf([older, { source: 'forged.json', doc: forged }]))
    expect(view.verdict).toBe('regression')
    expect(buildView(forged).verdict).toBe('regression')
  })

  it('refuses results of other commits, another command, or two jobs of one name', () => {
    const other = { source: 'other.json', doc: fixture('improvement.json') }
    expect(() => jobsOf([regression, other])).toThrow(
      /^other\.json: base\.sha is f316453a96fb65fcec78577f915fd78f3c5daee0, but py311\.json has \w+: results of different commits cannot be merged/,
    )
    const measured = { source: 'm.json', doc: { ...fixture('aa-pass.json'), command: 'measure' } }
    expect(() => jobsOf([measured as never])).toThrow(
      /^m\.json: command is "measure"; merge takes the results of compare runs/,
    )
    // Shards of two pull requests (issue 47, a low): refused, naming both.
    const pull = (doc: CompareResults, n: number, label: string) => ({
      ...doc,
      pull_request: n,
      label,
    })
    expect(() =>
      jobsOf([
        { source: 'a.json', doc: pull(regression.doc, 7, 'a') },
        { source: 'b.json', doc: pull(regression.doc, 8, 'b') },
      ]),
    ).toThrow(
      /^b\.json: pull_request is 8, but a\.json has 7: results of different pull requests cannot be merged/,
    )
    expect(() => jobsOf([regression, { ...regression, source: 'again.json' }])).toThrow(
      /again\.json and py311\.json are both "Python 3\.11\.7 · linux x86_64": give each job its own --label/,
    )
  })
})

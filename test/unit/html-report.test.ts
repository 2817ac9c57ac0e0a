// The HTML report: base and head trees merged into one, and a page that
// carries the measured code's names as data, never as markup.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { htmlReport } from '../../src/report/html/html.js'
import { mergeTrees } from '../../src/report/html/html-tree.js'
import type { CompareResults, ImportTreeJson } from '../../src/results/schema.js'

const node = (name: string, c: number, children: ImportTreeJson[] = []): ImportTreeJson => ({
  name,
  self_ms: c - children.reduce((sum, k) => sum + k.cumulative_ms, 0),
  cumulative_ms: c,
  children,
})

const BASE = node('myapp', 10, [node('myapp.output', 4, [node('json', 2)]), node('inspect', 5)])
const HEAD = node('myapp', 55, [
  node('myapp.output', 50, [node('json', 2), node('rich.console', 45, [node('rich', 20)])]),
])

describe('the merged import tree', () => {
  it('keeps one node per module and parent, with the times of each side that loads it', () => {
    const tree = mergeTrees(BASE, HEAD)
    expect(tree).toMatchObject({ n: 'myapp', b: { c: 10 }, h: { c: 55 } })
    // The larger side orders the children: myapp.output (50) before inspect (5, base only).
    expect(tree.k.map((k) => [k.n, k.b?.c ?? null, k.h?.c ?? null])).toEqual([
      ['myapp.output', 4, 50],
      ['inspect', 5, null],
    ])
    expect(tree.k[0]!.k.map((k) => k.n)).toEqual(['rich.console', 'json'])
    expect(tree.k[0]!.k[0]!).toMatchObject({ b: null, h: { c: 45 }, k: [{ n: 'rich', b: null }] })
  })
})

describe('a module that moved to another importer (issue 27)', () => {
  it('is marked moved under each parent, neither now imported nor no longer imported', () => {
    // Base imports json from myapp.output; head from myapp itself.
    const base = node('myapp', 10, [node('myapp.output', 4, [node('json', 2)])])
    const head = node('myapp', 10, [node('json', 2), node('myapp.output', 2)])
    const tree = mergeTrees(base, head)
    const json = tree.k.find((k) => k.n === 'json')!
    expect(json).toMatchObject({ b: null, h: { c: 2 }, m: true })
    const under = tree.k.find((k) => k.n === 'myapp.output')!.k[0]!
    expect(under).toMatchObject({ n: 'json', b: { c: 2 }, h: null, m: true })
    // A module new on a side is not moved.
    expect(mergeTrees(BASE, HEAD).k[0]!.k[0]!.m).toBeUndefined()
  })
})

describe('the HTML page', () => {
  const doc = JSON.parse(
    readFileSync(
      new URL('../fixtures/reports/regression-two-targets.json', import.meta.url),
      'utf8',
    ),
  ) as CompareResults
  doc.targets[0]!.base!.profile.tree = BASE
  doc.targets[0]!.head!.profile.tree = HEAD

  it('embeds each target with a tree, and is self-contained', () => {
    const html = htmlReport(doc)
    expect(html).toMatch(/^<!doctype html>/)
    const data = JSON.parse(
      html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]!,
    )
    expect(data.targets.map((t: { name: string }) => t.name)).toEqual(['myapp'])
    expect(html).not.toMatch(/(src|href)="https?:/)
    expect(html).toContain('<h1>❌ myapp imports 5.2–5.8× slower (+48.6 ms) (and 1 more)')
  })

  it('carries a hostile module name as data, never as markup', () => {
    const hostile = '</script><script>alert(1)</script><!--'
    const evil = structuredClone(doc)
    evil.targets[0]!.head!.profile.tree = node('myapp', 55, [node(hostile, 50)])
    evil.targets[0]!.name = `<img src=x onerror=alert(1)>`
    const html = htmlReport(evil)
    expect(html).not.toContain(hostile)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

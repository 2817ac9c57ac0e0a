import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  importChain,
  MAX_IMPORT_DEPTH,
  parseImportTime,
  parseImportTimeLine,
  type ImportNode,
} from '../../src/analysis/attribution/importtime.js'
import { BEGIN_MARK, END_MARK } from '../../src/measure/probe-protocol.js'
import { moduleCosts } from '../../src/analysis/attribution/module-costs.js'

// Real stderr captured from the probe (profile mode) and from plain
// `python -X importtime -c 'import fixpkg'` on this machine's 3.8 and 3.13.
// fixpkg/__init__ imports fixpkg.util, which imports json and
// fixpkg.lazy_helpers, which imports decimal; the package also writes to
// stderr, including invalid UTF-8 and a line without a newline.
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/importtime/${name}`, import.meta.url)).toString('utf8')
const markers = { begin: BEGIN_MARK, end: END_MARK }

function* walk(nodes: ImportNode[]): Generator<ImportNode> {
  for (const node of nodes) {
    yield node
    yield* walk(node.children)
  }
}

describe.each(['py38', 'py313'])('-X importtime output of %s', (version) => {
  const probe = parseImportTime(fixture(`${version}-probe-profile.txt`), { markers })
  const plain = parseImportTime(fixture(`${version}-plain.txt`))

  it('builds the tree of the target import between the probe markers', () => {
    expect(probe.roots.map((n) => n.name)).toEqual(['fixpkg'])
    const root = probe.roots[0]!
    expect(root.depth).toBe(0)
    expect(root.children.map((n) => n.name)).toEqual(['fixpkg.util'])
    const util = root.children[0]!
    expect(util.children.map((n) => n.name)).toEqual(
      expect.arrayContaining(['json', 'fixpkg.lazy_helpers']),
    )
    // Start-up imports happened before the begin marker: not part of the target.
    expect(probe.loaded.has('encodings')).toBe(false)
    expect(probe.loaded.has('site')).toBe(false)
  })

  it('gives every module the chain of imports that first loaded it', () => {
    expect(importChain(probe, 'decimal')).toEqual([
      'fixpkg',
      'fixpkg.util',
      'fixpkg.lazy_helpers',
      'decimal',
    ])
    expect(importChain(probe, 'json')).toEqual(['fixpkg', 'fixpkg.util', 'json'])
    expect(importChain(probe, 'fixpkg')).toEqual(['fixpkg'])
    expect(importChain(probe, 'not.loaded')).toBeNull()
  })

  it('keeps self and cumulative times consistent', () => {
    for (const node of walk(probe.roots)) {
      expect(node.selfUs).toBeLessThanOrEqual(node.cumulativeUs)
      const children = node.children.reduce((sum, c) => sum + c.cumulativeUs, 0)
      // CPython rounds each figure up to the microsecond, so allow one per term.
      expect(Math.abs(node.cumulativeUs - node.selfUs - children)).toBeLessThanOrEqual(
        node.children.length + 1,
      )
    }
  })

  it('parses whole start-up logs without markers', () => {
    expect(plain.loaded.has('encodings')).toBe(true)
    expect(importChain(plain, 'decimal')).toEqual([
      'fixpkg',
      'fixpkg.util',
      'fixpkg.lazy_helpers',
      'decimal',
    ])
    const lines = fixture(`${version}-plain.txt`)
      .split('\n')
      .filter((l) => l.includes('import time:'))
    // Every line but the header is one node.
    expect([...walk(plain.roots)].length).toBe(lines.length - 1)
  })
})

describe('parseImportTimeLine', () => {
  it('finds a record after stray bytes the measured code left on the line', () => {
    // From the 3.13 capture: an os.write without a newline, then the record.
    const text = fixture('py313-probe-profile.txt')
    const glued = text.split('\n').find((l) => l.startsWith('partial line'))!
    expect(parseImportTimeLine(glued)).toMatchObject({ name: 'types', depth: 6, cached: false })
  })

  it('reads 3.14 `-X importtime=2` cached lines', () => {
    expect(parseImportTimeLine('import time:    cached |     cached |   os')).toEqual({
      name: 'os',
      selfUs: 0,
      cumulativeUs: 0,
      depth: 1,
      cached: true,
    })
  })

  it('ignores the header and anything that is not a record', () => {
    for (const line of [
      'import time: self [us] | cumulative | imported package',
      'Traceback (most recent call last):',
      'import time: lots | of | nonsense',
      '',
      '\uFFFD\uFFFD garbage',
    ]) {
      expect(parseImportTimeLine(line)).toBeNull()
    }
  })
})

describe('parseImportTime', () => {
  it('does not let cached lines (3.14) replace the real load of a module', () => {
    const log = [
      'import time: self [us] | cumulative | imported package',
      'import time:       100 |        100 |     b',
      'import time:        50 |        150 |   a',
      'import time:    cached |     cached |   b',
      'import time:        10 |        170 | pkg',
    ].join('\n')
    const tree = parseImportTime(log)
    expect(importChain(tree, 'b')).toEqual(['pkg', 'a', 'b'])
    expect(tree.loaded.get('b')!.cumulativeUs).toBe(100)
    expect(tree.roots[0]!.children.map((n) => [n.name, n.cached])).toEqual([
      ['a', false],
      ['b', true],
    ])
  })

  it('keeps a submodule target at the start when its package does not import it', () => {
    const log = [
      'import time:       300 |        300 |       rich.console',
      'import time:        20 |        320 |     myapp.output',
      'import time:        30 |        350 |   myapp',
      'import time:         5 |        355 | myapp.cli',
    ].join('\n')
    expect(importChain(parseImportTime(log), 'rich.console')).toEqual([
      'myapp.cli',
      'myapp',
      'myapp.output',
      'rich.console',
    ])
  })

  it('starts the chain at the real load when a dotted target is logged as the request', () => {
    // Importing pkg.sub logs pkg.sub first; pkg's __init__ imports pkg.sub inside it.
    const log = [
      'import time:       300 |        300 |       decimal',
      'import time:        20 |        320 |     pkg.sub',
      'import time:        30 |        350 |   pkg',
      'import time:         5 |        355 | pkg.sub',
    ].join('\n')
    expect(importChain(parseImportTime(log), 'decimal')).toEqual(['pkg', 'pkg.sub', 'decimal'])
  })

  it('keeps the start of a chain through a package whose __init__ imports its own submodule', () => {
    // Real -X importtime output (3.11): t/__init__ imports t.q, t/q.py does
    // `from t.cat.cat import C`, t/cat/__init__ does `from .cat import C`, and
    // t/cat/cat.py imports decimal.
    const log = [
      'import time:       768 |        768 |               numbers',
      'import time:      1410 |       2178 |             _decimal',
      'import time:       166 |       2343 |           decimal',
      'import time:       204 |       2547 |         t.cat.cat',
      'import time:       171 |       2717 |       t.cat',
      'import time:        25 |       2741 |     t.cat.cat',
      'import time:       198 |       2939 |   t.q',
      'import time:       252 |       3191 | t',
    ].join('\n')
    const tree = parseImportTime(log)
    expect(importChain(tree, 'decimal')).toEqual(['t', 't.q', 't.cat', 't.cat.cat', 'decimal'])
    // t.cat was loaded by the request for t.cat.cat, which t.q made.
    expect(importChain(tree, 't.cat')).toEqual(['t', 't.q', 't.cat.cat', 't.cat'])
    expect(importChain(tree, 't.cat.cat')).toEqual(['t', 't.q', 't.cat', 't.cat.cat'])
  })

  it('keeps orphans from a garbled log as roots instead of dropping them', () => {
    const tree = parseImportTime(
      'import time:   1 |   1 |     deep\nimport time:   2 |   3 | top\n',
    )
    expect(tree.roots.map((n) => n.name)).toEqual(['top', 'deep'])
  })
})

describe('forged -X importtime output (issue 29: 5)', () => {
  it('reads a 7,000-deep chain in linear time, and leaves out what nests past the bound', () => {
    // Innermost first, as CPython prints: depth 6,999 down to 0.
    const lines = Array.from(
      { length: 7000 },
      (_, i) => `import time:         1 |         1 | ${'  '.repeat(6999 - i)}m${6999 - i}`,
    )
    const tree = parseImportTime(lines.join('\n'))
    expect(tree.tooDeep).toBe(true)
    expect(tree.loaded.size).toBe(MAX_IMPORT_DEPTH + 1)
    const costs = moduleCosts([tree])
    expect(costs.get(`m${MAX_IMPORT_DEPTH}`)!.chain).toHaveLength(MAX_IMPORT_DEPTH + 1)
  })
})

import { describe, expect, it } from 'vitest'
import { reviewSuggestions, SUGGESTION_MARKER } from '../../src/github/lazy-suggestions.js'
import type { LazyImportsItem } from '../../src/report/view/view-lazy.js'

const line = (module: string, file: string, n: number, ms: number | null = 1) => ({
  module,
  names: null,
  file,
  line: n,
  cumulative_ms: ms,
})
const item = (
  never: ReturnType<typeof line>[],
  form: 'statement' | 'lazy-modules' = 'statement',
): LazyImportsItem => ({
  target: 'app',
  headMs: 10,
  profileMs: 12,
  lazy: { all_lazy_ms: 1, loaded_anyway: [], never_needed: never, form },
})
const files: Record<string, string> = {
  'app/__init__.py':
    'import json\nfrom app import (\n    b,\n)\n  import csv\nimport a; import b\n',
  'app/m.py': 'import json\nimport csv\n',
}
const context = (
  changed: Record<string, number[]>,
  existing: { path: string; line: number; body: string }[] = [],
) => ({
  text: (path: string) => files[path] ?? null,
  changed: (path: string) => new Set(changed[path] ?? []),
  existing,
})

describe('reviewSuggestions', () => {
  it('puts no suggestion on the wrong line after a lone CR, and skips a line too long to suggest (issue 47, a low)', () => {
    const odd: Record<string, string> = {
      'cr.py': 'import os\rimport json\nimport csv\n',
      'crlf.py': 'import os\r\nimport json\r\n',
      'long.py': `import json\nimport ${'x'.repeat(100_000)}\nimport csv\n`,
    }
    const ctx = {
      text: (path: string) => odd[path] ?? null,
      changed: () => new Set([1, 2, 3]),
      existing: [],
    }
    const out = reviewSuggestions(
      [
        item([
          line('json', 'cr.py', 2),
          line('json', 'crlf.py', 2),
          line('x', 'long.py', 2),
          line('csv', 'long.py', 3),
        ]),
      ],
      ctx,
    )
    expect(out.map((c) => [c.path, c.line])).toEqual([
      ['crlf.py', 2],
      ['long.py', 3],
    ])
    expect(out[0]!.body).toContain('```suggestion\nlazy import json\n```')
  })

  it('suggests a lazy import on each changed plain import line, keeping its indentation', () => {
    const out = reviewSuggestions(
      [item([line('json', 'app/__init__.py', 1), line('csv', 'app/__init__.py', 5)])],
      context({ 'app/__init__.py': [1, 5] }),
    )
    expect(out.map((c) => [c.path, c.line])).toEqual([
      ['app/__init__.py', 1],
      ['app/__init__.py', 5],
    ])
    expect(out[0]!.body).toContain(`${SUGGESTION_MARKER}\n`)
    expect(out[0]!.body).toContain('```suggestion\nlazy import json\n```')
    expect(out[1]!.body).toContain('```suggestion\n  lazy import csv\n```')
  })

  it('leaves out untouched lines, continued and compound statements, posted ones, and more than the limit', () => {
    const never = [
      line('json', 'app/__init__.py', 1),
      line('app.b', 'app/__init__.py', 2),
      line('a', 'app/__init__.py', 6),
      line('csv', 'app/m.py', 2),
      line('json', 'app/m.py', 1),
    ]
    const posted = [{ path: 'app/m.py', line: 1, body: `${SUGGESTION_MARKER}\nold` }]
    const out = reviewSuggestions(
      [item(never)],
      context({ 'app/__init__.py': [2, 6], 'app/m.py': [1, 2] }, posted),
    )
    expect(out.map((c) => [c.path, c.line])).toEqual([['app/m.py', 2]])
    const capped = reviewSuggestions([item(never)], context({ 'app/m.py': [1, 2] }), 1)
    expect(capped.map((c) => c.line)).toEqual([2])
    // Under the floor (the gate's min-delta): not worth a review comment.
    const cheap = [line('json', 'app/m.py', 1, 0.2), line('csv', 'app/m.py', 2, 3)]
    const floored = reviewSuggestions([item(cheap)], {
      ...context({ 'app/m.py': [1, 2] }),
      floorMs: 0.5,
    })
    expect(floored.map((c) => c.line)).toEqual([2])
    expect(floored[0]!.body).toContain('(3.00 ms of the 12.0 ms import under -X importtime)')
  })

  it('offers one __lazy_modules__ list per module where the project supports older Pythons', () => {
    const out = reviewSuggestions(
      [item([line('json', 'app/m.py', 1, 3), line('csv', 'app/m.py', 2, 2)], 'lazy-modules')],
      context({ 'app/m.py': [1, 2] }),
    )
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ path: 'app/m.py', line: 1 })
    expect(out[0]!.body).toContain(
      '```suggestion\n__lazy_modules__ = ["json", "csv"]\nimport json\n```',
    )
    // A module with a list of its own is left to a person: a second list would replace it.
    files['app/l.py'] = '__lazy_modules__ = ["x"]\nimport json\n'
    expect(
      reviewSuggestions(
        [item([line('json', 'app/l.py', 2)], 'lazy-modules')],
        context({ 'app/l.py': [2] }),
      ),
    ).toEqual([])
  })
})

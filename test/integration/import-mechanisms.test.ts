// How each module came to be no longer imported, on Python 3.15, one head per
// mechanism in one compare: a `lazy import` statement, an entry in
// `__lazy_modules__`, an import moved into a function, one behind a
// module-level `__getattr__` (PEP 562), one under `if TYPE_CHECKING:`, and one
// removed. The JSON and the comment name the mechanism and the line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResults } from '../../src/results/read.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.15')

let repo: string
let tmp: string
const commits: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  // Modules that import none of the others, so each is its own lead.
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "mech"\nversion = "0"\n\n[tool.importgate]\ntargets = ["mech"]\n',
    'src/mech/__init__.py': [
      'import json',
      'import decimal',
      'import email.mime.text',
      'import colorsys',
      'import csv',
      'import shlex',
      '',
    ].join('\n'),
  })
  commits.base = gitCommit(repo, 'eager')
  writeFiles(repo, {
    'src/mech/__init__.py': [
      'from typing import TYPE_CHECKING',
      '__lazy_modules__ = ["decimal"]',
      'lazy import json',
      'import decimal',
      '',
      'def message():',
      '    import email.mime.text',
      '    return email.mime.text.MIMEText("x")',
      '',
      'def __getattr__(name):',
      '    import colorsys',
      '    return getattr(colorsys, name)',
      '',
      'if TYPE_CHECKING:',
      '    import csv',
      '',
    ].join('\n'),
  })
  commits.head = gitCommit(repo, 'every way of not importing')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

/** One compare of the repository's two commits, in the given order: its output, JSON and comment. */
async function compareCommits(from: string, to: string, name: string) {
  const json = join(tmp, `${name}.json`)
  const md = join(tmp, `${name}.md`)
  const flags = fastFlags({ install: 'none', pairs: 15, maxPairs: 60, profileRuns: 1, quiet: true })
  const result = await cli(
    [
      'compare',
      from,
      to,
      '--python',
      python!,
      ...flags,
      '--json',
      json,
      '--markdown',
      md,
      '-C',
      repo,
    ],
    { ...process.env, TMPDIR: tmp },
    repo,
  )
  expect(result.stderr).toBe('')
  return {
    result,
    doc: readResults(readFileSync(json, 'utf8'), json),
    report: readFileSync(md, 'utf8'),
  }
}

describe.skipIf(!python)('how a module came to be no longer imported (Python 3.15)', () => {
  it('names the mechanism and its line for each, in the JSON and the comment', async () => {
    const { result, doc, report } = await compareCommits(commits.base!, commits.head!, 'mech')
    const removed = doc.targets[0]!.modules!.removed
    const how = Object.fromEntries(
      removed
        .filter((c) => c.how)
        .map((c) => [
          c.name,
          [c.how!.mechanism, c.how!.side, c.how!.path, c.how!.line, c.how!.function],
        ]),
    )
    expect(how).toEqual({
      json: ['lazy-statement', 'head', 'src/mech/__init__.py', 3, null],
      decimal: ['lazy-modules', 'head', 'src/mech/__init__.py', 2, null],
      'email.mime.text': ['function', 'head', 'src/mech/__init__.py', 7, 'message'],
      colorsys: ['module-getattr', 'head', 'src/mech/__init__.py', 11, '__getattr__'],
      csv: ['type-checking', 'head', 'src/mech/__init__.py', 15, null],
      shlex: ['import-removed', 'base', 'src/mech/__init__.py', 6, null],
    })
    // Each in the comment with its line: the Why shows the costliest, the details every one.
    for (const phrase of [
      'declared lazy by `lazy import` at `src/mech/__init__.py:3`',
      'declared lazy in `__lazy_modules__` at `src/mech/__init__.py:2`',
      'import moved into `message()` at `src/mech/__init__.py:7`',
      'loaded on first attribute access (module `__getattr__`) at `src/mech/__init__.py:11`',
      'imported only under `if TYPE_CHECKING:` at `src/mech/__init__.py:15`',
      'its import at `src/mech/__init__.py:6` in base was removed',
    ])
      expect(report).toContain(phrase)
    const why = report.slice(report.indexOf('#### Why'), report.indexOf('<details>'))
    expect(why).toContain('**`json`** (declared lazy by `lazy import` at `src/mech/__init__.py:3`)')
    expect(why).toContain('-. "−')
    expect(why).toMatch(/, declared lazy" \.-> m\d+\["json"\]/)
    expect(result.stdout).toContain('declared lazy by lazy import at src/mech/__init__.py:3')
  }, 180_000)

  it('names, for each module now imported, the line that imports it and what base had', async () => {
    // The same two commits the other way round: every module made eager again.
    const { result, doc, report } = await compareCommits(commits.head!, commits.base!, 'eager')
    const how = Object.fromEntries(
      doc.targets[0]!.modules!.added.filter((c) => c.how).map((c) => [c.name, c.how]),
    )
    const at = (line: number) => ({ side: 'head', path: 'src/mech/__init__.py', line })
    expect(how).toMatchObject({
      json: { mechanism: 'made-eager', ...at(1), before: { mechanism: 'lazy-statement', line: 3 } },
      decimal: {
        mechanism: 'made-eager',
        ...at(2),
        before: { mechanism: 'lazy-modules', line: 2 },
      },
      'email.mime.text': {
        mechanism: 'made-eager',
        ...at(3),
        before: { mechanism: 'function', line: 7, function: 'message' },
      },
      colorsys: { mechanism: 'made-eager', ...at(4), before: { mechanism: 'module-getattr' } },
      csv: { mechanism: 'made-eager', ...at(5), before: { mechanism: 'type-checking', line: 15 } },
      shlex: { mechanism: 'import-added', ...at(6) },
    })
    for (const phrase of [
      'imported at module level at `src/mech/__init__.py:1`; in base it was declared lazy by `lazy import` at line 3',
      'imported at module level at `src/mech/__init__.py:3`; in base the import was inside `message()` at line 7',
      'imported at `src/mech/__init__.py:6`, an import new in head',
    ])
      expect(report).toContain(phrase)
    expect(result.stdout).toMatch(/imported at module level at src\/mech\/__init__\.py:\d; in base/)
  }, 180_000)
})

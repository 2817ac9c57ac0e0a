// PEP 810's lazy imports on Python 3.15, end to end: a head that declares two
// imports lazy, one of which another module loads eagerly anyway, and leaves an
// eager import nothing needs. The comment says which is which, with the lines.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotations } from '../../src/action/annotations.js'
import { buildView } from '../../src/report/view/view.js'
import { readResults } from '../../src/results/read.js'
import { allLazyText } from '../../src/report/view/view-lazy.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.15')
/** An interpreter without lazy imports: `lazy import` is a syntax error there, so it compares a head that lists `__lazy_modules__`. */
const older = findPython('3.13')

let repo: string
let tmp: string
const commits: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py': 'import json\nimport decimal\nimport lz.b\n',
    'src/lz/b.py': 'import decimal\nX = decimal.Decimal(2)\n',
  })
  commits.base = gitCommit(repo, 'eager')
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\nrequires-python = ">=3.15"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py':
      'lazy import json\nlazy import decimal\nimport lz.b\nimport email.mime.text\n',
  })
  commits.head = gitCommit(repo, 'lazy json and decimal, and email')
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\nrequires-python = ">=3.9"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py':
      '__lazy_modules__ = ["decimal"]\nimport json\nimport decimal\nimport lz.b\n',
  })
  commits.listed = gitCommit(repo, 'decimal declared lazy the way older Pythons can parse')
  // Issue 31's headroom example: three eager imports, one of them used at import.
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\nrequires-python = ">=3.15"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py':
      'import json\nimport decimal\nimport email.mime.text\nD = decimal.Decimal(1)\n',
  })
  commits.headroom = gitCommit(repo, 'three eager imports, decimal used at import')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

/** One compare of the two commits on `interpreter`: its status, output, results and comment. */
async function compareWith(interpreter: string, extra: string[] = [], head = commits.head!) {
  const json = join(tmp, 'lazy.json')
  const md = join(tmp, 'lazy.md')
  const flags = fastFlags({ install: 'none', pairs: 15, maxPairs: 60, profileRuns: 1, quiet: true })
  const result = await cli(
    ['compare', commits.base!, head, '--python', interpreter, ...flags, ...extra].concat([
      '--json',
      json,
      '--markdown',
      md,
      '-C',
      repo,
    ]),
    { ...process.env, TMPDIR: tmp },
    repo,
  )
  const doc = readResults(readFileSync(json, 'utf8'), json)
  const report = readFileSync(md, 'utf8')
  removeDir(json)
  removeDir(md)
  return { result, doc, report }
}

describe.skipIf(!python)('lazy imports on Python 3.15 (PEP 810)', () => {
  it('says which declared-lazy import loads anyway, and which lines could be lazy', async () => {
    // min-delta 0: every never-needed line is shown, however cheap (the floor is timing).
    const { result, doc, report } = await compareWith(python!, ['--min-delta', '0'])
    expect(result.stderr).toBe('')
    const lazy = doc.targets[0]!.lazy!
    expect(lazy.loaded_anyway).toEqual([
      {
        module: 'decimal',
        names: null,
        file: 'src/lz/__init__.py',
        line: 2,
        loaded_at: { file: 'src/lz/b.py', line: 1 },
      },
    ])
    // json is declared lazy already, and decimal is needed: the lines of lz.b (nothing used
    // it during the import) and email are suggested, costliest first in the JSON.
    const lines = lazy.never_needed.map((l) => [l.module, l.file, l.line])
    expect(lines.sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([
      ['lz.b', 'src/lz/__init__.py', 3],
      ['email.mime.text', 'src/lz/__init__.py', 4],
    ])
    expect(lazy.all_lazy_ms).toBeGreaterThan(0)
    // Where a reviewer sees it, with both lines; the rest in the details.
    const top = report.slice(0, report.indexOf('<details>'))
    expect(top).toContain(
      '`decimal` is declared lazy at `src/lz/__init__.py:2`, but the import loads it anyway, first needed at `src/lz/b.py:1`',
    )
    expect(report).toMatch(
      /`lz`: with every import lazy, (?:[\d.]+ [µm]?s of|no faster: [\d.]+ [µm]?s against) [\d.]+ [µm]?s.* \(one untimed run\)/,
    )
    expect(report).toContain('- `lazy import email.mime.text` at `src/lz/__init__.py:4`')
    expect(result.stdout).toMatch(/lz: decimal is declared lazy at src\/lz\/__init__\.py:2/)
    // A warning only (the timed verdict is whatever the samples say), and the comment says how to make it fail the check.
    expect(doc.targets[0]!.verdict).not.toBe('forbidden')
    expect(top).toContain('#### ⚠️ Declared lazy, loaded anyway (PEP 810)')
    expect(top).toContain('`enforce-lazy = true`')
  }, 180_000)

  it('fails the check on it under --enforce-lazy, naming both lines', async () => {
    const { result, doc, report } = await compareWith(python!, ['--enforce-lazy'])
    expect(result.stderr).toBe('')
    expect(doc.settings.enforce_lazy).toBe(true)
    expect(doc.targets[0]!.verdict).toBe('forbidden')
    expect(doc.verdict).toBe('forbidden')
    expect(result.status).toBe(1)
    // Head's module-level import of email.mime.text is also a decided regression:
    // told after the forbidden finding, with its cause (issue 48: 9).
    expect(report.split('\n')[0]).toMatch(
      /^### ⛔ `lz` loads `decimal`, declared lazy at `src\/lz\/__init__\.py:2`(, and imports .* slower \(\+[^)]*\): `lz` now imports `email\.mime\.text` \(\+[^)]*\))?$/,
    )
    expect(report).toContain(
      '#### ⛔ Declared lazy, loaded anyway (PEP 810): `enforce-lazy` fails the check',
    )
    expect(report).toContain('first needed at `src/lz/b.py:1`')
    expect(result.stdout).toContain('forbidden (enforce-lazy): lz: decimal is declared lazy')
    // The action's annotation sits on the declaration.
    expect(annotations(buildView(doc), repo, repo)).toContainEqual({
      verdict: 'forbidden',
      message:
        'lz: decimal is declared lazy here, but the import loads it anyway (first needed at src/lz/b.py:1)',
      where: {
        title: 'importgate: declared lazy, loaded anyway',
        file: 'src/lz/__init__.py',
        startLine: 2,
      },
    })
  }, 180_000)
})

describe.skipIf(!python)('the headroom with every import lazy', () => {
  it('measures it, and names exactly the lines whose modules nothing needed', async () => {
    const { result, doc, report } = await compareWith(
      python!,
      ['--min-delta', '0'],
      commits.headroom!,
    )
    expect(result.stderr).toBe('')
    const target = doc.targets[0]!
    const lazy = target.lazy!
    expect(lazy.never_needed.map((l) => [l.module, l.file, l.line]).sort()).toEqual([
      ['email.mime.text', 'src/lz/__init__.py', 3],
      ['json', 'src/lz/__init__.py', 1],
    ])
    // Measured, not fixed (how much quicker is timing: not asserted here).
    expect(lazy.all_lazy_ms).toBeGreaterThan(0)
    expect(report).toContain(
      `\`lz\`: with every import lazy, ${allLazyText(lazy.all_lazy_ms, target.head!.median_ms)} (one untimed run).`,
    )
    expect(report).toContain('- `lazy import json` at `src/lz/__init__.py:1`')
    expect(report).toContain('- `lazy import email.mime.text` at `src/lz/__init__.py:3`')
    expect(report).not.toContain('`lazy import decimal`')
  }, 180_000)
})

describe.skipIf(!python)('lazy imports of a project that supports Pythons before 3.15', () => {
  it('suggests __lazy_modules__ entries, and catches a listed module loaded anyway', async () => {
    const { result, doc, report } = await compareWith(
      python!,
      ['--min-delta', '0'],
      commits.listed!,
    )
    expect(result.stderr).toBe('')
    const lazy = doc.targets[0]!.lazy!
    expect(lazy.form).toBe('lazy-modules')
    // decimal is listed, and lz.b (imported eagerly) uses it at import.
    expect(lazy.loaded_anyway.map((l) => [l.module, l.file, l.line, l.loaded_at])).toEqual([
      ['decimal', 'src/lz/__init__.py', 3, { file: 'src/lz/b.py', line: 1 }],
    ])
    expect(report).toMatch(
      /- `__lazy_modules__ = \["(json|lz\.b)", "(json|lz\.b)"\]` in `src\/lz\/__init__\.py`, for lines 2, 4/,
    )
    expect(report).toContain('`requires-python` admits Pythons before 3.15')
    expect(report).not.toContain('`lazy import json`')
    expect(result.stdout).toMatch(
      /could be lazy: __lazy_modules__ = \[.*\] in src\/lz\/__init__\.py \(lines 2, 4\)/,
    )
  }, 180_000)
})

describe.skipIf(!older)('enforce-lazy before Python 3.15', () => {
  it('says where it is seen that the gate could not run, and does not fail on it', async () => {
    const { result, doc, report } = await compareWith(older!, ['--enforce-lazy'], commits.listed!)
    expect(doc.targets[0]!.gaps).toContainEqual({ missing: 'lazy', reason: 'unsupported' })
    expect(doc.targets[0]!.verdict).not.toBe('forbidden')
    const top = report.slice(0, report.indexOf('<details>'))
    expect(top).toContain(
      '`enforce-lazy` was not checked: it needs Python 3.15 or later (PEP 810), and this interpreter has no lazy imports',
    )
    expect(result.stdout).toContain('enforce-lazy was not checked')
  }, 180_000)
})

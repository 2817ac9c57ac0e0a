// PEP 810's lazy imports on Python 3.15, end to end: a head that declares two
// imports lazy, one of which another module loads eagerly anyway, and leaves an
// eager import nothing needs. The comment says which is which, with the lines.
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
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "lz"\nversion = "0"\n\n[tool.importgate]\ntargets = ["lz"]\n',
    'src/lz/__init__.py': 'import json\nimport decimal\nimport lz.b\n',
    'src/lz/b.py': 'import decimal\nX = decimal.Decimal(2)\n',
  })
  commits.base = gitCommit(repo, 'eager')
  writeFiles(repo, {
    'src/lz/__init__.py':
      'lazy import json\nlazy import decimal\nimport lz.b\nimport email.mime.text\n',
  })
  commits.head = gitCommit(repo, 'lazy json and decimal, and email')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

describe.skipIf(!python)('lazy imports on Python 3.15 (PEP 810)', () => {
  it('says which declared-lazy import loads anyway, and which lines could be lazy', async () => {
    const json = join(tmp, 'lazy.json')
    const md = join(tmp, 'lazy.md')
    const flags = fastFlags({
      install: 'none',
      pairs: 15,
      maxPairs: 60,
      profileRuns: 1,
      quiet: true,
    })
    const result = await cli(
      ['compare', commits.base!, commits.head!, '--python', python!, ...flags].concat([
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
    expect(result.stderr).toBe('')
    const doc = readResults(readFileSync(json, 'utf8'), json)
    const report = readFileSync(md, 'utf8')
    removeDir(json)
    removeDir(md)
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
      /`lz`: with every import lazy, [\d.]+ [µm]?s of [\d.]+ [µm]?s \(one untimed run\)/,
    )
    expect(report).toContain('- `lazy import email.mime.text` at `src/lz/__init__.py:4`')
    expect(result.stdout).toMatch(/lz: decimal is declared lazy at src\/lz\/__init__\.py:2/)
  }, 180_000)
})

// A pull request that changes nothing an import can see (docs, CI, images)
// passes in seconds without installing or measuring, and says why; the
// patterns are the user's to widen.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults } from '../../src/results/schema.js'
import { readResults } from '../../src/results/read.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
let repo: string
let tmp: string
const commits: Record<string, string> = {}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml':
      '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n',
    'src/shop/__init__.py': 'X = 1\n',
    'README.md': '# shop\n',
  })
  commits.base = gitCommit(repo, 'base')
  writeFiles(repo, {
    'README.md': '# shop\n\nNow with docs.\n',
    'docs/index.md': '# Docs\n',
    '.github/workflows/ci.yml': 'on: push\n',
  })
  commits.docs = gitCommit(repo, 'docs only')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

async function compare(extra: string[]) {
  const json = join(tmp, 'results.json')
  const md = join(tmp, 'comment.md')
  const result = await cli(
    [
      'compare',
      commits.base!,
      commits.docs!,
      '--python',
      python,
      '--json',
      json,
      '--markdown',
      md,
      '-C',
      repo,
      ...extra,
    ],
    { ...process.env, TMPDIR: tmp },
    repo,
  )
  const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
  const comment = readFileSync(md, 'utf8')
  removeDir(json)
  removeDir(md)
  return { ...result, doc, comment }
}

describe('a pull request that changes no file an import can see', () => {
  it('passes in seconds, installing and measuring nothing, and the comment says why', async () => {
    const { status, doc, comment, stderr } = await compare([])
    expect(status).toBe(0)
    expect(doc.verdict).toBe('pass')
    expect(doc.targets).toEqual([])
    expect(doc.skipped).toEqual({
      reason: 'no-affecting-change',
      changed_count: 3,
      changed_files: ['.github/workflows/ci.yml', 'README.md', 'docs/index.md'],
    })
    expect(doc.duration_s).toBeLessThan(5)
    expect(stderr).toMatch(/none of the 3 changed file\(s\) can affect importing/)
    expect(comment.split('\n')[0]).toBe(
      '### ✅ Nothing to measure: none of the 3 changed files can affect importing',
    )
    expect(comment).toContain('None matches `affects` (`*.py`, `*.pyi`')
    const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
      cwd: repo,
      encoding: 'utf8',
    })
    expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
    expect(readdirSync(tmp)).toEqual([])
  })

  it('measures it after all when --affects says such files matter', async () => {
    const { doc } = await compare([
      '--affects',
      '*.md',
      ...fastFlags({ install: 'none', pairs: 10 }),
    ])
    expect(doc.skipped).toBeUndefined()
    expect(doc.targets.map((t) => t.name)).toEqual(['shop'])
    // Measured by the proof: the import was traced on both sides, and no changed file is read by it.
    expect(doc.targets[0]!.proof).toMatchObject({ decided: true, changed_files: 3 })
    // And timed, with the proof off.
    const timed = await compare([
      '--affects',
      '*.md',
      '--proof',
      'false',
      ...fastFlags({ install: 'none', pairs: 10 }),
    ])
    expect(timed.doc.targets[0]!.head!.samples_ms.length).toBeGreaterThanOrEqual(10)
  })
})

describe('a change the patterns do not name, but that can still affect importing (issue 29: 7)', () => {
  it('measures a data file inside a package and a changed symbolic link, rather than pass them', async () => {
    const here = tempDir()
    try {
      gitInit(here)
      writeFiles(here, {
        'pyproject.toml': '[project]\nname = "shop"\nversion = "0"\n',
        'src/shop/__init__.py':
          'import json, os\nDATA = json.load(open(os.path.join(os.path.dirname(__file__), "rates.json")))\n',
        'src/shop/rates.json': '[1]\n',
      })
      const base = gitCommit(here, 'rates')
      writeFiles(here, { 'src/shop/rates.json': `[${Array(2000).fill(1).join(',')}]\n` })
      const data = gitCommit(here, 'more rates')
      symlinkSync('shop', join(here, 'src', 'shop_alias'))
      const link = gitCommit(here, 'an alias for the package')
      for (const head of [data, link]) {
        const json = join(tmp, 'always.json')
        const result = await cli(
          [
            'compare',
            base,
            head,
            '--python',
            python,
            '-t',
            'shop',
            ...fastFlags({ install: 'none' }),
            '--json',
            json,
            '-q',
          ],
          { ...process.env, TMPDIR: tmp },
          here,
        )
        expect(result.stderr).not.toMatch(/internal error|nothing to measure/)
        const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
        expect(doc.skipped).toBeUndefined()
        expect(doc.targets.map((t) => t.name)).toEqual(['shop'])
        removeDir(json)
      }
    } finally {
      removeDir(here)
    }
  })

  it('measures a data file outside any package folder, and one in a namespace package, which the proof finds read (issue 47: 7)', async () => {
    const here = tempDir()
    try {
      gitInit(here)
      const reader = (path: string) =>
        `import json, os\nDATA = json.load(open(os.path.join(os.path.dirname(__file__), ${path})))\nX = sum(sorted(DATA))\n`
      writeFiles(here, {
        'pyproject.toml': '[project]\nname = "shop"\nversion = "0"\n',
        'src/shop/__init__.py': reader('"..", "..", "conf", "rates.json"'),
        'conf/rates.json': '[1]\n',
        // A namespace package: no __init__.py anywhere on the way.
        'src/nsp/tables/lookup.py': reader('"table.json"'),
        'src/nsp/tables/table.json': '[1]\n',
        'README.md': '# shop\n',
      })
      const base = gitCommit(here, 'rates')
      const big = `[${Array(20000).fill(7).join(',')}]\n`
      writeFiles(here, { 'conf/rates.json': big, 'README.md': '# shop, again\n' })
      const root = gitCommit(here, 'more rates, at the root')
      execFileSync('git', ['checkout', '-q', '--detach', base], { cwd: here })
      writeFiles(here, { 'src/nsp/tables/table.json': big })
      const namespaced = gitCommit(here, 'a bigger table, in a namespace package')
      for (const [head, target, file] of [
        [root, 'shop', 'conf/rates.json'],
        [namespaced, 'nsp.tables.lookup', 'src/nsp/tables/table.json'],
      ] as const) {
        const json = join(tmp, 'outside.json')
        const result = await cli(
          [
            'compare',
            base,
            head,
            '--python',
            python,
            '-t',
            target,
            ...fastFlags({ install: 'none' }),
            '--json',
            json,
            '-q',
          ],
          { ...process.env, TMPDIR: tmp },
          here,
        )
        expect(result.stderr).not.toMatch(/internal error|nothing to measure/)
        const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
        expect(doc.skipped).toBeUndefined()
        // Measured, and not passed by proof: the tracer saw the import read the changed file.
        const proof = doc.targets[0]!.proof!
        expect(proof.holds).toBe(false)
        expect(proof.reason).toContain(file)
        expect(doc.targets[0]!.head!.samples_ms.length).toBeGreaterThan(0)
        removeDir(json)
      }
    } finally {
      removeDir(here)
    }
  })
})

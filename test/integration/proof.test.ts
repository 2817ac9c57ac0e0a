// The proof (issue 46): a pull request that changes no line or file the
// import runs passes without timing; every way it could be fooled falls back
// to sampling, and the regression each head carries (a quarter second of
// sleep against a ~20 ms import: far past any noise) is then caught. Real
// repositories, real installs, real interpreters.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResults } from '../../src/results/schema.js'
import { readResults } from '../../src/results/read.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const oldPython = findPython('3.8')
const WHEELS = join(import.meta.dirname, '..', 'fixtures', 'wheels')
const SLOW = 'slow(0.25)'

const CORE = `import time


def slow(seconds):
    time.sleep(seconds)
    return 0


def helper(n):
    return n + 1


def decorate(arg):
    def wrap(f):
        return f

    return wrap


@decorate(0)
def decorated(x=0):
    return x


def unused(x):
    # a comment
    return x * 3


class Shape:
    sides = 0

    def area(self):
        return 0
`

const INIT = `"""A package the proof is tried on."""
import os
import pkgutil

from . import core
from .core import helper

HERE = os.path.dirname(__file__)
LIMIT = 10
VALUE = helper(3)
with open(os.path.join(HERE, "data.txt")) as handle:
    core.slow(float(handle.read()))
core.slow(float(pkgutil.get_data(__name__, "rates.txt")))
PLUGINS = sorted(os.listdir(os.path.join(HERE, "plugins")))
core.slow(0.25 * (len(PLUGINS) - 1))
`

const PYPROJECT = (deps = '') =>
  `[build-system]\nrequires = ["flit_core>=3.4"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\nname = "proofpkg"\nversion = "0.1"\ndescription = "x"\ndependencies = [${deps}]\n\n[tool.importgate]\ntargets = ["proofpkg"]\n`

let repo: string
let tmp: string
let base: string

const edit = (path: string, from: string, to: string) => {
  const full = join(repo, path)
  const text = readFileSync(full, 'utf8')
  if (!text.includes(from)) throw new Error(`${path} has no ${from}`)
  writeFiles(repo, { [path]: text.replace(from, to) })
}

/** A head commit off base with `change` applied. */
function head(name: string, change: () => void): string {
  execFileSync('git', ['checkout', '-q', '--detach', base], { cwd: repo })
  change()
  return gitCommit(repo, name)
}

async function compare(
  headSha: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
  from = base,
) {
  const json = join(tmp, 'results.json')
  const md = join(tmp, 'comment.md')
  const result = await cli(
    [
      'compare',
      from,
      headSha,
      '--python',
      python,
      '--json',
      json,
      '--markdown',
      md,
      '-C',
      repo,
      ...fastFlags({ install: 'none' }),
      ...extra,
    ],
    { ...process.env, TMPDIR: tmp, ...env },
    repo,
  )
  const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
  const comment = readFileSync(md, 'utf8')
  removeDir(json)
  removeDir(md)
  return { ...result, doc, target: doc.targets[0]!, comment }
}

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  gitInit(repo)
  writeFiles(repo, {
    'pyproject.toml': PYPROJECT(),
    'src/proofpkg/__init__.py': INIT,
    'src/proofpkg/core.py': CORE,
    'src/proofpkg/data.txt': '0\n',
    'src/proofpkg/rates.txt': '0\n',
    'src/proofpkg/plugins/a.txt': 'a\n',
  })
  base = gitCommit(repo, 'base')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

describe('a head that changes nothing the import runs', () => {
  it('passes without timing, and the comment says what the proof checked', async () => {
    const sha = head('function body and a comment', () => {
      edit('src/proofpkg/core.py', 'return x * 3', 'return x * 4')
      edit('src/proofpkg/core.py', '# a comment', '# another comment')
    })
    const { status, doc, target, comment } = await compare(sha)
    expect(status).toBe(0)
    expect(doc.verdict).toBe('pass')
    expect(doc.rounds).toBe(0)
    expect(target.proof).toMatchObject({
      decided: true,
      holds: true,
      reason: null,
      changed_files: 1,
      loaded_changed: ['src/proofpkg/core.py'],
    })
    // Base was not run again, and nothing was timed.
    expect(target.base).toBeNull()
    expect(target.head).toBeNull()
    expect(doc.phases_s?.proof).toBeGreaterThan(0)
    expect(comment).toContain(
      'Unchanged at import: 1 changed file, none of whose lines runs at import',
    )
    expect(comment).toContain('none of its changed lines ran')
    expect(comment).toContain('none (proof)')
  })

  it('still checks forbid, max-modules and budgets on head, timing head alone for a budget', async () => {
    const sha = head('function body', () =>
      edit('src/proofpkg/core.py', 'return x * 3', 'return x * 8'),
    )
    const gates = await compare(sha, ['--forbid', 'proofpkg.core', '--max-modules', '5'])
    expect(gates.target.proof?.decided).toBe(true)
    expect(gates.target.forbidden.map((f) => f.name)).toEqual(['proofpkg.core'])
    expect(gates.target.budget?.modules).toMatchObject({ limit: 5, ok: false })
    expect(gates.target.verdict).toBe('forbidden')
    expect(gates.status).toBe(1)
    const budget = await compare(sha, ['--budget', 'proofpkg=0.05ms'])
    expect(budget.target.proof?.decided).toBe(true)
    expect(budget.target.base).toBeNull()
    expect(budget.target.head!.samples_ms).toHaveLength(5)
    expect(budget.target.budget?.time).toMatchObject({ limit_ms: 0.05, ok: false })
    expect(budget.target.verdict).toBe('budget')
  })

  it('is proved with sys.settrace on Pythons before 3.12', async () => {
    if (!oldPython) return
    const sha = head('function body', () =>
      edit('src/proofpkg/core.py', 'return x * 3', 'return x * 5'),
    )
    const { target } = await compare(sha, ['--python', oldPython])
    expect(target.proof).toMatchObject({ decided: true, traced_with: 'sys.settrace' })
  })

  it('times every pull request with proof = false', async () => {
    const sha = head('function body', () =>
      edit('src/proofpkg/core.py', 'return x * 3', 'return x * 6'),
    )
    const { doc, target } = await compare(sha, ['--proof', 'false'])
    expect(target.proof).toBeUndefined()
    expect(doc.rounds).toBeGreaterThan(0)
  })
})

// Each way the proof could be fooled: it must not hold, the target is timed,
// and the quarter second the head adds is caught as a regression.
const FOOLS: [string, () => void, RegExp][] = [
  [
    'an executed line',
    () => edit('src/proofpkg/core.py', 'return n + 1', `return n + 1 + ${SLOW}`),
    /`src\/proofpkg\/core\.py:\d+` runs at import and changed/,
  ],
  [
    "a decorator's argument",
    () => edit('src/proofpkg/core.py', '@decorate(0)', `@decorate(${SLOW})`),
    /core\.py:\d+` runs at import/,
  ],
  [
    'a default argument',
    () => edit('src/proofpkg/core.py', 'def decorated(x=0):', `def decorated(x=${SLOW}):`),
    /core\.py:\d+` runs at import/,
  ],
  [
    'a class body',
    () => edit('src/proofpkg/core.py', '    sides = 0', `    sides = ${SLOW}`),
    /core\.py:\d+` runs at import/,
  ],
  [
    'a module-level constant',
    () => edit('src/proofpkg/__init__.py', 'LIMIT = 10', 'LIMIT = core.slow(0.25)'),
    /__init__\.py:\d+` runs at import/,
  ],
  [
    'a data file read at import',
    () => writeFiles(repo, { 'src/proofpkg/data.txt': '0.25\n' }),
    /`src\/proofpkg\/data\.txt` is read at import and changed/,
  ],
  [
    "a data file read through the package's loader (pkgutil.get_data)",
    () => writeFiles(repo, { 'src/proofpkg/rates.txt': '0.25\n' }),
    /`src\/proofpkg\/rates\.txt` is read at import and changed/,
  ],
  [
    'a new file in a folder listed at import',
    () => writeFiles(repo, { 'src/proofpkg/plugins/b.txt': 'b\n' }),
    /`src\/proofpkg\/plugins` is listed at import, and `src\/proofpkg\/plugins\/b\.txt` is new in head/,
  ],
  [
    'an import that does other work the second time',
    () => {
      // The first import leaves a mark in TMPDIR; every later one sleeps.
      edit(
        'src/proofpkg/__init__.py',
        'LIMIT = 10',
        [
          'import tempfile',
          'MARK = os.path.join(tempfile.gettempdir(), "proofpkg-seen")',
          'if os.path.exists(MARK):',
          '    core.slow(0.25)',
          'else:',
          '    open(MARK, "w").close()',
          'LIMIT = 10',
        ].join('\n'),
      )
    },
    /runs at import and changed|differed in their/,
  ],
]

describe('each way the proof could be fooled falls back to sampling, and the regression is caught', () => {
  for (const [what, change, reason] of FOOLS) {
    it(what, async () => {
      const sha = head(what, change)
      const { status, doc, target, comment } = await compare(sha)
      expect(target.proof?.decided).toBe(false)
      expect(target.proof?.reason).toMatch(reason)
      expect(doc.rounds).toBeGreaterThan(0)
      expect(target.verdict).toBe('regression')
      expect(status).toBe(1)
      expect(comment).toContain('was timed, because')
    })
  }

  it('an import whose traced runs disagree is refused', async () => {
    // Base already behaves differently on its second import: the proof cannot trust either side.
    execFileSync('git', ['checkout', '-q', '--detach', base], { cwd: repo })
    edit(
      'src/proofpkg/__init__.py',
      'LIMIT = 10',
      [
        'import tempfile',
        'MARK = os.path.join(tempfile.gettempdir(), "proofpkg-again")',
        'if not os.path.exists(MARK):',
        '    open(MARK, "w").close()',
        'LIMIT = 10',
      ].join('\n'),
    )
    const flaky = gitCommit(repo, 'marks its first import')
    execFileSync('git', ['checkout', '-q', '--detach', flaky], { cwd: repo })
    edit('src/proofpkg/core.py', 'return x * 3', 'return x * 7')
    const sha = gitCommit(repo, 'function body')
    const { doc } = await compare(sha, [], {}, flaky)
    expect(doc.targets[0]!.proof?.reason).toMatch(/two traced imports of (base|head) differed/)
    expect(doc.rounds).toBeGreaterThan(0)
  })

  it('a dependency bump', async () => {
    execFileSync('git', ['checkout', '-q', '--detach', base], { cwd: repo })
    writeFiles(repo, { 'pyproject.toml': PYPROJECT('"packaging==21.3"') })
    const from = gitCommit(repo, 'packaging 21.3')
    writeFiles(repo, { 'pyproject.toml': PYPROJECT('"packaging==24.2"') })
    const to = gitCommit(repo, 'packaging 24.2')
    const { doc } = await compare(
      to,
      ['--install', 'pip'],
      { PIP_NO_INDEX: '1', PIP_FIND_LINKS: WHEELS },
      from,
    )
    expect(doc.targets[0]!.proof?.reason).toMatch(/the dependency `(packaging|pyparsing)` changed/)
    expect(doc.rounds).toBeGreaterThan(0)
  })

  it('a .pth file', async () => {
    // A hook on sys.meta_path, installed by a .pth file only head ships: every import after it sleeps.
    const install =
      'python -m pip install --no-input . && if [ -f slow.pth ]; then cp slow.pth "$(python -c \'import sysconfig; print(sysconfig.get_paths()["purelib"])\')"; fi'
    const sha = head('a .pth file', () =>
      writeFiles(repo, {
        'slow.pth':
          "import sys, time; sys.meta_path.insert(0, type('Slow', (), {'find_spec': staticmethod(lambda *a, t=time, **k: t.sleep(0.02))})())\n",
      }),
    )
    const { doc, target } = await compare(sha, ['--install', install], {
      PIP_NO_INDEX: '1',
      PIP_FIND_LINKS: WHEELS,
    })
    expect(target.proof?.reason).toMatch(
      /`slow\.pth` changed, and Python runs \.pth files at start-up/,
    )
    expect(doc.rounds).toBeGreaterThan(0)
    expect(target.verdict).toBe('regression')
  })

  it('a C extension rebuilt from changed sources', async () => {
    const cc = (() => {
      try {
        return execFileSync('which', ['cc'], { encoding: 'utf8' }).trim()
      } catch {
        return null
      }
    })()
    if (!cc) throw new Error('a C compiler (cc) is needed to build the extension this test loads')
    const [include, suffix] = execFileSync(
      python,
      [
        '-c',
        'import sysconfig; print(sysconfig.get_paths()["include"]); print(sysconfig.get_config_var("EXT_SUFFIX"))',
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
    const source = (pause: number) =>
      `#include <Python.h>\n#include <unistd.h>\nstatic struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "_speed", NULL, -1, NULL};\nPyMODINIT_FUNC PyInit__speed(void) { usleep(${pause}); return PyModule_Create(&def); }\n`
    const build = (pause: number) => {
      writeFiles(repo, { 'src/proofpkg/_speed.c': source(pause) })
      execFileSync(cc, [
        '-shared',
        '-fPIC',
        `-I${include}`,
        '-o',
        join(repo, 'src/proofpkg', `_speed${suffix}`),
        join(repo, 'src/proofpkg/_speed.c'),
      ])
    }
    execFileSync('git', ['checkout', '-q', '--detach', base], { cwd: repo })
    build(0)
    edit('src/proofpkg/__init__.py', 'from . import core\n', 'from . import core, _speed\n')
    const withExtension = gitCommit(repo, 'an extension')
    build(250_000)
    const rebuilt = gitCommit(repo, 'the extension rebuilt from a changed source')
    const { doc } = await compare(rebuilt, [], {}, withExtension)
    expect(doc.targets[0]!.proof?.reason).toMatch(
      /_speed\.cpython.*\.so` is loaded at import and changed/,
    )
    expect(doc.targets[0]!.verdict).toBe('regression')
  })
})

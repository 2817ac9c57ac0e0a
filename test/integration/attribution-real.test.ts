// The reason for a change, end to end, on the two kinds of cause real pull
// requests have: module code that now calls an expensive function (a logger
// helper calling inspect.stack() in every module), and a dependency bump that
// changes what its import loads (packaging 21.3, which imports pyparsing, to
// 24.2, which does not; real wheels from PyPI, installed offline). What is
// asserted comes from call counts and module sets, which do not vary by run.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResults } from '../../src/results/read.js'
import type { CompareResults } from '../../src/results/schema.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const FAST = fastFlags({ profileRuns: 2, seed: 11, quiet: true })
const WHEELS = resolve('test/fixtures/wheels')
const MODULES = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`)
const PYPROJECT = (deps: string) =>
  `[build-system]\nrequires = ["flit_core>=3.2"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\nname = "mypkg"\nversion = "0.1"\ndescription = "test"\ndependencies = [${deps}]\n\n[tool.importgate]\ntargets = ["mypkg"]\n`
const EXPENSIVE_LOGGER =
  'import inspect\nimport logging\n\n\ndef get_logger():\n    caller = inspect.stack()[1]\n    return logging.getLogger(caller.filename)\n'

let tmp: string
const repos: string[] = []

beforeAll(() => {
  tmp = tempDir()
})

afterAll(() => {
  for (const repo of repos) removeDir(repo)
  removeDir(tmp)
})

async function compare(repo: string, base: string, head: string, extra: string[], env = {}) {
  const json = join(tmp, `${base.slice(0, 7)}-${head.slice(0, 7)}.json`)
  const result = await cli(
    ['compare', base, head, '--python', python, ...FAST, ...extra, '--json', json, '-C', repo],
    { ...process.env, TMPDIR: tmp, ...env },
    repo,
  )
  expect(result.stderr).not.toMatch(/internal error/)
  const doc = readResults(readFileSync(json, 'utf8'), json) as CompareResults
  return { result, doc, target: doc.targets[0]! }
}

describe('the reason at the level of functions', () => {
  let repo: string
  const commits: Record<string, string> = {}

  beforeAll(() => {
    repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    const modules = (body: string) =>
      Object.fromEntries(MODULES.map((m) => [`src/mypkg/${m}.py`, body]))
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT(''),
      'src/mypkg/__init__.py': MODULES.map((m) => `from mypkg import ${m}\n`).join(''),
      'src/mypkg/log.py': EXPENSIVE_LOGGER,
      ...modules('from mypkg.log import get_logger\n\n\ndef work():\n    return get_logger()\n'),
    })
    commits.base = gitCommit(repo, 'a logger helper, called only when working')
    writeFiles(repo, {
      ...modules(
        '# Every module logs.\nfrom mypkg.log import get_logger\n\nlog = get_logger()\n\n\ndef work():\n    return log\n',
      ),
    })
    commits.eager = gitCommit(repo, 'every module gets its logger at import')
    writeFiles(repo, {
      'src/mypkg/log.py':
        'import logging\nimport sys\n\n\ndef get_logger():\n    return logging.getLogger(sys._getframe(1).f_globals["__name__"])\n',
    })
    commits.cheap = gitCommit(repo, 'get_logger without inspect.stack')
  })

  it('names the function module code now calls, with its call sites and where its time goes', async () => {
    const { doc, target } = await compare(repo, commits.base!, commits.eager!, [
      '--install',
      'none',
    ])
    const [first] = target.function_changes!
    expect(first).toMatchObject({
      name: 'mypkg.log.get_logger',
      source: { path: 'src/mypkg/log.py', line: 5 },
      side: 'head',
      base_calls: 0,
      head_calls: 12,
      via: [],
      called_as: 'mypkg.log.get_logger',
      mostly_in: { name: 'inspect.stack' },
    })
    expect(first!.profiled_delta_ms).toBeGreaterThan(0)
    expect(first!.callers).toHaveLength(12)
    expect(first!.callers[0]).toMatchObject({
      path: expect.stringMatching(/^src\/mypkg\/m\d\d\.py$/),
      lines: [4],
      base_calls: 0,
      head_calls: 1,
    })
    // What the function calls inside follows from it: it is not listed again.
    expect(target.function_changes!.map((c) => c.name)).not.toContain('inspect.stack')
    const md = markdownReport(doc, undefined, { repoUrl: 'https://github.com/o/r' })
    expect(md).toContain('#### Functions called at import')
    expect(md).toContain(
      `[src/mypkg/log.py:5](https://github.com/o/r/blob/${commits.eager}/src/mypkg/log.py#L5)`,
    )
    expect(md).toMatch(/mostly in `inspect\.stack`/)
    expect(md).toMatch(/is called at import by 12 modules: `mypkg\.m\d\d` 0 → 1 \(\[line 4\]/)
  })

  it('names the expensive call a helper no longer makes, through the helper', async () => {
    const { target } = await compare(repo, commits.eager!, commits.cheap!, ['--install', 'none'])
    const [first] = target.function_changes!
    expect(first).toMatchObject({
      name: 'inspect.stack',
      side: 'base',
      base_calls: 12,
      head_calls: 0,
      via: ['mypkg.log.get_logger'],
      called_as: 'mypkg.log.get_logger',
    })
    expect(first!.profiled_delta_ms).toBeLessThan(0)
    // The modules call get_logger as before; they are where the cost was paid.
    expect(first!.callers).toHaveLength(12)
    expect(first!.callers.every((c) => c.base_calls === 1 && c.head_calls === 1)).toBe(true)
    expect(first!.callers[0]!.lines).toEqual([4])
  })
})

describe('a dependency bump from PyPI', () => {
  it('names the package, the modules it no longer loads, and the roll-up', async () => {
    const repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT('"packaging==21.3"'),
      'src/mypkg/__init__.py':
        '"""Requirements, parsed."""\nfrom packaging.requirements import Requirement\n',
    })
    const base = gitCommit(repo, 'packaging 21.3')
    writeFiles(repo, { 'pyproject.toml': PYPROJECT('"packaging==24.2"') })
    const head = gitCommit(repo, 'bump packaging to 24.2')
    const { doc, target } = await compare(repo, base, head, ['--install', 'pip'], {
      PIP_NO_INDEX: '1',
      PIP_FIND_LINKS: WHEELS,
    })
    expect(doc.deps?.changed).toEqual(
      expect.arrayContaining([
        { name: 'packaging', base: '21.3', head: '24.2' },
        { name: 'pyparsing', base: '3.1.4', head: null },
      ]),
    )
    expect(target.modules!.removed.map((m) => m.name)).toContain('pyparsing')
    const removed = target.modules!.removed.find((m) => m.name === 'pyparsing')!
    expect(removed.chain.slice(0, 2)).toEqual(['mypkg', 'packaging.requirements'])
    const packages = new Map(target.packages!.map((p) => [p.name, p]))
    expect(packages.get('mypkg')!.own).toBe(true)
    expect(packages.get('pyparsing')).toMatchObject({ head_self_ms: null })
    expect(packages.get('packaging')!.base_modules).toBeGreaterThan(0)
    // The project's module in the chain links to the line that imports the next link.
    // (From head's chains, which come first: packaging 24.2's new modules.)
    expect(target.sources!.mypkg).toEqual({ side: 'head', path: 'src/mypkg/__init__.py', line: 2 })
    const linked = markdownReport(doc, undefined, { repoUrl: 'https://github.com/o/r' })
    expect(linked).toContain(
      `[\`mypkg\`](https://github.com/o/r/blob/${head}/src/mypkg/__init__.py#L2)`,
    )
    const md = markdownReport(doc)
    expect(md).toMatch(/`pyparsing`/)
    expect(md).toMatch(/packaging.*21\.3.*24\.2/)
    expect(md).toContain('#### Own time by package')
  })
})

describe('who called a function at import (issue 27)', () => {
  it('walks up a nested helper to the modules calling it: the logger of the reference PR', async () => {
    const repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    const logger = (find: string) =>
      `import inspect\nimport sys\n\n\ndef get_logger():\n    def get_caller_mod():\n        ${find}\n\n    return get_caller_mod()\n`
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT(''),
      'src/mypkg/__init__.py': MODULES.map((m) => `from mypkg import ${m}\n`).join(''),
      'src/mypkg/log.py': logger('return inspect.getmodule(inspect.stack()[2][0])'),
      ...Object.fromEntries(
        MODULES.map((m) => [
          `src/mypkg/${m}.py`,
          'from mypkg import log\n\nLOG = log.get_logger()\n',
        ]),
      ),
    })
    const base = gitCommit(repo, 'a nested helper walks the stack')
    writeFiles(repo, {
      'src/mypkg/log.py': logger(
        'return sys.modules.get(sys._getframe(2).f_globals.get("__name__"))',
      ),
    })
    const head = gitCommit(repo, 'the caller frame, directly')
    const { target } = await compare(repo, base, head, ['--install', 'none'])
    const stack = target.function_changes!.find((c) => c.name === 'inspect.stack')
    expect(stack).toMatchObject({
      base_calls: 12,
      head_calls: 0,
      via: ['mypkg.log.get_logger.<locals>.get_caller_mod', 'mypkg.log.get_logger'],
      called_as: 'mypkg.log.get_logger',
    })
    expect(stack!.callers).toHaveLength(12)
    expect(stack!.callers[0]!.lines).toEqual([3])
  })

  it('puts a class-creation hook on the module whose class statements ran it, not the one defining it', async () => {
    const repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    const subclasses = Array.from({ length: 30 }, (_, i) => `class C${i}(Base):\n    pass\n`)
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT(''),
      'src/mypkg/__init__.py': 'from mypkg import base\nfrom mypkg import heavy\n',
      'src/mypkg/base.py':
        'REGISTRY = []\n\n\ndef _register(cls):\n    REGISTRY.append(cls.__name__)\n    return sum(range(20000))\n\n\nclass Base:\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__(**kw)\n        _register(cls)\n',
      'src/mypkg/heavy.py': `from mypkg.base import Base\n\n\n${subclasses.join('\n\n')}`,
    })
    const base = gitCommit(repo, 'thirty registered subclasses, imported eagerly')
    writeFiles(repo, { 'src/mypkg/__init__.py': 'from mypkg import base\n' })
    const head = gitCommit(repo, 'heavy no longer imported')
    const { target } = await compare(repo, base, head, ['--install', 'none'])
    expect(target.modules!.removed.map((m) => m.name)).toEqual(['mypkg.heavy'])
    // The hook ran because heavy's class statements ran: heavy going lazy explains it all.
    const names = target.function_changes!.map((c) => c.name)
    expect(names).not.toContain('mypkg.base._register')
    expect(names).not.toContain('mypkg.base.Base.__init_subclass__')
  })
  it('names a hook that more class statements ran, with the module that has them', async () => {
    const repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    const subclasses = (n: number) =>
      Array.from({ length: n }, (_, i) => `class C${i}(Base):\n    pass\n`).join('\n\n')
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT(''),
      'src/mypkg/__init__.py': 'from mypkg import base\nfrom mypkg import heavy\n',
      'src/mypkg/base.py':
        'REGISTRY = []\n\n\ndef _register(cls):\n    REGISTRY.append(cls.__name__)\n    return sum(range(20000))\n\n\nclass Base:\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__(**kw)\n        _register(cls)\n',
      'src/mypkg/heavy.py': `from mypkg.base import Base\n\n\n${subclasses(10)}`,
    })
    const base = gitCommit(repo, 'ten registered subclasses')
    writeFiles(repo, { 'src/mypkg/heavy.py': `from mypkg.base import Base\n\n\n${subclasses(30)}` })
    const head = gitCommit(repo, 'thirty')
    const { target } = await compare(repo, base, head, ['--install', 'none'])
    const hook = target.function_changes!.find(
      (c) => c.name === 'mypkg.base.Base.__init_subclass__',
    )
    expect(hook).toMatchObject({
      base_calls: 10,
      head_calls: 30,
      called_as: 'builtins.__build_class__',
    })
    expect(hook!.callers[0]).toMatchObject({
      module: 'mypkg.heavy',
      base_calls: 10,
      head_calls: 30,
    })
    // A class statement is how the hook runs, not a cause of its own.
    expect(target.function_changes!.map((c) => c.name)).not.toContain('builtins.__build_class__')
  })
})

describe('a dropped import, in the same change as a deferred module (issue 27)', () => {
  it('belongs to the module whose import of it went, not to the first chain on base', async () => {
    const repo = tempDir()
    repos.push(repo)
    gitInit(repo)
    writeFiles(repo, {
      'pyproject.toml': PYPROJECT(''),
      'src/mypkg/__init__.py': 'from mypkg import a\nfrom mypkg import b\n',
      'src/mypkg/a.py': 'from mypkg import b\n',
      'src/mypkg/b.py': 'import inspect\nimport platform\n',
    })
    const base = gitCommit(repo, 'a loads b first; b imports inspect and platform')
    writeFiles(repo, {
      'src/mypkg/__init__.py': 'from mypkg import b\n',
      'src/mypkg/b.py': 'X = 1\n',
    })
    const head = gitCommit(repo, 'a deferred, and b without its imports')
    const { doc, target } = await compare(repo, base, head, ['--install', 'none'])
    const removed = new Map(target.modules!.removed.map((m) => [m.name, m]))
    expect(removed.get('inspect')!.chain).toEqual(['mypkg', 'mypkg.a', 'mypkg.b', 'inspect'])
    // mypkg.a's cumulative time holds mypkg.b's, loaded on both sides: its own group does not.
    const a = removed.get('mypkg.a')!
    expect(a.group_ms).toBeLessThan(a.cumulative_ms / 4)
    const md = markdownReport(doc)
    expect(md).toMatch(/^### 🚀 .*: `mypkg\.b` no longer imports `inspect`/)
    expect(md).toContain('- `mypkg.b` no longer imports **`inspect`**')
    expect(md).toContain('- `mypkg.b` no longer imports **`platform`**')
    expect(md).not.toMatch(/no longer imports \*\*`mypkg\.a`\*\*: −\d+(\.\d+)? ms, \d{2,} modules/)
    // The package table names the cause that dropped a package, not the project.
    expect(md).not.toContain('gone with `mypkg`')
  })
})

// Function-level attribution from two call graphs, and the paths and lines it
// links to: hand-made graphs, so every rule is tested on its own.
import { describe, expect, it } from 'vitest'
import {
  diffFunctions,
  type FunctionNode,
  type FunctionProfile,
} from '../../src/analysis/attribution/function-diff.js'
import { callLines, importLine, sourcePath } from '../../src/analysis/attribution/source-paths.js'

type Edge = [caller: string, calls: number, ms: number]

const body = (module: string, ms = 1): FunctionNode => ({
  name: `${module}.<module>`,
  module,
  file: `/site/${module.replace(/\./g, '/')}.py`,
  line: 1,
  level: true,
  calls: 1,
  ms,
  callers: [],
})

const fn = (name: string, calls: number, ms: number, callers: Edge[]): FunctionNode => ({
  name,
  module: name.split('.').slice(0, -1).join('.'),
  file: `/site/${name.split('.').slice(0, -1).join('/')}.py`,
  line: 10,
  level: false,
  calls,
  ms,
  callers: callers.map(([caller, n, t]) => ({ name: caller, calls: n, ms: t })),
})

const profile = (...functions: FunctionNode[]): FunctionProfile => ({ functions, files: {} })
const modules = (...names: string[]) => new Set(names)

describe('diffFunctions', () => {
  const bodies = ['app.a', 'app.b'].map((m) => body(m))

  it("names the call a helper stopped making, though a module one side loads changed the helper's own count (tractor #478, issue 48: 1)", () => {
    // Base: three modules call get_logger(), and one more that only base loads
    // (`app.aio`); its nested get_caller_mod() calls inspect.stack() every time.
    // Head: the same helper, one call fewer, and no inspect.stack() at all.
    const callers = (n: number): Edge[] => [
      ['app.a.<module>', 1, n],
      ['app.b.<module>', 1, n],
      ['app.c.<module>', 1, n],
    ]
    const three = ['app.a', 'app.b', 'app.c'].map((m) => body(m))
    const base = profile(
      ...three,
      body('app.aio'),
      fn('app.log.get_logger', 4, 400, [...callers(100), ['app.aio.<module>', 1, 100]]),
      fn('app.log.get_logger.<locals>.get_caller_mod', 4, 399, [['app.log.get_logger', 4, 399]]),
      fn('inspect.stack', 4, 398, [['app.log.get_logger.<locals>.get_caller_mod', 4, 398]]),
      fn('inspect.getmodule', 300, 350, [['inspect.stack', 300, 350]]),
    )
    const head = profile(
      ...three,
      fn('app.log.get_logger', 3, 0.3, callers(0.1)),
      fn('app.log.get_logger.<locals>.get_caller_mod', 3, 0.1, [['app.log.get_logger', 3, 0.1]]),
    )
    const changes = diffFunctions(base, head, modules('app.aio'), modules(), 0.5)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({
      name: 'inspect.stack',
      side: 'base',
      baseCalls: 4,
      headCalls: 0,
      via: ['app.log.get_logger.<locals>.get_caller_mod', 'app.log.get_logger'],
      calledAs: 'app.log.get_logger',
    })
    expect(changes[0]!.callers.map((c) => c.module)).toEqual(['app.a', 'app.b', 'app.c'])
  })

  it('names a helper module code now calls, and where its time goes', () => {
    const base = profile(...bodies, fn('app.log.get_logger', 0, 0, []))
    const head = profile(
      ...bodies,
      fn('app.log.get_logger', 2, 40, [
        ['app.a.<module>', 1, 20],
        ['app.b.<module>', 1, 20],
      ]),
      fn('inspect.stack', 2, 39, [['app.log.get_logger', 2, 39]]),
      fn('inspect.getframeinfo', 20, 38, [['inspect.stack', 20, 38]]),
    )
    const [change, ...rest] = diffFunctions(base, head, modules(), modules(), 0.5)
    expect(change).toMatchObject({
      name: 'app.log.get_logger',
      side: 'head',
      baseCalls: 0,
      headCalls: 2,
      deltaMs: 40,
      via: [],
      calledAs: 'app.log.get_logger',
      mostlyIn: { name: 'inspect.stack' },
    })
    expect(change!.callers.map((c) => [c.module, c.baseCalls, c.headCalls])).toEqual([
      ['app.a', 0, 1],
      ['app.b', 0, 1],
    ])
    // inspect.stack and getframeinfo follow from get_logger: not listed again.
    expect(rest).toEqual([])
  })

  it('names the expensive call inside an unchanged helper, through the helper', () => {
    const helper = (calls: number, ms: number) =>
      fn('app.log.get_logger', calls, ms, [
        ['app.a.<module>', 1, ms / 2],
        ['app.b.<module>', 1, ms / 2],
      ])
    const base = profile(
      ...bodies,
      helper(2, 40),
      fn('inspect.stack', 2, 39, [['app.log.get_logger', 2, 39]]),
    )
    const head = profile(...bodies, helper(2, 1))
    const [change] = diffFunctions(base, head, modules('inspect'), modules(), 0.5)
    expect(change).toMatchObject({
      name: 'inspect.stack',
      side: 'base',
      baseCalls: 2,
      headCalls: 0,
      deltaMs: -39,
      via: ['app.log.get_logger'],
      calledAs: 'app.log.get_logger',
    })
    expect(change!.callers.map((c) => [c.module, c.baseCalls, c.headCalls])).toEqual([
      ['app.a', 1, 1],
      ['app.b', 1, 1],
    ])
  })

  it('walks up unchanged helpers to module code: a nested function calling inspect.stack (issue 27)', () => {
    // get_logger() defines get_caller_mod() inside itself, which calls
    // inspect.stack(); the modules call get_logger() at import, before and after.
    const nested = 'app.log.get_logger.<locals>.get_caller_mod'
    const side = (stack: boolean) =>
      profile(
        ...bodies,
        fn('app.log.get_logger', 2, stack ? 40 : 1, [
          ['app.a.<module>', 1, stack ? 20 : 0.5],
          ['app.b.<module>', 1, stack ? 20 : 0.5],
        ]),
        {
          ...fn(nested, 2, stack ? 39 : 0.2, [['app.log.get_logger', 2, stack ? 39 : 0.2]]),
          module: 'app.log',
        },
        ...(stack ? [fn('inspect.stack', 2, 38, [[nested, 2, 38]])] : []),
      )
    const [change] = diffFunctions(side(true), side(false), modules(), modules(), 0.5)
    expect(change).toMatchObject({
      name: 'inspect.stack',
      baseCalls: 2,
      headCalls: 0,
      via: [nested, 'app.log.get_logger'],
      calledAs: 'app.log.get_logger',
    })
    expect(change!.callers.map((c) => c.module)).toEqual(['app.a', 'app.b'])
  })

  it('names no hook whose calls came partly from class statements of modules one side loads', () => {
    const build = (callers: Edge[]) => ({
      ...fn('x', 0, 0, callers),
      name: 'builtins.__build_class__',
      module: null,
      file: null,
    })
    const hook = (calls: number) =>
      fn('typing._ProtocolMeta.__new__', calls, calls, [['builtins.__build_class__', calls, calls]])
    const base = profile(...bodies, build([['app.a.<module>', 25, 1]]), hook(25))
    const head = profile(
      ...bodies,
      body('nw.dtypes'),
      build([
        ['app.a.<module>', 30, 1],
        ['nw.dtypes.<module>', 101, 4],
      ]),
      hook(131),
    )
    expect(diffFunctions(base, head, modules(), modules('nw.dtypes'), 0.5)).toEqual([])
    // The same growth from a module both sides load is the hook's, through its class statements.
    const grown = profile(...bodies, build([['app.a.<module>', 131, 5]]), hook(131))
    const [change] = diffFunctions(base, grown, modules(), modules(), 0.5)
    expect(change).toMatchObject({
      name: 'typing._ProtocolMeta.__new__',
      calledAs: 'builtins.__build_class__',
    })
  })

  it('leaves calls made by the bodies of newly loaded modules to the module diff', () => {
    const compile = (calls: Edge[]) =>
      fn(
        're.compile',
        calls.reduce((n, [, c]) => n + c, 0),
        5,
        calls,
      )
    const base = profile(...bodies, compile([['app.a.<module>', 1, 0.1]]))
    const head = profile(
      ...bodies,
      body('rich.text'),
      fn('rich.text.make', 3, 4, [['rich.text.<module>', 3, 4]]),
      compile([
        ['app.a.<module>', 1, 0.1],
        ['rich.text.<module>', 40, 4],
        ['rich.text.make', 30, 3],
      ]),
    )
    expect(diffFunctions(base, head, modules(), modules('rich.text'), 0.5)).toEqual([])
  })

  it('names no function whose change modules one side loads make up through a helper (runpod #466, issue 48: 4)', () => {
    // `pycares` (both sides) writes `@dataclass` 40 times: dataclass() calls
    // wrap() itself. pydantic's modules (base only) add 24 more of those and
    // 30 `@dataclass(...)`, whose wrap() their own bodies call. Base:
    // dataclass() 94 calls, wrap() from it 64; head: 40 and 40. The helper's
    // per-call rate moved (0.68 → 1), yet pycares made every call as before.
    const base = profile(
      body('pycares'),
      body('pydantic.a'),
      body('pydantic.b'),
      fn('dataclasses.dataclass', 94, 30, [
        ['pycares.<module>', 40, 12],
        ['pydantic.a.<module>', 24, 8],
        ['pydantic.b.<module>', 30, 10],
      ]),
      fn('dataclasses.dataclass.<locals>.wrap', 94, 25, [
        ['dataclasses.dataclass', 64, 17],
        ['pydantic.b.<module>', 30, 8],
      ]),
    )
    const head = profile(
      body('pycares'),
      fn('dataclasses.dataclass', 40, 12, [['pycares.<module>', 40, 12]]),
      fn('dataclasses.dataclass.<locals>.wrap', 40, 10, [['dataclasses.dataclass', 40, 10]]),
    )
    const loaded = modules('pycares', 'pydantic.a', 'pydantic.b')
    expect(diffFunctions(base, head, loaded, modules('pycares'), 0.5)).toEqual([])
  })

  it('names no new wrapper whose time is work that base did elsewhere (runpod 68df2cee, issue 48: 5)', () => {
    // Base: the package body calls get_credentials(), and its config module is
    // loaded on both sides. Head: _load_api_key() wraps that call and loads the
    // module with importlib.import_module, whose frames the probe drops.
    const getCredentials = (caller: string) =>
      fn('app.config.get_credentials', 1, 0.3, [[caller, 1, 0.3]])
    const base = profile(...bodies, getCredentials('app.a.<module>'))
    const head = profile(
      ...bodies,
      {
        ...fn('app.a._load_api_key', 1, 26.2, [['app.a.<module>', 1, 26.2]]),
        importMs: 25.8,
      },
      getCredentials('app.a._load_api_key'),
    )
    expect(diffFunctions(base, head, modules(), modules(), 0.5)).toEqual([])
    // The same wrapper doing work of its own is named, with that work's time.
    const busy = profile(
      ...bodies,
      {
        ...fn('app.a._load_api_key', 1, 36.2, [['app.a.<module>', 1, 36.2]]),
        importMs: 25.8,
      },
      getCredentials('app.a._load_api_key'),
    )
    const [change] = diffFunctions(base, busy, modules(), modules(), 0.5)
    expect(change).toMatchObject({ name: 'app.a._load_api_key', baseCalls: 0, headCalls: 1 })
    expect(change!.deltaMs).toBeCloseTo(10.1, 5)
  })

  it("names no function a shared wrapper passes on for modules one side loads, above the wrapper's average (runpod #466 reversed)", () => {
    // typing's cache wrapper `inner` runs 1,000 times for modules both sides
    // load (List[...], Optional[...]), 30 of them Annotated[...]; base's
    // fastapi class bodies run it 400 times, 296 of them Annotated[...]. The
    // average rate (326 of 1,400) would bound fastapi's share at 93.
    const inner = 'typing._tp_cache.<locals>.decorator.<locals>.inner'
    const base = profile(
      body('app.a'),
      body('fastapi.params'),
      fn(inner, 1400, 40, [
        ['app.a.<module>', 1000, 20],
        ['fastapi.params.<module>', 400, 20],
      ]),
      fn('typing.Annotated.__class_getitem__', 326, 7, [[inner, 326, 7]]),
    )
    const head = profile(
      body('app.a'),
      fn(inner, 1000, 20, [['app.a.<module>', 1000, 20]]),
      fn('typing.Annotated.__class_getitem__', 30, 0.6, [[inner, 30, 0.6]]),
    )
    const names = diffFunctions(
      base,
      head,
      modules('app.a', 'fastapi.params'),
      modules('app.a'),
      0.5,
    )
    expect(names.map((c) => c.name)).not.toContain('typing.Annotated.__class_getitem__')
  })

  it('lists as callers only the modules whose calls it counts, not newly loaded ones', () => {
    // The project's module drops @dataclass while pydantic, newly loaded, calls it 13 times.
    const dataclass = (callers: Edge[]) =>
      fn(
        'dataclasses.dataclass',
        callers.reduce((n, [, c]) => n + c, 0),
        callers.reduce((n, [, , t]) => n + t, 0),
        callers,
      )
    const base = profile(...bodies, dataclass([['app.a.<module>', 1, 0.6]]))
    const head = profile(
      ...bodies,
      body('pydantic.types'),
      dataclass([['pydantic.types.<module>', 13, 7]]),
    )
    const [change] = diffFunctions(base, head, modules(), modules('pydantic.types'), 0.5)
    expect(change).toMatchObject({ name: 'dataclasses.dataclass', baseCalls: 1, headCalls: 0 })
    expect(change!.callers.map((c) => [c.module, c.baseCalls, c.headCalls])).toEqual([
      ['app.a', 1, 0],
    ])
  })

  it('lists nothing when the calls are the same, whatever the profiled times', () => {
    const graph = (ms: number) =>
      profile(...bodies, fn('app.log.get_logger', 2, ms, [['app.a.<module>', 2, ms]]))
    expect(diffFunctions(graph(10), graph(30), modules(), modules(), 0.5)).toEqual([])
  })

  it('lists nothing when the profiled time moved against the calls', () => {
    // One call fewer, yet more time: the time is the profiled run's noise, not the call's cost.
    const graph = (calls: number, ms: number) =>
      profile(...bodies, fn('re.compile', calls, ms, [['app.a.<module>', calls, ms]]))
    expect(diffFunctions(graph(32, 10), graph(31, 12.7), modules(), modules(), 0.5)).toEqual([])
    expect(diffFunctions(graph(31, 12.7), graph(32, 10), modules(), modules(), 0.5)).toEqual([])
    expect(diffFunctions(graph(32, 12.7), graph(31, 10), modules(), modules(), 0.5)).toHaveLength(1)
  })

  it('leaves out changes below the floor', () => {
    const base = profile(...bodies)
    const head = profile(...bodies, fn('app.util.tiny', 1, 0.2, [['app.a.<module>', 1, 0.2]]))
    expect(diffFunctions(base, head, modules(), modules(), 0.5)).toEqual([])
    expect(diffFunctions(base, head, modules(), modules(), 0.1)).toHaveLength(1)
  })
})

describe('sourcePath', () => {
  const tracked = ['pyproject.toml', 'src/app/__init__.py', 'src/app/log.py', 'tools/log.py']

  it('maps a file in the worktree, and an installed copy, to the tracked file', () => {
    expect(sourcePath('/tmp/w/head/src/app/log.py', '/tmp/w/head', tracked)).toBe('src/app/log.py')
    expect(
      sourcePath('/venv/lib/python3.13/site-packages/app/log.py', '/tmp/w/head', tracked),
    ).toBe('src/app/log.py')
  })

  it('gives null outside the repository and when the match is not its package', () => {
    expect(sourcePath('/usr/lib/python3.13/inspect.py', '/tmp/w/head', tracked)).toBeNull()
    // Only the file name matches: a log.py of some other package.
    expect(sourcePath('/venv/site-packages/other/log.py', '/tmp/w/head', tracked)).toBeNull()
    expect(sourcePath(null, '/tmp/w/head', tracked)).toBeNull()
  })
})

describe('callLines', () => {
  it('finds calls and decorators by the last part of the name, not comments or definitions', () => {
    const source = [
      'from app.log import get_logger',
      '# get_logger() here is a comment',
      'log = get_logger()',
      'def get_logger_twin():',
      '    pass',
      '@app.log.get_logger',
      'def f(): pass',
    ].join('\n')
    expect(callLines(source, 'app.log.get_logger')).toEqual([3, 6])
  })
})

describe('importLine', () => {
  it('finds the import of a module by its full or top-level name', () => {
    const source = [
      '"""Doc."""',
      'import os',
      'from rich.console import Console',
      'import rich',
    ].join('\n')
    expect(importLine(source, 'rich.console')).toBe(3)
    expect(importLine(source, 'rich')).toBe(4)
    expect(importLine(source, 'richer')).toBeNull()
    expect(importLine('import asyncio.events', 'asyncio')).toBe(1)
  })
})

describe('reading lines for names from the measured code (issue 29: 4)', () => {
  it('builds no regular expression from a module or function name', () => {
    // `(a+)+b` as a pattern backtracks exponentially on 33 a's: this must answer at once.
    const source = `import ${'a'.repeat(33)}c\nfrom x( import y\n`
    expect(importLine(source, '(a+)+b')).toBeNull()
    expect(importLine(source, 'x(')).toBeNull()
    expect(callLines(source, 'x(')).toEqual([2])
    const long = 'f'.repeat(70_000)
    expect(callLines(`${long}()\n`, `pkg.${long}`)).toEqual([1])
    expect(importLine(`from ${long} import g\n`, long)).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import {
  eagerMechanismOf,
  importedElsewhere,
  loads,
  mechanismOf,
  type FileImports,
  type ImportSite,
} from '../../src/analysis/attribution/import-mechanism.js'
import { parseSites } from '../../src/measure/import-sites.js'
import { lazyFormFor } from '../../src/analysis/attribution/lazy.js'
import { mechanismText } from '../../src/report/view/mechanism-text.js'

const site = (over: Partial<ImportSite>): ImportSite => ({
  line: 1,
  kind: 'import',
  modules: [],
  names: [],
  lazy: false,
  scope: 'module',
  function: null,
  ...over,
})
const file = (
  sites: ImportSite[],
  lazyModules: FileImports['lazyModules'] = null,
): FileImports => ({
  sites,
  lazyModules,
})
const eager = file([site({ line: 4, modules: ['rich.console'] })])

describe('loads', () => {
  it('knows what an import statement loads: packages of what it names, and from-imported submodules', () => {
    expect(loads(site({ modules: ['a.b.c'] }), 'a.b')).toBe(true)
    expect(loads(site({ modules: ['a.b'] }), 'a.b.c')).toBe(false)
    expect(loads(site({ modules: ['a.bc'] }), 'a.b')).toBe(false)
    expect(loads(site({ kind: 'from', modules: ['a'], names: ['b'] }), 'a.b')).toBe(true)
    expect(loads(site({ kind: 'from', modules: ['a.b'], names: ['x'] }), 'a')).toBe(true)
  })
})

describe('mechanismOf', () => {
  const of = (head: FileImports, base: FileImports | null = eager) =>
    mechanismOf('rich.console', 'app', base, head)

  it('tells each way an import stops loading a module, with the line', () => {
    expect(of(file([site({ line: 3, modules: ['rich.console'], lazy: true })]))).toMatchObject({
      mechanism: 'lazy-statement',
      side: 'head',
      line: 3,
    })
    expect(
      of(
        file([site({ line: 5, modules: ['rich.console'] })], { line: 2, names: ['rich.console'] }),
      ),
    ).toMatchObject({ mechanism: 'lazy-modules', line: 2 })
    expect(
      of(file([site({ line: 9, modules: ['rich.console'], scope: 'function', function: 'show' })])),
    ).toMatchObject({ mechanism: 'function', line: 9, function: 'show' })
    expect(
      of(
        file([
          site({
            line: 7,
            kind: 'from',
            modules: ['rich'],
            names: ['console'],
            scope: 'getattr',
            function: '__getattr__',
          }),
        ]),
      ),
    ).toMatchObject({ mechanism: 'module-getattr', line: 7 })
    expect(
      of(file([site({ line: 6, modules: ['rich.console'], scope: 'type-checking' })])),
    ).toMatchObject({ mechanism: 'type-checking', line: 6 })
    // Under TYPE_CHECKING for annotations and in a function for run time: the function says when it loads.
    expect(
      of(
        file([
          site({ line: 6, modules: ['rich.console'], scope: 'type-checking' }),
          site({ line: 11, modules: ['rich.console'], scope: 'function', function: 'show' }),
        ]),
      ),
    ).toMatchObject({ mechanism: 'function', line: 11, function: 'show' })
    expect(of(file([site({ line: 1, modules: ['json'] })]))).toEqual({
      mechanism: 'import-removed',
      importer: 'app',
      side: 'base',
      line: 4,
      function: null,
    })
  })

  it('says nothing where the source does not tell', () => {
    // Still imported at module level, not listed lazy: something else changed.
    expect(of(eager)).toBeNull()
    expect(of(file([site({ modules: ['rich.console'] })], { line: 2, names: ['json'] }))).toBeNull()
    // Under a condition other than TYPE_CHECKING: whether it ran is not in the source.
    expect(of(file([site({ modules: ['rich.console'], scope: 'conditional' })]))).toBeNull()
    // Neither side's file read.
    expect(mechanismOf('rich.console', 'app', null, null)).toBeNull()
    expect(of(file([]), null)).toBeNull()
  })

  it("gives a package's submodule, loaded when a name is imported from the package, that statement's mechanism", () => {
    // `from pydantic import BaseModel` loads `pydantic.main` through pydantic's __getattr__.
    const from = (over: Partial<ImportSite>) =>
      site({ kind: 'from', modules: ['pydantic'], names: ['BaseModel'], ...over })
    const base = file([from({ line: 1 })])
    const moved = file([from({ line: 2, scope: 'function', function: 'user_model' })])
    expect(mechanismOf('pydantic.main', 'app.models', base, moved)).toMatchObject({
      mechanism: 'function',
      line: 2,
      function: 'user_model',
    })
    expect(mechanismOf('pydantic.main', 'app.models', base, file([]))).toMatchObject({
      mechanism: 'import-removed',
      side: 'base',
      line: 1,
    })
    // Still imported from at module level: the package changed, not the importer.
    expect(mechanismOf('pydantic.main', 'app.models', base, base)).toBeNull()
    expect(mechanismOf('pydanticx.main', 'app.models', base, moved)).toBeNull()
  })
})

describe('eagerMechanismOf', () => {
  // The mirror: base kept rich.console from loading, head imports it at line 4.
  const of = (base: FileImports | null, head: FileImports | null = eager) =>
    eagerMechanismOf('rich.console', 'app', base, head)

  it("names head's module-level import, and what base had instead", () => {
    expect(of(file([site({ line: 1, modules: ['json'] })]))).toEqual({
      mechanism: 'import-added',
      importer: 'app',
      side: 'head',
      line: 4,
      function: null,
    })
    expect(
      of(file([site({ line: 9, modules: ['rich.console'], scope: 'function', function: 'show' })])),
    ).toEqual({
      mechanism: 'made-eager',
      importer: 'app',
      side: 'head',
      line: 4,
      function: null,
      before: { mechanism: 'function', line: 9, function: 'show' },
    })
    expect(of(file([site({ line: 3, modules: ['rich.console'], lazy: true })]))).toMatchObject({
      mechanism: 'made-eager',
      before: { mechanism: 'lazy-statement', line: 3 },
    })
    expect(
      of(
        file([site({ line: 5, modules: ['rich.console'] })], { line: 2, names: ['rich.console'] }),
      ),
    ).toMatchObject({ mechanism: 'made-eager', before: { mechanism: 'lazy-modules', line: 2 } })
    expect(
      of(file([site({ line: 6, modules: ['rich.console'], scope: 'type-checking' })])),
    ).toMatchObject({ mechanism: 'made-eager', before: { mechanism: 'type-checking', line: 6 } })
  })

  it('says nothing where the source does not tell', () => {
    // The same module-level import on both sides: something else changed.
    expect(of(eager)).toBeNull()
    // Head imports it only in a function, lazily, or listed in __lazy_modules__: not what loaded it.
    const inFunction = file([site({ modules: ['rich.console'], scope: 'function' })])
    expect(of(file([]), inFunction)).toBeNull()
    expect(of(file([]), file([site({ modules: ['rich.console'], lazy: true })]))).toBeNull()
    const listed = file([site({ modules: ['rich.console'] })], { line: 1, names: ['rich.console'] })
    expect(of(file([]), listed)).toBeNull()
    // Base's file not read: whether the import is new is unknown.
    expect(of(null)).toBeNull()
  })

  it('reads as a reviewer would', () => {
    const at = '`app.py:4`'
    const how = of(
      file([site({ line: 9, modules: ['rich.console'], scope: 'function', function: 'show' })]),
    )!
    expect(mechanismText({ ...how, path: 'app.py' }, at, (t) => `\`${t}\``)).toBe(
      'imported at module level at `app.py:4`; in base the import was inside `show()` at line 9',
    )
    const added = of(file([]))!
    expect(mechanismText({ ...added, path: 'app.py' }, at, (t) => t)).toBe(
      'imported at `app.py:4`, an import new in head',
    )
  })
})

describe('importedElsewhere (issue 48: 11)', () => {
  it("finds where another module of base had the import, when head's importer adds one", () => {
    // Base: `app.cli`'s main() imports rich; head: `app.output` imports it at module level.
    const files = new Map([
      ['/b/app/__init__.py', { importer: 'app', imports: file([site({ modules: ['json'] })]) }],
      [
        '/b/app/cli.py',
        {
          importer: 'app.cli',
          imports: file([
            site({ line: 12, modules: ['rich.console'], scope: 'function', function: 'main' }),
          ]),
        },
      ],
    ])
    const found = importedElsewhere('rich.console', files)
    expect(found).toEqual({
      mechanism: 'function',
      line: 12,
      function: 'main',
      importer: 'app.cli',
      file: '/b/app/cli.py',
    })
    const how = {
      ...eagerMechanismOf('rich.console', 'app.output', file([]), eager)!,
      path: 'src/app/output.py',
      before: { ...found!, path: 'src/app/cli.py' },
    }
    expect(mechanismText(how, '`src/app/output.py:4`', (t) => `\`${t}\``)).toBe(
      'imported at `src/app/output.py:4`, an import new in head; in base it was imported only inside `main()`, in `app.cli` at `src/app/cli.py:12`',
    )
    // A module-level import elsewhere ran at import: it is not where base "had" it.
    const eagerElsewhere = new Map([
      [
        '/b/app/cli.py',
        { importer: 'app.cli', imports: file([site({ modules: ['rich.console'] })]) },
      ],
    ])
    expect(importedElsewhere('rich.console', eagerElsewhere)).toBeNull()
  })
})

describe('parseSites', () => {
  it('reads the reader report and leaves out what is not one', () => {
    const good = {
      sites: [
        {
          line: 2,
          kind: 'from',
          modules: ['a'],
          names: ['b'],
          lazy: true,
          scope: 'module',
          function: null,
        },
      ],
      lazy_modules: { line: 1, names: ['a'] },
    }
    const sites = parseSites(
      JSON.stringify({
        '/x/a.py': good,
        '/x/bad.py': { sites: [{ line: 'two' }] },
        '/x/err.py': { error: 'SyntaxError: invalid syntax' },
      }),
    )
    expect([...sites.keys()]).toEqual(['/x/a.py'])
    expect(sites.get('/x/a.py')).toEqual({
      sites: [site({ line: 2, kind: 'from', modules: ['a'], names: ['b'], lazy: true })],
      lazyModules: { line: 1, names: ['a'] },
    })
    expect(parseSites('not json').size).toBe(0)
  })
})

describe('lazyFormFor', () => {
  it.each([
    [null, 'lazy-modules'],
    ['', 'lazy-modules'],
    ['>=3.9', 'lazy-modules'],
    ['>=3.10, <4', 'lazy-modules'],
    ['~=3.14', 'lazy-modules'],
    ['>3.14', 'lazy-modules'],
    ['<3.15', 'lazy-modules'],
    ['>=3.15', 'statement'],
    ['>=3.9,>=3.15', 'statement'],
    ['==3.15.*', 'statement'],
    ['>=4', 'statement'],
  ] as const)('requires-python %j → %s', (spec, form) => {
    expect(lazyFormFor(spec)).toBe(form)
  })
})

// The proof's decision (analysis/verdict/proof.ts) on facts as the command
// gathers them: each reason it refuses for, and the evidence it keeps when it holds.
import { describe, expect, it } from 'vitest'
import { prove, type ProofFacts, type TraceFacts } from '../../src/analysis/verdict/proof.js'

const CORE = '{env}/lib/python3.13/site-packages/pkg/core.py'

const trace = (over: Partial<TraceFacts> = {}): TraceFacts => ({
  ok: true,
  error: null,
  how: 'sys.monitoring',
  modules: {
    pkg: '{env}/lib/python3.13/site-packages/pkg/__init__.py',
    'pkg.core': CORE,
    sys: null,
  },
  lines: { [CORE]: [1, 2] },
  touched: [],
  startup: [],
  overflow: false,
  threads: 0,
  ...over,
})

const facts = (over: Partial<ProofFacts> = {}): ProofFacts => ({
  traces: { base: [trace(), trace()], head: [trace(), trace()] },
  differing: [
    { path: '{tree}/src/pkg/core.py', presence: 'both' },
    {
      path: CORE,
      presence: 'both',
      owner: { name: 'pkg', versions: { base: '1.0', head: '1.0' }, project: true },
    },
  ],
  lines: [
    { path: CORE, ran: { base: [], head: [] }, codeBytes: { base: 900, head: 940 }, error: null },
  ],
  minDeltaMs: 0.5,
  ...over,
})

describe('the proof', () => {
  it('holds when no changed line ran and nothing changed is read, and keeps its evidence', () => {
    const proof = prove(facts())
    expect(proof).toMatchObject({
      holds: true,
      reason: null,
      changed: 1,
      differing: 2,
      loaded: ['pkg/core.py'],
      modules: 3,
      codeBytesDelta: 40,
      sourcesUnchanged: false,
    })
    expect(proof.loadBoundMs).toBeCloseTo(0.0012)
  })

  it('names the first changed line that ran, on head or on base', () => {
    const ran = (base: number[], head: number[]) =>
      prove(
        facts({
          lines: [
            { path: CORE, ran: { base, head }, codeBytes: { base: 1, head: 1 }, error: null },
          ],
        }),
      )
    expect(ran([], [41, 42]).reason).toBe('`pkg/core.py:41` runs at import and changed')
    expect(ran([7], []).reason).toBe("`pkg/core.py:7` (base's line) ran at import and changed")
  })

  it('refuses a dependency that changed, and a file no distribution lists', () => {
    const dependency = prove(
      facts({
        differing: [
          {
            path: '{env}/lib/python3.13/site-packages/requests/api.py',
            presence: 'both',
            owner: {
              name: 'requests',
              versions: { base: '2.31.0', head: '2.32.0' },
              project: false,
            },
          },
        ],
      }),
    )
    expect(dependency.reason).toBe('the dependency `requests` changed (2.31.0 → 2.32.0)')
    const pth = prove(
      facts({
        differing: [
          { path: '{env}/lib/python3.13/site-packages/x.pth', presence: 'head', owner: null },
        ],
      }),
    )
    expect(pth.reason).toBe('`x.pth` changed, and no installed distribution lists it')
  })

  it('refuses a changed file the import opened, looked up, or whose folder it listed', () => {
    const data = { path: '{tree}/src/pkg/data.json', presence: 'both' as const }
    const touched = (event: string, path: string) =>
      prove(
        facts({
          differing: [data],
          traces: {
            base: [trace({ touched: [{ event, path }] }), trace({ touched: [{ event, path }] })],
            head: [trace(), trace()],
          },
        }),
      ).reason
    expect(touched('open', data.path)).toBe('`src/pkg/data.json` is read at import and changed')
    expect(touched('stat', data.path)).toBe(
      '`src/pkg/data.json` is looked up at import and changed',
    )
    expect(touched('os.listdir', '{tree}/src/pkg')).toBe(
      '`src/pkg` is listed at import, and `src/pkg/data.json` changed',
    )
  })

  it('refuses a submodule or a symbolic link it cannot see into', () => {
    const opaque = prove(
      facts({ differing: [{ path: '{tree}/vendored', presence: 'both', opaque: 'submodule' }] }),
    )
    expect(opaque.reason).toMatch(/submodule `vendored` changed/)
  })

  it('refuses when two traced imports of one side disagree, or the sides load different modules', () => {
    const flaky = prove(
      facts({
        traces: {
          base: [trace(), trace({ lines: { [CORE]: [1, 2, 9] } })],
          head: [trace(), trace()],
        },
      }),
    )
    expect(flaky.reason).toMatch(/two traced imports of base differed/)
    const more = trace({
      modules: { ...trace().modules, json: '/usr/lib/python3.13/json/__init__.py' },
    })
    const modules = prove(facts({ traces: { base: [trace(), trace()], head: [more, more] } }))
    expect(modules.reason).toBe('head loads 1 module base does not (`json`)')
  })

  it('refuses code that grew past what min-delta allows to load', () => {
    const grown = prove(
      facts({
        lines: [
          {
            path: CORE,
            ran: { base: [], head: [] },
            codeBytes: { base: 1000, head: 60_000 },
            error: null,
          },
        ],
      }),
    )
    expect(grown.reason).toMatch(
      /changed by 59000 bytes; loading it could cost up to 1\.77 ms, not under min-delta \(0\.5 ms\)/,
    )
  })

  it('refuses a failed trace, and a thread settrace could not follow', () => {
    const failed = prove(
      facts({ traces: { base: [trace({ ok: false, error: 'ImportError: x' })], head: [trace()] } }),
    )
    expect(failed.reason).toBe('the traced import failed on base (ImportError: x)')
    const threaded = trace({ how: 'sys.settrace', threads: 1 })
    expect(
      prove(facts({ traces: { base: [threaded, threaded], head: [trace(), trace()] } })).reason,
    ).toMatch(/left a thread running on base/)
  })

  it('proves the cache states too when no loaded source changed', () => {
    const proof = prove(
      facts({ differing: [{ path: '{tree}/README.md', presence: 'both' }], lines: [] }),
    )
    expect(proof).toMatchObject({ holds: true, sourcesUnchanged: true, loaded: [] })
  })

  it('refuses what start-up runs before any tracer: a .pth file, a module loaded at start-up', () => {
    const pth = {
      path: '{env}/lib/python3.13/site-packages/pkg.pth',
      presence: 'both' as const,
      owner: { name: 'pkg', versions: { base: '1.0', head: '1.0' }, project: true },
    }
    expect(prove(facts({ differing: [pth] })).reason).toBe(
      '`pkg.pth` changed, and Python runs .pth files at start-up',
    )
    const early = trace({ startup: [CORE] })
    expect(prove(facts({ traces: { base: [early, early], head: [early, early] } })).reason).toBe(
      '`pkg/core.py` runs at start-up, before the import, and changed',
    )
  })

  it("tells a module's own file, opened to load it, from data read through its loader", () => {
    const data = {
      path: '{env}/lib/python3.13/site-packages/pkg/data.json',
      presence: 'both' as const,
      owner: { name: 'pkg', versions: { base: '1.0', head: '1.0' }, project: true },
    }
    const loads = (path: string) => trace({ touched: [{ event: 'load', path }] })
    const viaLoader = prove(
      facts({
        differing: [data],
        traces: { base: [loads(data.path), loads(data.path)], head: [trace(), trace()] },
      }),
    )
    expect(viaLoader.reason).toBe('`pkg/data.json` is read at import and changed')
    const own = prove(
      facts({ traces: { base: [loads(CORE), loads(CORE)], head: [loads(CORE), loads(CORE)] } }),
    )
    expect(own.holds).toBe(true)
  })
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/model/errors.js'
import {
  compareRequest as compareConfig,
  measureRequest as measureConfig,
} from '../../src/config/requests.js'
import { parseInstall } from '../../src/settings/install-mode.js'
import { moduleNameProblem } from '../../src/settings/module-name.js'
import { readPyproject } from '../../src/config/pyproject.js'
import { checkBudgets, resolveSettings } from '../../src/settings/settings.js'

const resolve = (...sources: Parameters<typeof resolveSettings>[0]) => resolveSettings(sources, 1)
import { parseCount, parseDuration, parsePercent } from '../../src/settings/units.js'

const made: string[] = []
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'importgate-config-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

describe('module names', () => {
  it.each(['mypkg', 'mypkg.sub.mod', '_private', 'pkg2', 'café', 'a.b_c.D9'])(
    'accepts %s',
    (name) => {
      expect(moduleNameProblem(name)).toBeNull()
    },
  )

  it.each([
    ['my-pkg', /no hyphens.*my_pkg/],
    ['src/mypkg/cli.py', /file path/],
    ['.relative', /relative/],
    ['a..b', /empty part/],
    ['', /empty/],
    ['pkg.class', /keyword/],
    ['9lives', /not a Python identifier/],
    ['a b', /not a Python identifier/],
    ['pkg;rm -rf /', /file path|not a Python identifier/],
    ['$(whoami)', /not a Python identifier/],
  ])('refuses %j', (name, reason) => {
    expect(moduleNameProblem(name)).toMatch(reason)
  })
})

describe('units', () => {
  it('parses durations with and without units', () => {
    expect(parseDuration('--max-time', '120', 's')).toBe(120_000)
    expect(parseDuration('--max-time', '2m', 's')).toBe(120_000)
    expect(parseDuration('min-delta', '300ms', 'ms')).toBe(300)
    expect(parseDuration('min-delta', '0.3s', 'ms')).toBe(300)
    expect(() => parseDuration('--max-time', 'soon', 's')).toThrow(
      /--max-time: "soon" is not a duration/,
    )
  })

  it('refuses durations past a day, and a sample timeout of zero in pyproject (issue 29: 11)', () => {
    // 3,000,000 s overflowed Node's timers: every sample was killed at once.
    expect(() => parseDuration('--sample-timeout', '3000000', 's')).toThrow(
      /--sample-timeout: "3000000" is longer than a day; budgets and timeouts are at most 86400 s/,
    )
    expect(() => parseDuration('--max-time', '100000000000000000000', 's')).toThrow(UsageError)
    expect(parseDuration('--max-time', '1440m', 's')).toBe(86_400_000)
  })

  it('parses counts and percentages', () => {
    expect(parseCount('--min-pairs', '20', 1)).toBe(20)
    expect(() => parseCount('--min-pairs', '0', 1)).toThrow(
      /--min-pairs: "0" is not a whole number of at least 1/,
    )
    expect(() => parseCount('--min-pairs', '2.5', 1)).toThrow(UsageError)
    expect(parsePercent('threshold', '5%')).toBe(5)
    expect(() => parsePercent('threshold', 'five')).toThrow(/threshold: "five"/)
  })
})

describe('measure configuration', () => {
  const dir = scratch()

  it('names the flag and the value for a bad target', () => {
    expect(() => measureConfig({ target: ['my-pkg'] }, dir)).toThrow(
      /-t\/--target: "my-pkg" is not a Python module name: .*did you mean my_pkg\?/,
    )
  })

  it('refuses install modes it does not have, bad budgets and missing folders', () => {
    expect(() => measureConfig({ target: ['a'], install: 'conda' }, dir)).toThrow(
      /--install: "conda" is not an install mode; use none, current, auto, pip, uv, or a shell command/,
    )
    expect(() => measureConfig({ budget: ['shop'] }, dir)).toThrow(
      /--budget: "shop" should be TARGET=DURATION/,
    )
    expect(() => measureConfig({ target: ['a'], 'max-time': '0' }, dir)).toThrow(
      /--max-time: "0" must be more than zero/,
    )
    expect(() => measureConfig({ target: ['a'], overtime: '-5' }, dir)).toThrow(
      /--overtime: "-5" is not a duration/,
    )
    expect(measureConfig({ target: ['a'], overtime: '0' }, dir).given.overtimeMs).toBe(0)
    expect(() => measureConfig({ target: ['a'], repo: join(dir, 'missing') }, dir)).toThrow(
      /-C\/--repo: .*missing is not a directory/,
    )
  })

  it('keeps only what the flags said, for the project settings to fill in', () => {
    const config = measureConfig(
      { target: ['a', 'a'], budget: ['a=0.3s'], forbid: ['paramiko'] },
      dir,
    )
    expect(config.given).toMatchObject({
      targets: ['a'],
      budgetsMs: { a: 300 },
      forbid: ['paramiko'],
    })
    expect(config.given.minPairs).toBeUndefined()
  })
})

describe('settings', () => {
  it('merges sources, first given wins, over the defaults', () => {
    const r = resolve({ thresholdPct: 3 }, { thresholdPct: 50, minDeltaMs: 2, maxModules: 600 }, {})
    expect(r.gate).toMatchObject({
      thresholdPct: 3,
      minDeltaMs: 2,
      instructionsThresholdPct: 1,
      alpha: 0.01,
      maxModules: 600,
      forbid: [],
      budgetsMs: {},
      enforceLazy: false,
    })
    expect(r.sampling).toMatchObject({
      minPairs: 20,
      maxPairs: 2000,
      maxTimeMs: 120_000,
      overtimeMs: 240_000,
      warmups: 3,
      profileRuns: 5,
    })
    // Overtime scales with the budget the user chose, unless set itself (0: none).
    expect(resolve({ maxTimeMs: 10_000 }).sampling.overtimeMs).toBe(20_000)
    expect(resolve({ overtimeMs: 0 }, { maxTimeMs: 10_000 }).sampling.overtimeMs).toBe(0)
    expect(() => resolve({ minPairs: 50 }, { maxPairs: 10 })).toThrow(
      /max-pairs 10 is less than min-pairs 50/,
    )
  })
})

describe('[tool.importgate] in pyproject.toml', () => {
  const project = (toml: string) => {
    const dir = scratch()
    writeFileSync(join(dir, 'pyproject.toml'), toml)
    return dir
  }
  const read = (toml: string) => readPyproject(project(toml))
  const file = /pyproject\.toml/.source

  it('refuses a sample-timeout of zero, naming the file and key', () => {
    expect(() => read('[tool.importgate]\nsample-timeout = "0s"\n')).toThrow(
      /sample-timeout.*"0s" must be more than zero/,
    )
  })

  it('reads every key into settings', () => {
    const { settings, raw } = read(`[tool.importgate]
targets = ["shop", "shop.cli"]
threshold = "3%"
instructions-threshold = "2%"
min-delta = "0.5ms"
alpha = 0.05
max-modules = 600
forbid = ["paramiko"]
enforce-lazy = true
min-pairs = 30
max-pairs = 100
max-time = "90s"
overtime = "0s"
sample-timeout = 30
warmup = 2
profile-runs = 5
install = "uv"

[tool.importgate.budgets]
shop = "300ms"
"shop.cli" = 0.5
`)
    expect(settings).toEqual({
      targets: ['shop', 'shop.cli'],
      thresholdPct: 3,
      instructionsThresholdPct: 2,
      minDeltaMs: 0.5,
      alpha: 0.05,
      maxModules: 600,
      forbid: ['paramiko'],
      enforceLazy: true,
      minPairs: 30,
      maxPairs: 100,
      maxTimeMs: 90_000,
      overtimeMs: 0,
      sampleTimeoutMs: 30_000,
      warmups: 2,
      profileRuns: 5,
      install: { kind: 'uv' },
      budgetsMs: { shop: 300, 'shop.cli': 0.5 },
    })
    expect(raw.threshold).toBe('3%')
  })

  it('reads the modules to watch, and names a bad one', () => {
    expect(read('[tool.importgate]\nwatch = ["paramiko", "shop.ssh"]\n').settings).toEqual({
      watch: ['paramiko', 'shop.ssh'],
    })
    expect(() => read('[tool.importgate]\nwatch = ["my-pkg"]\n')).toThrow(
      /\[tool\.importgate\] watch: "my-pkg" is not a Python module name/,
    )
    expect(resolve({ watch: ['a'] }, { watch: ['b'] }).watch).toEqual(['a'])
  })

  it('reads the metrics to report, and names a bad one', () => {
    expect(read('[tool.importgate]\nmetrics = ["import_ms", "cpu_ms"]\n').settings).toEqual({
      metrics: ['import_ms', 'cpu_ms'],
    })
    expect(() => read('[tool.importgate]\nmetrics = ["rss"]\n')).toThrow(
      new RegExp(
        `${file}: \\[tool\\.importgate\\] metrics: "rss" is not a metric; use import_ms, cpu_ms`,
      ),
    )
    // The primary metric is always measured, first.
    expect(resolve({ metrics: ['cpu_ms'] }).metrics).toEqual(['import_ms', 'cpu_ms'])
    expect(resolve({}).metrics).toEqual(['import_ms'])
  })

  it('reports TOML that does not parse, with its position', () => {
    expect(() => read('[tool.importgate\ntargets = 1\n')).toThrow(
      new RegExp(`${file}: not valid TOML \\(line 1, column \\d+\\)`),
    )
  })

  it('reports an unknown key and suggests the nearest', () => {
    expect(() => read('[tool.importgate]\ntreshold = "5%"\n')).toThrow(
      new RegExp(
        `${file}: \\[tool\\.importgate\\] has an unknown key "treshold"; did you mean "threshold"\\? Known keys: targets, install, min-pairs`,
      ),
    )
    expect(() => read('[tool.importgate]\nmaxmodules = 5\n')).toThrow(/did you mean "max-modules"/)
  })

  it.each(['__proto__', 'hasOwnProperty', 'toString', 'constructor', 'valueOf'])(
    'refuses a key named like an Object member (%s) as unknown, naming it (issue 47: M3)',
    (key) => {
      const quoted = key === '__proto__' ? '"__proto__"' : key
      expect(() => read(`[tool.importgate]\n${quoted} = "5%"\n`)).toThrow(
        new RegExp(`${file}: \\[tool\\.importgate\\] has an unknown key "${key}"`),
      )
    },
  )

  it.each([
    ['targets = "shop"', /\[tool\.importgate\] targets = "shop": expected a list of module names/],
    [
      'targets = ["shop-cli"]',
      /\[tool\.importgate\] targets: "shop-cli" is not a Python module name/,
    ],
    [
      'max-modules = "many"',
      /\[tool\.importgate\] max-modules: "many" is not a whole number of at least 1/,
    ],
    ['max-modules = true', /\[tool\.importgate\] max-modules = true: expected a whole number/],
    ['alpha = 2', /\[tool\.importgate\] alpha = 2: expected a number between 0 and 0\.5/],
    ['enforce-lazy = "yes"', /\[tool\.importgate\] enforce-lazy = "yes": expected true or false/],
    ['forbid = [1, 2]', /\[tool\.importgate\] forbid = \[1,2\]: expected a list of module names/],
    [
      'threshold = ["5%"]',
      /\[tool\.importgate\] threshold = \["5%"\]: expected a percentage such as "5%"/,
    ],
    [
      'instructions-threshold = 0',
      /\[tool\.importgate\] instructions-threshold: "0" must be more than 0%/,
    ],
    ['install = "pipp"', /\[tool\.importgate\] install: "pipp" is not an install mode/],
    // Issue 29 (low): an empty list would skip every pull request, a silent pass.
    ['affects = []', /\[tool\.importgate\] affects = \[\]: no file could then affect importing/],
    [
      'budgets = "300ms"',
      /\[tool\.importgate\] budgets = "300ms": expected a table of target = "duration"/,
    ],
  ])('reports a wrong type or value: %s', (line, message) => {
    expect(() => read(`[tool.importgate]\n${line}\n`)).toThrow(message)
    expect(() => read(`[tool.importgate]\n${line}\n`)).toThrow(/pyproject\.toml/)
  })

  it('reports a bad duration with the key and the value', () => {
    expect(() => read('[tool.importgate]\nmin-delta = "fast"\n')).toThrow(
      /pyproject\.toml: \[tool\.importgate\] min-delta: "fast" is not a duration; use a number of milliseconds or one with a unit, such as 300ms/,
    )
    expect(() => read('[tool.importgate.budgets]\nshop = "soon"\n')).toThrow(
      /\[tool\.importgate\] budgets\.shop: "soon" is not a duration/,
    )
  })

  it('reports a budget for a target that is not one', () => {
    const { file: path, settings } = read(
      '[tool.importgate]\ntargets = ["shop"]\n[tool.importgate.budgets]\nshopp = "300ms"\n',
    )
    const { gate } = resolve(settings)
    expect(() =>
      checkBudgets(gate.budgetsMs, settings.targets!, `${path} [tool.importgate]`),
    ).toThrow(
      /pyproject\.toml \[tool\.importgate\]: budgets names "shopp", which is not a target; the targets are "shop"/,
    )
  })

  it('is empty without the file or the table', () => {
    expect(readPyproject(scratch())).toEqual({ file: null, settings: {}, raw: {} })
    expect(read('[project]\nname = "x"\n').settings).toEqual({})
  })
})

describe('install modes', () => {
  const all = ['auto', 'none', 'pip', 'uv'] as const
  it('knows the strategies and takes anything shell-like as a command', () => {
    expect(parseInstall('--install', 'uv', all)).toEqual({ kind: 'uv' })
    expect(parseInstall('--install', 'pip install .[fast]', all)).toEqual({
      kind: 'command',
      command: 'pip install .[fast]',
    })
    expect(parseInstall('--install', './scripts/install.sh', all)).toMatchObject({
      kind: 'command',
    })
  })

  it('refuses a lone unknown word instead of running it, and modes that do not apply', () => {
    expect(() => parseInstall('--install', 'pipp', all)).toThrow(
      /--install: "pipp" is not an install mode; use auto, none, pip, uv/,
    )
    expect(() => parseInstall('--install', 'current', all)).toThrow(
      /"current" is not an install mode here/,
    )
  })
})

describe('compare configuration', () => {
  const dir = scratch()
  it('needs exactly two revisions', () => {
    expect(() => compareConfig({}, ['main'], dir)).toThrow(
      /compare needs two revisions, base then head.*got 1/,
    )
  })

  it('applies the gate defaults and parses overrides', () => {
    expect(compareConfig({}, ['main', 'HEAD'], dir)).toMatchObject({
      baseRef: 'main',
      headRef: 'HEAD',
      projectSubdir: '',
    })
    const c = compareConfig(
      {
        threshold: '3%',
        'instructions-threshold': '2.5',
        'min-delta': '0.5ms',
        alpha: '0.05',
        'project-dir': 'py',
      },
      ['a', 'b'],
      dir,
    )
    expect(c.given).toMatchObject({
      thresholdPct: 3,
      instructionsThresholdPct: 2.5,
      minDeltaMs: 0.5,
      alpha: 0.05,
    })
    expect(c.projectSubdir).toBe('py')
  })

  it('names the flag and value for bad gate settings', () => {
    expect(() => compareConfig({ alpha: '2' }, ['a', 'b'], dir)).toThrow(
      /--alpha: "2" must be a number between 0 and 0\.5/,
    )
    expect(() => compareConfig({ threshold: 'lots' }, ['a', 'b'], dir)).toThrow(
      /--threshold: "lots" is not a percentage/,
    )
    expect(() => compareConfig({ 'instructions-threshold': '0%' }, ['a', 'b'], dir)).toThrow(
      /--instructions-threshold: "0%" must be more than 0%, such as 1%/,
    )
    expect(() => compareConfig({ 'project-dir': '../elsewhere' }, ['a', 'b'], dir)).toThrow(
      /--project-dir: "..\/elsewhere" is outside the repository/,
    )
    expect(() => compareConfig({ 'profile-runs': '0' }, ['a', 'b'], dir)).toThrow(
      /--profile-runs: "0" is not a whole number from 1 to 100/,
    )
    // Counts that each cost a run have a ceiling; a seed past 2^53 would be rounded.
    expect(() => compareConfig({ warmup: '1000000000' }, ['a', 'b'], dir)).toThrow(
      /--warmup: "1000000000" is not a whole number from 0 to 100/,
    )
    expect(() => compareConfig({ seed: '9007199254740993' }, ['a', 'b'], dir)).toThrow(
      /--seed: "9007199254740993" is not a whole number of at least 0/,
    )
  })
})

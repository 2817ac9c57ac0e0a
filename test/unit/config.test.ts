import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/config/errors.js'
import { compareConfig } from '../../src/config/compare-config.js'
import { measureConfig } from '../../src/config/measure-config.js'
import { parseInstall } from '../../src/env/install-spec.js'
import { moduleNameProblem } from '../../src/config/module-name.js'
import { readPyproject } from '../../src/config/pyproject.js'
import { parseCount, parseDuration, parsePercent } from '../../src/config/units.js'

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

  it('explains how to give targets when there are none', () => {
    expect(() => measureConfig({}, dir)).toThrow(/no targets: pass -t MODULE.*\[tool\.importgate\]/)
  })

  it('takes targets from [tool.importgate] and validates them there too', () => {
    const project = scratch()
    writeFileSync(
      join(project, 'pyproject.toml'),
      '[tool.importgate]\ntargets = ["pkg", "pkg.cli"]\n',
    )
    expect(measureConfig({}, project).targets).toEqual(['pkg', 'pkg.cli'])
    writeFileSync(join(project, 'pyproject.toml'), '[tool.importgate]\ntargets = ["pkg/cli.py"]\n')
    expect(() => measureConfig({}, project)).toThrow(
      /pyproject\.toml \[tool\.importgate\] targets: "pkg\/cli\.py"/,
    )
    writeFileSync(join(project, 'pyproject.toml'), '[tool.importgate]\ntargets = "pkg"\n')
    expect(() => readPyproject(project)).toThrow(/targets = "pkg" must be a list of module names/)
    writeFileSync(join(project, 'pyproject.toml'), '[tool.importgate\ntargets = 1\n')
    expect(() => readPyproject(project)).toThrow(/pyproject\.toml: not valid TOML \(line 1/)
  })

  it('refuses install modes it does not have, and inconsistent bounds', () => {
    expect(() => measureConfig({ target: ['a'], install: 'conda' }, dir)).toThrow(
      /--install: "conda" is not an install mode; use none, current, auto, pip, uv, or a shell command/,
    )
    expect(() =>
      measureConfig({ target: ['a'], 'min-pairs': '50', 'max-pairs': '10' }, dir),
    ).toThrow(/--max-pairs: 10 is less than --min-pairs 50/)
    expect(() => measureConfig({ target: ['a'], repo: join(dir, 'missing') }, dir)).toThrow(
      /-C\/--repo: .*missing is not a directory/,
    )
  })

  it('applies defaults', () => {
    const config = measureConfig({ target: ['a', 'a'] }, dir)
    expect(config).toMatchObject({
      targets: ['a'],
      install: { kind: 'none' },
      sampling: { minPairs: 20, maxPairs: 200, maxTimeMs: 120_000, warmups: 3, profileRuns: 3 },
    })
    expect(() => measureConfig({ target: ['a'], 'max-time': '0' }, dir)).toThrow(
      /--max-time: "0" must be more than zero/,
    )
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
      install: { kind: 'auto' },
      targets: null,
      gate: { thresholdPct: 5, minDeltaMs: 1, alpha: 0.01 },
      projectSubdir: '',
    })
    const c = compareConfig(
      { threshold: '3%', 'min-delta': '0.5ms', alpha: '0.05', 'project-dir': 'py' },
      ['a', 'b'],
      dir,
    )
    expect(c.gate).toEqual({ thresholdPct: 3, minDeltaMs: 0.5, alpha: 0.05 })
    expect(c.projectSubdir).toBe('py')
  })

  it('names the flag and value for bad gate settings', () => {
    expect(() => compareConfig({ alpha: '2' }, ['a', 'b'], dir)).toThrow(
      /--alpha: "2" must be a number between 0 and 0\.5/,
    )
    expect(() => compareConfig({ threshold: 'lots' }, ['a', 'b'], dir)).toThrow(
      /--threshold: "lots" is not a percentage/,
    )
    expect(() => compareConfig({ 'project-dir': '../elsewhere' }, ['a', 'b'], dir)).toThrow(
      /--project-dir: "..\/elsewhere" is outside the repository/,
    )
    expect(() => compareConfig({ 'profile-runs': '0' }, ['a', 'b'], dir)).toThrow(
      /--profile-runs: "0" is not a whole number of at least 1/,
    )
  })
})

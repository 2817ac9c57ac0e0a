import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/config/errors.js'
import { measureConfig } from '../../src/config/measure-config.js'
import { moduleNameProblem } from '../../src/config/module-name.js'
import { readPyproject } from '../../src/config/pyproject.js'
import { parseCount, parseDuration, parsePercent } from '../../src/config/units.js'

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
  const dir = mkdtempSync(join(tmpdir(), 'importgate-config-'))

  it('names the flag and the value for a bad target', () => {
    expect(() => measureConfig({ target: ['my-pkg'] }, dir)).toThrow(
      /-t\/--target: "my-pkg" is not a Python module name: .*did you mean my_pkg\?/,
    )
  })

  it('explains how to give targets when there are none', () => {
    expect(() => measureConfig({}, dir)).toThrow(/no targets: pass -t MODULE.*\[tool\.importgate\]/)
  })

  it('takes targets from [tool.importgate] and validates them there too', () => {
    const project = mkdtempSync(join(tmpdir(), 'importgate-config-'))
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
      /--install: "conda".*none or current/,
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
      minSamples: 20,
      maxSamples: 200,
      maxTimeMs: 120_000,
      install: 'none',
    })
  })
})

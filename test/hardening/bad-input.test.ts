// Bad input is refused before anything is installed or measured, with a
// message that names the flag and the value; a disk that refuses the output
// at the end costs the file, not the report.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'
import { removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
let project: string

beforeAll(() => {
  project = tempDir()
  writeFiles(project, { 'plain.py': 'VALUE = 1\n' })
})
afterAll(() => removeDir(project))

const measure = (...extra: string[]) =>
  cli(
    ['measure', '-t', 'plain', '--install', 'none', '--python', python, ...extra],
    { ...process.env },
    project,
  )

describe('output paths', () => {
  it('refuses a --json that is a directory before measuring', async () => {
    mkdirSync(join(project, 'out'), { recursive: true })
    const result = await measure('--json', 'out')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/--json out: is a directory; give a file path/)
    expect(result.stderr).not.toMatch(/warming up|internal error/)
  })

  it('refuses a --markdown under a file before measuring', async () => {
    const result = await measure('--markdown', 'plain.py/report.md')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(
      /--markdown plain\.py\/report\.md: .*plain\.py is a file, not a folder/,
    )
  })

  it('keeps the report when the disk refuses the file at the end', async () => {
    if (!existsSync('/dev/full')) return
    const result = await measure('--markdown', '/dev/full', '--min-pairs', '7', '--max-pairs', '7')
    expect(result.status).toBe(2)
    expect(result.stdout).toMatch(/plain/)
    expect(result.stderr).toMatch(/--markdown: could not write \/dev\/full \(ENOSPC\)/)
    expect(result.stderr).not.toMatch(/internal error/)
  })
})

describe('many targets (issue 29: 12)', () => {
  it('refuses more than 100, naming the flag or the file they came from, before measuring', async () => {
    const flags = Array.from({ length: 101 }, (_, i) => ['-t', `m${i}`]).flat()
    const given = await cli(
      ['measure', ...flags, '--install', 'none', '--python', python],
      { ...process.env },
      project,
    )
    expect(given.status).toBe(2)
    expect(given.stderr).toMatch(/101 targets \(-t\/--target\): importgate measures at most 100/)
    expect(given.stderr).not.toMatch(/warming up|internal error/)
    const listed = tempDir()
    const names = Array.from({ length: 150 }, (_, i) => `"m${i}"`).join(', ')
    writeFiles(listed, { 'pyproject.toml': `[tool.importgate]\ntargets = [${names}]\n` })
    const fromFile = await cli(
      ['measure', '--install', 'none', '--python', python],
      { ...process.env },
      listed,
    )
    removeDir(listed)
    expect(fromFile.status).toBe(2)
    expect(fromFile.stderr).toMatch(/150 targets \(targets in .*pyproject\.toml\)/)
  })
})

describe('the project folder', () => {
  it('is refused outside the repository, directly or through a symbolic link', async () => {
    const outside = await measure('--project-dir', '../..')
    expect(outside.status).toBe(2)
    expect(outside.stderr).toMatch(/--project-dir: "\.\.\/\.\." is outside the repository/)
    const elsewhere = tempDir()
    symlinkSync(elsewhere, join(project, 'linked'))
    const linked = await measure('--project-dir', 'linked')
    expect(linked.status).toBe(2)
    expect(linked.stderr).toMatch(/--project-dir: "linked" leads outside the repository/)
    removeDir(elsewhere)
  })
})

describe('messages that say what is wrong', () => {
  it('tells a too old Python from a broken one', async () => {
    const old = findPython('2.7') ?? findPython('3.6')
    if (!old) return
    const result = await cli(
      ['measure', '-t', 'plain', '--install', 'none', '--python', old],
      { ...process.env },
      project,
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(
      /--python: .* is Python [23]\.\d+\.\d+; importgate needs 3\.8 or newer/,
    )
    expect(result.stderr).not.toMatch(/Traceback|AttributeError/)
  })

  it('says compare needs a git repository', async () => {
    const result = await cli(['compare', 'main', 'HEAD'], { ...process.env }, project)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/is not in a git repository/)
  })

  it('finds min-pairs above max-pairs before doing anything', async () => {
    const result = await cli(
      ['compare', 'main', 'HEAD', '--min-pairs', '50', '--max-pairs', '10'],
      { ...process.env },
      project,
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/--max-pairs 10 is less than --min-pairs 50/)
  })
})

describe('module names', () => {
  it('explains -t=NAME instead of guessing at "=_c"', async () => {
    const result = await measure('-t=-c')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(
      /"=-c" is not a Python module name: it starts with "="; write -t NAME or --target=NAME/,
    )
    expect(result.stderr).not.toMatch(/=_c/)
  })
})

describe('counts that each cost a run', () => {
  it.each([
    ['--warmup', '1000000000', /--warmup: "1000000000" is not a whole number from 0 to 100/],
    ['--profile-runs', '500', /--profile-runs: "500" is not a whole number from \d to 100/],
    ['--seed', '99999999999999999999', /--seed: "99999999999999999999" is not a whole number/],
  ])('refuses %s %s', async (flag, value, message) => {
    const result = await measure(flag, value)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(message)
  })
})

// Fixture packages with calibrated, known slowdowns: module-level CPU work of
// a chosen number of milliseconds (by iteration count, as real code is, not a
// timed busy-wait that would absorb the machine's noise).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Iterations of the work loop per millisecond on this machine, for `python`. */
export function calibrate(python: string): number {
  const script = [
    'import time',
    'def work(n):',
    '    t = 0',
    '    for i in range(n):',
    '        t += i * i',
    '    return t',
    'rates = []',
    'for _ in range(15):',
    '    s = time.perf_counter(); work(200_000); rates.append(200_000 / ((time.perf_counter() - s) * 1000))',
    'rates.sort(); print(rates[len(rates) // 2])',
  ].join('\n')
  return Number(execFileSync(python, ['-c', script], { encoding: 'utf8' }).trim())
}

const module = (iterations: number, tag: string) =>
  [
    `"""Benchmark fixture (${tag})."""`,
    'def _work(n):',
    '    t = 0',
    '    for i in range(n):',
    '        t += i * i',
    '    return t',
    `TOTAL = _work(${iterations})`,
    '',
  ].join('\n')

const git = (dir: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@importgate.invalid', ...args],
    {
      cwd: dir,
      stdio: 'pipe',
    },
  )

export interface Fixture {
  repo: string
  base: string
  head: string
}

/**
 * A repository whose head makes `benchpkg` import `slowdownPct` percent
 * slower than base's `baseMs` of work. 0 gives an A/A pair: different commits,
 * the same code but the module's docstring, a line that runs at import (it is
 * `__doc__`) and costs nothing: the proof refuses it, so the pair is timed.
 */
export function fixture(rate: number, baseMs: number, slowdownPct: number): Fixture {
  const repo = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
  mkdirSync(join(repo, 'benchpkg'))
  const write = (iterations: number, tag: string) =>
    writeFileSync(join(repo, 'benchpkg', '__init__.py'), module(iterations, tag))
  const baseIterations = Math.round(rate * baseMs)
  git(repo, 'init', '-q', '-b', 'main')
  write(baseIterations, 'base')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'base')
  const base = git(repo, 'rev-parse', 'HEAD').toString().trim()
  write(Math.round(baseIterations * (1 + slowdownPct / 100)), `head +${slowdownPct}%`)
  git(repo, 'commit', '-q', '-am', 'head')
  const head = git(repo, 'rev-parse', 'HEAD').toString().trim()
  return { repo, base, head }
}

/** What a proof row's head changes: a comment, or the body of a function the import never calls. */
export type UntouchedChange = 'comment' | 'function-body'

const untouched = (iterations: number, comment: string, body: string) =>
  [
    '"""Benchmark fixture for the proof."""',
    'def _work(n):',
    '    t = 0',
    '    for i in range(n):',
    '        t += i * i',
    '    return t',
    '',
    '',
    'def later(x):',
    `    # ${comment}`,
    `    return ${body}`,
    '',
    '',
    `TOTAL = _work(${iterations})`,
    '',
  ].join('\n')

/**
 * A repository whose head changes nothing `benchpkg`'s import runs: a comment,
 * or the body of a function it defines and never calls. The import costs
 * `baseMs` of module-level work on both sides.
 */
export function untouchedFixture(rate: number, baseMs: number, change: UntouchedChange): Fixture {
  const repo = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
  mkdirSync(join(repo, 'benchpkg'))
  const write = (text: string) => writeFileSync(join(repo, 'benchpkg', '__init__.py'), text)
  const iterations = Math.round(rate * baseMs)
  git(repo, 'init', '-q', '-b', 'main')
  write(untouched(iterations, 'what later() returns', 'x * 2'))
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'base')
  const base = git(repo, 'rev-parse', 'HEAD').toString().trim()
  write(
    change === 'comment'
      ? untouched(iterations, 'what later() gives back', 'x * 2')
      : untouched(iterations, 'what later() returns', 'x * 3 + 1'),
  )
  git(repo, 'commit', '-q', '-am', `head: ${change}`)
  const head = git(repo, 'rev-parse', 'HEAD').toString().trim()
  return { repo, base, head }
}

// Ctrl-C in the middle of a compare: the bundled CLI, as a user runs it, must
// stop, remove its worktrees and scratch folder, kill what it started, and
// exit 130.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import {
  gitCommit,
  gitInit,
  processAlive,
  removeDir,
  tempDir,
  writeFiles,
} from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const SYSTEM = '/usr/bin/python3'

const python = findPython('3.13') ?? findPython('3.8')!
/** As root, the system's Python runs as the sandbox user (process/boundary.ts): cancel must reach it too. */
const pythons = [python, ...(process.getuid?.() === 0 && existsSync(SYSTEM) ? [SYSTEM] : [])]
let repo: string
let tmp: string
let pidDir: string

beforeAll(() => {
  repo = tempDir()
  tmp = tempDir()
  // The measured code may run as another user: it passes through, and writes its pids here.
  chmodSync(tmp, 0o711)
  pidDir = join(tmp, 'pids')
  mkdirSync(pidDir, { mode: 0o777 })
  chmodSync(pidDir, 0o777)
  gitInit(repo)
  // Every import writes its pid, then takes a while: the run is busy when cancelled.
  const slow = (tag: string) =>
    `import os, time\nopen(os.path.join(${JSON.stringify(pidDir)}, "pid-" + str(os.getpid())), "w").close()\ntime.sleep(0.2)  # ${tag}\n`
  writeFiles(repo, { 'slow.py': slow('base') })
  gitCommit(repo, 'base')
  writeFiles(repo, { 'slow.py': slow('head') })
  gitCommit(repo, 'head')
})

afterAll(() => {
  removeDir(repo)
  removeDir(tmp)
})

it.each(pythons)('cleans up everything when interrupted mid-sampling (%s)', async (python) => {
  const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname
  const scratchRoot = join(tmp, 'scratch')
  rmSync(scratchRoot, { recursive: true, force: true })
  for (const f of readdirSync(pidDir)) rmSync(join(pidDir, f))
  mkdirSync(scratchRoot, { mode: 0o711 })
  chmodSync(scratchRoot, 0o711)
  const child = spawn(
    process.execPath,
    [
      cliPath,
      'compare',
      'HEAD~1',
      'HEAD',
      '-t',
      'slow',
      '--install',
      'none',
      '--python',
      python,
      '--min-pairs',
      '50',
      '--warmup',
      '1',
    ],
    { cwd: repo, env: { ...process.env, TMPDIR: scratchRoot }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  // Wait for the CLI to say it is sampling, then interrupt it.
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (/sampling interleaved pairs/.test(stderr)) resolve()
    })
  })
  expect(readdirSync(scratchRoot)).toHaveLength(1) // its scratch folder exists while it runs
  child.kill('SIGINT')
  expect(await exited).toBe(130)
  expect(stderr).toMatch(/SIGINT: stopping and cleaning up/)
  const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
    cwd: repo,
    encoding: 'utf8',
  })
  expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
  expect(readdirSync(scratchRoot)).toEqual([])
  // Every interpreter the run started is gone (SIGKILL lands asynchronously).
  const pids = readdirSync(pidDir)
    .filter((f) => f.startsWith('pid-'))
    .map((f) => Number(f.slice(4)))
  expect(pids.length).toBeGreaterThan(0)
  await vi.waitFor(() => expect(pids.filter(processAlive)).toEqual([]), {
    timeout: 5000,
    interval: 20,
  })
  expect(readFileSync(join(repo, 'slow.py'), 'utf8')).toContain('head') // the checkout is untouched
})

it('goes on and cleans up when the reader of its output goes away (| head, a killed parent)', async () => {
  const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname
  const scratchRoot = join(tmp, 'scratch-reader')
  rmSync(scratchRoot, { recursive: true, force: true })
  mkdirSync(scratchRoot, { mode: 0o711 })
  chmodSync(scratchRoot, 0o711)
  const child = spawn(
    process.execPath,
    [
      ...[cliPath, 'compare', 'HEAD~1', 'HEAD', '-t', 'slow', '--install', 'none'],
      ...['--python', python, '--min-pairs', '10', '--max-pairs', '10', '--warmup', '1'],
    ],
    { cwd: repo, env: { ...process.env, TMPDIR: scratchRoot }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  // At its first word, both pipes are closed from this end: every later write fails (EPIPE).
  await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()))
  child.stderr.destroy()
  child.stdout.destroy()
  const code = await exited
  expect([0, 1], `exit status ${code}`).toContain(code) // a verdict, not a crash
  const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
    cwd: repo,
    encoding: 'utf8',
  })
  expect(worktrees.match(/^worktree /gm)).toHaveLength(1)
  expect(readdirSync(scratchRoot)).toEqual([])
}, 120_000)

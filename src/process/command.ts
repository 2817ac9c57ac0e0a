// A helper command (git, venv creation, an installer): argument array, no
// shell, its own process group killed on timeout or abort, output captured.
//
// @actions/exec, which this product otherwise builds on, cannot stop a
// command: it takes no AbortSignal and no timeout, and does not expose the
// child. A hung `git fetch` or installer would hold the job until GitHub's
// 6-hour limit, so these commands go through this small layer instead.
import { spawn } from 'node:child_process'
import { ByteSink } from './byte-sink.js'
import { killGroup, trackGroup, untrackGroup } from './groups.js'

export interface CommandSpec {
  command: string
  args: string[]
  /** Defaults to our own environment (git needs the user's settings; installers pass an allow-list). */
  env?: Record<string, string> | NodeJS.ProcessEnv
  cwd: string
  timeoutMs: number
  signal?: AbortSignal
}

export interface CommandOutcome {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as written; the last 256 KiB. */
  log: string
}

/** Thrown when the command could not be started at all (not found, not executable). */
export class SpawnError extends Error {
  override name = 'SpawnError'
}

const LOG_BYTES = 256 * 1024
const OUTPUT_BYTES = 64 * 1024 * 1024

export function runCommand(spec: CommandSpec): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const log = new ByteSink(LOG_BYTES)
    const stdout = new ByteSink(OUTPUT_BYTES)
    const stderr = new ByteSink(OUTPUT_BYTES)
    let timedOut = false
    let aborted = false
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    })
    const pid = child.pid
    trackGroup(pid)
    const stop = () => killGroup(pid)
    const timer = setTimeout(() => {
      timedOut = true
      stop()
    }, spec.timeoutMs)
    const onAbort = () => {
      aborted = true
      stop()
    }
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    if (spec.signal?.aborted) onAbort()
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      log.push(chunk)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk)
      log.push(chunk)
    })
    // What the command left running (a build daemon holding our pipes) goes with it.
    child.on('exit', stop)
    const done = () => {
      clearTimeout(timer)
      spec.signal?.removeEventListener('abort', onAbort)
      untrackGroup(pid)
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      done()
      const why = error.code === 'ENOENT' ? 'not found' : error.message
      reject(new SpawnError(`cannot run ${JSON.stringify(spec.command)}: ${why}`))
    })
    child.on('close', (code, signal) => {
      done()
      resolve({
        code,
        signal,
        timedOut,
        aborted,
        stdout: stdout.text(),
        stderr: stderr.text(),
        log: log.text(),
      })
    })
  })
}

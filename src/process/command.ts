// A helper command (git, venv creation, an installer): argument array, no
// shell, its own process group killed on timeout or abort, output captured.
//
// Not @actions/exec (not a dependency): it cannot stop a command, taking no
// AbortSignal and no timeout and not exposing the child. A hung `git fetch` or
// installer would hold the job until GitHub's 6-hour limit, so these commands
// go through this small layer instead.
import { CancelledError } from '../model/errors.js'
import { spawn } from 'node:child_process'
import { asSandbox } from './boundary.js'
import { ByteSink } from './byte-sink.js'
import { killTagged, newTag } from './escapees.js'
import { killGroup, trackGroup, untrackGroup } from './groups.js'

export interface CommandSpec {
  command: string
  args: string[]
  /** Defaults to our own environment (git needs the user's settings; installers pass an allow-list). */
  env?: Record<string, string> | NodeJS.ProcessEnv
  cwd: string
  timeoutMs: number
  signal?: AbortSignal
  /** Runs the pull request's code (an install, a venv): started as the sandbox user when there is one. */
  sandboxed?: boolean
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

/** How long after the command exits its pipes may stay open (held by an escaped process). */
const DRAIN_MS = 1_000
const LOG_BYTES = 256 * 1024
const OUTPUT_BYTES = 64 * 1024 * 1024

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

export function runCommand(spec: CommandSpec): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const log = new ByteSink(LOG_BYTES)
    const stdout = new ByteSink(OUTPUT_BYTES)
    const stderr = new ByteSink(OUTPUT_BYTES)
    let timedOut = false
    let aborted = false
    const tagged = newTag(definedOnly(spec.env ?? process.env))
    const { env, ids } = spec.sandboxed ? asSandbox(tagged.env) : { env: tagged.env, ids: {} }
    const tag = tagged.tag
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env,
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    })
    const pid = child.pid
    trackGroup(pid)
    // The group, and what left it (an install runs the project's build backend, head's code).
    const stop = () => {
      killGroup(pid)
      killTagged(tag)
    }
    let drain: NodeJS.Timeout | undefined
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
    // What the command left running (a build daemon holding our pipes) goes
    // with it, and the wait for its output does not depend on such pipes.
    child.on('exit', () => {
      stop()
      drain = setTimeout(() => {
        child.stdout?.destroy()
        child.stderr?.destroy()
      }, DRAIN_MS)
    })
    const done = () => {
      clearTimeout(timer)
      clearTimeout(drain)
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

/**
 * What a helper program printed (stdout, then stderr) when it ran and exited
 * 0; null when it is missing or failed: for probing what a machine can do
 * (perf, valgrind, sudo). Cancellation still throws.
 */
export async function outputIfOk(spec: CommandSpec): Promise<string | null> {
  try {
    const outcome = await runCommand(spec)
    if (outcome.aborted) throw new CancelledError()
    return outcome.code === 0 ? outcome.stdout + outcome.stderr : null
  } catch (error) {
    if (error instanceof SpawnError) return null
    throw error
  }
}

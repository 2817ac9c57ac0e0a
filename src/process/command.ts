// Every child importgate starts goes through one spawn core (`contained`): an
// argument array and no shell; a process group of its own, and a tag in its
// environment, so that a timeout, a cancel or its exit takes down everything
// it started (what left the group too: process/escapees.ts); started as the
// sandbox user unless it runs none of the pull request's code; its pipes
// drained for at most a second after it exits, as an escaped daemon may hold
// them for ever. Two runners sit on it:
// - runCommand, a helper command (git, venv creation, an installer): output
//   captured, stopped by timeout or abort;
// - runMeasured, one measured interpreter: stdout thrown away unread, stderr
//   kept (all of it for -X importtime), the report read from a fourth
//   descriptor, and the clock read around it.
//
// Not @actions/exec (not a dependency): it takes no AbortSignal and no
// timeout, does not expose the child, and has no fourth descriptor. A hung
// `git fetch` or installer would hold the job until GitHub's 6-hour limit.
import { spawn, type StdioPipe } from 'node:child_process'
import type { Readable } from 'node:stream'
import { CancelledError, SetupError } from '../model/errors.js'
import { asSandbox } from './boundary.js'
import { ByteSink } from './byte-sink.js'
import { killTagged, newTag } from './escapees.js'
import { killGroup, trackGroup, untrackGroup } from './groups.js'

/** How long after the child exits its pipes may stay open (held by an escaped process). */
const DRAIN_MS = 1_000

interface ContainedSpec {
  command: string
  args: string[]
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  signal?: AbortSignal
  /** Started as the sandbox user (when there is one): it runs the pull request's code. */
  sandboxed: boolean
  /** stdout kept, and the report descriptor opened (fd 3: not inherited by the child's children). */
  stdout: 'pipe' | 'ignore'
  reportFd: boolean
  /** Each chunk of each stream, as it comes. */
  onData: (stream: 'stdout' | 'stderr' | 'report', chunk: Buffer) => void
  /** Why it could not be started (not found, not executable): the error to throw. */
  notStarted: (why: string) => Error
}

interface ContainedExit {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  /** process.hrtime.bigint() (CLOCK_MONOTONIC) just before spawn and at exit. */
  spawnNs: bigint
  exitNs: bigint
}

/** The spawn core: starts the child contained, and settles once it exited and its pipes closed or were cut. */
function contained(spec: ContainedSpec): Promise<ContainedExit> {
  return new Promise((resolve, reject) => {
    let timedOut = false
    let aborted = false
    let exitNs = 0n
    const tagged = newTag(spec.env)
    const { env, ids } = spec.sandboxed ? asSandbox(tagged.env) : { env: tagged.env, ids: {} }
    const stdio: ['ignore', 'pipe' | 'ignore', 'pipe', ...StdioPipe[]] = spec.reportFd
      ? ['ignore', spec.stdout, 'pipe', 'pipe']
      : ['ignore', spec.stdout, 'pipe']
    const spawnNs = process.hrtime.bigint()
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env,
      ...ids,
      stdio,
      detached: true,
      shell: false,
      windowsHide: true,
    })
    const pid = child.pid
    trackGroup(pid)
    // The group, and what left it (an install runs the project's build backend, head's code).
    const stop = () => {
      killGroup(pid)
      killTagged(tagged.tag)
    }
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
    const streams: [Readable | null | undefined, 'stdout' | 'stderr' | 'report'][] = [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
      [spec.reportFd ? (child.stdio[REPORT_FD] as Readable | null) : null, 'report'],
    ]
    for (const [stream, name] of streams)
      stream?.on('data', (chunk: Buffer) => spec.onData(name, chunk))
    let drain: NodeJS.Timeout | undefined
    // What the child left running (a daemon, grandchildren that still hold our
    // pipes) goes with it, and the wait for its output does not depend on them.
    child.on('exit', () => {
      exitNs = process.hrtime.bigint()
      stop()
      drain = setTimeout(() => {
        // A last look: anything that forked while the first sweep ran.
        killTagged(tagged.tag)
        for (const [stream] of streams) stream?.destroy()
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
      reject(spec.notStarted(error.code === 'ENOENT' ? 'not found' : error.message))
    })
    child.on('close', (code, signal) => {
      done()
      resolve({
        code,
        signal,
        timedOut,
        aborted,
        spawnNs,
        exitNs: exitNs || process.hrtime.bigint(),
      })
    })
  })
}

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

const LOG_BYTES = 256 * 1024
const OUTPUT_BYTES = 64 * 1024 * 1024

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

export async function runCommand(spec: CommandSpec): Promise<CommandOutcome> {
  const log = new ByteSink(LOG_BYTES)
  const out = { stdout: new ByteSink(OUTPUT_BYTES), stderr: new ByteSink(OUTPUT_BYTES) }
  const exit = await contained({
    ...spec,
    env: definedOnly(spec.env ?? process.env),
    sandboxed: spec.sandboxed === true,
    stdout: 'pipe',
    reportFd: false,
    onData: (stream, chunk) => {
      if (stream === 'report') return
      out[stream].push(chunk)
      log.push(chunk)
    },
    notStarted: (why) => new SpawnError(`cannot run ${JSON.stringify(spec.command)}: ${why}`),
  })
  return {
    code: exit.code,
    signal: exit.signal,
    timedOut: exit.timedOut,
    aborted: exit.aborted,
    stdout: out.stdout.text(),
    stderr: out.stderr.text(),
    log: log.text(),
  }
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

export interface ProcessSpec {
  /** The interpreter, run directly: no shell sees any argument. */
  command: string
  args: string[]
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  /** Keep all of stderr ('full', for -X importtime) or only its tail ('tail'). */
  stderr: 'full' | 'tail'
  /**
   * Runs none of the pull request's code (compiling the probe with the
   * interpreter alone): started as importgate's own user. Everything else
   * starts as the sandbox user when there is one (process/boundary.ts).
   */
  trusted?: boolean
}

export interface ProcessOutcome {
  /** What the child wrote on fd 3, the report channel. */
  report: string
  stderr: Buffer
  /** True when stderr outgrew its cap and only the end of it is kept. */
  stderrTruncated: boolean
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** process.hrtime.bigint() (CLOCK_MONOTONIC) just before spawn and at exit. */
  spawnNs: bigint
  exitNs: bigint
}

/** The fd the probe reports on; stdio[3] of the child. */
export const REPORT_FD = 3

const TAIL_BYTES = 64 * 1024
const FULL_BYTES = 64 * 1024 * 1024

/** One measured interpreter, start to finish. */
export async function runMeasured(spec: ProcessSpec): Promise<ProcessOutcome> {
  const report: Buffer[] = []
  const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES)
  const exit = await contained({
    ...spec,
    sandboxed: spec.trusted !== true,
    // stdout: discarded (measured code may print anything); stderr: kept for
    // -X importtime and error context; fd 3: the report.
    stdout: 'ignore',
    reportFd: true,
    onData: (stream, chunk) => {
      if (stream === 'report') report.push(chunk)
      else if (stream === 'stderr') stderr.push(chunk)
    },
    notStarted: (why) =>
      new SetupError(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`),
  })
  return {
    report: Buffer.concat(report).toString('utf8'),
    stderr: stderr.bytes(),
    stderrTruncated: stderr.truncated,
    code: exit.code,
    signal: exit.signal,
    timedOut: exit.timedOut,
    spawnNs: exit.spawnNs,
    exitNs: exit.exitNs,
  }
}

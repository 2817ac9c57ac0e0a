// One measured interpreter, start to finish. It runs in a process group of its
// own so that a timeout, a cancel, or the end of the sample can take down
// everything the measured code started, not just the interpreter. This is our
// own spawn rather than @actions/exec because it needs what that package does
// not offer: a fourth descriptor for the probe's report, a process group to
// kill, a timeout, and stdout thrown away unread.
import { spawn } from 'node:child_process'
import { SetupError } from '../model/errors.js'
import { asSandbox } from './boundary.js'
import { ByteSink } from './byte-sink.js'
import { killTagged, newTag } from './escapees.js'
import { killGroup, trackGroup, untrackGroup } from './groups.js'

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
/**
 * How long after the interpreter exits its stderr may stay open. A process
 * that escaped the group (a setsid daemon) can hold the pipe for ever; the
 * wait for it must not depend on it. The report channel is not inherited by
 * children, so it closes when the interpreter does.
 */
const DRAIN_MS = 1_000

export function runMeasured(spec: ProcessSpec): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const report: Buffer[] = []
    const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES)
    let timedOut = false
    let exitNs = 0n
    const tagged = newTag(spec.env)
    const { env, ids } = spec.trusted ? { env: tagged.env, ids: {} } : asSandbox(tagged.env)
    const tag = tagged.tag
    const spawnNs = process.hrtime.bigint()
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env,
      ...ids,
      // stdin: EOF at once; stdout: discarded (measured code may print anything);
      // stderr: kept for -X importtime and error context; fd 3: the report.
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    })
    const pid = child.pid
    trackGroup(pid)
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(pid)
      killTagged(tag)
    }, spec.timeoutMs)
    let drain: NodeJS.Timeout | undefined

    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    const channel = child.stdio[REPORT_FD]
    channel?.on('data', (chunk: Buffer) => report.push(chunk))

    child.on('exit', () => {
      exitNs = process.hrtime.bigint()
      // Whatever the measured code left running (daemons, grandchildren that
      // still hold our pipes, processes that left the group) goes with the sample.
      killGroup(pid)
      killTagged(tag)
      drain = setTimeout(() => {
        // A last look: anything that forked while the first sweep ran.
        killTagged(tag)
        child.stderr?.destroy()
        channel?.destroy()
      }, DRAIN_MS)
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      untrackGroup(pid)
      const why = error.code === 'ENOENT' ? 'not found' : error.message
      reject(
        new SetupError(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`),
      )
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(drain)
      untrackGroup(pid)
      const bytes = stderr.bytes()
      resolve({
        report: Buffer.concat(report).toString('utf8'),
        stderr: bytes,
        stderrTruncated: stderr.truncated,
        code,
        signal,
        timedOut,
        spawnNs,
        exitNs: exitNs || process.hrtime.bigint(),
      })
    })
  })
}

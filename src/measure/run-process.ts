// One measured interpreter, start to finish. It runs in a process group of its
// own so that a timeout, a cancel, or the end of the sample can take down
// everything the measured code started, not just the interpreter.
import { spawn } from 'node:child_process'

export interface ProcessSpec {
  /** The interpreter, run directly: no shell sees any argument. */
  command: string
  args: string[]
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  /** Keep all of stderr ('full', for -X importtime) or only its tail ('tail'). */
  stderr: 'full' | 'tail'
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

const liveGroups = new Set<number>()

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

/** Kills every measured process group still running (on cancel). */
export function killAllMeasuredProcesses(): void {
  for (const pid of liveGroups) killGroup(pid)
  liveGroups.clear()
}

/** How many measured process groups are running now (for tests and cleanup checks). */
export function liveProcessGroupCount(): number {
  return liveGroups.size
}

class ByteSink {
  private chunks: Buffer[] = []
  private size = 0
  truncated = false
  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.cap && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length
      this.truncated = true
    }
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks)
    if (all.length <= this.cap) return all
    this.truncated = true
    return all.subarray(all.length - this.cap)
  }
}

export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const report: Buffer[] = []
    const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES)
    let timedOut = false
    let exitNs = 0n
    const spawnNs = process.hrtime.bigint()
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      // stdin: EOF at once; stdout: discarded (measured code may print anything);
      // stderr: kept for -X importtime and error context; fd 3: the report.
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    })
    const pid = child.pid
    if (pid !== undefined) liveGroups.add(pid)
    const timer = setTimeout(() => {
      timedOut = true
      if (pid !== undefined) killGroup(pid)
    }, spec.timeoutMs)

    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    const channel = child.stdio[REPORT_FD]
    channel?.on('data', (chunk: Buffer) => report.push(chunk))

    child.on('exit', () => {
      exitNs = process.hrtime.bigint()
      // Whatever the measured code left running (daemons, grandchildren that
      // still hold our pipes) goes with the sample.
      if (pid !== undefined) killGroup(pid)
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      if (pid !== undefined) liveGroups.delete(pid)
      const why = error.code === 'ENOENT' ? 'not found' : error.message
      reject(new Error(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (pid !== undefined) liveGroups.delete(pid)
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

export interface LoggedSpec {
  command: string
  args: string[]
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  signal?: AbortSignal
}

export interface LoggedOutcome {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  /** stdout and stderr interleaved as written; the last 256 KiB. */
  log: string
}

/**
 * A helper command (venv creation, an install): output captured as a log, its
 * process group killed on timeout or abort like a measured process.
 */
export function runLogged(spec: LoggedSpec): Promise<LoggedOutcome> {
  return new Promise((resolve, reject) => {
    const log = new ByteSink(256 * 1024)
    let timedOut = false
    let aborted = false
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
    })
    const pid = child.pid
    if (pid !== undefined) liveGroups.add(pid)
    const stop = () => {
      if (pid !== undefined) killGroup(pid)
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
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk))
    child.on('exit', stop)
    const done = () => {
      clearTimeout(timer)
      spec.signal?.removeEventListener('abort', onAbort)
      if (pid !== undefined) liveGroups.delete(pid)
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      done()
      reject(
        new Error(
          `cannot run ${JSON.stringify(spec.command)}: ${error.code === 'ENOENT' ? 'not found' : error.message}`,
        ),
      )
    })
    child.on('close', (code, signal) => {
      done()
      resolve({ code, signal, timedOut, aborted, log: log.bytes().toString('utf8') })
    })
  })
}

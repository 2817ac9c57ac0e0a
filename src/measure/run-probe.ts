// One probe run: builds the interpreter's argument list, runs it through the
// process layer and turns what came back into a report or a structured failure.
import { functionsHelperPath, probePath } from './interpreter.js'
import type { ImportFailure } from '../model/failure.js'
import {
  BadReportError,
  parseProbeReport,
  type ProbeMode,
  type ProbeReport,
} from './probe-protocol.js'
import { REPORT_FD, runMeasured, type ProcessOutcome } from '../process/command.js'
import type { CacheSetup } from './cache-states.js'
import {
  parseCount,
  withCountFile,
  wrappedArgv,
  type CounterSpec,
  type CountReading,
} from './counters.js'
import { pinnedArgv } from './pinning.js'

export interface ProbeRequest {
  python: string
  /** The probe to run (see compiledProbe); probe.py itself when absent. */
  probe?: string
  target: string
  mode: ProbeMode
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  /** The timeout is the time left in the budget, shorter than the sample timeout. */
  budgetCut?: boolean
  /** count and empty modes: the tool that counts the run. */
  counter?: CounterSpec
  /** A cache state other than warm: what to do before the run (timed runs only). */
  cache?: CacheSetup
  /**
   * Timed rounds: the core the run is pinned to from exec on (util-linux's
   * taskset, which execs the interpreter in its place); see measure/pinning.ts.
   */
  core?: number
}

/** The failure kind of a run the time budget stopped: the engine ends the phase, nothing failed. */
export const OUT_OF_TIME = 'OutOfTime'

export interface ProbeRun {
  /** The probe's report, when it got to write one. */
  report: ProbeReport | null
  /** Why the import did not complete, or null when it did. */
  failure: ImportFailure | null
  /** Spawn to exit, as the parent saw it. */
  wallMs: number
  /** Spawn to the start of the import (interpreter start-up plus probe set-up). */
  startupMs: number | null
  /** Decoded stderr: all of it in profile mode, the tail otherwise. */
  stderr: string
  /** Under a counter: what it counted, or null when its output had no count. */
  count?: CountReading | null
}

/** The interpreter's argument list for a probe run; exported for tests. */
export function probeArgs(mode: ProbeMode, target: string, probe = probePath()): string[] {
  const flags = mode === 'profile' ? ['-X', 'importtime'] : []
  const helper = mode === 'functions' ? [functionsHelperPath()] : []
  return [...flags, probe, mode, String(REPORT_FD), target, ...helper]
}

/**
 * Why a well-formed report cannot be the probe's, or null. The measured code
 * shares the probe's process and can write to its descriptor; what it cannot
 * easily do is fake times that agree with each other and with the run as the
 * parent clocked it (both clocks are CLOCK_MONOTONIC on Linux). This catches a
 * forged "1 µs" report; a forger that reads the clock too is not caught.
 */
export function implausible(report: ProbeReport, outcome: ProcessOutcome): string | null {
  const { start_ns: start, end_ns: end, import_ns: took } = report
  if (![start, end, took].every((x) => typeof x === 'number' && Number.isFinite(x)))
    return 'its times are not numbers'
  // Doubles hold nanoseconds exactly up to 104 days of uptime; allow a microsecond after that.
  const tolerance = Math.abs(end) > Number.MAX_SAFE_INTEGER ? 1_000 : 0
  if (end < start || Math.abs(end - start - took) > tolerance)
    return `its import time (${took} ns) is not its end minus its start (${end} − ${start})`
  if (process.platform !== 'linux') return null
  const slack = 1_000_000
  if (start < Number(outcome.spawnNs) - slack || end > Number(outcome.exitNs) + slack)
    return "its import did not happen between the interpreter's start and exit"
  return null
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split(/\r?\n/).slice(-count).join('\n')
}

/** One run of the probe; a cache state's set-up is the caller's (run-target.ts). */
export async function runProbe(request: ProbeRequest): Promise<ProbeRun> {
  const args = probeArgs(request.mode, request.target, request.probe)
  const spec = {
    env: request.env,
    cwd: request.cwd,
    timeoutMs: request.timeoutMs,
    stderr: request.mode === 'profile' ? ('full' as const) : ('tail' as const),
  }
  const counter = request.counter
  if (!counter) {
    const [command, ...rest] = pinnedArgv(request.core, request.python, args)
    return probeRunOf(request, await runMeasured({ command: command!, args: rest, ...spec }))
  }
  const { result, text } = await withCountFile((outFile) => {
    const [command, ...rest] = wrappedArgv(counter, outFile, request.python, args)
    return runMeasured({ command: command!, args: rest, ...spec })
  })
  const run = probeRunOf(request, result)
  return { ...run, count: run.failure ? null : parseCount(counter.tool, text) }
}

/** How a run's kind of child says what happened to it (the probe: "importing x"; a command: "running cmd: x"). */
export interface EndWords {
  /** "the time budget ended while …" */
  during: string
  /** "… did not finish within 60 s" */
  unfinished: string
  killed: (signal: string) => string
  exited: (code: number | null) => string
}

/**
 * Why a run ended without what it owed: the time budget, its own timeout, a
 * signal, or its exit status, with the tail of its stderr.
 */
export function endedWithoutReport(
  request: Pick<ProbeRequest, 'timeoutMs' | 'budgetCut'>,
  outcome: ProcessOutcome,
  stderr: string,
  words: EndWords,
): ImportFailure {
  const tail = lastLines(stderr, 20)
  if (outcome.timedOut && request.budgetCut)
    return {
      kind: OUT_OF_TIME,
      message: `the time budget ended while ${words.during}`,
      traceback: [],
    }
  if (outcome.timedOut)
    return {
      kind: 'Timeout',
      message: `${words.unfinished} did not finish within ${request.timeoutMs / 1000} s; its process group was killed`,
      traceback: [],
      stderr_tail: tail,
    }
  if (outcome.signal)
    return {
      kind: 'Signal',
      message: words.killed(outcome.signal),
      traceback: [],
      stderr_tail: tail,
    }
  return {
    kind: 'ProcessExit',
    message: words.exited(outcome.code),
    traceback: [],
    exit_code: outcome.code,
    stderr_tail: tail,
  }
}

/**
 * What a finished process says about the import: the probe's report, or why
 * there is none. Never throws for anything the measured code can do.
 */
export function probeRunOf(
  request: Pick<ProbeRequest, 'target' | 'timeoutMs' | 'budgetCut'>,
  outcome: ProcessOutcome,
): ProbeRun {
  // Measured code may write any bytes; invalid UTF-8 becomes U+FFFD here.
  const stderr = outcome.stderr.toString('utf8')
  const wallNs = outcome.exitNs - outcome.spawnNs
  const wallMs = Number(wallNs) / 1e6
  let report: ProbeReport | null = null
  let failure: ImportFailure | null = null
  if (outcome.report.length > 0 && !outcome.timedOut) {
    try {
      report = parseProbeReport(outcome.report)
      const odd = implausible(report, outcome)
      if (odd) throw new BadReportError(`the probe's report does not fit the run: ${odd}`)
      failure = report.error
    } catch (error) {
      report = null
      if (!(error instanceof BadReportError)) throw error
      failure = {
        kind: 'BadReport',
        message: `${error.message} (importing ${request.target}; something wrote to the probe's report descriptor)`,
        traceback: [],
        stderr_tail: lastLines(stderr, 20),
      }
    }
  } else {
    const target = request.target
    failure = endedWithoutReport(request, outcome, stderr, {
      during: `importing ${target}`,
      unfinished: `importing ${target}`,
      killed: (signal) => `the interpreter was killed by ${signal} while importing ${target}`,
      exited: (code) =>
        `the interpreter exited with status ${code} while importing ${target}, before the probe could report (os._exit() or a crash in the imported code)`,
    })
  }
  let startupMs: number | null = null
  if (report) {
    const startup = BigInt(report.start_ns) - outcome.spawnNs
    // Both clocks are CLOCK_MONOTONIC on Linux and macOS; elsewhere the figure
    // would be meaningless, and a value outside the run says so.
    if (startup >= 0n && startup <= wallNs) startupMs = Number(startup) / 1e6
  }
  return { report, failure, wallMs, startupMs, stderr }
}

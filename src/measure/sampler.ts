// Runs the timed samples. Every sample is a fresh interpreter. Work is done in
// rounds: each round runs every arm (a side × target pair) once, in an order
// shuffled anew each round, so that drift of the machine (another job starting,
// thermal throttling, a cache going cold) lands on all arms alike.
import { shuffled } from '../analysis/random.js'
import type { ImportFailure } from './probe-protocol.js'
import { runProbe, type ProbeRun } from './run-probe.js'

export interface Arm {
  /** Unique key, e.g. "head:mypkg". */
  key: string
  target: string
  python: string
  /** The probe script to run (compiled once per interpreter). */
  probe?: string
  env: Record<string, string>
  /** Arms of one group stop together when one fails (base and head of a target). */
  group?: string
}

export interface Sample {
  /** perf_counter around the import inside the interpreter: the primary figure. */
  importMs: number
  /** CPU time of the import (process_time). */
  cpuMs: number
  /** Spawn to exit, seen from outside: start-up plus import plus exit. */
  wallMs: number
  startupMs: number | null
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** Modules the import added. */
  modulesAdded: number
}

export interface ArmResult {
  arm: Arm
  samples: Sample[]
  failure: ImportFailure | null
}

export type SamplerEvent =
  | { phase: 'warmup'; round: number; of: number }
  | { phase: 'sample'; round: number }
  | { phase: 'failed'; arm: Arm; failure: ImportFailure }

export interface SamplerOptions {
  arms: Arm[]
  /** A neutral folder for the children's cwd. */
  cwd: string
  warmups: number
  minRounds: number
  maxRounds: number
  /** performance.now() value after which no new round starts. */
  deadline: number
  sampleTimeoutMs: number
  random: () => number
  /** Checked after each round past minRounds: true ends sampling early. */
  settled?: (results: ArmResult[]) => boolean
  onEvent?: (event: SamplerEvent) => void
  /** Set when the run is cancelled: no new process starts. */
  signal?: AbortSignal
}

function toSample(run: ProbeRun): Sample {
  const report = run.report!
  return {
    importMs: report.import_ns / 1e6,
    cpuMs: report.import_cpu_ns / 1e6,
    wallMs: run.wallMs,
    startupMs: run.startupMs,
    moduleCount: report.modules_after,
    modulesAdded: report.modules_after - report.modules_before,
  }
}

async function runOnce(arm: Arm, options: SamplerOptions): Promise<ProbeRun> {
  return runProbe({
    python: arm.python,
    probe: arm.probe,
    target: arm.target,
    mode: 'time',
    env: arm.env,
    cwd: options.cwd,
    timeoutMs: options.sampleTimeoutMs,
  })
}

export interface SamplerOutcome {
  results: ArmResult[]
  rounds: number
  /** True when the time budget ended sampling before minRounds. */
  truncated: boolean
}

/** Arms still running: no arm of their group has failed. */
function liveArms(options: SamplerOptions, results: Map<string, ArmResult>): Arm[] {
  const failed = new Set(
    options.arms.filter((arm) => results.get(arm.key)!.failure).map((arm) => arm.group ?? arm.key),
  )
  return options.arms.filter((arm) => !failed.has(arm.group ?? arm.key))
}

/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. Returns how long each round took.
 */
export async function warmUp(
  options: SamplerOptions,
  results: Map<string, ArmResult>,
): Promise<number[]> {
  const durations: number[] = []
  for (let round = 1; round <= options.warmups; round++) {
    options.onEvent?.({ phase: 'warmup', round, of: options.warmups })
    const started = performance.now()
    for (const arm of shuffled(liveArms(options, results), options.random)) {
      if (options.signal?.aborted) break
      const run = await runOnce(arm, options)
      if (run.failure) fail(results.get(arm.key)!, run.failure, options)
    }
    durations.push(performance.now() - started)
  }
  return durations
}

function fail(result: ArmResult, failure: ImportFailure, options: SamplerOptions): void {
  result.failure = failure
  options.onEvent?.({ phase: 'failed', arm: result.arm, failure })
}

export async function sample(
  options: SamplerOptions,
  results: Map<string, ArmResult>,
): Promise<SamplerOutcome> {
  const roundMs: number[] = []
  let rounds = 0
  let truncated = false
  while (rounds < options.maxRounds && !options.signal?.aborted) {
    const live = liveArms(options, results)
    if (live.length === 0) break
    // Start a round only if it can finish before the deadline, judging by the
    // slowest round so far.
    const expected = roundMs.length ? Math.max(...roundMs) : 0
    if (performance.now() + expected > options.deadline) {
      truncated = rounds < options.minRounds
      break
    }
    const started = performance.now()
    rounds++
    options.onEvent?.({ phase: 'sample', round: rounds })
    for (const arm of shuffled(live, options.random)) {
      if (options.signal?.aborted) break
      const result = results.get(arm.key)!
      // A partner failed earlier in this round: stop, so pairs stay aligned.
      if (!liveArms(options, results).includes(arm)) continue
      const run = await runOnce(arm, options)
      if (run.failure) fail(result, run.failure, options)
      else result.samples.push(toSample(run))
    }
    roundMs.push(performance.now() - started)
    const all = [...results.values()]
    if (rounds >= options.minRounds && options.settled?.(all)) break
  }
  return { results: [...results.values()], rounds, truncated }
}

export function emptyResults(arms: Arm[]): Map<string, ArmResult> {
  return new Map(arms.map((arm) => [arm.key, { arm, samples: [], failure: null }]))
}

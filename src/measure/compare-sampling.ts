// Sampling for a comparison: every target has a base arm and a head arm; each
// round runs all of them in a fresh random order, so a pair (base and head of
// one target in one round) shares whatever the machine was doing then.
import { classify, comparePairs, isSettled, type GateSettings } from '../analysis/paired-compare.js'
import { median } from '../analysis/summary.js'
import { profileArms, type ArmProfile } from './profile.js'
import {
  emptyResults,
  sample,
  warmUp,
  type Arm,
  type ArmResult,
  type Sample,
  type SamplerEvent,
} from './sampler.js'

export interface TargetArms {
  target: string
  base: Arm
  head: Arm
}

export interface TargetSamples {
  target: string
  base: ArmResult
  head: ArmResult
  baseProfile: ArmProfile | null
  headProfile: ArmProfile | null
  /** The fresh batch run to confirm a flagged regression, or null when none was needed. */
  confirmation: { base: Sample[]; head: Sample[] } | null
}

export interface CompareSamplingOptions {
  targets: TargetArms[]
  cwd: string
  warmups: number
  minPairs: number
  maxPairs: number
  /** performance.now() value by which everything must be done. */
  deadline: number
  sampleTimeoutMs: number
  profileRuns: number
  /** Pairs in a confirmation batch. */
  confirmPairs: number
  random: () => number
  gate: GateSettings
  signal?: AbortSignal
  onEvent?: (event: SamplerEvent | { phase: 'confirm'; targets: string[] }) => void
}

export interface CompareSamplingOutcome {
  targets: TargetSamples[]
  rounds: number
  truncated: boolean
}

const times = (result: ArmResult) => result.samples.map((s) => s.importMs)

function settledFor(targets: TargetArms[], gate: GateSettings, alpha: number) {
  return (results: ArmResult[]) => {
    const byKey = new Map(results.map((r) => [r.arm.key, r]))
    return targets.every(({ base, head }) => {
      const b = byKey.get(base.key)!
      const h = byKey.get(head.key)!
      if (b.failure || h.failure) return true
      return isSettled(comparePairs(times(b), times(h), alpha), gate)
    })
  }
}

export async function sampleComparison(
  options: CompareSamplingOptions,
): Promise<CompareSamplingOutcome> {
  const arms = options.targets.flatMap((t) => [t.base, t.head])
  const results = emptyResults(arms)
  const base = {
    cwd: options.cwd,
    warmups: options.warmups,
    sampleTimeoutMs: options.sampleTimeoutMs,
    random: options.random,
    signal: options.signal,
    onEvent: options.onEvent,
  }
  const warmupRounds = await warmUp(
    { ...base, arms, minRounds: 0, maxRounds: 0, deadline: options.deadline },
    results,
  )
  const live = arms.filter(
    (arm) =>
      !options.targets.some(
        (t) =>
          t.target === arm.target &&
          (results.get(t.base.key)!.failure || results.get(t.head.key)!.failure),
      ),
  )
  const profiles = await profileArms({
    arms: live,
    runs: options.profileRuns,
    cwd: options.cwd,
    timeoutMs: options.sampleTimeoutMs,
    random: options.random,
    signal: options.signal,
  })
  // Keep time for a confirmation batch: a warm-up round runs every arm once,
  // so it bounds what one confirmation round of any subset costs.
  const roundMs = warmupRounds.length ? median(warmupRounds) : 0
  const remaining = options.deadline - performance.now()
  const reserve = Math.min(remaining * 0.4, options.confirmPairs * roundMs)
  const outcome = await sample(
    {
      ...base,
      arms,
      minRounds: options.minPairs,
      maxRounds: options.maxPairs,
      deadline: options.deadline - reserve,
      settled: settledFor(options.targets, options.gate, options.gate.alpha),
    },
    results,
  )
  const samples: TargetSamples[] = options.targets.map((t) => ({
    target: t.target,
    base: results.get(t.base.key)!,
    head: results.get(t.head.key)!,
    baseProfile: profiles.get(t.base.key) ?? null,
    headProfile: profiles.get(t.head.key) ?? null,
    confirmation: null,
  }))
  const flagged = samples.filter(
    (s) =>
      !s.base.failure &&
      !s.head.failure &&
      classify(comparePairs(times(s.base), times(s.head), options.gate.alpha), options.gate) ===
        'regression',
  )
  if (flagged.length > 0 && !options.signal?.aborted) {
    options.onEvent?.({ phase: 'confirm', targets: flagged.map((s) => s.target) })
    const confirmArms = flagged.flatMap((s) => [s.base.arm, s.head.arm])
    const fresh = emptyResults(confirmArms)
    await sample(
      {
        ...base,
        arms: confirmArms,
        minRounds: options.confirmPairs,
        maxRounds: options.confirmPairs,
        deadline: options.deadline,
      },
      fresh,
    )
    for (const s of flagged) {
      const b = fresh.get(s.base.arm.key)!
      const h = fresh.get(s.head.arm.key)!
      s.confirmation = { base: b.samples, head: h.samples }
      if (b.failure) s.base.failure = b.failure
      if (h.failure) s.head.failure = h.failure
    }
  }
  return { targets: samples, rounds: outcome.rounds, truncated: outcome.truncated }
}

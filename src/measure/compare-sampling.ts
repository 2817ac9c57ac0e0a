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
  /** null for a target only head lists: measured on head alone. */
  base: Arm | null
  head: Arm
}

export interface TargetSamples {
  target: string
  base: ArmResult | null
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
  /**
   * Fewest pairs in a confirmation batch; it is as large as the first batch
   * was (up to maxPairs), because a small batch cannot confirm a small effect.
   */
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
      if (!base) return true
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
  const arms = options.targets.flatMap((t) => (t.base ? [t.base, t.head] : [t.head]))
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
  // Profile only targets whose arms all survived the warm-ups.
  const failedGroups = new Set(
    arms.filter((arm) => results.get(arm.key)!.failure).map((arm) => arm.target),
  )
  const live = arms.filter((arm) => !failedGroups.has(arm.target))
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
    base: t.base ? results.get(t.base.key)! : null,
    head: results.get(t.head.key)!,
    baseProfile: t.base ? (profiles.get(t.base.key) ?? null) : null,
    headProfile: profiles.get(t.head.key) ?? null,
    confirmation: null,
  }))
  const flagged = samples.flatMap((s) => {
    const { base: b, head: h } = s
    if (!b || b.failure || h.failure) return []
    const outcome = classify(comparePairs(times(b), times(h), options.gate.alpha), options.gate)
    return outcome === 'regression' ? [{ s, base: b, head: h }] : []
  })
  if (flagged.length > 0 && !options.signal?.aborted) {
    options.onEvent?.({ phase: 'confirm', targets: flagged.map((f) => f.s.target) })
    const confirmArms = flagged.flatMap((f) => [f.base.arm, f.head.arm])
    const pairs = Math.min(
      options.maxPairs,
      Math.max(
        options.confirmPairs,
        ...flagged.map((f) => Math.min(f.base.samples.length, f.head.samples.length)),
      ),
    )
    const fresh = emptyResults(confirmArms)
    await sample(
      {
        ...base,
        arms: confirmArms,
        minRounds: pairs,
        maxRounds: pairs,
        deadline: options.deadline,
      },
      fresh,
    )
    for (const f of flagged) {
      const b = fresh.get(f.base.arm.key)!
      const h = fresh.get(f.head.arm.key)!
      f.s.confirmation = { base: b.samples, head: h.samples }
      if (b.failure) f.base.failure = b.failure
      if (h.failure) f.head.failure = h.failure
    }
  }
  return { targets: samples, rounds: outcome.rounds, truncated: outcome.truncated }
}

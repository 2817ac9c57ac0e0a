// What a target's report cannot explain or check, and why: every gate and
// explanation a user configured either ran or the report says it did not. Pure.
import type { Gate } from '../../settings/setting-values.js'
import type { ArmObservation } from './observations.js'

export interface ExplanationGap {
  /**
   * `functions`: no function-level explanation (the cProfile run of a side);
   * `modules`: no module set, so `forbid`, the module budget and the watch list went unchecked.
   */
  missing: 'functions' | 'modules' | 'lazy'
  /**
   * `budget`: it did not fit the time budget, before sampling nor after it;
   * `no-change`: it did not fit before sampling, and no change was found to explain after;
   * `failed`: its run failed or reported nothing usable; `not-run`: no profile run was asked for;
   * `unsupported` (lazy): the interpreter has no lazy imports (before Python 3.15).
   * `lazy`: enforce-lazy could not check the declared-lazy imports.
   */
  reason: 'budget' | 'no-change' | 'failed' | 'not-run' | 'unsupported'
}

/**
 * enforce-lazy's gap on a warm module target, if any: the interpreter has no
 * lazy imports, or head's lazy run failed or never ran (its import failed, or
 * no profile run came first).
 */
export function lazyGap(head: ArmObservation | null, supported: boolean): ExplanationGap[] {
  if (!head || head.failure) return []
  if (!supported) return [{ missing: 'lazy', reason: 'unsupported' }]
  const lazy = head.profile?.lazy
  if (lazy) return []
  return [
    {
      missing: 'lazy',
      reason: lazy === null ? 'failed' : head.profile?.runs ? 'budget' : 'not-run',
    },
  ]
}

/** The gaps of one compared (or measured) target, from its arms' profiles. */
export function explanationGaps(
  base: ArmObservation | null,
  head: ArmObservation | null,
  gate: Pick<Gate, 'forbid' | 'maxModules'>,
  watch: readonly string[],
  profileRuns: number,
): ExplanationGap[] {
  const gaps: ExplanationGap[] = []
  const gatesOnModules = gate.forbid.length > 0 || gate.maxModules !== null || watch.length > 0
  // Arms never profiled (other cache states, commands) have no profile at all: nothing was due.
  const unknown = (arm: ArmObservation | null) =>
    !!arm && !arm.failure && !!arm.profile && arm.profile.runs === 0 && !arm.profile.failure
  // The first profile run always runs when any is asked for; cut, it is the budget's doing.
  if ((gatesOnModules && unknown(head)) || (base && (unknown(base) || unknown(head))))
    gaps.push({ missing: 'modules', reason: profileRuns > 0 ? 'budget' : 'not-run' })
  // Function-level causes are a comparison's: both sides need their profile.
  if (!base || !head || base.failure || head.failure) return gaps
  const profiles = [base.profile, head.profile]
  if (profiles.some((p) => !p?.runs || p.failure)) return gaps
  const deferred = profiles.map((p) => p!.deferred).find(Boolean)
  if (deferred) gaps.push({ missing: 'functions', reason: deferred })
  else if (profiles.some((p) => p!.functions === null))
    gaps.push({ missing: 'functions', reason: 'failed' })
  return gaps
}

// A comparison's measurements → the results document (schema 1). Pure.
import { diffModules, type ModuleChange } from '../analysis/module-diff.js'
import type { GateConfig } from '../config/settings.js'
import { targetVerdict } from '../analysis/target-verdict.js'
import type { TargetSamples } from '../measure/compare-sampling.js'
import type { ImportFailure } from '../measure/probe-protocol.js'
import { mostSerious } from '../analysis/gate.js'
import { applyGate } from './gate-result.js'
import type {
  ModuleChangeJson,
  ModulesJson,
  TargetError,
  TargetResult,
  Verdict,
} from './results.js'
import { ms, sideResult } from './side-result.js'

/** The overall verdict: the most serious of the targets' (error > forbidden > budget > …). */
export function overallVerdict(verdicts: Verdict[]): Verdict {
  return mostSerious(verdicts)
}

function changeJson(c: ModuleChange): ModuleChangeJson {
  return { name: c.name, chain: c.chain, self_ms: ms(c.selfMs), cumulative_ms: ms(c.cumulativeMs) }
}

function errorOf(s: TargetSamples): TargetError | null {
  const pick = (side: 'base' | 'head', failure: ImportFailure | null | undefined) =>
    failure ? { side, ...failure } : null
  return (
    pick('base', s.base?.failure) ??
    pick('head', s.head.failure) ??
    pick('base', s.baseProfile?.failure) ??
    pick('head', s.headProfile?.failure)
  )
}

function modulesJson(s: TargetSamples): ModulesJson | null {
  if (!s.base || !s.baseProfile?.runs || !s.headProfile?.runs) return null
  const diff = diffModules(
    { added: s.baseProfile.added, costs: s.baseProfile.costs },
    { added: s.headProfile.added, costs: s.headProfile.costs },
  )
  return {
    added: diff.added.map(changeJson),
    removed: diff.removed.map(changeJson),
    self_time_changes: diff.selfTimeChanges.map((c) => ({
      name: c.name,
      base_self_ms: c.baseSelfMs === null ? null : ms(c.baseSelfMs),
      head_self_ms: c.headSelfMs === null ? null : ms(c.headSelfMs),
      delta_ms: ms(c.deltaMs),
    })),
  }
}

export function targetResult(s: TargetSamples, gate: GateConfig): TargetResult {
  const error = errorOf(s)
  const baseSamples = [...(s.base?.samples ?? []), ...(s.confirmation?.base ?? [])]
  const headSamples = [...s.head.samples, ...(s.confirmation?.head ?? [])]
  const measured = !error && s.head.samples.length > 0 && (!s.base || s.base.samples.length > 0)
  const result: TargetResult = {
    name: s.target,
    verdict: error ? 'error' : 'pass',
    base: baseSamples.length ? sideResult(s.target, baseSamples, s.baseProfile ?? undefined) : null,
    head: headSamples.length ? sideResult(s.target, headSamples, s.headProfile ?? undefined) : null,
    delta: null,
    modules: modulesJson(s),
    forbidden: [],
    budget: null,
    error,
  }
  if (!s.base) result.new = true
  const gated = (r: TargetResult) =>
    applyGate(
      r,
      s.headProfile?.runs ? s.headProfile.added : null,
      s.headProfile?.costs ?? new Map(),
      gate,
    )
  if (!measured || !s.base) return gated(result)
  const times = (xs: { importMs: number }[]) => xs.map((x) => x.importMs)
  const confirmation = s.confirmation
    ? { base: times(s.confirmation.base), head: times(s.confirmation.head) }
    : null
  const verdict = targetVerdict(times(s.base.samples), times(s.head.samples), confirmation, gate)
  const c = verdict.comparison
  result.verdict = verdict.outcome
  result.delta = {
    ms: ms(c.ms),
    pct: Math.round(c.pct * 100) / 100,
    ci_pct: c.ciPct
      ? [Math.round(c.ciPct[0] * 100) / 100, Math.round(c.ciPct[1] * 100) / 100]
      : null,
    ci_level: c.ciLevel,
    p: c.logEstimate >= 0 ? c.pSlower : c.pFaster,
    p_slower: c.pSlower,
    p_faster: c.pFaster,
    pairs: c.pairs,
    confirmation: verdict.confirmation,
  }
  return gated(result)
}

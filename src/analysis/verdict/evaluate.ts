// Observations + gate → findings, per target × variant × metric. Verdicts,
// budgets, forbidden imports and the module diff are decided here and nowhere
// else; results/ and report/ only record and show them. Pure.
import type { ImportFailure } from '../../model/failure.js'
import { METRICS, type MetricId } from '../../model/metrics.js'
import type { Gate, Sampling } from '../../settings/setting-values.js'
import { DEFAULT_VARIANT, traitsOf, type Side, type Variant } from '../../model/target.js'
import { mostSerious, type Verdict } from '../../model/verdict.js'
import { budgetStatus, forbiddenImports, isBreached } from './gate.js'
import { metricFindings, pairsTaken, sideFinding } from './metric-findings.js'
import { diffFunctions, type FunctionChange } from '../attribution/function-diff.js'
import { diffModules, type ModuleDiff } from '../attribution/module-diff.js'
import { pairOf, type ArmObservation, type Observations } from './observations.js'
import { rollUpByPackage } from '../attribution/package-rollup.js'
import { missingTarget } from './missing-target.js'
import {
  doubledBudgetS,
  samplesShortfall,
  suggestedMaxTimeS,
  undecidedShortfall,
  type ShortfallContext,
} from './shortfall.js'
import { watchModules } from './watch.js'
import { lazyFinding, type LazyForm } from '../attribution/lazy.js'
import { fewestPairs, PASS_BETA } from '../stats/sequential.js'
import { explanationGaps, lazyGap } from './explanation-gaps.js'
import type { MetricFinding, SideFinding, TargetFinding } from './finding.js'
import { endOfBudget, type UndecidedPass } from './end-of-budget.js'
import type { Shortfall } from './shortfall.js'
import type { Proof } from './proof.js'

export interface EvaluatedTarget {
  name: string
  /** Only head's configuration lists it: measured on head alone. */
  isNew: boolean
  /** Base's configuration lists it and head's no longer does (absent: false). */
  droppedInHead?: boolean
}

export interface EvaluationSpec {
  /** In the order they were configured. */
  targets: EvaluatedTarget[]
  variant: Variant
  /** Every cache state measured, warm first; each target gets a finding per state. Default: [variant]. */
  variants?: readonly Variant[]
  gate: Gate
  metrics: readonly MetricId[]
  /** Modules to report by name on each side. */
  watch: readonly string[]
  /** The sampling settings: what counts as enough evidence, and what a suggested budget covers. */
  sampling: Pick<Sampling, 'minPairs' | 'maxPairs' | 'warmups' | 'profileRuns' | 'maxTimeMs'>
  /** The interpreter has lazy imports (Python 3.15+): head's warm module arms got the lazy runs. */
  lazyImports?: boolean
  /** How the lines that could be lazy are best written, from the project's requires-python. */
  lazyForm?: LazyForm
  /** compare: each module target's proof, where one was tried (analysis/verdict/proof.ts). */
  proofs?: ReadonlyMap<string, Proof>
}

/** The proof decides this target in this cache state: no loaded source changed, or the state is warm. */
export const provedIn = (proof: Proof | undefined, variant: Variant): boolean =>
  !!proof?.holds && (variant === DEFAULT_VARIANT || proof.sourcesUnchanged)

const withSide = (side: Side, failure: ImportFailure | null | undefined) =>
  failure ? { side, ...failure } : null

function errorOf(base: ArmObservation | null, head: ArmObservation | null) {
  return (
    withSide('base', base?.failure) ??
    withSide('head', head?.failure) ??
    withSide('base', base?.profile?.failure) ??
    withSide('head', head?.profile?.failure)
  )
}

function modulesOf(
  base: ArmObservation | null,
  head: ArmObservation | null,
  floorMs: number,
): ModuleDiff | null {
  const b = base?.profile
  const h = head?.profile
  if (!base || !b?.runs || !h?.runs) return null
  return diffModules(
    { added: b.added, costs: b.costs },
    { added: h.added, costs: h.costs },
    10,
    floorMs,
  )
}

function functionsOf(
  base: ArmObservation | null,
  head: ArmObservation | null,
  floorMs: number,
): FunctionChange[] | null {
  const b = base?.profile
  const h = head?.profile
  if (!b?.functions || !h?.functions) return null
  return diffFunctions(b.functions, h.functions, new Set(b.added), new Set(h.added), floorMs)
}

function evaluateTarget(
  observations: Observations,
  configured: EvaluatedTarget,
  spec: EvaluationSpec,
  ended: Pick<ShortfallContext, 'suggestion'>,
): TargetFinding {
  const arms = pairOf(observations.arms, configured.name, spec.variant)
  // A module base does not have is new in head, whoever listed it (a -t flag, say).
  const baseLacksIt = !!arms.base && missingTarget(arms.base.failure, configured.name)
  const target = { ...configured, isNew: configured.isNew || baseLacksIt }
  // Removed by head, and dropped from head's targets: nothing to measure, and nothing wrong.
  if (
    configured.droppedInHead &&
    arms.base &&
    !arms.base.failure &&
    missingTarget(arms.head?.failure, configured.name)
  )
    return goneInHead(configured.name, spec, sideFinding(arms.base))
  const proof = target.isNew ? undefined : spec.proofs?.get(target.name)
  // Proved: nothing to time, so base was not run again; head may have a short sample for its budget.
  const proved = provedIn(proof, spec.variant)
  const base = target.isNew || proved ? null : arms.base
  const head = arms.head
  const error = errorOf(base, head)
  const headSide = sideFinding(head)
  const measured = !error && !!head?.samples.length && (!base || base.samples.length > 0)
  const metrics = measured && head && !proved ? metricFindings(base, head, spec) : []
  const baseSide = sideFinding(base)
  const pairs = pairsTaken(base ? baseSide : null, headSide, metrics)
  const gatingMetric = metrics.find((m) => m.gating)
  const context = {
    maxTimeMs: spec.sampling.maxTimeMs,
    maxPairs: spec.sampling.maxPairs,
    suggestion: ended.suggestion,
  }
  // A decided change on any gating metric is evidence on its own (an instruction
  // count's regression stands whatever the few timed pairs say).
  const found = mostSerious(metrics.filter((m) => m.gating).map((m) => m.outcome))
  // Compared: undecided is inconclusive. On one side (a new target, measure): too few samples is.
  const shortfall =
    error || proved || (found !== 'pass' && found !== 'inconclusive')
      ? null
      : gatingMetric?.comparison
        ? undecidedShortfall(gatingMetric.comparison, context)
        : base
          ? // Compared, and no pair taken (the budget ran out before the first round): never a
            // pass. With no sample to size a round by, the advice is twice the budget.
            samplesShortfall(
              0,
              fewestPairs(PASS_BETA),
              ended.suggestion ?? doubledBudgetS(spec.sampling.maxTimeMs),
            )
          : samplesShortfall(pairs, spec.sampling.minPairs, ended.suggestion)
  const undecidedPass = passAtTheEnd(shortfall, gatingMetric, metrics, spec.gate)
  const statistical: Verdict = error
    ? 'error'
    : undecidedPass
      ? 'pass'
      : shortfall
        ? 'inconclusive'
        : found
  const headProfile = head?.profile
  const forbidden = headProfile?.runs
    ? forbiddenImports(
        headProfile.added,
        headProfile.costs,
        spec.gate.forbid,
        base?.profile?.runs ? base.profile.added : null,
      )
    : []
  const budget = budgetStatus(
    headSide?.medianMs ?? null,
    // A proved target has no timed samples unless it has a time budget; its module-set run still counts.
    headSide?.moduleCount ?? (headProfile?.runs ? headProfile.moduleCount : null),
    spec.gate.budgetsMs[target.name],
    spec.gate.maxModules,
  )
  // Proved: there is no change to explain.
  const gaps = proved
    ? []
    : explanationGaps(base, head, spec.gate, spec.watch, spec.sampling.profileRuns)
  if (spec.gate.enforceLazy && spec.variant === 'warm' && traitsOf(target.name).lazyRuns)
    gaps.push(...lazyGap(head, spec.lazyImports === true))
  const lazy = lazyFinding(
    target.name,
    headProfile?.lazy,
    (module) => headProfile?.costs.get(module)?.cumulativeMs ?? null,
    spec.lazyForm,
  )
  const findings: Verdict[] = [statistical]
  if (forbidden.length) findings.push('forbidden')
  // enforce-lazy: a module the project declares lazy is one the import must not load.
  if (spec.gate.enforceLazy && lazy?.loadedAnyway.length) findings.push('forbidden')
  if (isBreached(budget)) findings.push('budget')
  return {
    target: target.name,
    variant: spec.variant,
    isNew: target.isNew,
    base: baseSide,
    head: headSide,
    metrics,
    modules: modulesOf(base, head, spec.gate.minDeltaMs),
    packages:
      base?.profile?.runs && head?.profile?.runs
        ? rollUpByPackage(
            target.name,
            base.profile.costs,
            head.profile.costs,
            // The timed samples' decided change: a row that carries most of it is no noise.
            (found === 'regression' || found === 'improvement') &&
              gatingMetric?.metric === 'import_ms' &&
              baseSide &&
              headSide
              ? headSide.medianMs - baseSide.medianMs
              : null,
          )
        : null,
    functions: functionsOf(base, head, spec.gate.minDeltaMs),
    forbidden,
    budget,
    watched: watchModules(spec.watch, base?.profile, head?.profile),
    ...(gaps.length ? { gaps } : {}),
    ...(lazy ? { lazy } : {}),
    ...(proof ? { proof: { ...proof, decided: proved } } : {}),
    error,
    shortfall: undecidedPass ? null : shortfall,
    ...(undecidedPass ? { undecidedPass } : {}),
    verdict: mostSerious(findings),
  }
}

/**
 * `undecided = "warn"`: a target the procedure left undecided with enough
 * pairs passes, with a warning, when its pass interval rules out twice the
 * band (end-of-budget.ts); null otherwise, and whenever another gating metric
 * is not a pass.
 */
function passAtTheEnd(
  shortfall: Shortfall | null,
  gating: MetricFinding | undefined,
  metrics: readonly MetricFinding[],
  gate: Gate,
): UndecidedPass | null {
  const c = gating?.comparison
  if (gate.undecided !== 'warn' || shortfall?.reason !== 'unsettled' || !c?.passCiPct) return null
  if (metrics.some((m) => m.gating && m !== gating && m.outcome !== 'pass')) return null
  const [lo, hi] = c.passCiPct
  return endOfBudget(
    { decision: c.decision, passInterval: [Math.log1p(lo / 100), Math.log1p(hi / 100)] },
    gate,
    c.baseMedianMs,
  )
}

/** A target base had and head removed (and dropped from its targets): reported, never failed. */
function goneInHead(name: string, spec: EvaluationSpec, base: SideFinding | null): TargetFinding {
  return {
    target: name,
    variant: spec.variant,
    isNew: false,
    gone: true,
    base,
    head: null,
    metrics: [],
    modules: null,
    packages: null,
    functions: null,
    forbidden: [],
    budget: budgetStatus(null, null, undefined, null),
    watched: [],
    error: null,
    shortfall: null,
    verdict: 'pass',
  }
}

/**
 * The spec for one cache state. Budgets, the module budget, the watch list
 * and the counted metrics are about the warm import (what a budget of "300 ms" means); other states
 * are judged on their own change alone, and have no profile runs to watch in.
 */
function forVariant(spec: EvaluationSpec, variant: Variant): EvaluationSpec {
  if (variant === DEFAULT_VARIANT) return { ...spec, variant }
  return {
    ...spec,
    variant,
    // Counted metrics are counted in the warm state only: the counts do not depend on the cache.
    metrics: spec.metrics.filter((id) => METRICS[id].kind === 'sample'),
    watch: [],
    gate: { ...spec.gate, budgetsMs: {}, maxModules: null },
  }
}

export function evaluate(
  observations: Observations,
  spec: EvaluationSpec,
): { targets: TargetFinding[]; verdict: Verdict } {
  const ended = { suggestion: suggestedMaxTimeS(observations, spec.sampling) }
  const variants = spec.variants ?? [spec.variant]
  const targets = spec.targets.flatMap((t) =>
    variants.map((variant) => evaluateTarget(observations, t, forVariant(spec, variant), ended)),
  )
  return { targets, verdict: mostSerious(targets.map((t) => t.verdict)) }
}

// Observations + gate → findings, per target × variant × metric. Verdicts,
// budgets, forbidden imports and the module diff are decided here and nowhere
// else; results/ and report/ only record and show them. Pure.
import type { ImportFailure } from '../model/failure.js'
import { METRICS, PRIMARY_METRIC, type MetricId, type Sample } from '../model/metrics.js'
import type { Gate, Sampling } from '../model/settings.js'
import type { Side, Variant } from '../model/target.js'
import { mostSerious, type Verdict } from '../model/verdict.js'
import { suggestedBudgetS } from './budget.js'
import { targetVerdict, type Confirmation } from './confirmation.js'
import {
  budgetStatus,
  forbiddenImports,
  isBreached,
  type BudgetStatus,
  type ForbiddenHit,
} from './gate.js'
import { diffFunctions, type FunctionChange } from './function-diff.js'
import { diffModules, type ModuleDiff } from './module-diff.js'
import {
  pairOf,
  type ArmObservation,
  type Observations,
  type ProfileObservation,
} from './observations.js'
import {
  classify,
  comparePairs,
  isSettled,
  pairsToReject,
  type Outcome,
  type PairedComparison,
} from './paired-compare.js'
import { rollUpByPackage, type PackageRow } from './package-rollup.js'
import { missingTarget } from './missing-target.js'
import type { ModuleSource } from './source-paths.js'
import { median } from './summary.js'
import { watchModules, type WatchFinding } from './watch.js'

/** One side of a target as the findings see it: every sample (confirmation included) and the profile. */
export interface SideFinding {
  samples: Sample[]
  profile: ProfileObservation | null
  medianMs: number
  /** len(sys.modules) after the import. */
  moduleCount: number
}

export interface MetricFinding {
  metric: MetricId
  /** Whether this metric's outcome decides the verdict. */
  gating: boolean
  /** compare: what the statistics say; measure: always pass. */
  outcome: Outcome
  /** compare: base against head over every pair; null for measure or without samples. */
  comparison: PairedComparison | null
  /** A fresh batch that confirmed (or did not) a flagged change. */
  confirmation: Confirmation | null
}

/**
 * A target whose pass would not be earned: fewer samples than a verdict needs
 * (`pairs`), or sampling that ended on the time budget or max-pairs with an
 * estimate past the thresholds that the pairs could not make significant
 * (`unsettled`: a regression of that size is as likely as none).
 */
export interface Shortfall {
  reason: 'pairs' | 'unsettled'
  /** Pairs (compare) or samples (measure) taken. */
  pairs: number
  /** What a verdict needs: min-pairs, and never fewer than the test needs to reject at alpha. */
  needed: number
  /** A time budget that would likely fit every step at these import times, in seconds. */
  suggestedMaxTimeS: number | null
}

export interface TargetFinding {
  target: string
  variant: Variant
  /** compare: a target only head's configuration lists, or a module base does not have: measured on head alone. */
  isNew: boolean
  /** compare: a module head removed and no longer lists as a target: not measured, not a failure. */
  gone?: boolean
  base: SideFinding | null
  head: SideFinding | null
  /** Primary metric first. Empty when the target could not be measured. */
  metrics: MetricFinding[]
  /** compare: modules now eager or lazy, and whose own time moved. */
  modules: ModuleDiff | null
  /** compare: own time by top-level package, base against head. */
  packages: PackageRow[] | null
  /** compare: functions import-time code now calls more or less; null when either side was not profiled. */
  functions: FunctionChange[] | null
  /** compare: repository files of the modules shown, filled in by the command (it reads the worktrees). */
  sources?: Record<string, ModuleSource>
  forbidden: ForbiddenHit[]
  budget: BudgetStatus
  /** The watched modules, in the order configured. */
  watched: WatchFinding[]
  error: (ImportFailure & { side: Side }) | null
  /** Set when the evidence fell short: the verdict is then inconclusive, never a pass. */
  shortfall: Shortfall | null
  verdict: Verdict
}

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
  gate: Gate
  metrics: readonly MetricId[]
  /** Modules to report by name on each side. */
  watch: readonly string[]
  /** The sampling settings: what counts as enough evidence, and what a suggested budget covers. */
  sampling: Pick<Sampling, 'minPairs' | 'warmups' | 'profileRuns' | 'maxTimeMs'>
}

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

function side(arm: ArmObservation | null): SideFinding | null {
  const samples = arm ? [...arm.samples, ...(arm.confirmation ?? [])] : []
  if (!arm || samples.length === 0) return null
  const profile = arm.profile
  return {
    samples,
    profile,
    medianMs: median(samples.map(METRICS[PRIMARY_METRIC].read)),
    moduleCount: profile?.moduleCount || samples[samples.length - 1]!.moduleCount,
  }
}

function metricFindings(
  base: ArmObservation | null,
  head: ArmObservation,
  spec: EvaluationSpec,
): MetricFinding[] {
  return spec.metrics.map((id) => {
    const metric = METRICS[id]
    const read = (samples: readonly Sample[]) => samples.map(metric.read)
    if (!base) {
      return {
        metric: id,
        gating: metric.gatesByDefault,
        outcome: 'pass',
        comparison: null,
        confirmation: null,
      }
    }
    const confirmation =
      base.confirmation && head.confirmation
        ? { base: read(base.confirmation), head: read(head.confirmation) }
        : null
    if (metric.gatesByDefault) {
      const verdict = targetVerdict(read(base.samples), read(head.samples), confirmation, spec.gate)
      return { metric: id, gating: true, ...verdict }
    }
    // A metric that only informs gets the plain test over every pair it has.
    const comparison = comparePairs(
      [...read(base.samples), ...(confirmation?.base ?? [])],
      [...read(head.samples), ...(confirmation?.head ?? [])],
      spec.gate.alpha,
    )
    return {
      metric: id,
      gating: false,
      outcome: classify(comparison, spec.gate),
      comparison,
      confirmation: null,
    }
  })
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

/**
 * Why a pass would not be earned, or null when it is. A pass whose estimate
 * is past both thresholds but not significant is what a budget too small for
 * a slow import gives (a real +10% read as "+6%, p = 0.04" after 20 pairs):
 * inconclusive, with twice the budget suggested, since more pairs would settle it.
 * So is a flag a fresh batch did not confirm while all pairs together still
 * lean past the thresholds (bench:slow: "+13.3%, pass" on a real +10%): the
 * two batches disagree, and that is not evidence of no change.
 */
function shortfallOf(
  pairs: number,
  needed: number,
  metrics: MetricFinding[],
  spec: EvaluationSpec,
  suggestion: number | null,
): Shortfall | null {
  if (pairs < needed) return { reason: 'pairs', pairs, needed, suggestedMaxTimeS: suggestion }
  const gating = metrics.find((m) => m.gating)
  const c = gating?.comparison
  if (!c) return null
  const leans = c.pct > spec.gate.thresholdPct && c.ms > spec.gate.minDeltaMs
  if (!leans || isSettled(c, spec.gate)) return null
  const doubled = Math.ceil((2 * spec.sampling.maxTimeMs) / 10_000) * 10
  return {
    reason: 'unsettled',
    pairs,
    needed,
    suggestedMaxTimeS: Math.max(doubled, suggestion ?? 0),
  }
}

/** How many pairs (or samples, on one side) the verdict rests on. */
function pairsTaken(
  base: SideFinding | null,
  head: SideFinding | null,
  metrics: MetricFinding[],
): number {
  const comparison = metrics[0]?.comparison
  if (comparison) return comparison.pairs
  return head && !base ? head.samples.length : 0
}

/** What one round of every arm costs, from the samples' spawn-to-exit times, and so a budget. */
function suggestedMaxTimeS(observations: Observations, spec: EvaluationSpec): number | null {
  const walls = observations.arms
    .filter((a) => a.samples.length)
    .map((a) => median(a.samples.map((s) => s.wallMs)))
  if (!walls.length) return null
  const roundMs = walls.reduce((sum, w) => sum + w, 0)
  const twoSided = observations.arms.some((a) => a.key.side === 'base')
  return suggestedBudgetS(roundMs, spec.sampling, twoSided)
}

function evaluateTarget(
  observations: Observations,
  configured: EvaluatedTarget,
  spec: EvaluationSpec,
  suggestion: number | null,
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
    return goneInHead(configured.name, spec, side(arms.base))
  const base = target.isNew ? null : arms.base
  const head = arms.head
  const error = errorOf(base, head)
  const headSide = side(head)
  const measured = !error && !!head?.samples.length && (!base || base.samples.length > 0)
  const metrics = measured && head ? metricFindings(base, head, spec) : []
  const gating = metrics.filter((m) => m.gating).map((m) => m.outcome)
  const baseSide = side(base)
  const needed = Math.max(spec.sampling.minPairs, base ? pairsToReject(spec.gate.alpha) : 1)
  const pairs = pairsTaken(base ? baseSide : null, headSide, metrics)
  // A significant finding is evidence whatever the count; a pass is not.
  const found = mostSerious(gating)
  const shortfall =
    error || found !== 'pass' ? null : shortfallOf(pairs, needed, metrics, spec, suggestion)
  const statistical: Verdict = error ? 'error' : shortfall ? 'inconclusive' : found
  const headProfile = head?.profile
  const forbidden = headProfile?.runs
    ? forbiddenImports(headProfile.added, headProfile.costs, spec.gate.forbid)
    : []
  const budget = budgetStatus(
    headSide?.medianMs ?? null,
    headSide?.moduleCount ?? null,
    spec.gate.budgetsMs[target.name],
    spec.gate.maxModules,
  )
  const findings: Verdict[] = [statistical]
  if (forbidden.length) findings.push('forbidden')
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
        ? rollUpByPackage(target.name, base.profile.costs, head.profile.costs)
        : null,
    functions: functionsOf(base, head, spec.gate.minDeltaMs),
    forbidden,
    budget,
    watched: watchModules(spec.watch, base?.profile, head?.profile),
    error,
    shortfall,
    verdict: mostSerious(findings),
  }
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

export function evaluate(
  observations: Observations,
  spec: EvaluationSpec,
): { targets: TargetFinding[]; verdict: Verdict } {
  const suggestion = suggestedMaxTimeS(observations, spec)
  const targets = spec.targets.map((t) => evaluateTarget(observations, t, spec, suggestion))
  return { targets, verdict: mostSerious(targets.map((t) => t.verdict)) }
}

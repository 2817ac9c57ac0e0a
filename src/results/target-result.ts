// A target's findings → its entry in the results document. Pure: it records
// what analysis decided and decides nothing itself.
import type { MetricFinding, TargetFinding } from '../analysis/verdict/finding.js'
import { median } from '../analysis/stats/summary.js'
import { METRICS, readMetric } from '../model/metrics.js'
import type { FunctionChange } from '../analysis/attribution/function-diff.js'
import type { DeltaJson, FunctionChangeJson, MetricResultJson, TargetResult } from './schema.js'
import { changeJson, ms, pct, sideResult } from './side-result.js'

function deltaJson(m: MetricFinding): DeltaJson | null {
  const c = m.comparison
  // No ratio describes it (a memory growth of 0 KiB on both sides): no delta, rather than NaNs.
  if (!c || !Number.isFinite(c.pct)) return null
  const finite = (i: [number, number] | null) => (i?.every(Number.isFinite) ? i : null)
  const ci = finite(c.ciPct)
  const passCi = finite(c.passCiPct)
  return {
    ms: ms(c.ms),
    pct: pct(c.pct),
    ci_pct: ci ? [pct(ci[0]), pct(ci[1])] : null,
    ci_level: c.ciLevel,
    pass_ci_pct: passCi ? [pct(passCi[0]), pct(passCi[1])] : null,
    pass_ci_level: c.passCiLevel,
    p: c.logEstimate >= 0 ? c.pSlower : c.pFaster,
    p_slower: c.pSlower,
    p_faster: c.pFaster,
    pairs: c.pairs,
    decision: c.decision === 'continue' ? 'undecided' : c.decision,
  }
}

function metricJson(t: TargetFinding, m: MetricFinding): MetricResultJson {
  const metric = METRICS[m.metric]
  const medianOf = (side: TargetFinding['base']): number | null => {
    if (!side) return null
    if (metric.kind === 'sample') {
      const values = side.samples.flatMap((s) => readMetric(metric.id, s) ?? [])
      return values.length ? ms(median(values)) : null
    }
    const counts = side.counted?.[metric.id]?.counts ?? []
    return counts.length ? Math.round(median(counts)) : null
  }
  const c = m.counted
  // A side without counts has no median: no change is recorded rather than one against 0.
  const both = !!c && c.base.length > 0 && c.head.length > 0
  return {
    metric: m.metric,
    variant: t.variant,
    unit: metric.unit,
    gating: m.gating,
    outcome: m.comparison || c ? m.outcome : null,
    base_median: medianOf(t.base),
    head_median: medianOf(t.head),
    delta: deltaJson(m),
    ...(c && {
      counted: {
        delta: both ? Math.round(c.delta) : null,
        pct: both ? pct(c.pct) : null,
        spread_pct: Math.round(c.spreadPct * 1000) / 1000,
        threshold_pct: c.thresholdPct,
        base_runs: c.base.length,
        head_runs: c.head.length,
        reason: c.reason,
      },
    }),
  }
}

function functionChangeJson(c: FunctionChange): FunctionChangeJson {
  return {
    name: c.name,
    source: { path: c.file, line: c.file ? c.line : null },
    side: c.side,
    base_calls: c.baseCalls,
    head_calls: c.headCalls,
    profiled_delta_ms: ms(c.deltaMs),
    via: c.via,
    called_as: c.calledAs,
    mostly_in: c.mostlyIn && {
      name: c.mostlyIn.name,
      source: { path: c.mostlyIn.file, line: c.mostlyIn.file ? c.mostlyIn.line : null },
      profiled_ms: ms(c.mostlyIn.ms),
    },
    callers: c.callers.map((caller) => ({
      module: caller.module,
      side: caller.side,
      path: caller.file,
      lines: caller.file ? caller.lines : [],
      base_calls: caller.baseCalls,
      head_calls: caller.headCalls,
    })),
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100

export function targetResult(t: TargetFinding): TargetResult {
  const primary = t.metrics[0]
  const result: TargetResult = {
    name: t.target,
    verdict: t.verdict,
    base: t.base ? sideResult(t.target, t.base) : null,
    head: t.head ? sideResult(t.target, t.head) : null,
    delta: primary ? deltaJson(primary) : null,
    modules: t.modules && {
      added: t.modules.added.map(changeJson),
      removed: t.modules.removed.map(changeJson),
      self_time_changes: t.modules.selfTimeChanges.map((c) => ({
        name: c.name,
        base_self_ms: c.baseSelfMs === null ? null : ms(c.baseSelfMs),
        head_self_ms: c.headSelfMs === null ? null : ms(c.headSelfMs),
        delta_ms: ms(c.deltaMs),
        noise_ms: c.noiseMs === null || !Number.isFinite(c.noiseMs) ? null : ms(c.noiseMs),
      })),
    },
    forbidden: t.forbidden.map(({ name, chain, rule, count, baseCount }) => ({
      name,
      chain,
      rule,
      count,
      ...(baseCount === null ? {} : { base_count: baseCount }),
    })),
    budget:
      t.budget.time || t.budget.modules
        ? {
            time: t.budget.time && {
              limit_ms: ms(t.budget.time.limit),
              median_ms: ms(t.budget.time.actual),
              ok: t.budget.time.ok,
            },
            modules: t.budget.modules && {
              limit: t.budget.modules.limit,
              count: t.budget.modules.actual,
              ok: t.budget.modules.ok,
            },
          }
        : null,
    error: t.error,
    metrics: t.metrics.map((m) => metricJson(t, m)),
  }
  if (t.variant !== 'warm') result.variant = t.variant
  if (t.isNew) result.new = true
  if (t.gone) result.gone = true
  if (t.packages) {
    const opt = (x: number | null) => (x === null ? null : ms(x))
    result.packages = t.packages.map((p) => ({
      name: p.name,
      own: p.own,
      base_self_ms: opt(p.baseMs),
      head_self_ms: opt(p.headMs),
      delta_ms: ms(p.deltaMs),
      base_modules: p.baseModules,
      head_modules: p.headModules,
      notable: p.notable,
    }))
  }
  if (t.watched.length) {
    const side = (w: TargetFinding['watched'][number]['base']) =>
      w && {
        loaded: w.loaded,
        chain: w.chain,
        cumulative_ms: w.cumulativeMs === null ? null : ms(w.cumulativeMs),
      }
    result.watch = t.watched.map((w) => ({ name: w.name, base: side(w.base), head: side(w.head) }))
  }
  if (t.functions) result.function_changes = t.functions.map(functionChangeJson)
  if (t.gaps?.length) result.gaps = t.gaps.map((g) => ({ ...g }))
  if (t.lazy)
    result.lazy = {
      all_lazy_ms: t.lazy.allLazyMs === null ? null : ms(t.lazy.allLazyMs),
      loaded_anyway: t.lazy.loadedAnyway.map((l) => ({
        module: l.module,
        names: l.names,
        file: l.file,
        line: l.line,
        loaded_at: l.loadedAt && { ...l.loadedAt },
      })),
      never_needed: t.lazy.neverNeeded.map((l) => ({
        module: l.module,
        names: l.names,
        file: l.file,
        line: l.line,
        cumulative_ms: l.cumulativeMs === null ? null : ms(l.cumulativeMs),
      })),
      form: t.lazy.form,
    }
  if (t.sources && Object.keys(t.sources).length) result.sources = t.sources
  if (t.undecidedPass)
    result.undecided_pass = {
      ruled_out_pct: round2(t.undecidedPass.ruledOutPct),
      band_pct: round2(t.undecidedPass.bandPct),
      upper_pct: round2(t.undecidedPass.upperPct),
    }
  if (t.proof)
    result.proof = {
      decided: t.proof.decided,
      holds: t.proof.holds,
      reason: t.proof.reason,
      traced_with: t.proof.how,
      traced_runs: t.proof.traced,
      changed_files: t.proof.changed,
      differing_files: t.proof.differing,
      loaded_changed: t.proof.loaded,
      ran_changed: t.proof.ran,
      ran_lines: t.proof.ranLines,
      modules: t.proof.modules,
      code_bytes_delta: t.proof.codeBytesDelta,
      load_bound_ms: ms(t.proof.loadBoundMs),
    }
  if (t.shortfall) {
    result.inconclusive = {
      reason: t.shortfall.reason === 'pairs' ? 'too-few-pairs' : 'unsettled',
      pairs: t.shortfall.pairs,
      needed_pairs: t.shortfall.needed,
      suggested_max_time_s: t.shortfall.suggestedMaxTimeS,
      ...(t.shortfall.suggestedMaxPairs
        ? { suggested_max_pairs: t.shortfall.suggestedMaxPairs }
        : {}),
    }
  }
  return result
}

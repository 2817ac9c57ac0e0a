// Budgets and forbidden imports applied to a target's result. Pure.
import {
  budgetStatus,
  forbiddenImports,
  isBreached,
  mostSerious,
  type Verdict,
} from '../analysis/gate.js'
import type { ModuleCost } from '../analysis/module-costs.js'
import type { GateConfig } from '../config/settings.js'
import type { TargetResult } from './results.js'
import { ms } from './side-result.js'

/**
 * Sets forbidden, budget and the final verdict: the most serious of the
 * statistical outcome (or error), a forbidden import and a budget breach.
 */
export function applyGate(
  result: TargetResult,
  loaded: readonly string[] | null,
  costs: ReadonlyMap<string, ModuleCost>,
  gate: GateConfig,
): TargetResult {
  result.forbidden = loaded
    ? forbiddenImports(loaded, costs, gate.forbid).map(({ name, chain, rule, count }) => ({
        name,
        chain,
        rule,
        count,
      }))
    : []
  const status = budgetStatus(
    result.head?.median_ms ?? null,
    result.head?.module_count ?? null,
    gate.budgetsMs[result.name],
    gate.maxModules,
  )
  result.budget =
    status.time || status.modules
      ? {
          time: status.time && {
            limit_ms: ms(status.time.limit),
            median_ms: status.time.actual,
            ok: status.time.ok,
          },
          modules: status.modules && {
            limit: status.modules.limit,
            count: status.modules.actual,
            ok: status.modules.ok,
          },
        }
      : null
  const findings: Verdict[] = [result.verdict]
  if (result.forbidden.length) findings.push('forbidden')
  if (isBreached(status)) findings.push('budget')
  result.verdict = mostSerious(findings)
  return result
}

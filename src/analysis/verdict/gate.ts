// Decisions beyond the statistics: budgets and forbidden imports. Pure.
import type { ModuleCost } from '../attribution/module-costs.js'

export interface ForbiddenHit {
  /** The forbidden module that was imported (or the first of its submodules). */
  name: string
  /** The imports that pulled it in. */
  chain: string[]
  /** The forbid entry it matched. */
  rule: string
  /** How many modules under the rule were imported in all. */
  count: number
  /**
   * How many modules under the rule base's import loaded: 0 when the pull
   * request brought it, null when base's modules are unknown (measure, a new
   * target, no untimed run of base).
   */
  baseCount: number | null
}

const under = (name: string, rule: string) => name === rule || name.startsWith(`${rule}.`)

/**
 * Forbidden modules among those importing a target loaded. "paramiko" forbids
 * paramiko.client too. One hit per rule: the rule's own module when it was
 * imported, else the first of its submodules by name.
 */
export function forbiddenImports(
  loaded: readonly string[],
  costs: ReadonlyMap<string, ModuleCost>,
  forbid: readonly string[],
  baseLoaded: readonly string[] | null = null,
): ForbiddenHit[] {
  const hits: ForbiddenHit[] = []
  for (const rule of forbid) {
    const matches = loaded.filter((name) => under(name, rule)).sort()
    if (matches.length === 0) continue
    const name = matches.includes(rule) ? rule : matches[0]!
    const baseCount = baseLoaded ? baseLoaded.filter((m) => under(m, rule)).length : null
    hits.push({ name, chain: costs.get(name)?.chain ?? [], rule, count: matches.length, baseCount })
  }
  return hits
}

export interface BudgetCheck {
  limit: number
  actual: number
  ok: boolean
}

export interface BudgetStatus {
  /** Head's median import time against the target's budget, in ms. */
  time: BudgetCheck | null
  /** len(sys.modules) after the import against max-modules. */
  modules: BudgetCheck | null
}

export function budgetStatus(
  medianMs: number | null,
  moduleCount: number | null,
  timeBudgetMs: number | undefined,
  maxModules: number | null,
): BudgetStatus {
  return {
    time:
      timeBudgetMs === undefined || medianMs === null
        ? null
        : { limit: timeBudgetMs, actual: medianMs, ok: medianMs <= timeBudgetMs },
    modules:
      maxModules === null || moduleCount === null
        ? null
        : { limit: maxModules, actual: moduleCount, ok: moduleCount <= maxModules },
  }
}

export function isBreached(status: BudgetStatus): boolean {
  return status.time?.ok === false || status.modules?.ok === false
}

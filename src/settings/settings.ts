// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a PartialSettings; resolveSettings()
// merges them, first given wins, over the defaults the registry declares,
// and groups them as the registry says. Pure: the seed for a run that names
// none is drawn by the caller.
import { UsageError } from '../model/errors.js'
import { METRIC_IDS, PRIMARY_METRIC } from '../model/metrics.js'
import type { Gate, Sampling, Settings } from './setting-values.js'
import { VARIANTS } from '../model/target.js'
import { SETTINGS } from './registry.js'
import type { PartialSettings, RunValues, SettingField, SettingValues } from './setting-values.js'
import type { SettingSpec } from './setting-spec.js'

export type { PartialSettings } from './setting-values.js'

// Overtime, unless set: twice the budget, so it scales with what the user
// chose to spend (a --max-time 10 run does not go on for minutes). At 120 s a
// 2-3 s import gets the ~60 pairs a real +10% needs on a noisy 2-core runner (bench/SLOW.md).
const OVERTIME_RATIO = 2
const MAX_PAIRS = 2000

/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
export function resolveSettings(sources: PartialSettings[], seed: number): Settings {
  const pick = <K extends SettingField>(key: K): SettingValues[K] | undefined =>
    sources.find((s) => s[key] !== undefined)?.[key]
  const { gate, sampling, run } = grouped(pick)
  const { minPairs, maxTimeMs } = sampling
  sampling.maxPairs = pick('maxPairs') ?? Math.max(minPairs, MAX_PAIRS)
  // The two may come from different places (a flag and pyproject), so the
  // message names the setting, not one source.
  if (sampling.maxPairs < minPairs)
    throw new UsageError(`max-pairs ${sampling.maxPairs} is less than min-pairs ${minPairs}`)
  sampling.overtimeMs = pick('overtimeMs') ?? OVERTIME_RATIO * maxTimeMs
  sampling.seed = pick('seed') ?? seed
  // The primary metric is always measured: budgets and the stopping rule use it.
  const chosen = pick('metrics') ?? []
  run.metrics = METRIC_IDS.filter((id) => id === PRIMARY_METRIC || chosen.includes(id))
  // Warm always (the main row: headlines, causes and budgets go by it), and
  // in a fixed order, so the rows read the same whatever order was written.
  run.cache = VARIANTS.filter((v) => v === 'warm' || (pick('cache') ?? []).includes(v))
  // The targets are resolved per side (commands/), not here.
  const { targets: _targets, install, ...rest } = run
  return { ...rest, install, gate, sampling }
}

/**
 * Each field as the first source gives it, else its declared default (copied:
 * a default is never shared), in the group the registry places it. The one
 * step from the registry's table to its derived types: the entries declare
 * the fields and groups that setting-values.ts derives the types from.
 */
function grouped(pick: <K extends SettingField>(key: K) => SettingValues[K] | undefined) {
  const group = (name: SettingSpec['group']) =>
    Object.fromEntries(
      SETTINGS.filter((s) => s.group === name).map((s) => [
        s.field,
        pick(s.field as SettingField) ?? structuredClone(s.default),
      ]),
    )
  return { gate: group('gate'), sampling: group('sampling'), run: group('run') } as {
    gate: Gate
    sampling: Sampling
    run: RunValues
  }
}

/** Every gate and sampling setting at its default (the seed 0): what the benches say they ran with. */
export const DEFAULTS: Gate & Sampling = (() => {
  const { gate, sampling } = resolveSettings([], 0)
  return { ...gate, ...sampling }
})()

/** A budget naming something that is not a target is a typo until proven otherwise. */
export function checkBudgets(
  budgetsMs: Record<string, number>,
  targets: string[],
  source: string,
): void {
  for (const name of Object.keys(budgetsMs)) {
    if (!targets.includes(name)) {
      throw new UsageError(
        `${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`,
      )
    }
  }
}

// Which settings a comparison uses: base's [tool.importgate] under the flags
// or inputs, so that a pull request cannot loosen its own gate unseen.
import type { PyprojectSettings } from '../config/pyproject.js'
import { checkBudgets, resolveSettings, type PartialSettings } from '../settings/settings.js'
import { fewestPairs, PASS_BETA } from '../analysis/stats/sequential.js'
import { UsageError } from '../model/errors.js'
import { type Namer } from '../config/names.js'
import type { Settings } from '../settings/setting-values.js'
import { requireTargets } from './pipeline.js'

export interface CompareSettings extends Settings {
  targets: string[]
  /** Targets only head's configuration lists: measured on head alone. */
  newTargets: string[]
  /** Targets base's configuration lists and head's list no longer does. */
  droppedTargets: string[]
  /** [tool.importgate] keys whose value head changes. */
  changes: { key: string; base: unknown; head: unknown }[]
}

/**
 * The gate and sampling come from base's [tool.importgate] (flags win); what
 * head changes there is reported. Targets are the flags', else the union of
 * both sides' lists.
 */
export function compareSettings(
  given: PartialSettings,
  base: PyprojectSettings,
  head: PyprojectSettings,
  seed: number,
  name: Namer,
): CompareSettings {
  const resolved = resolveSettings([given, base.settings], seed)
  const fewest = fewestPairs(PASS_BETA)
  if (resolved.sampling.maxPairs < fewest) {
    // Said now, not after the installs: every verdict would be inconclusive.
    throw new UsageError(
      `max-pairs ${resolved.sampling.maxPairs} is too few for a verdict: the decision needs at least ${fewest} pairs`,
    )
  }
  const baseTargets = base.settings.targets ?? []
  const headTargets = head.settings.targets ?? []
  const targets = requireTargets(
    given.targets ?? [...new Set([...baseTargets, ...headTargets])],
    'pyproject.toml',
    name,
    given.targets ? name('target') : "targets in base's and head's pyproject.toml",
  )
  checkBudgets(
    resolved.gate.budgetsMs,
    targets,
    base.file ? `${base.file} [tool.importgate]` : name('budget'),
  )
  const newTargets = given.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t))
  // Only when head has a list that leaves them out: no list says nothing.
  const droppedTargets =
    given.targets || head.settings.targets === undefined
      ? []
      : baseTargets.filter((t) => !headTargets.includes(t))
  const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort()
  const changes = keys
    .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
    .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }))
  return { ...resolved, targets, newTargets, droppedTargets, changes }
}

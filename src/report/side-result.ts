// One side's measurements → its part of the results document. Pure.
import { packageModules, slowestBySelf, type ModuleCost } from '../analysis/module-costs.js'
import { median, spread } from '../analysis/summary.js'
import type { ArmProfile } from '../measure/profile.js'
import type { Sample } from '../measure/sampler.js'
import type { ModuleCostJson, SideResult } from './results.js'

/** Milliseconds to microsecond precision: enough for any import, and compact. */
export function ms(value: number): number {
  return Math.round(value * 1000) / 1000
}

export function costJson(cost: ModuleCost): ModuleCostJson {
  return {
    name: cost.name,
    self_ms: ms(cost.selfMs),
    cumulative_ms: ms(cost.cumulativeMs),
    chain: cost.chain,
  }
}

export function sideResult(
  target: string,
  samples: Sample[],
  profile: ArmProfile | undefined,
  slowest = 15,
): SideResult {
  const times = samples.map((s) => s.importMs)
  const stats = spread(times)
  const startups = samples.flatMap((s) => (s.startupMs === null ? [] : [s.startupMs]))
  const last = samples[samples.length - 1]
  const modules = profile?.added ?? []
  return {
    median_ms: ms(stats.median),
    samples_ms: times.map(ms),
    module_count: profile?.moduleCount || last?.moduleCount || 0,
    modules_added: profile ? profile.added.length : (last?.modulesAdded ?? 0),
    package_module_count: packageModules(target, modules).length,
    min_ms: ms(stats.min),
    max_ms: ms(stats.max),
    q1_ms: ms(stats.q1),
    q3_ms: ms(stats.q3),
    mad_ms: ms(stats.mad),
    median_ci_ms: stats.medianCi ? [ms(stats.medianCi[0]), ms(stats.medianCi[1])] : null,
    cpu_samples_ms: samples.map((s) => ms(s.cpuMs)),
    wall_samples_ms: samples.map((s) => ms(s.wallMs)),
    startup_median_ms: startups.length ? ms(median(startups)) : null,
    profile: {
      runs: profile?.runs ?? 0,
      unstable_modules: profile?.unstableModules ?? false,
      slowest: profile ? slowestBySelf(profile.costs, slowest).map(costJson) : [],
    },
    modules,
  }
}

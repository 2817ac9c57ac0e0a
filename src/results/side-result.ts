// Findings → their part of the results document. Pure.
import {
  METRICS,
  PRIMARY_METRIC,
  readMetric,
  SAMPLE_METRICS,
  type Sample,
} from '../model/metrics.js'
import type { SideFinding } from '../analysis/verdict/finding.js'
import type { ModuleChange } from '../analysis/attribution/module-diff.js'
import {
  packageModules,
  slowestBySelf,
  type ModuleCost,
} from '../analysis/attribution/module-costs.js'
import { median, spread } from '../analysis/stats/summary.js'
import type {
  CountingJson,
  ImportTreeJson,
  ModuleChangeJson,
  ModuleCostJson,
  SideResult,
} from './schema.js'

/** Milliseconds to microsecond precision: enough for any import, and compact. */
export function ms(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** Percentages to two decimals. */
export const pct = (value: number): number => Math.round(value * 100) / 100

export function costJson(cost: ModuleCost): ModuleCostJson {
  return {
    name: cost.name,
    self_ms: ms(cost.selfMs),
    cumulative_ms: ms(cost.cumulativeMs),
    chain: cost.chain,
  }
}

export function changeJson(c: ModuleChange): ModuleChangeJson {
  const json: ModuleChangeJson = {
    name: c.name,
    chain: c.chain,
    self_ms: ms(c.selfMs),
    cumulative_ms: ms(c.cumulativeMs),
  }
  if (c.groupMs !== c.cumulativeMs) json.group_ms = ms(c.groupMs)
  if (c.how) json.how = { ...c.how }
  return json
}

/**
 * The loaded modules as a tree under the target, each under the module that
 * first imported it (its chain's last link but one), medians of the runs.
 */
export function treeJson(target: string, costs: Map<string, ModuleCost>): ImportTreeJson | null {
  const nodes = new Map<string, ImportTreeJson>()
  for (const cost of costs.values())
    nodes.set(cost.name, {
      name: cost.name,
      self_ms: ms(cost.selfMs),
      cumulative_ms: ms(cost.cumulativeMs),
      children: [],
    })
  const root = nodes.get(target)
  if (!root) return null
  for (const cost of costs.values()) {
    const parent = cost.chain.length > 1 ? nodes.get(cost.chain[cost.chain.length - 2]!) : null
    if (parent && cost.name !== target) parent.children.push(nodes.get(cost.name)!)
  }
  for (const node of nodes.values())
    node.children.sort((a, b) => b.cumulative_ms - a.cumulative_ms || a.name.localeCompare(b.name))
  return root
}

/**
 * Each sample metric beyond import time, per sample, in its own field (the
 * metric table names it): every sample's value, or none where a run could not
 * tell (a command's CPU time, memory off Linux).
 */
function sampledJson(samples: Sample[]): Partial<SideResult> {
  const out: Partial<SideResult> = {}
  for (const m of SAMPLE_METRICS) {
    if (m.id === PRIMARY_METRIC) continue
    const values = samples.map((s) => readMetric(m.id, s))
    const known = values.every((v) => v !== null)
    out[m.samplesField] = known ? values.map((v) => (m.unit === 'ms' ? ms(v!) : v!)) : []
  }
  return out
}

/** Each counted metric's counts and how they were counted. */
function countedJson(side: SideFinding): Partial<SideResult> {
  const out: Partial<SideResult> = {}
  const counted = side.counted
  if (!counted) return out
  const counting: Partial<Record<keyof typeof counted, CountingJson>> = {}
  for (const [id, c] of Object.entries(counted) as [
    keyof typeof counted,
    NonNullable<(typeof counted)[keyof typeof counted]>,
  ][]) {
    // Each metric's own field (the metric table says which); a count is a whole number.
    out[METRICS[id].samplesField] = c.counts.map(Math.round)
    counting[id] = {
      tool: c.tool,
      failure: c.failure,
      seconds: Math.round(c.ms) / 1000,
      ...(c.byCall && { by_call: c.byCall }),
    }
  }
  out.counting = counting
  return out
}

export function sideResult(target: string, side: SideFinding, slowest = 15): SideResult {
  const { samples, profile } = side
  const times = samples.map((s) => s.importMs)
  const stats = spread(times)
  const startups = samples.flatMap((s) => (s.startupMs === null ? [] : [s.startupMs]))
  const last = samples[samples.length - 1]
  const modules = profile?.added ?? []
  return {
    median_ms: ms(stats.median),
    samples_ms: times.map(ms),
    module_count: side.moduleCount,
    modules_added: profile ? profile.added.length : (last?.modulesAdded ?? 0),
    package_module_count: packageModules(target, modules).length,
    min_ms: ms(stats.min),
    max_ms: ms(stats.max),
    q1_ms: ms(stats.q1),
    q3_ms: ms(stats.q3),
    mad_ms: ms(stats.mad),
    median_ci_ms: stats.medianCi ? [ms(stats.medianCi[0]), ms(stats.medianCi[1])] : null,
    cpu_samples_ms: [],
    ...sampledJson(samples),
    ...countedJson(side),
    wall_samples_ms: samples.map((s) => ms(s.wallMs)),
    startup_median_ms: startups.length ? ms(median(startups)) : null,
    profile: {
      runs: profile?.runs ?? 0,
      unstable_modules: profile?.unstableModules ?? false,
      slowest: profile ? slowestBySelf(profile.costs, slowest).map(costJson) : [],
      tree: profile ? treeJson(target, profile.costs) : null,
    },
    modules,
  }
}

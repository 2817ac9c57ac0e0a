// Per-module costs from several -X importtime runs of the same import. Pure.
import { importChain, type ImportTree } from './importtime.js'
import { median } from '../stats/summary.js'

export interface ModuleCost {
  name: string
  /** Median over the runs that loaded it, in milliseconds. */
  selfMs: number
  cumulativeMs: number
  /** The imports that first loaded it, outermost first (from the first run that loaded it). */
  chain: string[]
  /** How many runs loaded it, and the spread (max − min) of its self time over them. */
  runs?: number
  selfSpreadMs?: number
}

export function moduleCosts(trees: readonly ImportTree[]): Map<string, ModuleCost> {
  const selfUs = new Map<string, number[]>()
  const cumulativeUs = new Map<string, number[]>()
  const chains = new Map<string, string[]>()
  for (const tree of trees) {
    for (const [name, node] of tree.loaded) {
      if (!selfUs.has(name)) {
        selfUs.set(name, [])
        cumulativeUs.set(name, [])
        chains.set(name, importChain(tree, name) ?? [name])
      }
      selfUs.get(name)!.push(node.selfUs)
      cumulativeUs.get(name)!.push(node.cumulativeUs)
    }
  }
  const costs = new Map<string, ModuleCost>()
  for (const [name, selfs] of selfUs) {
    costs.set(name, {
      name,
      selfMs: median(selfs) / 1000,
      cumulativeMs: median(cumulativeUs.get(name)!) / 1000,
      chain: chains.get(name)!,
      runs: selfs.length,
      selfSpreadMs: (Math.max(...selfs) - Math.min(...selfs)) / 1000,
    })
  }
  return costs
}

/** The `count` modules with the largest self time, largest first; ties by name. */
export function slowestBySelf(costs: Map<string, ModuleCost>, count: number): ModuleCost[] {
  return [...costs.values()]
    .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
    .slice(0, count)
}

/** Modules in the target's own top-level package (the target's first dotted part). */
export function packageModules(target: string, modules: Iterable<string>): string[] {
  const top = target.split('.')[0]!
  return [...modules].filter((name) => name === top || name.startsWith(`${top}.`))
}

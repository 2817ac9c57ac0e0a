// Which functions the import now calls more or less often, and through which
// calls from module code: the reason behind a change at the level a developer
// fixes it ("`inspect.stack`, 30 → 0 calls, via `mypkg.log.get_logger`, which
// 30 modules call at import"). Pure.
//
// Input: the call graph of one cProfile run of the import per side. Its times
// are slowed by the profiler, so they show the size of a cause, not a
// measurement; its call counts are exact, so a change is recognised by them.
// Calls made by the body of a module only one side loads do not count: they
// are explained by that module being newly imported or no longer imported (the module diff). Of a
// chain of functions whose calls all changed, the outermost is named, since
// the rest follow from it, with the path of calls that changed up to the
// module code that makes them.

import type {
  CallerChange,
  FunctionChange,
  FunctionNode,
  FunctionProfile,
} from './function-profile.js'
import {
  CLASS_STATEMENT,
  graphOf,
  type Graph,
  moduleCallers,
  mostlyIn,
  pathToModuleCode,
} from './call-graph.js'

export type { CallerChange, FunctionChange, FunctionNode, FunctionProfile }

export function diffFunctions(
  base: FunctionProfile,
  head: FunctionProfile,
  baseModules: ReadonlySet<string>,
  headModules: ReadonlySet<string>,
  floorMs: number,
  limit = 5,
): FunctionChange[] {
  const graphs = { base: graphOf(base), head: graphOf(head) }
  const common = (module: string | null) =>
    module === null || baseModules.has(module) === headModules.has(module)
  /** Calls to `name` (and their time), except from the bodies of modules one side loads. */
  const counted = (graph: Graph, name: string) => {
    let calls = 0
    let ms = 0
    for (const caller of graph.nodes.get(name)?.callers ?? []) {
      const node = graph.nodes.get(caller.name)
      if (node?.level && !common(node.module)) continue
      calls += caller.calls
      ms += caller.ms
    }
    return { calls, ms }
  }
  const names = new Set([...graphs.base.nodes.keys(), ...graphs.head.nodes.keys()])
  const changed = new Map<
    string,
    { b: ReturnType<typeof counted>; h: ReturnType<typeof counted> }
  >()
  for (const name of names) {
    const node = graphs.head.nodes.get(name) ?? graphs.base.nodes.get(name)!
    if (node.level || name === CLASS_STATEMENT) continue
    const b = counted(graphs.base, name)
    const h = counted(graphs.head, name)
    if (b.calls !== h.calls) changed.set(name, { b, h })
  }
  const out: FunctionChange[] = []
  for (const [name, { b, h }] of changed) {
    const deltaMs = h.ms - b.ms
    if (Math.abs(deltaMs) < floorMs) continue
    const side = h.calls > b.calls ? 'head' : 'base'
    // Fewer calls yet more time (or the reverse): the profiled run's noise
    // outweighs the calls' cost, so there is no cause to name ("re.compile
    // 32 → 31 calls, +2.67 ms" in a comment on a pass).
    if ((side === 'head') !== deltaMs > 0) continue
    const graph = graphs[side]
    const node = graph.nodes.get(name)!
    // The outermost changed function is the cause; the ones it calls follow.
    if (node.callers.some((c) => changed.has(c.name))) continue
    const path = pathToModuleCode(graphs, side, name, common)
    if (!path) continue
    out.push({
      name,
      file: node.file,
      line: node.line,
      side,
      baseCalls: b.calls,
      headCalls: h.calls,
      deltaMs,
      via: path.via,
      calledAs: path.entry,
      callers: moduleCallers(graphs, path.entry, side, common),
      mostlyIn: mostlyIn(graph, name),
    })
  }
  return out
    .sort((x, y) => Math.abs(y.deltaMs) - Math.abs(x.deltaMs) || x.name.localeCompare(y.name))
    .slice(0, limit)
}

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
  edgeCalls,
  graphOf,
  type Graph,
  moduleCallers,
  mostlyIn,
  pathToModuleCode,
} from './call-graph.js'
import { oneSidedCalls } from './one-sided-calls.js'

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
  const oneSided = oneSidedCalls(graphs, common)
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
    if (b.calls === h.calls) continue
    // Through helpers, modules one side loads may account for the change
    // (`dataclass.<locals>.wrap` 64 → 40 when pydantic went): it is a cause
    // only when the calls from modules both sides load must differ, however
    // many of each side's calls the others could have made.
    const gap = Math.abs(h.calls - b.calls)
    const more = h.calls > b.calls ? 'head' : 'base'
    if (gap - oneSided(more, name) < 1) continue
    changed.set(name, { b, h })
  }
  const sameCalls = (name: string) =>
    counted(graphs.base, name).calls === counted(graphs.head, name).calls
  const out: FunctionChange[] = []
  for (const [name, { b, h }] of changed) {
    const deltaMs =
      h.ms * workShare(graphs.head, name, sameCalls) -
      b.ms * workShare(graphs.base, name, sameCalls)
    if (Math.abs(deltaMs) < floorMs) continue
    const side = h.calls > b.calls ? 'head' : 'base'
    // Fewer calls yet more time (or the reverse): the profiled run's noise
    // outweighs the calls' cost, so there is no cause to name ("re.compile
    // 32 → 31 calls, +2.67 ms" in a comment on a pass).
    if ((side === 'head') !== deltaMs > 0) continue
    const graph = graphs[side]
    const node = graph.nodes.get(name)!
    // A function whose calls changed only because its callers' did, in the same
    // proportion, follows from them; one whose callers now call it more or less
    // often per call (`get_caller_mod()` 55 → 54 calls, `inspect.stack()` from it
    // 55 → 0) is a cause of its own.
    if (!ownChange(graphs, name, common)) continue
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
  // A cause below another cause follows from it (`inspect.getmodule()`, which
  // `inspect.stack()` calls thousands of times): the outermost is named.
  const causes = new Set(out.map((c) => c.name))
  return out
    .filter((c) => !underAnother(graphs[c.side], c.name, causes))
    .sort((x, y) => Math.abs(y.deltaMs) - Math.abs(x.deltaMs) || x.name.localeCompare(y.name))
    .slice(0, limit)
}

/**
 * The part of a function's profiled time that is work it brought: less the
 * modules it loaded (the module diff's), and less the calls it makes that the
 * import makes as often on both sides. Those are relocated, not new: head's
 * `_load_api_key()` wraps the `get_credentials()` call and the module import
 * that base made at module level, and its +26 ms was all theirs (runpod
 * `68df2cee`, issue 48: 5).
 */
function workShare(graph: Graph, name: string, sameCalls: (name: string) => boolean): number {
  const node = graph.nodes.get(name)
  if (!node || node.ms <= 0) return 1
  const relocated = (graph.callees.get(name) ?? [])
    .filter((c) => c.name !== name && !graph.nodes.get(c.name)?.level && sameCalls(c.name))
    .reduce((sum, c) => sum + c.ms, 0)
  return Math.max(0, 1 - ((node.importMs ?? 0) + relocated) / node.ms)
}

/** Calls along one edge, and its caller's calls in all, on one side. */
const edge = (graph: Graph, caller: string, callee: string) => ({
  calls: edgeCalls(graph, caller, callee),
  of: graph.nodes.get(caller)?.calls ?? 0,
})

/** How far two per-call rates may differ and still be the same proportion (call counts are exact; rates of deep frames vary a little). */
const SAME_RATE = 0.1

/**
 * Whether `name`'s change in calls is its own: module code both sides load
 * calls it more or less often, or a function calls it more or less often per
 * call of its own. Not when the change comes only from changed callers in the
 * same proportion, or from the bodies of modules one side loads.
 */
function ownChange(
  graphs: { base: Graph; head: Graph },
  name: string,
  common: (module: string | null) => boolean,
): boolean {
  const callers = new Set(
    [graphs.base, graphs.head].flatMap((g) =>
      (g.nodes.get(name)?.callers ?? []).map((c) => c.name),
    ),
  )
  for (const caller of callers) {
    const node = graphs.head.nodes.get(caller) ?? graphs.base.nodes.get(caller)
    const b = edge(graphs.base, caller, name)
    const h = edge(graphs.head, caller, name)
    if (b.calls === h.calls) continue
    if (node?.level) {
      if (common(node.module)) return true
      continue
    }
    // Class statements stand for the module code that runs them: the path from
    // a hook through them to those modules tells whose classes they are.
    if (caller === CLASS_STATEMENT) return true
    // A caller one side never calls follows its own change.
    if (!b.of || !h.of) continue
    const rb = b.calls / b.of
    const rh = h.calls / h.of
    if (Math.abs(rb - rh) > SAME_RATE * Math.max(rb, rh)) return true
  }
  return false
}

/** Whether another of `causes` calls `name`, directly or through other functions. */
function underAnother(graph: Graph, name: string, causes: ReadonlySet<string>): boolean {
  const seen = new Set([name])
  let frontier = [name]
  for (let depth = 0; depth < 12 && frontier.length; depth++) {
    const next: string[] = []
    for (const at of frontier)
      for (const caller of graph.nodes.get(at)?.callers ?? []) {
        if (seen.has(caller.name)) continue
        if (causes.has(caller.name)) return true
        seen.add(caller.name)
        next.push(caller.name)
      }
    frontier = next
  }
  return false
}

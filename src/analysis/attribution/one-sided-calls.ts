// How many of a function's calls the bodies of modules one side loads could
// have made, through the functions between. Pure.
//
// cProfile keeps one edge per caller and callee, not the path that led there,
// so a helper that modules of both kinds call passes its calls on without
// saying for whom. `dataclass()` is called by pydantic's modules (base only)
// and by `pycares` (both sides); the `wrap` it calls went from 64 to 40 calls
// when pydantic went, and the mix of `@dataclass` and `@dataclass(...)` moved
// the helper's per-call rate, so `wrap` read as a cause although no module
// both sides load called it differently (runpod #466, issue 48: 4). The bound
// lets a one-sided caller pass on at most one call per call, or as many as
// that edge makes on average on either side when more; a change these could
// make up is the module diff's.
import { edgeCalls, type Graph } from './call-graph.js'

/** For one side and function, how many of its calls through other functions may have come from modules one side loads. */
export function oneSidedCalls(
  graphs: { base: Graph; head: Graph },
  common: (module: string | null) => boolean,
): (side: 'base' | 'head', name: string) => number {
  const memo = { base: new Map<string, number>(), head: new Map<string, number>() }
  // At least one call per call: an average hides callers that pass on more
  // than others (fastapi's class bodies reach `Annotated[...]` through
  // typing's cache wrapper at every call, the project's modules at a tenth).
  const rate = (caller: string, callee: string) =>
    Math.max(1, ...[graphs.base, graphs.head].map((g) => perCall(g, caller, callee)))
  const bound = (side: 'base' | 'head', name: string, visiting: Set<string>): number => {
    const known = memo[side].get(name)
    if (known !== undefined) return known
    const graph = graphs[side]
    let total = 0
    for (const caller of graph.nodes.get(name)?.callers ?? []) {
      if (caller.name === name) continue
      const node = graph.nodes.get(caller.name)
      if (node?.level) {
        if (!common(node.module)) total += caller.calls
        continue
      }
      // Round a cycle (mutual recursion), nothing bounds what it passes on.
      if (visiting.has(caller.name)) {
        total += caller.calls
        continue
      }
      visiting.add(caller.name)
      const upstream = bound(side, caller.name, visiting)
      visiting.delete(caller.name)
      total += Math.min(caller.calls, upstream * rate(caller.name, name))
    }
    memo[side].set(name, total)
    return total
  }
  // The calls a function diff counts leave out those the bodies of modules one
  // side loads make directly: what is left is what came through functions.
  return (side, name) => {
    const direct = (graphs[side].nodes.get(name)?.callers ?? [])
      .filter((c) => {
        const node = graphs[side].nodes.get(c.name)
        return node?.level && !common(node.module)
      })
      .reduce((sum, c) => sum + c.calls, 0)
    return bound(side, name, new Set([name])) - direct
  }
}

/** Calls along an edge per call of its caller, on one side (0 where the caller never runs). */
function perCall(graph: Graph, caller: string, callee: string): number {
  const of = graph.nodes.get(caller)?.calls ?? 0
  return of ? edgeCalls(graph, caller, callee) / of : 0
}

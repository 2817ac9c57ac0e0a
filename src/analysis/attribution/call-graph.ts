// The call graph of one cProfile run, and the walks over it a function diff
// makes: up from a changed function to the module code that calls it, and
// down to where its time went. Pure.
import type {
  CallerChange,
  FunctionChange,
  FunctionNode,
  FunctionProfile,
} from './function-profile.js'

export interface Graph {
  nodes: Map<string, FunctionNode>
  callees: Map<string, { name: string; ms: number }[]>
}

/** Nodes by name (same-named functions of one module merged), and who each calls. */
export function graphOf(profile: FunctionProfile): Graph {
  const nodes = new Map<string, FunctionNode>()
  for (const node of profile.functions) {
    const seen = nodes.get(node.name)
    if (!seen) nodes.set(node.name, { ...node, callers: [...node.callers] })
    else {
      seen.calls += node.calls
      seen.ms += node.ms
      seen.importMs = (seen.importMs ?? 0) + (node.importMs ?? 0)
      seen.callers.push(...node.callers)
    }
  }
  const callees = new Map<string, { name: string; ms: number }[]>()
  for (const node of nodes.values()) {
    for (const caller of node.callers) {
      if (!callees.has(caller.name)) callees.set(caller.name, [])
      callees.get(caller.name)!.push({ name: node.name, ms: caller.ms })
    }
  }
  return { nodes, callees }
}

export const top = (name: string) => name.split('.')[0]!

/**
 * How a class statement runs (its body, then the class-creation hooks). It is
 * the way from a hook to the modules whose class statements ran it, never a
 * cause itself: "`builtins.__build_class__` 11 → 31 calls" says only that
 * there are more classes, where the hook they run is what costs.
 */
export const CLASS_STATEMENT = 'builtins.__build_class__'

/** Calls along one edge of the call graph on one side. */
export const edgeCalls = (graph: Graph, caller: string, callee: string) =>
  (graph.nodes.get(callee)?.callers ?? [])
    .filter((c) => c.name === caller)
    .reduce((sum, c) => sum + c.calls, 0)

/**
 * From a changed function up to the module code that leads to it: along the
 * callers whose calls to it changed (the heaviest first), until a function
 * that modules both sides load call from their bodies. Null when the change
 * leads only to the bodies of modules one side loads (the module diff tells
 * that story) or to nothing (only the import system called it).
 */
export function pathToModuleCode(
  graphs: { base: Graph; head: Graph },
  side: 'base' | 'head',
  name: string,
  common: (module: string | null) => boolean,
): { via: string[]; entry: string } | null {
  const graph = graphs[side]
  const other = graphs[side === 'base' ? 'head' : 'base']
  const via: string[] = []
  let current = name
  const seen = new Set([name])
  for (let depth = 0; depth < 12; depth++) {
    const callers = (graph.nodes.get(current)?.callers ?? []).map((edge) => ({
      edge,
      node: graph.nodes.get(edge.name),
      changed: edgeCalls(graph, edge.name, current) !== edgeCalls(other, edge.name, current),
    }))
    const levels = callers.filter((c) => c.node?.level)
    // Class statements of modules one side loads ran some of the hook's calls,
    // and one C frame holds them all: they cannot be told apart from the rest,
    // and the module diff explains the change (sklearn 1.9's new narwhals
    // modules made `typing._ProtocolMeta.__new__` 25 → 131 calls).
    if (current === CLASS_STATEMENT && levels.some((c) => c.changed && !common(c.node!.module)))
      return null
    if (levels.some((c) => c.changed && common(c.node!.module))) return { via, entry: current }
    const next = callers
      .filter((c) => c.changed && c.node && !c.node.level && !seen.has(c.edge.name))
      .sort((x, y) => y.edge.ms - x.edge.ms)[0]
    if (!next) {
      // Module code both sides load calls it: that is where the path starts,
      // whatever a module one side loads adds (tractor's `get_logger()`, called
      // by 38 modules on both sides and by one that only base loads).
      if (levels.some((c) => common(c.node!.module))) return { via, entry: current }
      // Only a module one side loads calls it, and that changed: the module diff tells that story.
      return levels.some((c) => c.changed)
        ? null
        : upThroughUnchanged(graph, current, via, seen, common)
    }
    current = next.edge.name
    seen.add(current)
    via.push(current)
  }
  return null
}

/**
 * No changed call leads further up from `current`: the change is inside it.
 * Module code may still reach it through helpers whose calls did not change
 * (a logger's `get_logger()` calling a nested `get_caller_mod()` that calls
 * `inspect.stack()`), so the path goes on up the heaviest unchanged caller to
 * the first function that module code both sides load calls. Null when only
 * the bodies of modules one side loads lead to it, or nothing does.
 */
export function upThroughUnchanged(
  graph: Graph,
  from: string,
  via: string[],
  seen: Set<string>,
  common: (module: string | null) => boolean,
): { via: string[]; entry: string } | null {
  let current = from
  for (let depth = 0; depth < 12; depth++) {
    const callers = (graph.nodes.get(current)?.callers ?? []).map((edge) => ({
      edge,
      node: graph.nodes.get(edge.name),
    }))
    const levels = callers.filter((c) => c.node?.level)
    if (levels.some((c) => common(c.node!.module))) return { via, entry: current }
    const next = callers
      .filter((c) => c.node && !c.node.level && !seen.has(c.edge.name))
      .sort((x, y) => y.edge.ms - x.edge.ms)[0]
    if (!next) return null
    current = next.edge.name
    seen.add(current)
    via.push(current)
  }
  return null
}

/**
 * The modules whose code calls `entry` at import, on both sides, the largest
 * change first. Only modules `common` accepts (loaded on both sides or on
 * neither): the calls a change counts. pydantic's 40-odd new modules calling
 * `dataclasses.dataclass` were listed under "1 → 0 calls" (the project's own
 * module dropping `@dataclass`), burying the one caller the count was about.
 */
export function moduleCallers(
  graphs: { base: Graph; head: Graph },
  entry: string,
  side: 'base' | 'head',
  common: (module: string) => boolean = () => true,
): CallerChange[] {
  const byModule = new Map<string, CallerChange>()
  for (const s of ['base', 'head'] as const) {
    const graph = graphs[s]
    for (const caller of graph.nodes.get(entry)?.callers ?? []) {
      const node = graph.nodes.get(caller.name)
      if (!node?.level || node.module === null || !common(node.module)) continue
      const change = byModule.get(node.module) ?? {
        module: node.module,
        baseCalls: 0,
        headCalls: 0,
        file: null,
        lines: [],
        side,
      }
      if (s === 'base') change.baseCalls += caller.calls
      else change.headCalls += caller.calls
      if (s === side || change.file === null) {
        change.file = node.file
        change.side = s
      }
      byModule.set(node.module, change)
    }
  }
  return [...byModule.values()].sort(
    (x, y) =>
      Math.abs(y.headCalls - y.baseCalls) - Math.abs(x.headCalls - x.baseCalls) ||
      Math.max(y.headCalls, y.baseCalls) - Math.max(x.headCalls, x.baseCalls) ||
      x.module.localeCompare(y.module),
  )
}

export function mostlyIn(graph: Graph, name: string): FunctionChange['mostlyIn'] {
  const total = graph.nodes.get(name)?.ms ?? 0
  let current = name
  let found: FunctionNode | null = null
  const seen = new Set([name])
  for (let depth = 0; depth < 12; depth++) {
    const next = (graph.callees.get(current) ?? [])
      .filter((c) => !seen.has(c.name))
      .sort((x, y) => y.ms - x.ms)[0]
    if (!next || next.ms < 0.6 * total) break
    found = graph.nodes.get(next.name) ?? null
    current = next.name
    seen.add(current)
    if (top(current) !== top(name)) break
  }
  if (!found) return null
  return { name: found.name, file: found.file, line: found.line, ms: found.ms }
}

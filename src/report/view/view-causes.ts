// The causes of a change, merged across targets: what a reviewer reads first.
// One entry per cause (a package now imported or no longer imported, a
// function called more or less often at import), naming every target it
// affects, instead of one bullet per module and target. Pure.
import type {
  FunctionChangeJson,
  ImportMechanismJson,
  ModuleChangeJson,
} from '../../results/schema.js'
import { grouped } from '../../analysis/attribution/module-groups.js'
import type { Rich } from './headline.js'
import { signedMs } from './format.js'

/** A top-level package that became eager (or is no longer imported), through the same modules wherever it is. */
export interface ModuleCause {
  kind: 'module'
  eager: boolean
  /** The top-level package of the modules that pulled the rest in. */
  package: string
  /** Those modules (the leads of their groups), the most expensive first. */
  leads: string[]
  /** Own -X importtime time of the leads and the modules they brought, summed, in the target where it is largest (negative when no longer imported). */
  ms: number
  /** Modules loaded (or no longer loaded) with it, leads included, where largest. */
  modules: number
  /** The same two figures in each target. */
  perTarget: Record<string, { ms: number; modules: number }>
  /** The modules that now import (or no longer import) a lead: where a fix goes. */
  importers: string[]
  targets: string[]
  /** The full chain of each lead, per target (outermost importer first), with the lead's cumulative time. */
  chains: { target: string; chain: string[]; ms: number }[]
  /** No longer imported: how the first lead stopped being imported, where the source says. */
  how: ImportMechanismJson | null
}

/** A function import-time code calls a different number of times, in every target where it does. */
export interface FunctionCause {
  kind: 'function'
  name: string
  change: FunctionChangeJson
  targets: string[]
}

export type Cause = ModuleCause | FunctionCause

/**
 * Own time of the target's own package, in modules both sides load: a change
 * in what the project's modules do at import, not in what they import. Only
 * the modules whose change stood out from the runs' spread are summed.
 */
export interface OwnTimeCause {
  kind: 'own'
  target: string
  /** The target's top-level package. */
  package: string
  ms: number
  /** The modules summed, the largest change first. */
  modules: { name: string; ms: number }[]
}

/** The own-time cause of a target, from its listed own-time changes; null when none stood out. */
export function ownTimeCause(
  target: string,
  changes: readonly {
    name: string
    base_self_ms: number | null
    head_self_ms: number | null
    delta_ms: number
  }[],
): OwnTimeCause | null {
  const pkg = topLevel(target)
  const modules = changes
    .filter((c) => topLevel(c.name) === pkg && c.base_self_ms !== null && c.head_self_ms !== null)
    .map((c) => ({ name: c.name, ms: c.delta_ms }))
    .sort((a, b) => Math.abs(b.ms) - Math.abs(a.ms))
  const ms = modules.reduce((sum, m) => sum + m.ms, 0)
  return modules.length && ms !== 0 ? { kind: 'own', target, package: pkg, ms, modules } : null
}

export const topLevel = (module: string) => module.split('.')[0]!

/** What moved a target's import time, per target: its module changes and function changes. */
export interface TargetChanges {
  target: string
  added: readonly ModuleChangeJson[]
  removed: readonly ModuleChangeJson[]
  functions: readonly FunctionChangeJson[]
}

function moduleCauses(targets: readonly TargetChanges[]): ModuleCause[] {
  const byKey = new Map<string, ModuleCause>()
  const howOf = new Map<string, ImportMechanismJson>()
  for (const t of targets) {
    for (const [changes, eager] of [
      [t.added, true],
      [t.removed, false],
    ] as const) {
      const groups = grouped([...changes])
      const changed = new Set(changes.map((c) => c.name))
      const perPackage = new Map<string, { ms: number; modules: number }>()
      for (const { lead, more, merged } of groups) {
        const pkg = topLevel(lead.name)
        const key = `${eager ? '+' : '-'}${pkg}`
        let cause = byKey.get(key)
        if (!cause) {
          cause = {
            kind: 'module',
            eager,
            package: pkg,
            leads: [],
            ms: 0,
            modules: 0,
            perTarget: {},
            importers: [],
            targets: [],
            chains: [],
            how: null,
          }
          byKey.set(key, cause)
        }
        if (!cause.leads.includes(lead.name)) cause.leads.push(lead.name)
        if (lead.how && !howOf.has(lead.name)) howOf.set(lead.name, lead.how)
        if (!cause.targets.includes(t.target)) cause.targets.push(t.target)
        // The last link above the lead that did not change: what now imports it (or no longer does).
        const importer = lead.chain.slice(0, -1).findLast((link) => !changed.has(link))
        if (importer && !cause.importers.includes(importer)) cause.importers.push(importer)
        const groupMs = Math.max(...[lead, ...merged].map((m) => m.group_ms ?? m.cumulative_ms))
        // Up to the importer, then the lead: changed links between (a package its
        // requested submodule nested in the log) are the lead's own group.
        const upTo = importer ? lead.chain.lastIndexOf(importer) + 1 : lead.chain.length - 1
        cause.chains.push({
          target: t.target,
          chain: [...lead.chain.slice(0, upTo), lead.name],
          ms: (eager ? 1 : -1) * groupMs,
        })
        const sum = perPackage.get(key) ?? { ms: 0, modules: 0 }
        sum.ms += groupMs
        sum.modules += 1 + more
        perPackage.set(key, sum)
      }
      for (const [key, sum] of perPackage) {
        const cause = byKey.get(key)!
        const ms = eager ? sum.ms : -sum.ms
        cause.perTarget[t.target] = { ms, modules: sum.modules }
        if (Math.abs(ms) > Math.abs(cause.ms)) cause.ms = ms
        cause.modules = Math.max(cause.modules, sum.modules)
      }
    }
  }
  const leadMs = new Map<string, number>()
  for (const t of targets)
    for (const c of [...t.added, ...t.removed])
      leadMs.set(c.name, Math.max(leadMs.get(c.name) ?? 0, c.cumulative_ms))
  const causes = [...byKey.values()]
  for (const c of causes) {
    c.leads.sort((a, b) => (leadMs.get(b) ?? 0) - (leadMs.get(a) ?? 0))
    c.how = howOf.get(c.leads[0]!) ?? null
  }
  return causes.sort((a, b) => Math.abs(b.ms) - Math.abs(a.ms))
}

function functionCauses(targets: readonly TargetChanges[]): FunctionCause[] {
  const byName = new Map<string, FunctionCause>()
  for (const t of targets) {
    for (const change of t.functions) {
      const seen = byName.get(change.name)
      if (seen) {
        seen.targets.push(t.target)
        // The larger change speaks for it: the report shows one figure.
        if (Math.abs(change.profiled_delta_ms) > Math.abs(seen.change.profiled_delta_ms))
          seen.change = change
      } else
        byName.set(change.name, {
          kind: 'function',
          name: change.name,
          change,
          targets: [t.target],
        })
    }
  }
  // Under a millisecond (profiled) a function is not a cause a reviewer needs
  // first (httpx 0.28: enum.EnumDict.__setitem__ 244 → 242 calls); the details list it.
  return [...byName.values()]
    .filter((c) => Math.abs(c.change.profiled_delta_ms) >= MIN_FUNCTION_MS)
    .sort((a, b) => Math.abs(b.change.profiled_delta_ms) - Math.abs(a.change.profiled_delta_ms))
}

const MIN_FUNCTION_MS = 1

/** Module causes first (their times are measured), then function causes (profiled). */
export function causesOf(targets: readonly TargetChanges[]): Cause[] {
  return [...moduleCauses(targets), ...functionCauses(targets)]
}

/** The leads of a module cause as the reader sees them: `rich.console` and 1 more. */
export function leadsText(cause: ModuleCause): Rich {
  const [first, ...rest] = cause.leads
  return rest.length
    ? [
        { code: first! },
        ` and ${rest.length} more ${cause.package} module${rest.length > 1 ? 's' : ''}`,
      ]
    : [{ code: first! }]
}

/**
 * The cause a headline names: the largest module cause pointing the way of the
 * change (a new import for a regression), else the largest function cause that
 * does; none when nothing explains it.
 */
export function mainCause(
  causes: readonly Cause[],
  target: string,
  change: { ms: number },
  own: OwnTimeCause | null = null,
): Cause | OwnTimeCause | null {
  const slower = change.ms > 0
  const here = causes.filter((c) => c.targets.includes(target))
  const module = here.find((c): c is ModuleCause => c.kind === 'module' && c.eager === slower)
  const fn = here.find(
    (c): c is FunctionCause =>
      c.kind === 'function' && c.change.head_calls > c.change.base_calls === slower,
  )
  const moduleMs = module ? Math.abs(module.perTarget[target]?.ms ?? module.ms) : 0
  // Profiled times run high, so a function wins only where the module changes
  // leave most of the change unexplained and it is larger than they are (a
  // logger calling inspect.stack() in 30 modules: inspect no longer imported was a quarter of it).
  const preferFunction =
    fn && moduleMs < Math.abs(change.ms) / 2 && Math.abs(fn.change.profiled_delta_ms) > moduleMs
  const named = (preferFunction ? fn : module) ?? fn ?? null
  // The project's own modules doing more (or less) at import can be the
  // largest cause: a −2.02 s improvement, −2.04 s of it own time, was once
  // headlined with a −58 ms lazy import. Measured like the module causes
  // (-X importtime), it is compared with them, not with profiled times.
  const ownMs = own && own.ms > 0 === slower ? Math.abs(own.ms) : 0
  if (own && ownMs > moduleMs && ownMs >= Math.abs(change.ms) / 2) {
    // A function the project's own modules call accounts for their own time:
    // it is the reason, and the headline names it ("`inspect.stack` 55 → 0
    // calls, via `pkg.log.get_logger`"), not "own time of `pkg`" (which flipped
    // with it from run to run as the two sizes crossed).
    const ownCalls = fn?.change.callers.some((c) => c.module.split('.')[0] === own.package)
    if (fn && ownCalls && Math.abs(fn.change.profiled_delta_ms) >= ownMs / 2) return fn
    return own
  }
  return named
}

/** A cause in a few words, for the headline: "`a.b` now imports `c` (+42 ms)". */
export function causeText(cause: Cause | OwnTimeCause, target: string): Rich {
  if (cause.kind === 'own') {
    const [first] = cause.modules
    // One module holding most of it is named too.
    const mostly: Rich =
      first && Math.abs(first.ms) >= 0.6 * Math.abs(cause.ms)
        ? [', mostly ', { code: first.name }]
        : []
    return [
      'own time of ',
      { code: cause.package },
      `'s modules at import (${signedMs(cause.ms)})`,
      ...mostly,
    ]
  }
  if (cause.kind === 'module') {
    const importer = cause.importers[0]
    const verb = cause.eager ? ' now imports ' : ' no longer imports '
    return [
      ...(importer ? [{ code: importer }, verb] : [verb.trim() + ' ']),
      ...leadsText(cause),
      ` (${signedMs(cause.perTarget[target]?.ms ?? cause.ms)})`,
    ]
  }
  const { base_calls: b, head_calls: h, via, called_as } = cause.change
  return [
    { code: cause.name },
    ` ${b} → ${h} calls at import`,
    ...(via.length ? [', via ', { code: called_as }] : []),
  ]
}

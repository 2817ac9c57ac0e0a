// The proof that a pull request cannot change what an import does: one traced
// import per side (twice, to see that it does the same work each time), the
// files that differ between the sides, and which of their changed lines ran.
// When it holds, the target passes without timing: there is nothing to time.
// What it checks and what it cannot see: docs/statistics.md, "Which path decides". Pure:
// commands/compare-proof.ts gathers the facts, with every path made
// side-neutral ("{env}/…" in the side's environment, "{tree}/…" in its
// worktree) so the two sides' facts compare as they are.
import type { Side } from '../../model/target.js'

/** One traced import of one side, its paths side-neutral. */
export interface TraceFacts {
  ok: boolean
  error: string | null
  how: string
  modules: Record<string, string | null>
  lines: Record<string, number[]>
  /** open, os.listdir, os.scandir, glob, stat; load: a file the import system opened (a module's, or data through its loader). */
  touched: { event: string; path: string }[]
  /** The files of modules loaded before the import: start-up ran them untraced. */
  startup: string[]
  overflow: boolean
  threads: number
}

/** A file that is not the same on both sides, side-neutral. */
export interface DifferingFile {
  path: string
  /** On both sides with other contents, or on one side only. */
  presence: 'both' | Side
  /**
   * A path whose change the proof cannot see into: a submodule (its files are
   * not in the commits' diff) or a symbolic link (what it points at may be
   * read under another name). Absent for a file.
   */
  opaque?: 'submodule' | 'symlink'
  /**
   * The installed distribution it belongs to, for a file in an environment:
   * `project` when the side's own checkout was installed as it (the code under
   * review); null for a file no distribution lists (a .pth file, sitecustomize).
   */
  owner?: { name: string; versions: Record<Side, string | null>; project: boolean } | null
}

/** Which changed lines of a differing Python file ran on each side, and its code's size. */
export interface LinesFacts {
  path: string
  /** The changed lines (base's removed, head's added) that ran at import. */
  ran: Record<Side, number[]>
  codeBytes: Record<Side, number | null>
  /** Why the file could not be judged; null when it was. */
  error: string | null
}

export interface ProofFacts {
  /** Traced imports per side, in the order they ran. */
  traces: Record<Side, TraceFacts[]>
  differing: DifferingFile[]
  /** For every differing file either side loaded as Python source. */
  lines: LinesFacts[]
  /** min-delta: the load cost the bytecode's change must stay under. */
  minDeltaMs: number
}

export interface Proof {
  /** The import's work is proved unchanged: the target passes without timing. */
  holds: boolean
  /** Why not, in one line (code spans for names); null when it holds. */
  reason: string | null
  /** sys.monitoring or sys.settrace. */
  how: string
  /** Traced imports per side. */
  traced: number
  /** Files the commits differ in (the worktree's diff). */
  changed: number
  /** Differing files in all (the worktree's and the environment's). */
  differing: number
  /** Differing files the import loads (when it holds, none of whose changed lines ran). */
  loaded: string[]
  /** Differing Python files whose changed lines ran at import, on either side. */
  ran: string[]
  /** Of those, each side's changed lines that ran, by file (the first RAN_LINES of each). */
  ranLines: Record<Side, Record<string, number[]>>
  modules: number
  /** The largest change in code size, in bytes, of what the import loads (either way). */
  codeBytesDelta: number
  /** An upper bound on what loading that much more code costs, in ms. */
  loadBoundMs: number
  /** No loaded source changed: the no-pyc and cold states, whose work is compiling and reading it, are proved too. */
  sourcesUnchanged: boolean
}

/**
 * Loading bytecode is reading it and unmarshalling it: 6 ns a byte measured on
 * this project's machine over 18 MB of the standard library's .pyc files; five
 * times that bounds it on a loaded runner.
 */
export const LOAD_NS_PER_BYTE = 30

/** Head's changed lines that ran, kept a file: enough to say which commits wrote them. */
export const RAN_LINES = 50

/** How a side-neutral path reads in a report: the worktree's path, or the path inside site-packages. */
export function shownPath(path: string): string {
  if (path.startsWith('{tree}/')) return path.slice('{tree}/'.length)
  const site = path.indexOf('/site-packages/')
  if (path.startsWith('{env}/') && site >= 0) return path.slice(site + '/site-packages/'.length)
  return path.replace(/^\{env\}\//, '')
}

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')))
const code = (text: string) => `\`${text}\``

/** How the traced imports of one side differ, in a few words naming the first difference; null when they agree. */
function sameTraces(traces: readonly TraceFacts[]): string | null {
  const [first, ...rest] = traces
  if (!first) return null
  for (const other of rest) {
    const names = new Set([...Object.keys(first.modules), ...Object.keys(other.modules)])
    const module = [...names].sort().find((n) => first.modules[n] !== other.modules[n])
    if (module !== undefined)
      return `modules (${code(module)} loaded in one run only, or from another file)`
    const paths = (t: TraceFacts) => new Set(t.touched.map((x) => `${x.event} ${x.path}`))
    const [a, b] = [paths(first), paths(other)]
    const path = [...a].find((p) => !b.has(p)) ?? [...b].find((p) => !a.has(p))
    if (path !== undefined)
      return `paths (${code(shownPath(path.slice(path.indexOf(' ') + 1)))} in one run only)`
    const files = new Set([...Object.keys(first.lines), ...Object.keys(other.lines)])
    const file = [...files]
      .sort()
      .find((f) => (first.lines[f] ?? []).join(',') !== (other.lines[f] ?? []).join(','))
    if (file !== undefined) return `lines (in ${code(shownPath(file))})`
  }
  return null
}

function moduleDifference(base: TraceFacts, head: TraceFacts): string | null {
  const names = new Set([...Object.keys(base.modules), ...Object.keys(head.modules)])
  const onlyHead = [...names].filter((n) => !(n in base.modules)).sort()
  const onlyBase = [...names].filter((n) => !(n in head.modules)).sort()
  if (onlyHead.length)
    return `head loads ${onlyHead.length} module${onlyHead.length === 1 ? '' : 's'} base does not (${onlyHead.slice(0, 3).map(code).join(', ')}${onlyHead.length > 3 ? ', …' : ''})`
  if (onlyBase.length)
    return `base loads ${onlyBase.length} module${onlyBase.length === 1 ? '' : 's'} head does not (${onlyBase.slice(0, 3).map(code).join(', ')}${onlyBase.length > 3 ? ', …' : ''})`
  const moved = [...names].sort().find((n) => base.modules[n] !== head.modules[n])
  return moved ? `${code(moved)} loads from another file in head` : null
}

/** Why a differing file the import touched or loaded breaks the proof, or null when it does not. */
function fileReason(
  file: DifferingFile,
  traces: Record<Side, TraceFacts>,
  loadedFiles: Set<string>,
  lines: Map<string, LinesFacts>,
): string | null {
  const shown = code(shownPath(file.path))
  if (file.opaque === 'submodule')
    return `the submodule ${shown} changed, and the proof does not look inside submodules`
  if (file.opaque === 'symlink')
    return `the symbolic link ${shown} changed, and the proof does not follow links`
  if (file.owner === null) return `${shown} changed, and no installed distribution lists it`
  // Start-up runs these before any tracer: a change to one is never proved.
  if (file.path.endsWith('.pth')) return `${shown} changed, and Python runs .pth files at start-up`
  if (traces.base.startup.includes(file.path) || traces.head.startup.includes(file.path))
    return `${shown} runs at start-up, before the import, and changed`
  if (file.owner && !file.owner.project) {
    const { base, head } = file.owner.versions
    const versions =
      base === head ? `its files differ at ${base}` : `${base ?? 'none'} → ${head ?? 'none'}`
    return `the dependency ${code(file.owner.name)} changed (${versions})`
  }
  for (const side of ['base', 'head'] as const) {
    for (const { event, path } of traces[side].touched) {
      // A module's own file, opened to load it: its lines are judged below.
      if (event === 'load' && path === file.path && loadedFiles.has(path)) continue
      if (path === file.path)
        return event === 'stat'
          ? `${shown} is looked up at import and changed`
          : `${shown} is read at import and changed`
      const listing = event === 'os.listdir' || event === 'os.scandir' || event === 'glob'
      if (listing && path === parentOf(file.path))
        return `${code(shownPath(path))} is listed at import, and ${shown} ${file.presence === 'both' ? 'changed' : file.presence === 'head' ? 'is new in head' : 'is gone in head'}`
    }
  }
  if (!loadedFiles.has(file.path)) return null
  if (!file.path.endsWith('.py')) return `${shown} is loaded at import and changed`
  const judged = lines.get(file.path)
  if (!judged) return `${shown} is loaded at import and its lines could not be judged`
  if (judged.error) return `${shown} could not be read (${judged.error})`
  if (judged.ran.head.length)
    return `${code(`${shownPath(file.path)}:${judged.ran.head[0]}`)} runs at import and changed`
  if (judged.ran.base.length)
    return `${code(`${shownPath(file.path)}:${judged.ran.base[0]}`)} (base's line) ran at import and changed`
  return null
}

const ranLines = (lines: readonly LinesFacts[], side: Side) =>
  Object.fromEntries(
    lines
      .filter((l) => l.ran[side].length)
      .map((l) => [shownPath(l.path), l.ran[side].slice(0, RAN_LINES)]),
  )

export function prove(facts: ProofFacts): Proof {
  const base = facts.traces.base[0]
  const head = facts.traces.head[0]
  const loadedFiles = new Set(
    [base, head].flatMap((t) => Object.values(t?.modules ?? {}).filter((f): f is string => !!f)),
  )
  const loaded = facts.differing.map((f) => f.path).filter((p) => loadedFiles.has(p))
  const codeBytesDelta = facts.lines.reduce(
    (sum, l) => sum + Math.abs((l.codeBytes.head ?? 0) - (l.codeBytes.base ?? 0)),
    0,
  )
  const loadBoundMs = (codeBytesDelta * LOAD_NS_PER_BYTE) / 1e6
  const proof = (reason: string | null): Proof => ({
    holds: reason === null,
    reason,
    how: head?.how ?? base?.how ?? 'none',
    traced: Math.min(facts.traces.base.length, facts.traces.head.length),
    changed: facts.differing.filter((f) => f.path.startsWith('{tree}/')).length,
    differing: facts.differing.length,
    loaded: loaded.map(shownPath),
    ran: facts.lines
      .filter((l) => l.ran.base.length || l.ran.head.length)
      .map((l) => shownPath(l.path)),
    ranLines: {
      base: ranLines(facts.lines, 'base'),
      head: ranLines(facts.lines, 'head'),
    },
    modules: Object.keys(head?.modules ?? {}).length,
    codeBytesDelta,
    loadBoundMs,
    sourcesUnchanged: loaded.length === 0,
  })
  if (!base || !head) return proof('the import was not traced on both sides')
  for (const side of ['base', 'head'] as const) {
    const failed = facts.traces[side].find((t) => !t.ok)
    if (failed) return proof(`the traced import failed on ${side} (${failed.error ?? 'no report'})`)
    if (facts.traces[side].some((t) => t.overflow))
      return proof(`the import touched too many paths on ${side} to check`)
    if (facts.traces[side].some((t) => t.threads > 0 && t.how !== 'sys.monitoring'))
      return proof(
        `the import left a thread running on ${side}, and before Python 3.12 lines other threads run are not traced`,
      )
    const differ = sameTraces(facts.traces[side])
    if (differ)
      return proof(
        `two traced imports of ${side} differed in their ${differ}: the import does not do the same work each time`,
      )
  }
  // A changed file that matters names the cause better than the modules it makes differ.
  const lines = new Map(facts.lines.map((l) => [l.path, l]))
  for (const file of facts.differing) {
    const reason = fileReason(file, { base, head }, loadedFiles, lines)
    if (reason) return proof(reason)
  }
  const modules = moduleDifference(base, head)
  if (modules) return proof(modules)
  if (loadBoundMs >= facts.minDeltaMs)
    return proof(
      `the code the import loads changed by ${codeBytesDelta} bytes; loading it could cost up to ${loadBoundMs.toFixed(2)} ms, not under min-delta (${facts.minDeltaMs} ms)`,
    )
  return proof(null)
}

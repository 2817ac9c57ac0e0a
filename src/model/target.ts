// What is measured. A target is a tagged union so that other kinds (a command's
// whole start-up) can join modules later without new paths through the code.

/** A module, imported in a fresh interpreter. */
export interface ModuleTarget {
  kind: 'module'
  /** The dotted name, as `import` takes it. */
  name: string
}

/**
 * A command's whole start-up, written `cmd: mycli --help` in the targets: the
 * process is timed from spawn to exit, found in the side's environment (its
 * console scripts first), and run with no shell.
 */
export interface CommandTarget {
  kind: 'command'
  /** As configured: "cmd: mycli --help"; what results and reports call it. */
  name: string
  argv: string[]
}

export type Target = ModuleTarget | CommandTarget

export const moduleTarget = (name: string): ModuleTarget => ({ kind: 'module', name })

export const COMMAND_PREFIX = 'cmd:'

export const isCommandTarget = (name: string): boolean => name.startsWith(COMMAND_PREFIX)

/** What a kind of target supports. Where a layer must tell kinds apart, it asks this table. */
export interface TargetKindTraits {
  /** How a report says what the target does: "imports" (a module), "runs" (a command). */
  verb: 'imports' | 'runs'
  /** Untimed -X importtime and cProfile runs: the module set, the chains, the functions. */
  profiles: boolean
  /** Counted metrics (instructions, fs_calls): the probe marks where the import starts and ends. */
  countedRuns: boolean
  /** Python 3.15's lazy-import runs (PEP 810): the import as written, and every import lazy. */
  lazyRuns: boolean
}

export const TARGET_KINDS: Readonly<Record<Target['kind'], TargetKindTraits>> = {
  module: { verb: 'imports', profiles: true, countedRuns: true, lazyRuns: true },
  // A whole process: timed spawn to exit, no probe inside to profile, count or watch.
  command: { verb: 'runs', profiles: false, countedRuns: false, lazyRuns: false },
}

/** The kind of a target as configured ("cmd: …" is a command). */
export const kindOf = (name: string): Target['kind'] =>
  isCommandTarget(name) ? 'command' : 'module'

/** What the target named `name` supports. */
export const traitsOf = (name: string): TargetKindTraits => TARGET_KINDS[kindOf(name)]

/**
 * Words the way a shell splits them, and nothing else a shell does: runs of
 * blanks separate, single quotes keep everything, double quotes keep all but
 * a backslash before " or \\. No variables, globs or operators: `a;b` is one
 * word. Returns the problem as a string when the quoting is unbalanced.
 */
export function splitWords(text: string): string[] | string {
  const words: string[] = []
  let word: string | null = null
  let quote: "'" | '"' | null = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quote) {
      if (ch === quote) quote = null
      else if (quote === '"' && ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\'))
        word += text[++i]!
      else word += ch
    } else if (ch === "'" || ch === '"') {
      quote = ch
      word ??= ''
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word)
      word = null
    } else word = (word ?? '') + ch
  }
  if (quote) return `an unclosed ${quote}`
  if (word !== null) words.push(word)
  return words
}

/** What a configured target names: a module, or (written `cmd: …`) a command. */
export function targetOf(name: string): Target {
  if (!isCommandTarget(name)) return moduleTarget(name)
  const argv = splitWords(name.slice(COMMAND_PREFIX.length))
  return { kind: 'command', name, argv: typeof argv === 'string' ? [] : argv }
}

/** The two commits of a comparison; `measure` has only a head (the working tree). */
export type Side = 'base' | 'head'
export const SIDES: readonly Side[] = ['base', 'head']

/**
 * The conditions a target is measured under, its cache state: `warm` (.pyc
 * files written by the warm-ups, the page cache as it is), `no-pyc` (every
 * module compiled from source, as on a first start or a read-only file
 * system), `cold` (the page cache emptied before each sample).
 */
export type Variant = 'warm' | 'no-pyc' | 'cold'
export const DEFAULT_VARIANT: Variant = 'warm'
export const VARIANTS: readonly Variant[] = ['warm', 'no-pyc', 'cold']

export const isVariant = (value: string): value is Variant =>
  (VARIANTS as readonly string[]).includes(value)

/** How the cold state emptied the cache: the whole page cache, or each file the import may read. */
export type ColdMethod = 'drop-caches' | 'sudo-drop-caches' | 'fadvise'

/** What each state does, as the reports say it under the table. */
export function variantNote(variant: Variant, cold?: string): string | null {
  if (variant === 'no-pyc')
    return 'every module compiled from source: an empty PYTHONPYCACHEPREFIX for each sample, with writing off'
  if (variant !== 'cold') return null
  if (cold === 'drop-caches')
    return 'the page cache dropped before each sample (/proc/sys/vm/drop_caches)'
  if (cold === 'sudo-drop-caches')
    return 'the page cache dropped before each sample (sudo -n sysctl vm.drop_caches, as on hosted runners)'
  return "each file under the interpreter's sys.path evicted from the page cache before each sample (posix_fadvise DONTNEED: no permission to drop the whole cache here; directory entries stay cached)"
}

/** How reports name a variant beside its target: "no .pyc", "cold cache"; nothing for warm. */
export const VARIANT_LABEL: Readonly<Record<Variant, string>> = {
  warm: '',
  'no-pyc': 'no .pyc',
  cold: 'cold cache',
}

/** One stream of samples: a target, on one side, under one variant. */
export interface ArmKey {
  side: Side
  target: string
  variant: Variant
}

/** A stable string for maps and logs: "head:mypkg" (the variant shows once there are several). */
export function armId(key: ArmKey): string {
  const variant = key.variant === DEFAULT_VARIANT ? '' : `@${key.variant}`
  return `${key.side}:${key.target}${variant}`
}

/** The arms that stop together when one fails: a target's base and head under one variant. */
export function groupId(key: ArmKey): string {
  return key.variant === DEFAULT_VARIANT ? key.target : `${key.target}@${key.variant}`
}

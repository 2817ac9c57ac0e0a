// The CLI's flags (or the action's inputs) → what a command is asked to do,
// with the folders and targets they name checked.
// Settings from [tool.importgate] are merged later, by the command, once the
// project (for compare: the base commit's checkout) is known.
import { UsageError } from '../model/errors.js'
import { type Namer } from './names.js'
import { INSTALL_MODES } from '../model/settings.js'
import type { PartialSettings } from '../settings/settings.js'
import { SETTINGS, type CommandRules, type Given, type SettingName } from '../settings/registry.js'
import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/** How the CLI names its inputs in messages. */
export const cliName: Namer = (input) => {
  if (input === 'target') return '-t/--target'
  if (input === 'repo') return '-C/--repo'
  if (input === 'base-ref') return 'base ref'
  if (input === 'head-ref') return 'head ref'
  return `--${input}`
}

export const COMMAND_RULES = {
  measure: { installModes: INSTALL_MODES.measure, minProfileRuns: 0 },
  compare: { installModes: INSTALL_MODES.compare, minProfileRuns: 1 },
} as const satisfies Record<string, CommandRules>

/** What every command needs to know, whoever asked. */
interface CommonRequest {
  repoDir: string
  python: string
  /** What the flags or inputs said; pyproject and the defaults fill in the rest. */
  given: PartialSettings
  /** Names inputs in messages the way this run's user wrote them. */
  name: Namer
}

export interface MeasureRequest extends CommonRequest {
  projectDir: string
}

export interface CompareRequest extends CommonRequest {
  /** The project's folder relative to the repository root ('' for the root). */
  projectSubdir: string
  baseRef: string
  headRef: string
  /** Names this job in a merged report (`importgate merge`); absent: its Python and platform. */
  label?: string
  /**
   * Whose [tool.importgate] the gate reads: base's (a pull request cannot
   * loosen its own gate unseen), or head's (drift: the default branch's
   * settings as they are now, not an old release's).
   */
  gateFrom?: 'base' | 'head'
}

export function measureRequest(values: InputValues, cwd: string, name = cliName): MeasureRequest {
  const repoDir = directory(name('repo'), resolve(cwd, values.repo ?? '.'))
  // As compare: the project is a folder of the repository, links resolved.
  const sub = projectSubdir(repoDir, values['project-dir'], name('project-dir'))
  const projectDir = directory(name('project-dir'), resolve(repoDir, sub))
  insideAfterLinks(repoDir, projectDir, name('project-dir'), values['project-dir'] ?? '.')
  return {
    repoDir,
    projectDir,
    python: values.python ?? 'python3',
    given: partialSettings(values, COMMAND_RULES.measure, name),
    name,
  }
}

export function compareRequest(
  values: InputValues,
  revisions: string[],
  cwd: string,
  name = cliName,
  /** The settings the values give, when the caller has parsed them already (the action). */
  parsed?: PartialSettings,
): CompareRequest {
  if (revisions.length !== 2) {
    throw new UsageError(
      `compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${revisions.length}: ${JSON.stringify(revisions)}`,
    )
  }
  const [baseRef, headRef] = revisions as [string, string]
  const repoDir = directory(name('repo'), resolve(cwd, values.repo ?? '.'))
  return {
    repoDir,
    projectSubdir: projectSubdir(repoDir, values['project-dir'], name('project-dir')),
    baseRef,
    headRef,
    ...(values.label?.trim() ? { label: values.label.trim() } : {}),
    python: values.python ?? 'python3',
    given: parsed ?? partialSettings(values, COMMAND_RULES.compare, name),
    name,
  }
}

// The inputs a run was given, as text, keyed by what they mean: the CLI's flags
// and the action's inputs both map onto these, and partialSettings() turns
// them into typed settings, naming each input the way its user wrote it.
/**
 * The inputs a run was given: each setting's text (a flag's, an input's;
 * the registry names them), and the CLI's and the action's own.
 */
export type InputValues = { [K in SettingName]?: Given } & {
  repo?: string
  'project-dir'?: string
  python?: string
  label?: string
  json?: string
  markdown?: string
  quiet?: boolean
}

export type { CommandRules } from '../settings/registry.js'
export { parseCacheStates, parseMetrics } from '../settings/text-values.js'

/** The settings among the inputs, typed and checked, each named as its user wrote it. */
export function partialSettings(
  values: InputValues,
  rules: CommandRules,
  name: Namer,
): PartialSettings {
  const partial: PartialSettings = {}
  for (const spec of SETTINGS) {
    const value = values[spec.name]
    if (value === undefined || (Array.isArray(value) && !value.length)) continue
    Object.assign(partial, { [spec.field]: spec.fromText(value, name(spec.name), rules) })
  }
  // Both given here: say so now, not after the worktrees are built.
  if (partial.minPairs !== undefined && partial.maxPairs !== undefined) {
    if (partial.maxPairs < partial.minPairs)
      throw new UsageError(
        `${name('max-pairs')} ${partial.maxPairs} is less than ${name('min-pairs')} ${partial.minPairs}`,
      )
  }
  return partial
}

export function directory(input: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${input}: ${path} is not a directory`)
  }
  return path
}

/** --project-dir as a path inside the repository (it is looked up in each worktree). */
export function projectSubdir(repoDir: string, value: string | undefined, input: string): string {
  const sub = relative(repoDir, resolve(repoDir, value ?? '.'))
  if (sub.startsWith('..') || isAbsolute(sub)) {
    throw new UsageError(
      `${input}: "${value}" is outside the repository ${repoDir}; give a folder inside it`,
    )
  }
  return sub
}

/**
 * Throws unless `dir`, symbolic links resolved, lies inside `root` (resolved
 * too): a link in the tree must not take the project out of the repository.
 */
export function insideAfterLinks(root: string, dir: string, input: string, given: string): void {
  let real: string
  let realRoot: string
  try {
    real = realpathSync(dir)
    realRoot = realpathSync(root)
  } catch {
    return // a missing folder is reported where it is used
  }
  const sub = relative(realRoot, real)
  if (sub.startsWith('..') || isAbsolute(sub)) {
    throw new UsageError(
      `${input}: "${given}" leads outside the repository (to ${real}, through a symbolic link); give a folder inside it`,
    )
  }
}

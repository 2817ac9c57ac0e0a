// The CLI's flags (or the action's inputs) → what a command is asked to do.
// Settings from [tool.importgate] are merged later, by the command, once the
// project (for compare: the base commit's checkout) is known.
import { resolve } from 'node:path'
import { UsageError } from '../model/errors.js'
import { type Namer } from './names.js'
import { INSTALL_MODES } from '../model/settings.js'
import { partialSettings, type CommandRules, type InputValues } from './input-values.js'
import { directory, insideAfterLinks, projectSubdir } from './paths-and-targets.js'
import type { PartialSettings } from '../settings/settings.js'

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

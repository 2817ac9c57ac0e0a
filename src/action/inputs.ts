// The action's inputs, parsed once into a typed config (as the CLI's flags are).
import { resolve } from 'node:path'
import type { Verdict } from '../analysis/gate.js'
import { PRECEDENCE } from '../analysis/gate.js'
import { UsageError } from '../config/errors.js'
import { flagSettings, type Flags } from '../config/flags.js'
import { directory, projectSubdir } from '../config/paths-and-targets.js'
import type { SettingsInput } from '../config/settings.js'

export type CommentMode = 'always' | 'on-change' | 'never'

export interface ActionConfig {
  /** The checkout (GITHUB_WORKSPACE). */
  repoDir: string
  projectSubdir: string
  python: string
  baseRef: string | null
  headRef: string | null
  /** What the inputs said; base's [tool.importgate] and the defaults fill in the rest. */
  settings: SettingsInput
  comment: CommentMode
  commentKey: string
  failOn: Verdict[]
  token: string
  artifactName: string
}

/** "a, b\nc" → ["a", "b", "c"]. */
export function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

const inputName = (flag: string) =>
  `input "${{ target: 'targets', budget: 'budgets' }[flag] ?? flag}"`

export function actionConfig(getInput: (name: string) => string, workspace: string): ActionConfig {
  const optional = (name: string) => getInput(name).trim() || undefined
  const repoDir = directory('GITHUB_WORKSPACE', resolve(workspace))
  const flags: Flags = {
    target: list(getInput('targets')),
    install: optional('install'),
    threshold: optional('threshold'),
    'min-delta': optional('min-delta'),
    'min-pairs': optional('min-pairs'),
    'max-pairs': optional('max-pairs'),
    'max-time': optional('max-time'),
    'max-modules': optional('max-modules'),
    forbid: list(getInput('forbid')),
    budget: list(getInput('budgets')),
  }
  const comment = (getInput('comment').trim() || 'always') as CommentMode
  if (!['always', 'on-change', 'never'].includes(comment)) {
    throw new UsageError(`input "comment": "${comment}" is not one of always, on-change, never`)
  }
  const failOn = list(getInput('fail-on')) as Verdict[]
  for (const verdict of failOn) {
    if (!PRECEDENCE.includes(verdict)) {
      throw new UsageError(
        `input "fail-on": "${verdict}" is not a verdict; use any of ${PRECEDENCE.join(', ')}`,
      )
    }
  }
  return {
    repoDir,
    projectSubdir: projectSubdir(repoDir, optional('working-directory')),
    python: optional('python') ?? 'python3',
    baseRef: optional('base-ref') ?? null,
    headRef: optional('head-ref') ?? null,
    settings: flagSettings(flags, ['auto', 'none', 'pip', 'uv'], 1, inputName),
    comment,
    commentKey: getInput('comment-key').trim(),
    failOn,
    token: getInput('github-token').trim(),
    artifactName: optional('artifact-name') ?? 'importgate',
  }
}

// The action's inputs, parsed once into a typed config, naming each input as
// the workflow wrote it.
import { resolve } from 'node:path'
import type { InputValues } from '../config/input-values.js'
import { directory, projectSubdir } from '../config/paths-and-targets.js'
import { COMMAND_RULES } from '../config/requests.js'
import { inputOf, SETTINGS } from '../settings/registry.js'
import { switchValue } from '../settings/text-values.js'
import { partialSettings } from '../config/input-values.js'
import type { PartialSettings } from '../settings/settings.js'
import type { CommentMode } from '../github/sticky-comment.js'
import { UsageError } from '../model/errors.js'
import { type InputId, type Namer } from '../config/names.js'
import { PRECEDENCE, type Verdict } from '../model/verdict.js'

export interface ActionConfig {
  /** The checkout (GITHUB_WORKSPACE). */
  repoDir: string
  projectSubdir: string
  python: string
  baseRef: string | null
  headRef: string | null
  /** What the inputs said; base's [tool.importgate] and the defaults fill in the rest. */
  given: PartialSettings
  /** The inputs as given: the compare request takes its label, paths and refs from them. */
  values: InputValues
  comment: CommentMode
  commentKey: string
  failOn: Verdict[]
  token: string
  artifactName: string
  /** measure: run the comparison here; publish: merge the results other jobs wrote, and post them. */
  mode: 'measure' | 'publish'
  /** publish: results files, or folders searched for results.json (relative to the workspace). */
  results: string[]
  /** Python 3.15+: offer the lines that could be lazy as suggested changes on the pull request's own lines. */
  suggestLazy: boolean
}

/** "a, b\nc" → ["a", "b", "c"]. */
export function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** The action.yml input each setting comes from, where it is not the setting's own name. */
const ACTION_INPUTS: Partial<Record<InputId, string>> = {
  ...Object.fromEntries(SETTINGS.map((s) => [s.name, inputOf(s) ?? s.name])),
  'project-dir': 'working-directory',
}

/** How the action names its inputs in messages: input "working-directory". */
export const actionName: Namer = (input) => {
  if (input === 'repo') return 'GITHUB_WORKSPACE'
  if (input === 'base-ref') return 'the base commit'
  if (input === 'head-ref') return 'the head commit'
  return `input "${ACTION_INPUTS[input] ?? input}"`
}

export function actionConfig(getInput: (name: string) => string, workspace: string): ActionConfig {
  const optional = (name: string) => getInput(name).trim() || undefined
  const repoDir = directory(actionName('repo'), resolve(workspace))
  // Each setting the action takes, from its input (lists by commas or new lines).
  const values: InputValues = {
    ...Object.fromEntries(
      SETTINGS.flatMap((spec) => {
        const input = inputOf(spec)
        if (!input) return []
        return [[spec.name, spec.flag.multiple ? list(getInput(input)) : optional(input)]]
      }),
    ),
    label: getInput('label') || undefined,
  }
  const comment = (getInput('comment').trim() || 'always') as CommentMode
  if (!['always', 'on-change', 'never'].includes(comment)) {
    throw new UsageError(`input "comment": "${comment}" is not one of always, on-change, never`)
  }
  const mode = (getInput('mode').trim() || 'measure') as ActionConfig['mode']
  if (mode !== 'measure' && mode !== 'publish')
    throw new UsageError(`input "mode": "${mode}" is not one of measure, publish`)
  const results = list(getInput('results'))
  if (mode === 'publish' && !results.length)
    throw new UsageError(
      'input "results": mode publish needs the results files of the jobs that measured (files, or folders holding results.json, e.g. the path actions/download-artifact wrote to)',
    )
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
    projectSubdir: projectSubdir(repoDir, optional('working-directory'), actionName('project-dir')),
    python: optional('python') ?? 'python3',
    baseRef: optional('base-ref') ?? null,
    headRef: optional('head-ref') ?? null,
    given: partialSettings(values, COMMAND_RULES.compare, actionName),
    values,
    comment,
    commentKey: getInput('comment-key').trim(),
    failOn,
    token: getInput('github-token').trim(),
    artifactName: optional('artifact-name') ?? 'importgate',
    mode,
    results,
    // Empty is the default, false.
    suggestLazy: optional('suggest-lazy')
      ? switchValue(getInput('suggest-lazy'), 'input "suggest-lazy"')
      : false,
  }
}

// The action's inputs, parsed once into a typed config, naming each input as
// the workflow wrote it; and the refs to compare, from them or the event (below).
import { resolve } from 'node:path'
import {
  COMMAND_RULES,
  directory,
  partialSettings,
  projectSubdir,
  type InputValues,
} from '../config/requests.js'
import { inputOf, SETTINGS } from '../settings/registry.js'
import { switchValue } from '../settings/text-values.js'
import type { PartialSettings } from '../settings/settings.js'
import type { CommentMode } from '../github/sticky-comment.js'
import { UsageError } from '../model/errors.js'
import { type InputId, type Namer } from '../config/names.js'
import { PRECEDENCE, type Verdict } from '../model/verdict.js'
import { DEFAULT_FAIL_ON, DRIFT_FAIL_ON } from './outcome.js'

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
  /**
   * measure: run the comparison here; publish: merge the results other jobs
   * wrote, and post them; drift: compare the latest release (or `since`) with
   * head, and keep the outcome in one issue.
   */
  mode: 'measure' | 'publish' | 'drift'
  /** drift: the reference as given (a ref or a duration); null: the latest tag reachable from head. */
  since: string | null
  /** drift: narrow a change to the first-parent commit that shows it. */
  bisect: boolean
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
  if (!['measure', 'publish', 'drift'].includes(mode))
    throw new UsageError(`input "mode": "${mode}" is not one of measure, publish, drift`)
  const results = list(getInput('results'))
  if (mode === 'publish' && !results.length)
    throw new UsageError(
      'input "results": mode publish needs the results files of the jobs that measured (files, or folders holding results.json, e.g. the path actions/download-artifact wrote to)',
    )
  // Unset: a pull request fails on what needs a look; a scheduled drift check only when it could not run.
  const failOnText = getInput('fail-on').trim()
  const failOn = (
    failOnText ? list(failOnText) : mode === 'drift' ? DRIFT_FAIL_ON : DEFAULT_FAIL_ON
  ) as Verdict[]
  for (const verdict of failOn) {
    if (!PRECEDENCE.includes(verdict)) {
      throw new UsageError(
        `input "fail-on": "${verdict}" is not a verdict; use any of ${PRECEDENCE.join(', ')}`,
      )
    }
  }
  const since = optional('since') ?? null
  // Empty is the default, false.
  const bisect = optional('bisect') ? switchValue(getInput('bisect'), 'input "bisect"') : false
  const suggestLazy = optional('suggest-lazy')
    ? switchValue(getInput('suggest-lazy'), 'input "suggest-lazy"')
    : false
  refuseUnused(mode, { since, bisect, baseRef: optional('base-ref'), suggestLazy })
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
    since,
    bisect,
    suggestLazy,
  }
}

/**
 * An input the mode leaves unused is refused, so that what a workflow asks
 * for either runs or is said not to: `since` and `bisect` are the drift
 * check's; `base-ref` and `suggest-lazy` a pull request's.
 */
function refuseUnused(
  mode: ActionConfig['mode'],
  given: { since: string | null; bisect: boolean; baseRef?: string; suggestLazy: boolean },
): void {
  if (mode !== 'drift') {
    if (given.since !== null)
      throw new UsageError(
        `input "since": only mode drift compares with a reference; this is mode ${mode} (set mode: drift, or base-ref for a comparison with ${given.since})`,
      )
    if (given.bisect)
      throw new UsageError(`input "bisect": only mode drift bisects; this is mode ${mode}`)
    return
  }
  if (given.baseRef)
    throw new UsageError(
      `input "base-ref": mode drift compares head with since (default: the highest release tag reachable from head); set since: ${given.baseRef} instead`,
    )
  if (given.suggestLazy)
    throw new UsageError(
      'input "suggest-lazy": mode drift has no pull request to suggest changes on; leave it false',
    )
}

// Which commits to compare, from the event that started the workflow. Pure.
export interface EventRefs {
  base: string
  head: string
  /** The pull request to comment on, or null (push, workflow_dispatch, ...). */
  pullNumber: number | null
  /** Whether the pull request comes from a fork (its token is read-only); null when unknown. */
  fromFork: boolean | null
  /** The pull request's own head commit (not the merge commit checked out), when the event says. */
  pullHeadSha: string | null
}

/** The parts of the event (GITHUB_EVENT_PATH, written by the runner) that importgate reads. */
export interface EventPayload {
  pull_request?: {
    number?: number
    base?: { sha?: string; repo?: { full_name?: string } }
    head?: { sha?: string; repo?: { full_name?: string } | null }
  }
  /** workflow_run: the run whose artifacts publish mode reads (a fork's names no pull request). */
  workflow_run?: { head_sha?: string; pull_requests?: { number?: number }[] }
  before?: string
  after?: string
}

/** Publish mode's pull request: its number and the commit the event is about, as far as the event says. */
export function publishTarget(event: EventPayload): {
  number: number | null
  headSha: string | null
} {
  const number = event.pull_request?.number ?? event.workflow_run?.pull_requests?.[0]?.number
  const headSha = event.workflow_run?.head_sha ?? event.pull_request?.head?.sha
  return {
    number: typeof number === 'number' ? number : null,
    headSha: typeof headSha === 'string' ? headSha : null,
  }
}

const NULL_SHA = /^0+$/

/**
 * pull_request: base is the PR's base commit, head the checked-out merge
 * commit (GITHUB_SHA), so the diff is exactly what merging does.
 * pull_request_target: GITHUB_SHA is the base branch, so head is whatever the
 * workflow checked out (HEAD). push: before..after. Anything else: the inputs.
 * Inputs, when given, win.
 */
export function refsFromEvent(
  eventName: string,
  event: EventPayload,
  sha: string | undefined,
  inputs: { baseRef: string | null; headRef: string | null },
): EventRefs {
  const pr =
    eventName === 'pull_request' || eventName === 'pull_request_target'
      ? event.pull_request
      : undefined
  let base = inputs.baseRef
  let head = inputs.headRef
  if (pr) {
    base ??= pr.base?.sha ?? null
    head ??= eventName === 'pull_request' && sha ? sha : 'HEAD'
  } else if (eventName === 'push') {
    if (!base && event.before && !NULL_SHA.test(event.before)) base = event.before
    head ??= event.after ?? sha ?? 'HEAD'
  }
  head ??= sha ?? 'HEAD'
  if (!base) {
    const why =
      eventName === 'push'
        ? 'this push has no previous commit (a new branch)'
        : `the ${eventName || 'unknown'} event names no base commit`
    // A schedule most likely wants the drift check.
    const drift =
      eventName === 'schedule' || eventName === 'workflow_dispatch'
        ? ', or mode: drift to compare the default branch with its latest release'
        : ''
    throw new UsageError(
      `input "base-ref" is needed: ${why}; set base-ref to a branch, tag or SHA${drift}`,
    )
  }
  const from = pr?.head?.repo?.full_name
  const into = pr?.base?.repo?.full_name
  // A deleted fork has head.repo null: still not this repository.
  const fromFork = pr?.head?.repo === null ? true : from && into ? from !== into : null
  const pullHeadSha = typeof pr?.head?.sha === 'string' ? pr.head.sha : null
  return { base, head, pullNumber: pr?.number ?? null, fromFork, pullHeadSha }
}

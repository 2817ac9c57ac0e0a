// Which commits to compare, from the event that started the workflow. Pure.
import { UsageError } from '../model/errors.js'

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

interface EventPayload {
  pull_request?: {
    number?: number
    base?: { sha?: string; repo?: { full_name?: string } }
    head?: { sha?: string; repo?: { full_name?: string } | null }
  }
  before?: string
  after?: string
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
    throw new UsageError(`input "base-ref" is needed: ${why}; set base-ref to a branch, tag or SHA`)
  }
  const from = pr?.head?.repo?.full_name
  const into = pr?.base?.repo?.full_name
  // A deleted fork has head.repo null: still not this repository.
  const fromFork = pr?.head?.repo === null ? true : from && into ? from !== into : null
  const pullHeadSha = typeof pr?.head?.sha === 'string' ? pr.head.sha : null
  return { base, head, pullNumber: pr?.number ?? null, fromFork, pullHeadSha }
}

// Why a comment could not be posted, in words a person can act on: a rate
// limit, a token without `pull-requests: write`, the read-only token of a fork
// pull request, or an API that did not answer. Pure.

export interface ApiFailure {
  status: number | null
  message: string
  headers: Record<string, string | undefined>
}

/** The parts of an Octokit error (or any error) that tell one cause from another. */
export function apiFailure(error: unknown): ApiFailure {
  const e = error as {
    status?: unknown
    message?: unknown
    response?: { headers?: Record<string, string | undefined> }
  }
  return {
    // Octokit gives a request that got no answer (a timeout, a reset) status 500
    // too, but no response: only an answer has a status.
    status: typeof e.status === 'number' && e.response ? e.status : null,
    message: typeof e.message === 'string' ? e.message : String(error),
    headers: e.response?.headers ?? {},
  }
}

const FORK =
  'The token cannot write to this pull request: pull requests from forks get a read-only token. ' +
  'The report is in the job summary. To comment on fork pull requests, use the two-workflow recipe ' +
  "in importgate's README: measure on pull_request, post the comment from a workflow_run workflow."

/** "GitHub's API rate limit was reached (…), so <what>; …" for a rate limit, else null. */
function rateLimited({ status, message, headers }: ApiFailure, what: string): string | null {
  const limited =
    (status === 403 || status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))
  if (!limited) return null
  const reset = Number(headers['x-ratelimit-reset'])
  const when =
    Number.isFinite(reset) && reset > 0
      ? ` (it resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC)`
      : ''
  return `GitHub's API rate limit was reached${when}, so ${what}; the report is in the job summary.`
}

export function explainCommentFailure(
  failure: ApiFailure,
  fromFork: boolean | null,
  /** The pull request the comment was for, to name in a 404. */
  pull?: { number: number; repo: string },
): string {
  const { status, message } = failure
  const limited = rateLimited(failure, 'the comment was not posted')
  if (limited) return limited
  if (status === 404 && pull && !fromFork) {
    // Not Found is what GitHub says of a pull request that does not exist, and
    // of one in a repository the token may not read.
    return (
      `GitHub has no pull request #${pull.number} in ${pull.repo} that this token can see (HTTP 404: ${message}). ` +
      "Check the number (publish takes it from the event, or from a fork's results file); " +
      'for a private repository, give the job `permissions: pull-requests: write` and `contents: read`. ' +
      'The report is in the job summary.'
    )
  }
  if (status === 403 || status === 404) {
    if (fromFork) return FORK
    return (
      `The token may not comment on this pull request (HTTP ${status}: ${message}). ` +
      'Give the job `permissions: pull-requests: write` (and `contents: read`); ' +
      (fromFork === null
        ? 'if the pull request comes from a fork, see the two-workflow recipe in the README. '
        : '') +
      'The report is in the job summary.'
    )
  }
  if (status === null) {
    return `GitHub's API did not answer the comment request after retries (${message}); the report is in the job summary.`
  }
  if (status >= 500) {
    return `GitHub's API failed the comment request with HTTP ${status} after retries (${message}); the report is in the job summary.`
  }
  return `Could not post the comment (HTTP ${status}: ${message}); the report is in the job summary.`
}

/** Why the drift check's issue could not be kept, in words a person can act on. */
export function explainIssueFailure(failure: ApiFailure, repo: string): string {
  const { status, message } = failure
  const limited = rateLimited(failure, 'the issue was not written')
  if (limited) return limited
  const where = 'The report is in the job summary.'
  if (status === 410)
    return `Issues are turned off in ${repo} (HTTP 410: ${message}), so the drift check cannot keep its issue: turn them on in the repository's settings, or set comment: never to keep the report in the job summary alone. ${where}`
  if (status === 403 || status === 404)
    // A private repository answers 404 to a token that may not see its issues.
    return (
      `The token may not write issues in ${repo} (HTTP ${status}: ${message}). ` +
      'Give the job `permissions: issues: write` and `contents: read` (a private repository answers 404 without them). ' +
      where
    )
  if (status === null)
    return `GitHub's API did not answer the issue request after retries (${message}). ${where}`
  return `Could not write the drift issue (HTTP ${status}: ${message}). ${where}`
}

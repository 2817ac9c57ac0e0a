// CommentsApi over GitHub's REST API (Octokit from @actions/github, which
// honours GITHUB_API_URL), with a timeout on every request and bounded
// retries with backoff (Octokit's retry plugin) for 5xx answers and no answer,
// and one wait for a rate limit that lifts soon (retry-after, or a near reset).
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import type { CommentsApi, IssueComment } from './sticky-comment.js'

interface CommentData {
  id: number
  body?: string | null
  html_url: string
  user?: { login: string; type?: string } | null
}

/** No request may hold the job longer than this (a silent API once held it 300 s). */
export const REQUEST_TIMEOUT_MS = 20_000
/** Retries after the first try, for 5xx and requests that got no answer. */
export const RETRIES = 2

/** The longest wait for a rate limit to lift that is worth holding the job for, in seconds. */
export const MAX_RATE_LIMIT_WAIT_S = 60

/**
 * How long GitHub asks us to wait before trying again, in seconds, or null:
 * `retry-after` (a secondary rate limit), else a primary limit's reset time
 * when it is near. A reset already past is clock skew, not an invitation.
 */
export function rateLimitWaitS(error: unknown, nowMs = Date.now()): number | null {
  const { status, response } = error as {
    status?: number
    response?: { headers?: Record<string, string | undefined> }
  }
  if (status !== 403 && status !== 429) return null
  const headers = response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter <= MAX_RATE_LIMIT_WAIT_S ? retryAfter : null
  const reset = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-remaining'] !== '0' || !Number.isFinite(reset)) return null
  const wait = Math.ceil(reset - nowMs / 1000) + 1
  return wait > 0 && wait <= MAX_RATE_LIMIT_WAIT_S ? wait : null
}

/** fetch with a deadline: what Octokit uses for every request. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline
    return fetch(input, { ...init, signal })
  }
}

export function githubComments(
  token: string,
  owner: string,
  repo: string,
  issueNumber: number,
  options: {
    requestMs?: number
    retryBaseMs?: number
    /** How long a second of `retry-after` lasts (tests shorten it). */
    secondMs?: number
    baseUrl?: string
  } = {},
): CommentsApi {
  const octokit = getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: { fetch: fetchWithTimeout(options.requestMs ?? REQUEST_TIMEOUT_MS) },
      // In the plugin's own settings: `request.retries` would make every
      // failure retryable, 403s and 404s included.
      retry: { retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 1_000 },
    },
    retry,
  )
  // A rate limit that lifts within a minute is waited out once, as GitHub asks;
  // a longer one fails, and is explained (github/failure.ts).
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions)
    } catch (error) {
      const wait = rateLimitWaitS(error)
      if (wait === null) throw error
      await new Promise((resolve) => setTimeout(resolve, wait * (options.secondMs ?? 1_000)))
      return request(requestOptions)
    }
  })
  const pick = (c: CommentData): IssueComment => ({
    id: c.id,
    body: c.body,
    html_url: c.html_url,
    author: c.user ? { login: c.user.login, bot: c.user.type === 'Bot' } : null,
  })
  return {
    async list() {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      })
      return all.map(pick)
    },
    async create(body) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      })
      return pick(data)
    },
    async update(id, body) {
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: id,
        body,
      })
      return pick(data)
    },
    async remove(id) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id })
    },
    async writer() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated()
        return { login: data.login }
      } catch (error) {
        // An installation token (GITHUB_TOKEN, an app's) may not read /user: it writes as a bot.
        const status = (error as { status?: unknown }).status
        if (status === 403 || status === 401) return 'bot'
        throw error
      }
    },
    async headSha() {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: issueNumber })
      return data.head.sha
    },
    async reviewComments() {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        owner,
        repo,
        pull_number: issueNumber,
        per_page: 100,
      })
      return all.map((c) => ({ path: c.path, line: c.line ?? null, body: c.body }))
    },
    async createReview(commitId, comments) {
      await octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: issueNumber,
        commit_id: commitId,
        event: 'COMMENT',
        comments: comments.map((c) => ({
          path: c.path,
          line: c.line ?? undefined,
          side: 'RIGHT',
          body: c.body,
        })),
      })
    },
  }
}

// The Octokit every API call of importgate's goes through (from
// @actions/github, which honours GITHUB_API_URL): a timeout on every request,
// bounded retries with backoff (Octokit's retry plugin) for 5xx answers and no
// answer, and rate limits as Octokit's throttling plugin handles them: writes
// spaced as GitHub asks, and one wait for a limit that lifts soon (retry-after,
// or a near reset).
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

/** No request may hold the job longer than this (a silent API once held it 300 s). */
export const REQUEST_TIMEOUT_MS = 20_000
/** Retries after the first try, for 5xx and requests that got no answer. */
export const RETRIES = 2

/** The longest wait for a rate limit to lift that is worth holding the job for, in seconds. */
export const MAX_RATE_LIMIT_WAIT_S = 60

/**
 * Whether to wait out a rate limit once, as GitHub asks: when it lifts within
 * a minute. A primary limit whose reset is already past comes as 0 seconds
 * (clock skew, not an invitation); a longer wait fails the request, and
 * github/failure.ts explains it.
 */
export const worthWaiting = (retryAfterS: number, retryCount: number): boolean =>
  retryCount === 0 && retryAfterS > 0 && retryAfterS <= MAX_RATE_LIMIT_WAIT_S

/** fetch with a deadline: what Octokit uses for every request. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline
    return fetch(input, { ...init, signal })
  }
}

export interface ClientOptions {
  requestMs?: number
  retryBaseMs?: number
  /** How long a second of `retry-after` lasts (tests shorten it). */
  secondMs?: number
  baseUrl?: string
}

export function githubClient(token: string, options: ClientOptions = {}) {
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: { fetch: fetchWithTimeout(options.requestMs ?? REQUEST_TIMEOUT_MS) },
      // In the plugin's own settings: `request.retries` would make every
      // failure retryable, 403s and 404s included.
      retry: { retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 1_000 },
      throttle: {
        retryAfterBaseValue: options.secondMs ?? 1_000,
        onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) =>
          worthWaiting(after, count),
        onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) =>
          worthWaiting(after, count),
      },
    },
    retry,
    throttling,
  )
}

export type GitHubClient = ReturnType<typeof githubClient>

/** Who a token writes as: a login, or `bot` (an installation token may not read /user). */
export async function writerOf(octokit: GitHubClient): Promise<{ login: string } | 'bot'> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 403 || status === 401) return 'bot'
    throw error
  }
}

// The comment API client over real HTTP against the loopback GitHub (checked
// against GitHub's OpenAPI description): a silent API, a 502 and a rate limit,
// each with the words the action then shows. Short timeouts keep it quick.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubComments } from '../../src/github/comments-api.js'
import { apiFailure, explainCommentFailure } from '../../src/github/failure.js'
import { startGitHub, type FakeGitHub } from '../helpers/github-server.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startGitHub('octo', 'shop', 7)
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  expect(github.violations).toEqual([])
  github.requests.splice(0)
})

const api = () =>
  githubComments('t0ken', 'octo', 'shop', 7, {
    requestMs: 300,
    retryBaseMs: 10,
    secondMs: 10,
    baseUrl: github.url,
  })

/** What the action would say about a failed create. */
async function failedCreate(): Promise<string> {
  try {
    await api().create('hello')
  } catch (error) {
    return explainCommentFailure(apiFailure(error), false)
  }
  throw new Error('the comment was created')
}

describe('the comment API client', () => {
  it('gives up on a silent API after its retries, and says so', async () => {
    github.hang = 10
    const started = Date.now()
    const said = await failedCreate()
    github.hang = 0
    expect(said).toMatch(/GitHub's API did not answer the comment request after retries/)
    // One try and two retries, each cut at 300 ms: nowhere near a 300 s hang.
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(3)
    expect(Date.now() - started).toBeLessThan(60_000)
  })

  it('says an API that answered with 5xx did so, not that it did not answer (issue 29, low)', async () => {
    for (let i = 0; i < 3; i++) github.createAnswers.push({ status: 500, message: 'Server Error' })
    expect(await failedCreate()).toMatch(
      /GitHub's API failed the comment request with HTTP 500 after retries \(Server Error\)/,
    )
  })

  it('retries a 502 and posts the comment', async () => {
    github.createAnswers.push({ status: 502, message: 'Bad Gateway' })
    const comment = await api().create('after a bad gateway')
    expect(comment.body).toBe('after a bad gateway')
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  it('waits out a rate limit that lifts soon, as GitHub asks, once', async () => {
    github.createAnswers.push({
      status: 403,
      message: 'You have exceeded a secondary rate limit.',
      headers: { 'retry-after': '2' },
    })
    expect((await api().create('after a secondary limit')).body).toBe('after a secondary limit')
    const soon = String(Math.floor(Date.now() / 1000) + 3)
    github.createAnswers.push({
      status: 429,
      message: 'API rate limit exceeded.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': soon },
    })
    expect((await api().create('after a primary limit')).body).toBe('after a primary limit')
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(4)
    // Asked to wait longer than a job should: not retried, and explained.
    github.createAnswers.push({
      status: 403,
      message: 'You have exceeded a secondary rate limit.',
      headers: { 'retry-after': '3600' },
    })
    expect(await failedCreate()).toMatch(/rate limit/)
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(5)
  })

  it('tells a rate limit from a missing permission and from a fork', async () => {
    github.createAnswers.push({
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
    })
    expect(await failedCreate()).toMatch(/rate limit was reached \(it resets at 22:13 UTC\)/)
    github.createAnswers.push({ status: 403, message: 'Resource not accessible by integration' })
    expect(await failedCreate()).toMatch(/permissions: pull-requests: write/)
    // Neither is retried.
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(
      explainCommentFailure(
        { status: 403, message: 'Resource not accessible by integration', headers: {} },
        true,
      ),
    ).toMatch(/pull requests from forks get a read-only token/)
    // A 404 is a pull request the token cannot see, or none at all: said so, not put down to permissions alone.
    expect(
      explainCommentFailure({ status: 404, message: 'Not Found', headers: {} }, false, {
        number: 7,
        repo: 'octo/shop',
      }),
    ).toMatch(
      /^GitHub has no pull request #7 in octo\/shop that this token can see \(HTTP 404: Not Found\)\. Check the number/,
    )
  })
})

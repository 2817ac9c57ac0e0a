// CommentsApi over GitHub's REST API, through importgate's one Octokit
// (octokit.ts: timeouts, retries, rate limits).
import { githubClient, writerOf, type ClientOptions } from './octokit.js'
import type { CommentsApi, IssueComment } from './sticky-comment.js'

interface CommentData {
  id: number
  body?: string | null
  html_url: string
  user?: { login: string; type?: string } | null
}

export function githubComments(
  token: string,
  owner: string,
  repo: string,
  issueNumber: number,
  options: ClientOptions = {},
): CommentsApi {
  const octokit = githubClient(token, options)
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
    // An installation token (GITHUB_TOKEN, an app's) may not read /user: it writes as a bot.
    writer: () => writerOf(octokit),
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

// CommentsApi over GitHub's REST API (Octokit from @actions/github, which
// honours GITHUB_API_URL).
import { getOctokit } from '@actions/github'
import type { CommentsApi, IssueComment } from './sticky-comment.js'

export function githubComments(
  token: string,
  owner: string,
  repo: string,
  issueNumber: number,
): CommentsApi {
  const octokit = getOctokit(token)
  const pick = (c: IssueComment): IssueComment => ({ id: c.id, body: c.body, html_url: c.html_url })
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
  }
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? status : null
}

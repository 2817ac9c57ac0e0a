// KeptIssueApi over GitHub's REST API, through importgate's one Octokit
// (octokit.ts: timeouts, retries, rate limits).
import type { KeptIssue, KeptIssueApi } from './kept-issue.js'
import { githubClient, writerOf, type ClientOptions } from './octokit.js'

interface IssueData {
  number: number
  title: string
  body?: string | null
  state: string
  html_url: string
  user?: { login: string; type?: string } | null
  pull_request?: unknown
}

const pick = (i: IssueData): KeptIssue => ({
  number: i.number,
  title: i.title,
  body: i.body,
  state: i.state === 'closed' ? 'closed' : 'open',
  html_url: i.html_url,
  author: i.user ? { login: i.user.login, bot: i.user.type === 'Bot' } : null,
})

/** The colour of importgate's label (the action's branding, orange). */
const LABEL_COLOR = 'f0883e'

export function githubIssues(
  token: string,
  owner: string,
  repo: string,
  options: ClientOptions = {},
): KeptIssueApi {
  const octokit = githubClient(token, options)
  return {
    async labelled(label) {
      const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'all',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
      })
      // The issues endpoint lists pull requests too.
      return all.filter((i) => !i.pull_request).map(pick)
    },
    async ensureLabel(label, description) {
      try {
        await octokit.rest.issues.getLabel({ owner, repo, name: label })
        return
      } catch (error) {
        if ((error as { status?: unknown }).status !== 404) throw error
      }
      try {
        await octokit.rest.issues.createLabel({
          owner,
          repo,
          name: label,
          color: LABEL_COLOR,
          description,
        })
      } catch (error) {
        // 422: another run made it meanwhile.
        if ((error as { status?: unknown }).status !== 422) throw error
      }
    },
    async create(title, body, label) {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [label],
      })
      return pick(data)
    },
    async update(number, title, body) {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        title,
        body,
      })
      return pick(data)
    },
    async closeAsDuplicate(number) {
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        state: 'closed',
        state_reason: 'duplicate',
      })
    },
    writer: () => writerOf(octokit),
  }
}

// The sticky comment of one workflow job (and comment-key) on the pull request.
import { apiFailure, explainCommentFailure } from '../github/failure.js'
import { fittedBody, marker, upsertSticky } from '../github/sticky-comment.js'
import type { Verdict } from '../model/verdict.js'
import type { ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'

/** Posts or updates the sticky comment; a failure is a warning, never a failed check. */
export async function comment(
  io: ActionIo,
  config: ActionConfig,
  doc: { verdict: Verdict },
  report: { markdown: string; headline: string },
  pull: number,
  fromFork: boolean | null,
) {
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string]
  const key = [io.env.GITHUB_WORKFLOW, io.env.GITHUB_JOB, config.commentKey]
    .filter(Boolean)
    .join('/')
  try {
    const api = io.comments(config.token, owner, repo, pull)
    const mark = marker(key)
    const outcome = await upsertSticky(
      api,
      mark,
      fittedBody(mark, report.markdown, report.headline, runLink(io.env)),
      config.comment,
      doc.verdict === 'pass',
    )
    if (outcome.comment && outcome.action !== 'skipped') {
      io.setOutput('comment-url', outcome.comment.html_url)
      io.info(`importgate: ${outcome.action} ${outcome.comment.html_url}`)
    }
  } catch (error) {
    io.warning(
      explainCommentFailure(apiFailure(error), fromFork, {
        number: pull,
        repo: `${owner}/${repo}`,
      }),
    )
  }
}

/** "of [this run](…/actions/runs/42)", where the runner says which run this is. */
export function runLink(env: NodeJS.ProcessEnv, anchor = ''): string {
  const url = runUrl(env)
  return url ? `of [this run](${url}${anchor})` : 'of this run'
}

/** This workflow run's page, where the runner says which run this is; null otherwise. */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  const repo = repoUrl(env)
  return repo && env.GITHUB_RUN_ID ? `${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null
}

/** The repository on its own host, for links to its commits; undefined outside a workflow. */
export function repoUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
    : undefined
}

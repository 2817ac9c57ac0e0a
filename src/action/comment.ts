// The sticky comment of one workflow job (and comment-key) on the pull request.
import { apiFailure, explainCommentFailure } from '../github/failure.js'
import { marker, upsertSticky } from '../github/sticky-comment.js'
import type { Verdict } from '../model/verdict.js'
import type { ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'

/** Posts or updates the sticky comment; a failure is a warning, never a failed check. */
export async function comment(
  io: ActionIo,
  config: ActionConfig,
  doc: { verdict: Verdict },
  body: string,
  pull: number,
  fromFork: boolean | null,
) {
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string]
  const key = [io.env.GITHUB_WORKFLOW, io.env.GITHUB_JOB, config.commentKey]
    .filter(Boolean)
    .join('/')
  try {
    const api = io.comments(config.token, owner, repo, pull)
    const outcome = await upsertSticky(
      api,
      marker(key),
      body,
      config.comment,
      doc.verdict === 'pass',
    )
    if (outcome.comment && outcome.action !== 'skipped') {
      io.setOutput('comment-url', outcome.comment.html_url)
      io.info(`importgate: ${outcome.action} ${outcome.comment.html_url}`)
    }
  } catch (error) {
    io.warning(explainCommentFailure(apiFailure(error), fromFork))
  }
}

// The action's mode drift, for a schedule or workflow_dispatch: the default
// branch's head compared with its latest release (or `since`), as the CLI's
// `importgate drift` does, kept in one issue ("Import time since v2.3.0")
// whose history grows by a row a check, and written to the job summary. It
// fails nothing unless fail-on says so (by default only a check that could
// not run, or could not keep its issue).
import { drift } from '../commands/drift.js'
import { apiFailure, explainIssueFailure } from '../github/failure.js'
import { driftMarker, upsertKeptIssue, type KeptIssueOutcome } from '../github/kept-issue.js'
import { COMMENT_LIMIT } from '../github/sticky-comment.js'
import { driftIssueBody, driftIssueTitle } from '../report/markdown/drift-issue.js'
import { markdownOfView } from '../report/markdown/markdown.js'
import { rich } from '../report/markdown/markdown-text.js'
import { budgetRatchet } from '../report/view/budget-ratchet.js'
import { historyOf, historyRow, withRow } from '../report/view/drift-history.js'
import { plainText } from '../report/view/headline.js'
import { buildView } from '../report/view/view.js'
import { repoUrl, runLink, runUrl } from './comment.js'
import type { ActionConfig } from './inputs.js'
import { actionCompareRequest, actionDeps } from './engine.js'
import type { ActionIo } from './io.js'
import { finish, regressedTargets } from './outcome.js'
import { outputFolder, uploadReports, writeReports } from './reports.js'

/** The report in the issue leaves this much of GitHub's limit to the history. */
const REPORT_LIMIT = 45_000

export async function driftCheck(io: ActionIo, config: ActionConfig): Promise<void> {
  const env = io.env
  const out = await outputFolder(env)
  // A schedule's GITHUB_SHA is the default branch's last commit.
  const head = config.headRef ?? env.GITHUB_SHA ?? 'HEAD'
  const doc = await drift(
    {
      compare: actionCompareRequest(config, head, head),
      since: config.since,
      bisect: config.bisect,
    },
    actionDeps(io, config, out),
  )
  const view = buildView(doc)
  const markdown = markdownOfView(view, REPORT_LIMIT, { repoUrl: repoUrl(env) })
  await writeReports(io, out, { doc, view, markdown })
  const headline = `### ${rich(view.headline)}`
  const ratchet = budgetRatchet(doc)
  const key = [env.GITHUB_WORKFLOW, env.GITHUB_JOB, config.commentKey].filter(Boolean).join('/')
  const mark = driftMarker(key)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string]
  let kept: KeptIssueOutcome | null = null
  let problem: string | null = null
  try {
    kept = await upsertKeptIssue(
      io.issues(config.token, owner, repo),
      {
        mark,
        title: driftIssueTitle(doc.drift!.since, config.since, config.commentKey),
        body: (previous) =>
          driftIssueBody({
            report: markdown,
            headline,
            whereWhole: runLink(env),
            ratchet,
            history: withRow(historyOf(previous), historyRow(doc, runUrl(env))),
            room: COMMENT_LIMIT - mark.length - 1,
          }),
      },
      config.comment,
      doc.verdict === 'pass',
    )
  } catch (error) {
    problem = explainIssueFailure(apiFailure(error), `${owner}/${repo}`)
  }
  const where = keptWords(kept, problem)
  if (kept?.issue) io.setOutput('issue-url', kept.issue.html_url)
  io.info(`importgate: ${where.log}`)
  if (problem) io.warning(`importgate: ${problem}`)
  await io.writeSummary(`${markdown}\n${where.summary}\n`)
  await uploadReports(io, config, out)
  finish(io, doc.verdict, regressedTargets(view.rows), config.failOn, plainText(view.headline))
  // The report is in the summary and the artifact; the issue, the one place
  // a scheduled check is read, was not written: said, and failed by fail-on's error.
  if (problem && config.failOn.includes('error')) io.setFailed(`importgate: ${problem}`)
}

/** What happened to the issue, for the log, a warning and the job summary. */
function keptWords(
  kept: KeptIssueOutcome | null,
  problem: string | null,
): { log: string; summary: string } {
  if (problem)
    return { log: 'the drift issue was not written', summary: `> [!WARNING]\n> ${problem}` }
  if (!kept?.issue)
    return {
      log: 'no drift issue was written (input "comment")',
      summary: '<sub>No drift issue was written: input `comment` says so.</sub>',
    }
  const { issue, action, closed: duplicates } = kept
  const also = duplicates.length
    ? ` Closed as duplicates, made by runs that raced: ${duplicates.map((n) => `#${n}`).join(', ')}.`
    : ''
  const closed =
    issue.state === 'closed'
      ? `#${issue.number} is closed: it was updated, not reopened. Reopen it to follow the drift there again; remove its label \`importgate-drift\` to have the next check open a new one.`
      : null
  return {
    log: `${action} drift issue #${issue.number} ${issue.html_url}${closed ? ` (${closed})` : ''}`,
    summary: `<sub>Kept in issue [#${issue.number}](${issue.html_url}) (${action}).${closed ? ` ${closed}` : ''}${also}</sub>`,
  }
}

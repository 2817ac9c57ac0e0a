// The action's publish mode: no checkout of the pull request's code is run.
// It reads the results the measuring jobs wrote (a matrix of Pythons or OSes),
// merges them into one report, and posts the one sticky comment, the job
// summary and the outputs; the check follows the most serious verdict.
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { UsageError } from '../model/errors.js'
import { plainText } from '../report/view/headline.js'
import { mergedMarkdown, mergedView } from '../report/markdown/merged.js'
import { jobsOf } from '../results/merge.js'
import { readResults } from '../results/read.js'
import { resultFiles } from '../commands/result-files.js'
import type { ResultsDocument } from '../results/schema.js'
import { apiFailure } from '../github/failure.js'
import { comment } from './comment.js'
import type { ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'
import { rich } from '../report/markdown/markdown-text.js'
import { finish, regressedTargets } from './outcome.js'

export async function publish(
  io: ActionIo,
  config: ActionConfig,
  pull: { number: number | null; fromFork: boolean | null; headSha?: string | null },
): Promise<void> {
  const workspace = config.repoDir
  // A file that cannot be read or merged is an error the run ends with (outcome.ts).
  const files: { source: string; doc: ResultsDocument }[] = []
  for (const path of await resultFiles(config.results, workspace, 'input "results"')) {
    const source = relative(workspace, path) || path
    files.push({ source, doc: readResults(await readFile(path, 'utf8'), source) })
  }
  const jobs = jobsOf(files)
  // A results file proves nothing about where it came from: one for another
  // commit (a fork's forged file naming pull request #5) is not this event's.
  const foreign = pull.headSha ? files.find((f) => f.doc.head.sha !== pull.headSha) : undefined
  if (foreign)
    throw new UsageError(
      `input "results": ${foreign.source} is for head ${String(foreign.doc.head.sha).slice(0, 12)}, not ${pull.headSha!.slice(0, 12)}, the commit this ${pull.number === null ? 'workflow run' : 'event'} is about; nothing was published`,
    )
  const view = mergedView(jobs)
  const markdown = mergedMarkdown(view)
  // A fork's workflow_run carries no pull request: the measuring job recorded it.
  const named = files.find((f) => f.doc.pull_request)
  let number = pull.number ?? named?.doc.pull_request ?? null
  if (pull.number === null && number !== null && named) {
    // The file says which pull request; GitHub says whether this run's commit is its head.
    const refusal = await foreignPull(io, config, number, pull.headSha ?? null, named.source)
    if (refusal === 'unchecked') number = null
  }
  io.info(`importgate: ${plainText(view.headline)}`)
  await io.writeSummary(markdown)
  if (number !== null && config.comment !== 'never')
    await comment(
      io,
      config,
      { verdict: view.verdict },
      { markdown, headline: `### ${rich(view.headline)}` },
      number,
      pull.fromFork,
    )
  finish(io, view.verdict, regressedTargets(view.rows), config.failOn, plainText(view.headline))
}

/**
 * Whether the pull request a results file names is the one whose head this
 * workflow run built: a file naming another is refused (an error: no comment
 * is touched); one that cannot be checked is posted nowhere, with a warning.
 */
async function foreignPull(
  io: ActionIo,
  config: ActionConfig,
  number: number,
  headSha: string | null,
  source: string,
): Promise<'ours' | 'unchecked'> {
  if (!headSha) {
    io.warning(
      `importgate: ${source} names pull request #${number}, but this event names no commit to check it against; no comment was posted`,
    )
    return 'unchecked'
  }
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string]
  let actual: string
  try {
    actual = await io.comments(config.token, owner, repo, number).headSha()
  } catch (error) {
    io.warning(
      `importgate: could not check that pull request #${number}, named by ${source}, is this run's (${failureText(error)}); no comment was posted`,
    )
    return 'unchecked'
  }
  if (actual === headSha) return 'ours'
  throw new UsageError(
    `input "results": ${source} names pull request #${number}, whose head is ${actual.slice(0, 12)}, not ${headSha.slice(0, 12)}, the commit this workflow run is about; nothing was published`,
  )
}

function failureText(error: unknown): string {
  const { status, message } = apiFailure(error)
  return status === null ? message : `HTTP ${status}: ${message}`
}

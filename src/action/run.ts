// The action as a function: every side effect comes in through ActionIo, so
// main.ts only wires @actions/core, Octokit and the artifact client to it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compare } from '../commands/compare.js'
import type { Verdict } from '../model/verdict.js'
import { markdownOfView } from '../report/markdown/markdown.js'
import { plainText } from '../report/view/headline.js'
import { buildView } from '../report/view/view.js'
import type { ResultsDocument } from '../results/schema.js'
import { annotations } from './annotations.js'
import {
  actionConfig,
  publishTarget,
  refsFromEvent,
  type ActionConfig,
  type EventPayload,
  type EventRefs,
} from './inputs.js'
import { DEFAULT_FAIL_ON, finish, finishWithError, regressedTargets } from './outcome.js'
import type { ActionIo } from './io.js'
import { comment, repoUrl, runLink } from './comment.js'
import { publish } from './publish.js'
import { driftCheck } from './drift.js'
import { outputFolder, uploadReports, writeReports } from './reports.js'
import { actionCompareRequest, actionDeps } from './engine.js'
import { suggestLazy } from './suggestions.js'
import { rich } from '../report/markdown/markdown-text.js'

export type { ActionIo } from './io.js'

/**
 * The action, start to end. However it ends (a verdict, a user's error, a
 * bug), the `verdict` output is set and fail-on decides the check (outcome.ts).
 */
export async function run(io: ActionIo): Promise<void> {
  let failOn: readonly Verdict[] = DEFAULT_FAIL_ON
  try {
    const config = actionConfig(io.getInput, io.env.GITHUB_WORKSPACE ?? process.cwd())
    failOn = config.failOn
    const event: EventPayload = io.env.GITHUB_EVENT_PATH
      ? JSON.parse(readFileSync(io.env.GITHUB_EVENT_PATH, 'utf8'))
      : {}
    if (config.mode === 'publish') {
      // Nothing to check out or run: the pull request comes from the event, and
      // so does the commit it is about (results of any other were not made for it).
      return await publish(io, config, { ...publishTarget(event), fromFork: null })
    }
    // A schedule or workflow_dispatch: the default branch against its last release, kept in one issue.
    if (config.mode === 'drift') return await driftCheck(io, config)
    const refs = refsFromEvent(io.env.GITHUB_EVENT_NAME ?? '', event, io.env.GITHUB_SHA, config)
    await measure(io, config, refs)
  } catch (error) {
    await finishWithError(io, error, failOn)
  }
}

/** Measure mode: compare base and head here, then report everywhere a reviewer looks. */
async function measure(io: ActionIo, config: ActionConfig, refs: EventRefs): Promise<void> {
  const env = io.env
  const out = await outputFolder(env)
  const request = actionCompareRequest(config, refs.base, refs.head)
  let doc: ResultsDocument = await compare(request, actionDeps(io, config, out))
  // A publish step in another workflow (a fork's workflow_run) learns the pull request from here.
  if (refs.pullNumber !== null) doc = { ...doc, pull_request: refs.pullNumber }
  const view = buildView(doc)
  // Lines in the comment link to the commits on the repository's own host.
  const markdown = markdownOfView(view, undefined, { repoUrl: repoUrl(env) })
  await writeReports(io, out, { doc, view, markdown })
  await io.writeSummary(
    `${markdown}\n<sub>The import trees of base and head as one diff icicle: \`importgate.html\` in the \`${config.artifactName}\` artifact ${runLink(env, '#artifacts')}.</sub>\n`,
  )
  if (refs.pullNumber !== null && config.comment !== 'never')
    await comment(
      io,
      config,
      doc,
      { markdown, headline: `### ${rich(view.headline)}` },
      refs.pullNumber,
      refs.fromFork,
    )
  if (config.suggestLazy && doc.command === 'compare' && doc.base?.sha)
    await suggestLazy(io, config, view, doc.base.sha, refs)
  const projectDir = join(config.repoDir, config.projectSubdir)
  for (const note of annotations(view, config.repoDir, projectDir)) {
    const fails = config.failOn.includes(note.verdict)
    ;(fails ? io.error : io.warning)(note.message, note.where)
  }
  await uploadReports(io, config, out)
  finish(
    io,
    doc.verdict,
    regressedTargets(view.rows.filter((r) => r.primary)),
    config.failOn,
    plainText(view.headline),
  )
}

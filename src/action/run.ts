// The action as a function: every side effect comes in through ActionIo, so
// main.ts only wires @actions/core, Octokit and the artifact client to it.
import { readFileSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compare } from '../commands/compare.js'
import { SetupError, UsageError } from '../model/errors.js'
import { htmlReport } from '../report/html.js'
import { markdownReport } from '../report/markdown.js'
import { plainText } from '../report/headline.js'
import { buildView } from '../report/view.js'
import type { ResultsDocument } from '../results/schema.js'
import { annotations } from './annotations.js'
import { actionConfig, actionName, type ActionConfig } from './inputs.js'
import { refsFromEvent } from './refs.js'
import type { ActionIo } from './io.js'
import { comment, runLink } from './comment.js'
import { publish } from './publish.js'
import { suggestLazy } from './suggestions.js'
import { rich } from '../report/markdown-text.js'

export type { ActionIo } from './io.js'

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

export async function run(io: ActionIo): Promise<void> {
  const env = io.env
  let config: ActionConfig
  let refs
  try {
    config = actionConfig(io.getInput, env.GITHUB_WORKSPACE ?? process.cwd())
    const event = env.GITHUB_EVENT_PATH
      ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
      : {}
    if (config.mode === 'publish') {
      // Nothing to check out or run: the pull request comes from the event.
      const number = event.pull_request?.number ?? event.workflow_run?.pull_requests?.[0]?.number
      // The commit the event is about: results of any other were not made for it.
      const headSha = event.workflow_run?.head_sha ?? event.pull_request?.head?.sha
      return await publish(io, config, {
        number: typeof number === 'number' ? number : null,
        fromFork: null,
        headSha: typeof headSha === 'string' ? headSha : null,
      })
    }
    refs = refsFromEvent(env.GITHUB_EVENT_NAME ?? '', event, env.GITHUB_SHA, config)
  } catch (error) {
    io.setOutput('verdict', 'error')
    io.setFailed(`importgate: ${(error as Error).message}`)
    return
  }
  const out = join(env.RUNNER_TEMP || tmpdir(), 'importgate')
  const jsonPath = join(out, 'results.json')
  const markdownPath = join(out, 'report.md')
  await mkdir(out, { recursive: true })
  let doc: ResultsDocument
  try {
    doc = await compare(
      {
        repoDir: config.repoDir,
        projectSubdir: config.projectSubdir,
        baseRef: refs.base,
        headRef: refs.head,
        ...(config.label ? { label: config.label } : {}),
        python: config.python,
        given: config.given,
        name: actionName,
      },
      {
        env,
        cwd: config.repoDir,
        log: (line) => io.info(`importgate: ${line}`),
        warn: (line) => io.warning(`importgate: ${line}`),
        signal: io.signal,
        logDir: join(out, 'logs'),
      },
    )
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SetupError)) throw error
    io.setOutput('verdict', 'error')
    await io.writeSummary(
      `### ⚠️ importgate could not run\n\n${error.message.replace(/\n/g, '  \n')}\n`,
    )
    if (config.failOn.includes('error')) io.setFailed(`importgate: ${error.message.split('\n')[0]}`)
    else io.warning(`importgate: ${error.message.split('\n')[0]}`)
    return
  }
  // A publish step in another workflow (a fork's workflow_run) learns the pull request from here.
  if (refs.pullNumber !== null) doc = { ...doc, pull_request: refs.pullNumber }
  const view = buildView(doc)
  // Lines in the comment link to the commits on the repository's own host.
  const repoUrl = env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
    : undefined
  const markdown = markdownReport(doc, undefined, { repoUrl })
  await writeFile(jsonPath, `${JSON.stringify(doc, null, 2)}\n`)
  await writeFile(markdownPath, markdown)
  await writeFile(join(out, 'importgate.html'), htmlReport(doc))
  io.setOutput('verdict', doc.verdict)
  io.setOutput('report-json', jsonPath)
  io.setOutput('regressions', String(doc.targets.filter((t) => t.verdict === 'regression').length))
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
  try {
    await io.uploadArtifact(config.artifactName, await filesUnder(out), out)
  } catch (error) {
    io.warning(
      `importgate: the results were not uploaded as an artifact: ${(error as Error).message}`,
    )
  }
  if (config.failOn.includes(doc.verdict)) {
    io.setFailed(plainText(view.headline))
  }
}

// GitHub Action entry: wiring only. Inputs, outputs, logs and the summary go
// through @actions/core, comments through Octokit, results through the
// artifact client; run() decides everything else.
// First: the secrets leave the environment other processes can read.
import './private-start.js'
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { logSafe } from './action/log-safety.js'
import { run } from './action/run.js'
import { githubComments } from './github/comments-api.js'
import { githubIssues } from './github/issues-api.js'
import { killTagged } from './process/escapees.js'
import { killAllChildGroups } from './process/groups.js'
import { subreaperToWatch, watchSubreaper } from './process/parent-watch.js'

const controller = new AbortController()
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    // The runner cancels a job with SIGINT, then SIGTERM: stop sampling and
    // clean up worktrees and processes before it gives up on us.
    controller.abort()
    killAllChildGroups()
    killTagged()
  })
}

const subreaper = subreaperToWatch(process.env)
if (subreaper !== null)
  watchSubreaper(subreaper, (what) => {
    // The run ends as a cancelled one does (cleanup, then the error verdict), saying why.
    core.error(`importgate: ${what}`)
    controller.abort()
    killAllChildGroups()
    killTagged()
  })

run({
  env: process.env,
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  // Log lines may carry the measured code's text: never a workflow command.
  info: (message) => core.info(logSafe(message, randomUUID)),
  warning: (message, where) => core.warning(message, where),
  error: (message, where) => core.error(message, where),
  setFailed: (message) => core.setFailed(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write()
  },
  comments: githubComments,
  issues: githubIssues,
  uploadArtifact: async (name, files, root) => {
    await new DefaultArtifactClient().uploadArtifact(name, files, root)
  },
  signal: controller.signal,
}).catch((error: unknown) => {
  core.setFailed(
    `importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
})

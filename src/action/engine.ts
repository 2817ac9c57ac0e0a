// The engine as the action calls it: the compare request the CLI builds from
// its flags, built from the inputs (parsed once, actionConfig), and the
// dependencies a command takes (the log through the runner's, the cancel
// signal, the folder for the -X importtime logs).
import { join } from 'node:path'
import type { CommandDeps } from '../commands/pipeline.js'
import { compareRequest, type CompareRequest } from '../config/requests.js'
import { actionName, type ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'

export function actionCompareRequest(
  config: ActionConfig,
  base: string,
  head: string,
): CompareRequest {
  return compareRequest(
    {
      ...config.values,
      repo: config.repoDir,
      'project-dir': config.projectSubdir || '.',
      python: config.python,
    },
    [base, head],
    config.repoDir,
    actionName,
    config.given,
  )
}

export function actionDeps(io: ActionIo, config: ActionConfig, out: string): CommandDeps {
  return {
    env: io.env,
    cwd: config.repoDir,
    log: (line) => io.info(`importgate: ${line}`),
    warn: (line) => io.warning(`importgate: ${line}`),
    signal: io.signal,
    logDir: join(out, 'logs'),
  }
}

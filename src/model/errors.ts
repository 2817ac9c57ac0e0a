// The project-wide error types. Each entry (CLI, action) turns them into a
// message and an exit status; anything else that escapes is a bug.

/**
 * Bad input from the user: a flag, an action input, a config key, a target
 * name. The message names the input as the user wrote it, the value, and what
 * would be accepted. Exit status 2.
 */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The environment cannot do what was asked (no interpreter, not a repository...). Exit status 2. */
export class SetupError extends Error {
  override name = 'SetupError'
}

/** The run was cancelled (Ctrl-C, the runner cancelling the job): stop, clean up, report nothing. */
export class CancelledError extends SetupError {
  override name = 'CancelledError'
  constructor(what = 'the run') {
    super(`${what} was cancelled`)
  }
}

/**
 * The inputs that messages name, in the words of whoever is running us: the
 * CLI says "--python", the action says `input "python"`. Config and commands
 * take a Namer instead of writing flag names into their messages.
 */
export type InputId =
  | 'target'
  | 'repo'
  | 'project-dir'
  | 'python'
  | 'install'
  | 'min-pairs'
  | 'max-pairs'
  | 'max-time'
  | 'affects'
  | 'label'
  | 'overtime'
  | 'sample-timeout'
  | 'warmup'
  | 'profile-runs'
  | 'seed'
  | 'threshold'
  | 'min-delta'
  | 'instructions-threshold'
  | 'alpha'
  | 'max-modules'
  | 'forbid'
  | 'enforce-lazy'
  | 'budget'
  | 'metric'
  | 'watch'
  | 'cache'
  | 'base-ref'
  | 'head-ref'
  | 'json'
  | 'markdown'

export type Namer = (input: InputId) => string

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

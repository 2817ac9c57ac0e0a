/**
 * Bad input from the user: a flag, a config key, a target name. The message
 * names the input, the value, and what would be accepted. Exit status 2.
 */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The environment cannot do what was asked (no interpreter, not a repository...). Exit status 2. */
export class SetupError extends Error {
  override name = 'SetupError'
}

// The one way git is run: an argument array (a ref or path never reaches a
// shell), a timeout, cancellation, and a typed error that carries git's own
// words. Callers pass `--end-of-options` where a user's ref follows.
import { CancelledError, SetupError } from '../model/errors.js'
import { gitEnv } from './child-env.js'
import { runCommand, SpawnError } from './command.js'

export interface GitOptions {
  /** A fetch over a slow network can take minutes; a local command seconds. */
  timeoutMs?: number
  signal?: AbortSignal
}

/** git exited with an error; `stderr` is what it said. */
export class GitError extends SetupError {
  override name = 'GitError'
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(
      `git ${args[0] ?? ''} failed${code === null ? '' : ` (exit status ${code})`}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
    )
  }
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000

/**
 * Settings every git command runs with, whatever the repository's config says:
 * the measured code can write `.git/config` (a worktree's `.git` file points
 * at it), and `core.fsmonitor` or a hook would run its program in our process
 * tree, with our environment. The config itself is restored after the run
 * (git/worktrees.ts); these keep the commands before that safe too.
 */
const SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  // The worktrees belong to the sandbox user once the measured code may build
  // in them (process/boundary.ts); git would refuse them as another user's.
  '-c',
  'safe.directory=*',
]

/** Runs git in `cwd` and returns its trimmed stdout. */
export async function git(args: string[], cwd: string, options: GitOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let outcome
  try {
    outcome = await runCommand({
      command: 'git',
      args: [...SAFE_CONFIG, ...args],
      // An allow-list: the token and the runner's secrets stay out of git's /proc/<pid>/environ.
      env: gitEnv(process.env),
      cwd,
      timeoutMs,
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof SpawnError)
      throw new SetupError(`${error.message}; importgate needs git on PATH`)
    throw error
  }
  if (outcome.aborted) throw new CancelledError(`git ${args[0] ?? ''}`)
  if (outcome.timedOut)
    throw new GitError(args, `timed out after ${timeoutMs / 1000} s`, outcome.code)
  if (outcome.code !== 0) throw new GitError(args, outcome.stderr, outcome.code)
  return outcome.stdout.trim()
}

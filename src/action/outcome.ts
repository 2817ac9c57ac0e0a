// How the action ends, one way whatever happened: the `verdict` and
// `regressions` outputs, and the fail-on rule. An error (the user's input, the
// machine, or a bug of importgate's) is the verdict `error`, written where it
// is seen, and fails the check exactly when fail-on lists `error`.
import { SetupError, UsageError } from '../model/errors.js'
import type { Verdict } from '../model/verdict.js'
import { MergeError } from '../results/merge.js'
import { ResultsFileError } from '../results/read.js'
import type { ActionIo } from './io.js'

/** fail-on when it is not set (and when the inputs could not be read), as action.yml says (a test keeps them equal). */
export const DEFAULT_FAIL_ON: readonly Verdict[] = [
  'regression',
  'budget',
  'forbidden',
  'inconclusive',
  'error',
]

/** fail-on in mode drift when it is not set: a red scheduled run only when the check could not run. */
export const DRIFT_FAIL_ON: readonly Verdict[] = ['error']

/** Something the person running it can act on, as opposed to a bug of importgate's. */
const actionable = (error: unknown): error is Error =>
  error instanceof UsageError ||
  error instanceof SetupError ||
  error instanceof ResultsFileError ||
  error instanceof MergeError

/**
 * `regressions`: how many targets regressed, each counted once whatever the
 * jobs (publish) or cache states (measure) it regressed in.
 */
export function regressedTargets(rows: readonly { target: string; verdict: Verdict }[]): number {
  return new Set(rows.filter((r) => r.verdict === 'regression').map((r) => r.target)).size
}

/** The verdict outputs, and the check failed when fail-on lists the verdict. */
export function finish(
  io: ActionIo,
  verdict: Verdict,
  regressions: number,
  failOn: readonly Verdict[],
  why: string,
): void {
  io.setOutput('verdict', verdict)
  io.setOutput('regressions', String(regressions))
  if (failOn.includes(verdict)) io.setFailed(why)
}

/** An error, whatever its kind: verdict `error`, said in the summary and the log, failed by fail-on. */
export async function finishWithError(
  io: ActionIo,
  error: unknown,
  failOn: readonly Verdict[],
): Promise<void> {
  const message = actionable(error)
    ? error.message
    : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  const first = message.split('\n')[0]!
  try {
    await io.writeSummary(`### ⚠️ importgate could not run\n\n${message.replace(/\n/g, '  \n')}\n`)
  } catch {
    // The log line below still says it.
  }
  io.setOutput('verdict', 'error')
  io.setOutput('regressions', '0')
  if (failOn.includes('error')) io.setFailed(`importgate: ${actionable(error) ? first : message}`)
  else io.warning(`importgate: ${first}`)
}

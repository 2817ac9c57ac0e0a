// A target that one side does not have at all: the import failed with
// ModuleNotFoundError for the target itself (or a package above it), not for
// something the target imports. That is a fact about the commit (a module new
// in head, or removed by it), not a failure of the measurement. Pure.
import type { ImportFailure } from '../../model/failure.js'

export function missingTarget(failure: ImportFailure | null | undefined, target: string): boolean {
  // A command target's program that one side's environment does not have: new in head, or removed.
  if (failure?.kind === 'CommandNotFound') return true
  if (!failure || failure.kind !== 'ModuleNotFoundError') return false
  const missing = /^No module named '([^']+)'$/.exec(failure.message.trim())?.[1]
  return missing !== undefined && (missing === target || target.startsWith(`${missing}.`))
}

// Module costs from the -X importtime lines of an untimed run: the engine's
// profile runs and the proof's traced imports print the same markers around
// the import, so both read their logs here.
import { MAX_IMPORT_DEPTH, parseImportTime } from '../analysis/attribution/importtime.js'
import { moduleCosts } from '../analysis/attribution/module-costs.js'
import type { ProfileObservation } from '../analysis/verdict/observations.js'
import type { ImportFailure } from '../model/failure.js'
import { BEGIN_MARK, END_MARK } from './probe-protocol.js'

/**
 * Module costs from -X importtime logs whose import sits between the probe's
 * markers (profile runs, and the proof's traced imports), and a failure when
 * they nest deeper than any real import does: forged output, whose
 * explanation cannot be trusted.
 */
export function importTimeCosts(
  logs: readonly string[],
  target: string,
): { costs: ProfileObservation['costs']; failure: ImportFailure | null } {
  const trees = logs.map((log) =>
    parseImportTime(log, { markers: { begin: BEGIN_MARK, end: END_MARK } }),
  )
  return {
    costs: moduleCosts(trees),
    failure: trees.some((t) => t.tooDeep)
      ? {
          kind: 'BadReport',
          message: `the -X importtime output nests deeper than ${MAX_IMPORT_DEPTH} levels, which no real import does (importing ${target})`,
          traceback: [],
        }
      : null,
  }
}

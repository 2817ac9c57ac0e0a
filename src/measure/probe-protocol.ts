// What probe.py reports, and how a report that is not what it should be is
// turned into an error rather than trusted.

import { isInterpreterInfo, isProbeReport, whereItFailed } from './probe-report-schema.js'
import type { InterpreterInfo, ProbeReport } from './probe-report-types.js'

export const BEGIN_MARK = 'importgate-probe: begin import'
export const END_MARK = 'importgate-probe: end import'

export type * from './probe-report-types.js'

/**
 * The report channel held something that is not a probe report: measured code
 * wrote to the descriptor, or the probe was cut short. It fails the arm, not
 * the run.
 */
export class BadReportError extends Error {
  override name = 'BadReportError'
}

/** Parses the probe's report; throws BadReportError with the raw text when it is malformed. */
export function parseProbeReport(raw: string): ProbeReport {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new BadReportError(`the probe's report is not JSON: ${JSON.stringify(raw.slice(0, 200))}`)
  }
  if (!isProbeReport(value))
    throw new BadReportError(
      `the probe's report has an unexpected shape (${whereItFailed(isProbeReport)}): ${raw.slice(0, 200)}`,
    )
  return value
}

export function parseInterpreterInfo(raw: string): InterpreterInfo {
  const value: unknown = JSON.parse(raw)
  if (!isInterpreterInfo(value))
    throw new Error(`unexpected interpreter description: ${raw.slice(0, 200)}`)
  return value
}

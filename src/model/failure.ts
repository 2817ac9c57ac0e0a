/** Why a target could not be measured, in the words of the interpreter or of the harness. */
export interface ImportFailure {
  /**
   * Exception class name, or a harness-level kind: Timeout, ProcessExit,
   * Signal, NoReport, BadReport (the report channel held something that is
   * not a probe report).
   */
  kind: string
  message: string
  /** The innermost frames of the traceback, outermost first. */
  traceback: string[]
  /** For SystemExit: its code. */
  exit_code?: number | string | null
  /** The last lines of stderr, when the probe could not report for itself. */
  stderr_tail?: string
}

// What the measurement engine tells its caller as it goes: the phases, the
// budget's turns, each failed run. The commands log them as progress lines
// (report/progress.ts).
import type { ImportFailure } from './failure.js'
import type { ArmKey } from './target.js'

export type EngineEvent =
  | { phase: 'warmup'; round: number; of: number }
  | { phase: 'profile'; runs: number }
  | { phase: 'sample'; round: number }
  /** The budget is spent and these groups are undecided: they sample on for up to untilMs. */
  | { phase: 'overtime'; groups: string[]; untilMs: number }
  | { phase: 'out-of-time'; step: 'warm-ups' | 'profile runs' | 'counted runs'; done: number }
  /** After sampling: the deferred profile runs of these changed groups, within budgetMs. */
  | { phase: 'explain'; groups: string[]; budgetMs: number }
  /** Runs under a counting tool begin: `runs` per arm, with empty runs when the tool counts start-up. */
  | { phase: 'count'; metric: string; tool: string; runs: number }
  /** After the first warm-up round: the budget cannot fit min-pairs rounds at its pace. */
  | {
      phase: 'forecast'
      roundMs: number
      fits: number
      needed: number
      suggestedS: number
      /** The fit counts the overtime too. */
      overtime: boolean
    }
  | { phase: 'failed'; key: ArmKey; failure: ImportFailure }

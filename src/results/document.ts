// The results document of a run, assembled from what it found, its fields
// in the documented order. Pure: the run's timing is handed in.
import type { evaluate } from '../analysis/verdict/evaluate.js'
import type { Observations } from '../analysis/verdict/observations.js'
import { VERSION } from '../version.js'
import type { CommitRef, SettingsJson } from './schema.js'
import { ms } from './side-result.js'
import { targetResult } from './target-result.js'

/** The interpreter as the document records it. */
interface InterpreterInfo {
  version: string
  platform: string
  machine: string
}

/** What tells one command's document from the other's: which command, which commits, and its own extras. */
interface Identity {
  command: 'measure' | 'compare'
  label?: string
  base: CommitRef | null
  head: CommitRef
}

/** A results document from what the run found, its fields in the documented order. */
export function resultsDocument<I extends Identity, E extends object>(
  identity: I,
  info: Pick<InterpreterInfo, 'version' | 'platform' | 'machine'>,
  /** The settings as recorded (config/settings-json.ts). */
  settings: SettingsJson,
  extras: E,
  found: {
    observations: Observations
    evaluation: ReturnType<typeof evaluate>
    /** How long installing both sides took; null when nothing was installed. */
    installMs?: number | null
  },
  /** When the run began, and how long it all took. */
  timing: { startedAt: Date; durationMs: number },
) {
  const { observations, evaluation } = found
  const phases = observations.phasesMs
  return {
    schema: 1 as const,
    tool: { name: 'importgate' as const, version: VERSION },
    command: identity.command as I['command'],
    verdict: evaluation.verdict,
    python: info.version,
    platform: `${info.platform} ${info.machine}`.trim(),
    ...(identity.label ? { label: identity.label } : {}),
    base: identity.base as I['base'],
    head: identity.head,
    settings,
    ...extras,
    rounds: observations.rounds,
    ...(observations.warmups !== undefined ? { warmup_rounds: observations.warmups } : {}),
    ...(observations.pinnedCores !== undefined ? { pinned_cores: observations.pinnedCores } : {}),
    ...(observations.alongside
      ? {
          rounds_side_by_side: {
            most: observations.alongside.lanes,
            rounds: observations.alongside.rounds,
          },
        }
      : {}),
    truncated: observations.truncated,
    ...(phases
      ? {
          phases_s: {
            install:
              found.installMs === undefined || found.installMs === null
                ? null
                : ms(found.installMs / 1000),
            warmup: ms(phases.warmup / 1000),
            profile: ms(phases.profile / 1000),
            sampling: ms(phases.sampling / 1000),
            ...(phases.explain !== undefined ? { explain: ms(phases.explain / 1000) } : {}),
            ...(phases.counting !== undefined ? { counting: ms(phases.counting / 1000) } : {}),
            ...(phases.proof !== undefined ? { proof: ms(phases.proof / 1000) } : {}),
          },
        }
      : {}),
    started_at: timing.startedAt.toISOString(),
    duration_s: ms(timing.durationMs / 1000),
    targets: evaluation.targets.map(targetResult),
  }
}

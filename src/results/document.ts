// The results document of a run, assembled from what it found, its fields
// in the documented order, and its settings as recorded. Pure: the run's
// timing is handed in.
import type { evaluate } from '../analysis/verdict/evaluate.js'
import type { Observations } from '../analysis/verdict/observations.js'
import { VERSION } from '../version.js'
import type { CommitRef, SettingsJson } from './schema.js'
import { ms } from './side-result.js'
import { targetResult } from './target-result.js'
import type { Settings } from '../settings/setting-values.js'
import { SETTINGS } from '../settings/registry.js'

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

/** What a results document is made from: the run's identity, interpreter and settings, then what it found. */
export interface DocumentParts<I extends Identity, E extends object> {
  identity: I
  interpreter: Pick<InterpreterInfo, 'version' | 'platform' | 'machine'>
  /** The settings as recorded (settingsJson, below). */
  settings: SettingsJson
  /** The command's own fields, after the settings. */
  extras: E
  found: {
    observations: Observations
    evaluation: ReturnType<typeof evaluate>
    /** How long installing both sides took; null when nothing was installed. */
    installMs?: number | null
  }
  /** When the run began, and how long it all took. */
  timing: { startedAt: Date; durationMs: number }
}

/** A results document from what the run found, its fields in the documented order. */
export function resultsDocument<I extends Identity, E extends object>({
  identity,
  interpreter: info,
  settings,
  extras,
  found,
  timing,
}: DocumentParts<I, E>) {
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

// The settings as the results document records them: every setting the
// registry gives a results key, in --help order, after where the run was made;
// and how results.schema.json describes them, written from the same entries
// (scripts/results-schema.ts, run by npm run bundle).
/** Where the run was made, as the document records it. */
export interface RunPlace {
  install: string
  python: string
  projectDir: string
  coldMethod?: string
}

export function settingsJson(settings: Settings, where: RunPlace): SettingsJson {
  const values: Record<string, unknown> = { ...settings, ...settings.gate, ...settings.sampling }
  const recorded = SETTINGS.flatMap((s) => {
    if (!s.json) return []
    const value = values[s.field]
    return [[s.json.key, s.json.per ? (value as number) / s.json.per : value]]
  })
  return {
    install: where.install,
    python: where.python,
    project_dir: where.projectDir,
    ...(where.coldMethod ? { cold_method: where.coldMethod } : {}),
    ...Object.fromEntries(recorded),
  } as SettingsJson
}

/** How the JSON Schema describes where the run was made: the keys no setting gives. */
const PLACE_SCHEMA = {
  install: { type: 'string' },
  python: { type: 'string' },
  project_dir: { type: 'string' },
  cold_method: { enum: ['drop-caches', 'sudo-drop-caches', 'fadvise'] },
}

/**
 * The JSON Schema of the results document's `settings`: the place, then each
 * recorded setting as its kind (or its entry) describes it. None is required:
 * measure's documents of earlier releases recorded no gate settings.
 */
export function settingsSchema(): Record<string, unknown> {
  return {
    ...PLACE_SCHEMA,
    ...Object.fromEntries(
      SETTINGS.flatMap((s) => (s.json ? [[s.json.key, s.json.schema ?? s.schema]] : [])),
    ),
  }
}

// The settings as the results document records them: every setting the
// registry gives a results key, in --help order, after where the run was made;
// and how results.schema.json describes them, written from the same entries
// (scripts/results-schema.ts, run by npm run bundle).
import type { Settings } from '../settings/setting-values.js'
import type { SettingsJson } from '../results/schema.js'
import { SETTINGS } from '../settings/registry.js'

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

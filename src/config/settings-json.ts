// The settings as the results document records them: every setting the
// registry gives a results key, in --help order, after where the run was made.
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

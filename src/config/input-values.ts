// The inputs a run was given, as text, keyed by what they mean: the CLI's flags
// and the action's inputs both map onto these, and partialSettings() turns
// them into typed settings, naming each input the way its user wrote it.
import { UsageError } from '../model/errors.js'
import { type Namer } from './names.js'
import { SETTINGS, type CommandRules, type Given, type SettingName } from '../settings/registry.js'
import type { PartialSettings } from '../settings/settings.js'

/**
 * The inputs a run was given: each setting's text (a flag's, an input's;
 * the registry names them), and the CLI's and the action's own.
 */
export type InputValues = { [K in SettingName]?: Given } & {
  repo?: string
  'project-dir'?: string
  python?: string
  label?: string
  json?: string
  markdown?: string
  quiet?: boolean
}

export type { CommandRules } from '../settings/registry.js'
export { parseCacheStates, parseMetrics } from '../settings/text-values.js'

/** The settings among the inputs, typed and checked, each named as its user wrote it. */
export function partialSettings(
  values: InputValues,
  rules: CommandRules,
  name: Namer,
): PartialSettings {
  const partial: PartialSettings = {}
  for (const spec of SETTINGS) {
    const value = values[spec.name]
    if (value === undefined || (Array.isArray(value) && !value.length)) continue
    Object.assign(partial, { [spec.field]: spec.fromText(value, name(spec.name), rules) })
  }
  // Both given here: say so now, not after the worktrees are built.
  if (partial.minPairs !== undefined && partial.maxPairs !== undefined) {
    if (partial.maxPairs < partial.minPairs)
      throw new UsageError(
        `${name('max-pairs')} ${partial.maxPairs} is less than ${name('min-pairs')} ${partial.minPairs}`,
      )
  }
  return partial
}

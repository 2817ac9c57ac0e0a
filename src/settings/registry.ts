// Every setting, declared once: its name (the CLI's --flag, the action's
// input, the [tool.importgate] key, unless told otherwise), which commands
// take it, how text (a flag, an input) and TOML give it, and its --help lines,
// in two tables (settings-sampling.ts, settings-gate.ts) in --help order.
// The CLI's parser, the action's input reader, the pyproject reader and
// --help, the defaults, the grouping into Settings and the results document's
// settings are built from them; a test checks action.yml, the README and the
// JSON Schema against them. The types of the settings (Gate, Sampling,
// Settings) are derived from the entries (setting-values.ts): a new setting is
// a new entry there and the code that uses it.
import { GATE_SETTINGS } from './settings-gate.js'
import { SAMPLING_SETTINGS } from './settings-sampling.js'
import type { Command, SettingSpec } from './setting-spec.js'

export type { CommandRules, Command, Given, SettingSpec } from './setting-spec.js'

/** A setting's name as users write it. */
export type SettingName =
  (typeof SAMPLING_SETTINGS)[number]['name'] | (typeof GATE_SETTINGS)[number]['name']

/** In --help order: the common settings, then compare's. */
export const SETTINGS: readonly SettingSpec<SettingName>[] = [
  ...SAMPLING_SETTINGS,
  ...GATE_SETTINGS,
]
/** The action input a setting is read from, or null. */
export const inputOf = (spec: SettingSpec): string | null =>
  spec.input === undefined ? spec.name : spec.input

/** The [tool.importgate] key a setting is read from, or null. */
export const keyOf = (spec: SettingSpec): string | null =>
  spec.key === undefined ? spec.name : spec.key

/** The settings one CLI command takes as flags, as node:util's parseArgs wants them. */
export function flagOptions(command: Command) {
  return Object.fromEntries(
    SETTINGS.filter((s) => s.commands.includes(command)).map((s) => [s.name, s.flag]),
  )
}

// The types of what a run is asked to do, derived from the registry's entries
// (settings-sampling.ts, settings-gate.ts): a field's type is what its entry's
// text parser returns, and its group says where it lives. A setting is thus
// declared once, in its entry; the layers above take these types from here.
import type { InstallSpec } from '../model/settings.js'
import type { GATE_SETTINGS } from './settings-gate.js'
import type { SAMPLING_SETTINGS } from './settings-sampling.js'

type Entry = (typeof SAMPLING_SETTINGS)[number] | (typeof GATE_SETTINGS)[number]
type Group = Entry['group']

/** An entry's value: what its text parser returns. */
type ValueOf<E> = E extends { fromText: (...args: never[]) => infer T } ? T : never
type FieldsOf<G extends Group> = {
  -readonly [E in Extract<Entry, { group: G }> as E['field']]: ValueOf<E>
}

/** Every setting's value, by field: what the run's Settings are put together from. */
export type SettingValues = FieldsOf<Group>
export type SettingField = keyof SettingValues

/** What one source (the flags, the action's inputs, a pyproject.toml) says. */
export type PartialSettings = { [F in SettingField]?: SettingValues[F] }

/**
 * Everything that decides a verdict beyond the measurements: the thresholds,
 * budgets, forbidden modules and the like (settings-gate.ts, group 'gate').
 */
export type Gate = FieldsOf<'gate'>

/** How samples are taken: warm-ups, pairs, the time budget, timeouts, the seed (group 'sampling'). */
export type Sampling = FieldsOf<'sampling'>

/** When a change counts: all three must hold for a regression (or, mirrored, an improvement). */
export type Thresholds = Pick<Gate, 'thresholdPct' | 'minDeltaMs' | 'alpha'>

/**
 * What a run is asked to do, once every source (flags or action inputs,
 * [tool.importgate], defaults) is merged: the gate, the sampling, and the
 * run's own settings; install is undefined where no source named one. The
 * targets are resolved per side (commands/), not here.
 */
export type Settings = { gate: Gate; sampling: Sampling } & Omit<
  RunValues,
  'install' | 'targets'
> & {
    install: InstallSpec | undefined
  }

/** The run's own settings (group 'run'): targets, install, metrics, cache states and the like. */
export type RunValues = FieldsOf<'run'>

/** The entries the results document records (those with a `json` key). */
type Recorded = Extract<Entry, { json: { key: string } }>
type Legacy<E> = E extends { json: { optional: true } } ? true : false

/**
 * The settings as the results document records them, by their results keys:
 * derived from the entries, so a new setting is recorded, typed and described
 * by its entry alone. Keys a document written before the setting lacks are optional.
 */
export type RecordedSettings = {
  -readonly [E in Recorded as Legacy<E> extends true ? never : E['json']['key']]: ValueOf<E>
} & {
  -readonly [E in Recorded as Legacy<E> extends true ? E['json']['key'] : never]?: ValueOf<E>
}

/**
 * Compiles only while each entry's TOML reader gives what its text parser
 * does; an entry that differs is named in the error.
 */
type TomlMismatch = {
  [
    E in Entry as E extends { fromToml: (...args: never[]) => infer U }
      ? [U] extends [ValueOf<E>]
        ? never
        : E['name']
      : never
  ]: E
}
export const TOML_GIVES_WHAT_TEXT_GIVES: Record<
  keyof TomlMismatch,
  'its fromToml returns another type than its fromText'
> = {}

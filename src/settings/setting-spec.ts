// The shape of a setting's one declaration (registry.ts): its name, the
// commands and flag, the action input and pyproject key, the field it sets
// and where that lives, its default, its name in the results document, how
// text and TOML give it, and its --help lines. The type of its value is what
// its text parser returns: setting-values.ts derives Gate, Sampling and
// Settings from the entries.
import type { InstallMode } from '../model/settings.js'

export type Command = 'measure' | 'compare'

/** What a command accepts beyond the common settings. */
export interface CommandRules {
  installModes: readonly InstallMode[]
  /** compare needs a profile run per side: the module diff comes from them. */
  minProfileRuns: number
}

/** A fragment of JSON Schema: how results.schema.json describes a recorded setting. */
export type JsonSchema = { readonly [keyword: string]: unknown }

/** A flag's or input's value: text, repeated texts, or a switch given. */
export type Given = string | string[] | boolean

export interface SettingSpec<Name extends string = string> {
  /** As users write it: --name, and (unless told) the action input and the pyproject key. */
  name: Name
  /** The CLI commands that take it as a flag (the action takes compare's). */
  commands: readonly Command[]
  flag: { type: 'string' | 'boolean'; multiple?: true; short?: string }
  /** The action input (a list input takes commas or new lines); null: none. Default: name. */
  input?: string | null
  /** The action input's description, as action.yml gives it (npm run bundle writes it there); with an input only. */
  action?: string
  /** The [tool.importgate] key; null: none. Default: name. */
  key?: string | null
  /** The field its value sets, in its group. */
  field: string
  /** Where the field lives in Settings: the gate, the sampling, or the run's own. */
  group: 'gate' | 'sampling' | 'run'
  /** Its value when no source gives one; absent where resolveSettings works it out. */
  default?: unknown
  /**
   * Its key in the results document's settings, and the divisor of its unit
   * there (ms → s: 1000); `optional`: documents written before the setting
   * existed lack it; `schema`: its JSON Schema there, when its kind has none.
   */
  json?: { key: string; per?: number; optional?: true; schema?: JsonSchema }
  /** How the results' JSON Schema describes its value: its kind's (value-kinds.ts). */
  schema?: JsonSchema
  /** The comment's footer names it when a run sets it otherwise than its default (it has a results key). */
  shown?: true
  /** Its value from a flag's or an input's text (its type is the setting's). `where` names it as its user wrote it. */
  fromText(value: Given, where: string, rules: CommandRules): unknown
  /** Its value from the TOML value of its key. */
  fromToml?(value: unknown, where: string): unknown
  /** Its --help lines, as printed. */
  help: readonly string[]
}

export const BOTH = ['measure', 'compare'] as const
export const COMPARE = ['compare'] as const
export const one = (value: Given): string => (Array.isArray(value) ? value[0]! : String(value))
export const many = (value: Given): string[] => (Array.isArray(value) ? value : [String(value)])

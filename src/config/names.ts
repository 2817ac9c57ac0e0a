// The inputs that messages name, in the words of whoever is running us: the
// CLI says "--python", the action says `input "python"`. Config and commands
// take a Namer instead of writing flag names into their messages. The
// settings' names come from the registry; these are the rest.
import type { SettingName } from '../settings/registry.js'

export type InputId =
  | SettingName
  | 'repo'
  | 'project-dir'
  | 'python'
  | 'label'
  | 'base-ref'
  | 'since'
  | 'bisect'
  | 'head-ref'
  | 'json'
  | 'markdown'

export type Namer = (input: InputId) => string

// `importgate measure` flags → MeasureConfig. The project's [tool.importgate]
// is merged in by the command (flags win), once the project is known.
import { resolve } from 'node:path'
import { flagSettings, type Flags } from './flags.js'
import { directory } from './paths-and-targets.js'
import type { SettingsInput } from './settings.js'

export interface MeasureConfig {
  repoDir: string
  projectDir: string
  python: string
  /** What the flags said; pyproject and the defaults fill in the rest. */
  flags: SettingsInput
  jsonPath: string | null
  markdownPath: string | null
  quiet: boolean
}

export function measureConfig(flags: Flags, cwd: string): MeasureConfig {
  const repoDir = directory('-C/--repo', resolve(cwd, flags.repo ?? '.'))
  return {
    repoDir,
    projectDir: directory('--project-dir', resolve(repoDir, flags['project-dir'] ?? '.')),
    python: flags.python ?? 'python3',
    flags: flagSettings(flags, ['none', 'current', 'auto', 'pip', 'uv']),
    jsonPath: flags.json ? resolve(cwd, flags.json) : null,
    markdownPath: flags.markdown ? resolve(cwd, flags.markdown) : null,
    quiet: flags.quiet ?? false,
  }
}

// `importgate compare <base-ref> <head-ref>` flags → CompareConfig. Settings
// from [tool.importgate] are read later, from the base commit's checkout.
import { resolve } from 'node:path'
import { UsageError } from './errors.js'
import { flagSettings, type Flags } from './flags.js'
import { directory, projectSubdir } from './paths-and-targets.js'
import type { SettingsInput } from './settings.js'

export interface CompareConfig {
  repoDir: string
  /** The project's folder relative to the repository root ('' for the root). */
  projectSubdir: string
  baseRef: string
  headRef: string
  python: string
  /** What the flags said; base's pyproject and the defaults fill in the rest. */
  flags: SettingsInput
  jsonPath: string | null
  markdownPath: string | null
  quiet: boolean
}

export function compareConfig(flags: Flags, positionals: string[], cwd: string): CompareConfig {
  if (positionals.length !== 2) {
    throw new UsageError(
      `compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${positionals.length}: ${JSON.stringify(positionals)}`,
    )
  }
  const [baseRef, headRef] = positionals as [string, string]
  const repoDir = directory('-C/--repo', resolve(cwd, flags.repo ?? '.'))
  return {
    repoDir,
    projectSubdir: projectSubdir(repoDir, flags['project-dir']),
    baseRef,
    headRef,
    python: flags.python ?? 'python3',
    // At least one profile run per side: the module diff needs them.
    flags: flagSettings(flags, ['auto', 'none', 'pip', 'uv'], 1),
    jsonPath: flags.json ? resolve(cwd, flags.json) : null,
    markdownPath: flags.markdown ? resolve(cwd, flags.markdown) : null,
    quiet: flags.quiet ?? false,
  }
}

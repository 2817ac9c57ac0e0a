// How the measured code becomes importable, per install mode.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * none: nothing is installed; PYTHONPATH is the project's src/ folder when it
 *       has one (src layout), else the project folder itself.
 * current: the interpreter's environment as it is (the package is installed
 *       there already, e.g. by an earlier workflow step).
 */
export type InstallMode = 'none' | 'current'

export const INSTALL_MODES: readonly InstallMode[] = ['none', 'current']

export function importRoot(projectDir: string): string {
  const src = join(projectDir, 'src')
  return existsSync(src) && statSync(src).isDirectory() ? src : projectDir
}

/** The variables the install mode adds to the measured interpreter's environment. */
export function installEnv(mode: InstallMode, projectDir: string): Record<string, string> {
  return mode === 'none' ? { PYTHONPATH: importRoot(projectDir) } : {}
}

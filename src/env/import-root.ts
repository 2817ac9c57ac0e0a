import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What PYTHONPATH is when nothing is installed: the project's src/ folder when
 * it has one (src layout), else the project folder itself.
 */
export function importRoot(projectDir: string): string {
  const src = join(projectDir, 'src')
  return existsSync(src) && statSync(src).isDirectory() ? src : projectDir
}

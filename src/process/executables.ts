// Finding an executable the way a shell would, without a shell: an
// interpreter given by name, uv, a command target's console script.
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join, resolve } from 'node:path'

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Resolves a name on PATH, or a path relative to `cwd`, to an executable file. */
export function findExecutable(name: string, pathVar: string, cwd: string): string | null {
  if (name.includes('/') || name.includes('\\') || isAbsolute(name)) {
    const path = resolve(cwd, name)
    return isExecutableFile(path) ? path : null
  }
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    if (isExecutableFile(candidate)) return candidate
  }
  return null
}

import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { UsageError } from '../model/errors.js'

export function directory(input: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${input}: ${path} is not a directory`)
  }
  return path
}

/** --project-dir as a path inside the repository (it is looked up in each worktree). */
export function projectSubdir(repoDir: string, value: string | undefined, input: string): string {
  const sub = relative(repoDir, resolve(repoDir, value ?? '.'))
  if (sub.startsWith('..') || isAbsolute(sub)) {
    throw new UsageError(
      `${input}: "${value}" is outside the repository ${repoDir}; give a folder inside it`,
    )
  }
  return sub
}

/**
 * Throws unless `dir`, symbolic links resolved, lies inside `root` (resolved
 * too): a link in the tree must not take the project out of the repository.
 */
export function insideAfterLinks(root: string, dir: string, input: string, given: string): void {
  let real: string
  let realRoot: string
  try {
    real = realpathSync(dir)
    realRoot = realpathSync(root)
  } catch {
    return // a missing folder is reported where it is used
  }
  const sub = relative(realRoot, real)
  if (sub.startsWith('..') || isAbsolute(sub)) {
    throw new UsageError(
      `${input}: "${given}" leads outside the repository (to ${real}, through a symbolic link); give a folder inside it`,
    )
  }
}

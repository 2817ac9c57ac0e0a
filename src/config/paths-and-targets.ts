import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { UsageError } from '../model/errors.js'
import { moduleNameProblem } from './module-name.js'
import { COMMAND_PREFIX, isCommandTarget, splitWords } from '../model/target.js'

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

export function validateTargets(
  targets: string[],
  source: string,
  { commands = false } = {},
): string[] {
  for (const target of targets) {
    if (commands && isCommandTarget(target)) {
      const argv = splitWords(target.slice(COMMAND_PREFIX.length))
      if (typeof argv === 'string' || !argv.length)
        throw new UsageError(
          `${source}: "${target}" is not a command: ${typeof argv === 'string' ? argv : 'nothing follows cmd:'}; write it as cmd: mycli --help`,
        )
      continue
    }
    const problem = moduleNameProblem(target)
    if (problem)
      throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`)
  }
  return [...new Set(targets)]
}

import { existsSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { UsageError } from '../model/errors.js'
import { moduleNameProblem } from './module-name.js'

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

export function validateTargets(targets: string[], source: string): string[] {
  for (const target of targets) {
    const problem = moduleNameProblem(target)
    if (problem)
      throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`)
  }
  return [...new Set(targets)]
}

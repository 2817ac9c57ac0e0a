// Detached worktrees for the commits being compared. Always removed: callers
// use withWorktrees, whose finally runs on success, error and cancellation.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { git, type GitOptions } from '../process/git.js'
import { SetupError } from '../model/errors.js'
import { changedButMissing, checkoutSubmodules } from './submodules.js'

export interface Worktree {
  path: string
  sha: string
}

export async function addWorktree(
  repo: string,
  path: string,
  sha: string,
  options: GitOptions = {},
): Promise<Worktree> {
  await git(
    ['worktree', 'add', '--detach', '--quiet', '--end-of-options', path, sha],
    repo,
    options,
  )
  return { path, sha }
}

export async function removeWorktree(repo: string, path: string): Promise<void> {
  try {
    await git(['worktree', 'remove', '--force', '--force', path], repo)
  } catch {
    // Already gone, or never fully added: the folder and the admin entry are
    // cleaned below either way.
  }
  await rm(path, { recursive: true, force: true })
  try {
    await git(['worktree', 'prune'], repo)
  } catch {
    // Pruning is housekeeping; nothing depends on it.
  }
}

/**
 * The repository's config as it was before the worktrees (whose `.git` file
 * leads the measured code to it), to put back if the run changed it.
 */
async function configGuard(repo: string, options: GitOptions) {
  const path = resolve(repo, await git(['rev-parse', '--git-common-dir'], repo, options), 'config')
  const before = await readFile(path).catch(() => null)
  return {
    /** Puts the config back if it changed; true when it had. */
    async restore(): Promise<boolean> {
      if (before === null) return false
      const now = await readFile(path).catch(() => null)
      if (now !== null && now.equals(before)) return false
      await writeFile(path, before)
      return true
    },
  }
}

/**
 * Adds one worktree per entry (with its submodules, from the repository's
 * copies; `note` says what was left out), runs `body`, and removes them all
 * whatever happens, first putting the repository's config back if the run
 * changed it (`tampered` is told, to say so).
 */
export async function withWorktrees<T>(
  repo: string,
  wanted: { path: string; sha: string }[],
  options: GitOptions,
  body: (trees: Worktree[]) => Promise<T>,
  tampered: () => void = () => {},
  note: (message: string) => void = () => {},
): Promise<T> {
  const added: Worktree[] = []
  const guard = await configGuard(repo, options)
  try {
    const submodules = []
    for (const { path, sha } of wanted) {
      added.push(await addWorktree(repo, path, sha, options))
      submodules.push(await checkoutSubmodules(repo, path, options, note))
    }
    const changed = changedButMissing(submodules)
    if (changed !== null)
      throw new SetupError(
        `submodule ${JSON.stringify(changed)} differs between the commits but could not be checked out (see above): measuring without it would compare the wrong code`,
      )
    return await body(added)
  } finally {
    // Not under the run's signal: cleaning up is what a cancelled run must still do.
    if (await guard.restore()) tampered()
    for (const tree of added.reverse()) await removeWorktree(repo, tree.path)
  }
}

/** The files a worktree's commit tracks, repository-relative (for linking lines). */
export async function trackedFiles(tree: string, options: GitOptions): Promise<string[]> {
  const listing = await git(['ls-files', '-z'], tree, options)
  return listing.split('\0').filter(Boolean)
}

// Detached worktrees for the commits being compared. Always removed: callers
// use withWorktrees, whose finally runs on success, error and cancellation.
import { rm } from 'node:fs/promises'
import { git, type GitOptions } from '../process/git.js'

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

/** Adds one worktree per entry, runs `body`, and removes them all whatever happens. */
export async function withWorktrees<T>(
  repo: string,
  wanted: { path: string; sha: string }[],
  options: GitOptions,
  body: (trees: Worktree[]) => Promise<T>,
): Promise<T> {
  const added: Worktree[] = []
  try {
    for (const { path, sha } of wanted) added.push(await addWorktree(repo, path, sha, options))
    return await body(added)
  } finally {
    // Not under the run's signal: cleaning up is what a cancelled run must still do.
    for (const tree of added.reverse()) await removeWorktree(repo, tree.path)
  }
}

/** The files a worktree's commit tracks, repository-relative (for linking lines). */
export async function trackedFiles(tree: string, options: GitOptions): Promise<string[]> {
  const listing = await git(['ls-files', '-z'], tree, options)
  return listing.split('\0').filter(Boolean)
}

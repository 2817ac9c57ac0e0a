// Detached worktrees for the commits being compared, with their submodules
// checked out (below). Always removed: callers use withWorktrees, whose
// finally runs on success, error and cancellation.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { git, type GitOptions } from '../process/git.js'
import { SetupError } from '../model/errors.js'
import { existsSync } from 'node:fs'

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

// A worktree holds none of its commit's submodules: `git worktree add` checks
// out the superproject alone. A submodule's code can be what a target imports,
// so each is cloned into the worktree from the repository's own copy of it
// (.git/modules/NAME, there when the checkout initialised it) at the commit the
// worktree's commit records: no network, and nothing of the repository's
// config changes. One with no local copy, or without that commit, is left out,
// and the run says so; left out where base and head differ in it, the
// comparison would measure the wrong code, and the run stops.
export interface Gitlink {
  path: string
  sha: string
}

/** The commit's submodules: the tree's entries of mode 160000. */
async function gitlinks(tree: string, options: GitOptions): Promise<Gitlink[]> {
  const listing = await git(['ls-tree', '-r', '-z', 'HEAD'], tree, options)
  // Each entry: "<mode> <type> <object>\t<path>".
  return listing
    .split('\0')
    .filter(Boolean)
    .flatMap((entry) => {
      const tab = entry.indexOf('\t')
      const [mode, type, sha] = entry.slice(0, tab).split(' ')
      return mode === '160000' && type === 'commit' && /^[0-9a-f]{40,64}$/.test(sha ?? '')
        ? [{ path: entry.slice(tab + 1), sha: sha! }]
        : []
    })
}

/** The submodule names .gitmodules gives to paths: a submodule's copy lives under .git/modules/NAME. */
async function namesByPath(tree: string, options: GitOptions): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (!existsSync(join(tree, '.gitmodules'))) return names
  let listing = ''
  try {
    listing = await git(
      ['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'],
      tree,
      options,
    )
  } catch {
    return names
  }
  // -z: "key\nvalue\0" per entry.
  for (const entry of listing.split('\0').filter(Boolean)) {
    const newline = entry.indexOf('\n')
    const key = entry.slice(0, newline)
    names.set(entry.slice(newline + 1), key.slice('submodule.'.length, -'.path'.length))
  }
  return names
}

/** A relative path that stays inside the folder it is joined to (head's .gitmodules is untrusted). */
const staysInside = (path: string) =>
  path.length > 0 &&
  !path.startsWith('/') &&
  path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')

/**
 * Checks out `tree`'s submodules from `repo`'s copies; `note` says what was
 * left out, and why. Returns the tree's submodules and those left out.
 */
export async function checkoutSubmodules(
  repo: string,
  tree: string,
  options: GitOptions,
  note: (message: string) => void,
): Promise<{ links: Gitlink[]; missing: Gitlink[] }> {
  const links = await gitlinks(tree, options)
  const missing: Gitlink[] = []
  if (!links.length) return { links, missing }
  const names = await namesByPath(tree, options)
  const common = resolve(repo, await git(['rev-parse', '--git-common-dir'], repo, options))
  for (const { path, sha } of links) {
    const name = names.get(path) ?? path
    if (!staysInside(path) || !staysInside(name)) {
      note(`submodule ${JSON.stringify(path)}: its path or name leaves the tree; not checked out`)
      missing.push({ path, sha })
      continue
    }
    const copy = join(common, 'modules', name)
    if (!existsSync(copy)) {
      note(
        `submodule ${path} is not checked out in the repository, so the measured trees lack it (check out submodules first: actions/checkout's \`submodules: true\`)`,
      )
      missing.push({ path, sha })
      continue
    }
    const target = join(tree, path)
    try {
      await git(
        ['clone', '--quiet', '--shared', '--no-checkout', '--', copy, target],
        tree,
        options,
      )
      await git(['checkout', '--quiet', '--detach', sha], target, options)
    } catch {
      await rm(target, { recursive: true, force: true })
      note(
        `submodule ${path}: its commit ${sha.slice(0, 10)} is not in the repository's copy, so the measured trees lack it (fetch it, e.g. actions/checkout's \`fetch-depth: 0\`)`,
      )
      missing.push({ path, sha })
    }
  }
  return { links, missing }
}

/**
 * A submodule left out of a tree while the trees record different commits of
 * it: what changed is exactly what cannot be measured. Its path, or null.
 */
export function changedButMissing(
  trees: readonly { links: Gitlink[]; missing: Gitlink[] }[],
): string | null {
  for (const tree of trees)
    for (const gone of tree.missing) {
      const others = trees.map((t) => t.links.find((l) => l.path === gone.path)?.sha ?? null)
      if (others.some((sha) => sha !== gone.sha)) return gone.path
    }
  return null
}

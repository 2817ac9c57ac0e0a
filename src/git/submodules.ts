// A worktree holds none of its commit's submodules: `git worktree add` checks
// out the superproject alone. A submodule's code can be what a target imports,
// so each is cloned into the worktree from the repository's own copy of it
// (.git/modules/NAME, there when the checkout initialised it) at the commit the
// worktree's commit records: no network, and nothing of the repository's
// config changes. One with no local copy, or without that commit, is left out,
// and the run says so; left out where base and head differ in it, the
// comparison would measure the wrong code, and the run stops.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { git, type GitOptions } from '../process/git.js'

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

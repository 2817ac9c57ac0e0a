// The commits compared: any revision (branch, tag, SHA, HEAD~1) → a commit
// SHA, fetching what a shallow clone lacks; and the files one commit changes
// against another (below). Every git call takes an argument array; a ref never
// reaches a shell, and --end-of-options keeps one from being read as an option.
import { SetupError } from '../model/errors.js'
import { git, GitError, type GitOptions } from '../process/git.js'
import type { ChangedFile } from '../analysis/verdict/affects.js'

/** Runs git; a git error (not a cancel) becomes `fallback`. */
async function attempt<T>(run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof GitError) return fallback
    throw error
  }
}

/** The commit `ref` names here, or null: nothing fetched. */
export const tryResolve = (repo: string, ref: string, options: GitOptions) =>
  attempt(
    async () =>
      (await git(
        ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
        repo,
        options,
      )) || null,
    null,
  )

const isShallow = (repo: string, options: GitOptions) =>
  attempt(
    async () => (await git(['rev-parse', '--is-shallow-repository'], repo, options)) === 'true',
    false,
  )

/** How many commits behind its base a relative ref reaches: HEAD~3 → 3, main^^ → 2. */
export function relativeDepth(ref: string): { base: string; depth: number } | null {
  const match = /^(.*?)((?:[~^]\d*)+)$/.exec(ref)
  if (!match || !match[1]) return null
  let depth = 0
  for (const step of match[2]!.match(/[~^]\d*/g)!) {
    const count = step.length > 1 ? Number(step.slice(1)) : 1
    // ^N picks the Nth parent (one step back); ~N walks N first parents.
    depth += step[0] === '~' ? count : 1
  }
  return { base: match[1], depth }
}

/** Fetches from origin; returns why it failed, or null. */
async function fetch(repo: string, args: string[], options: GitOptions): Promise<string | null> {
  try {
    await git(['fetch', '--no-tags', '--quiet', ...args], repo, options)
    return null
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    return (error.stderr.trim() || error.message).split('\n').slice(-3).join(' ')
  }
}

const hasOrigin = (repo: string, options: GitOptions) =>
  attempt(async () => (await git(['remote', 'get-url', 'origin'], repo, options), true), false)

/**
 * Resolves `ref` in `repo`. When it is missing: a relative ref (HEAD~1) in a
 * shallow clone deepens history by as many commits; any other ref is fetched
 * from origin at depth 1 (a PR's base SHA or branch in an actions/checkout clone).
 */
export async function resolveCommit(
  repo: string,
  ref: string,
  input: string,
  options: GitOptions = {},
): Promise<string> {
  if (ref.trim() === '' || ref.startsWith('-')) {
    throw new SetupError(
      `${input}: "${ref}" is not a git revision; give a branch, tag, SHA or HEAD~N`,
    )
  }
  const inRepository = await attempt(
    async () => (await git(['rev-parse', '--git-dir'], repo, options)).length > 0,
    false,
  )
  if (!inRepository) {
    throw new SetupError(
      `${repo} is not in a git repository: compare checks its two revisions out of one; run it in a clone (in a workflow, after actions/checkout)`,
    )
  }
  const found = await tryResolve(repo, ref, options)
  if (found) return found
  const missing = `${input}: "${ref}" does not name a commit in ${repo}`
  if (!(await hasOrigin(repo, options))) {
    throw new SetupError(`${missing}, and there is no origin remote to fetch it from`)
  }
  const relative = relativeDepth(ref)
  let failure: string | null = null
  if (relative && (await isShallow(repo, options))) {
    failure = await fetch(repo, [`--deepen=${relative.depth}`, 'origin'], options)
  } else if (!relative) {
    failure = await fetch(repo, ['--depth=1', 'origin', ref], options)
    if (!failure) {
      const fetched = await tryResolve(repo, ref, options)
      if (fetched) return fetched
      // A branch fetched by name lands in FETCH_HEAD only (single-branch clones).
      const head = await tryResolve(repo, 'FETCH_HEAD', options)
      if (head) return head
    }
  } else {
    // A relative ref in a full clone: there is no more history to fetch.
    throw new SetupError(missing)
  }
  const after = await tryResolve(repo, ref, options)
  if (after) return after
  throw new SetupError(
    failure
      ? `${missing}; fetching it from origin failed: ${failure}`
      : `${missing}, nor in what origin has`,
  )
}

// The files two commits differ in, for "can this change affect importing at all".
/**
 * Repository-relative paths that differ between the two commits' trees
 * (renames as delete + add), each with what it is on either side: a symbolic
 * link or a submodule is no ordinary file, whatever its name.
 */
export async function changedFiles(
  repoDir: string,
  base: string,
  head: string,
  options: GitOptions = {},
): Promise<ChangedFile[]> {
  // --raw -z: ":<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0" per file.
  const out = await git(
    ['diff', '--raw', '--no-renames', '--no-abbrev', '-z', base, head, '--'],
    repoDir,
    options,
  )
  const fields = out.split('\0')
  const files: ChangedFile[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode, newMode] = fields[i]!.replace(/^:/, '').split(' ')
    const path = fields[i + 1]!
    if (path) files.push({ path, modes: [oldMode ?? '', newMode ?? ''] })
  }
  return files
}

/** Folders holding an `__init__.py` in either commit: importable packages, whose every file may be read at import. */
export async function packageFolders(
  repoDir: string,
  commits: readonly string[],
  options: GitOptions = {},
): Promise<Set<string>> {
  const folders = new Set<string>()
  for (const commit of commits) {
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', commit], repoDir, options)
    for (const path of listing.split('\0'))
      if (path === '__init__.py' || path.endsWith('/__init__.py'))
        folders.add(path.slice(0, Math.max(0, path.length - '/__init__.py'.length)))
  }
  return folders
}

/**
 * The lines head added or changed, per repository path: the right side of
 * `git diff -U0 base head` (where a review comment may go). Paths git quotes
 * (unusual characters) are left out: nothing is suggested there.
 */
export async function addedLines(
  repoDir: string,
  base: string,
  head: string,
  options: GitOptions = {},
): Promise<Map<string, Set<number>>> {
  const out = await git(
    ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', base, head, '--'],
    repoDir,
    options,
  )
  const lines = new Map<string, Set<number>>()
  let current: Set<number> | null = null
  for (const line of out.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4)
      current = path.startsWith('b/') ? new Set() : null
      if (current) lines.set(path.slice(2), current)
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (!hunk || !current) continue
    const start = Number(hunk[1])
    const count = hunk[2] === undefined ? 1 : Number(hunk[2])
    for (let n = start; n < start + count; n++) current.add(n)
  }
  return lines
}

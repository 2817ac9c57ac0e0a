// Any revision (branch, tag, SHA, HEAD~1) → a commit SHA, fetching what a
// shallow clone lacks. Every git call takes an argument array; a ref never
// reaches a shell, and --end-of-options keeps one from being read as an option.
import { SetupError } from '../model/errors.js'
import { git, GitError, type GitOptions } from '../process/git.js'

/** Runs git; a git error (not a cancel) becomes `fallback`. */
async function attempt<T>(run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof GitError) return fallback
    throw error
  }
}

const tryResolve = (repo: string, ref: string, options: GitOptions) =>
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

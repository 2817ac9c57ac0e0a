// The default branch's history between two commits, for the drift check: the
// reference it starts from (the latest release tag reachable from head, a
// commit a while ago, or a ref), and the first-parent commits in between
// (merged pull requests, on a branch that merges them) with the files each
// changed against the commit before it. Every ref reaches git as an argument
// after --end-of-options, never through a shell.
import { UsageError } from '../model/errors.js'
import { git, GitError, type GitOptions } from '../process/git.js'
import { tryResolve } from './commits.js'

/** One first-parent commit between the reference and head. */
export interface FirstParentCommit {
  sha: string
  subject: string
  /** Committer date, ISO 8601. */
  date: string
  /** The pull request its subject names ("… (#123)", "Merge pull request #123"), or null. */
  pr: number | null
  /** The files it changed against its first parent. */
  files: string[]
}

/** The reference a drift check compares head with, and how it was found. */
export interface DriftReference {
  /** As the user would write it: the tag, the ref given, or the commit a duration found. */
  ref: string
  sha: string
  how: 'latest-tag' | 'duration' | 'ref'
}

const DURATION = /^(\d+)\s*(day|days|week|weeks|month|months|year|years)$/i
const DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 }

/** A duration such as "90 days" in days, or null when the text is not one. */
export function durationDays(text: string): number | null {
  const m = DURATION.exec(text.trim())
  if (!m) return null
  return Number(m[1]) * DAYS[m[2]!.toLowerCase().replace(/s$/, '')]!
}

/**
 * The reference: `since` as a duration (the last first-parent commit before
 * then), as a ref, or when absent the highest release tag reachable from head.
 */
export async function driftReference(
  repo: string,
  headSha: string,
  since: string | null,
  input: string,
  now: Date,
  options: GitOptions = {},
): Promise<DriftReference> {
  if (since === null) return latestRelease(repo, headSha, input, options)
  const days = durationDays(since)
  if (days !== null) {
    const before = new Date(now.getTime() - days * 86_400_000).toISOString()
    const sha = await git(
      ['rev-list', '-1', '--first-parent', `--before=${before}`, '--end-of-options', headSha],
      repo,
      options,
    )
    if (!sha)
      throw new UsageError(
        `${input} "${since}": the history of the head commit starts after ${before.slice(0, 10)} (or the clone is shallow: fetch-depth: 0 fetches it all)`,
      )
    return { ref: sha.slice(0, 12), sha, how: 'duration' }
  }
  const sha = await tryResolve(repo, since, options)
  if (!sha)
    throw new UsageError(
      `${input} "${since}" is neither a commit this repository has nor a duration such as "90 days"`,
    )
  return { ref: since, sha, how: 'ref' }
}

/**
 * A tag that names a final release: a version (1.2, v2.3.0, 2.0.post1), with
 * a package's prefix where a repository holds several (mypkg-v1.2.0). Not a
 * pre-release (2.0rc1), nor a branch marker (2.1.x), nor `nightly`.
 */
const RELEASE = /^(?:[\w.-]*[-_/@])?v?\d+(?:\.\d+)*(?:\.post\d+)?$/i

/**
 * The release tag with the highest version among those reachable from head;
 * where no tag looks like a release, the nearest tag of any name.
 */
async function latestRelease(
  repo: string,
  headSha: string,
  input: string,
  options: GitOptions,
): Promise<DriftReference> {
  const merged = await git(
    ['tag', '--list', '--sort=-v:refname', '--merged', headSha],
    repo,
    options,
  )
  let tag = merged
    .split('\n')
    .map((t) => t.trim())
    .find((t) => RELEASE.test(t))
  if (!tag) {
    try {
      tag = await git(
        ['describe', '--tags', '--abbrev=0', '--end-of-options', headSha],
        repo,
        options,
      )
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      throw new UsageError(
        `${input} was not given and no tag is reachable from the head commit (or the clone is shallow: fetch-depth: 0 fetches the tags); give ${input} v2.3.0 or ${input} "90 days"`,
      )
    }
  }
  // A tag git listed names a commit.
  return {
    ref: tag,
    sha: (await tryResolve(repo, `refs/tags/${tag}`, options))!,
    how: 'latest-tag',
  }
}

const PR = /\(#(\d+)\)\s*$|^Merge pull request #(\d+)/

/** The first-parent commits after `base` up to `head`, oldest first, each with the files it changed. */
export async function firstParentCommits(
  repo: string,
  base: string,
  head: string,
  options: GitOptions = {},
): Promise<FirstParentCommit[]> {
  // One record per commit: \x1e, then sha \x1f subject \x1f date, then its files, one a line.
  const out = await git(
    [
      ...['log', '--first-parent', '--diff-merges=first-parent', '--name-only', '--reverse'],
      ...['--format=%x1e%H%x1f%s%x1f%cI', '--end-of-options', `${base}..${head}`, '--'],
    ],
    repo,
    options,
  )
  return out
    .split('\x1e')
    .filter((record) => record.trim())
    .map((record) => {
      const [header = '', ...files] = record.split('\n')
      const [sha = '', subject = '', date = ''] = header.split('\x1f')
      const m = PR.exec(subject)
      return {
        sha,
        subject,
        date,
        pr: m ? Number(m[1] ?? m[2]) : null,
        files: files.map((f) => f.trim()).filter(Boolean),
      }
    })
}

/**
 * `git blame --first-parent` of some lines of one file, one run a file:
 * `head`, the commit after `base` that last wrote each line as head has it
 * (a line older than that comes from the boundary and is left out); `base`,
 * with --reverse, the last commit at which each of base's lines was still
 * there (its first-parent child removed or changed it).
 */
export async function blameLines(
  repo: string,
  range: { base: string; head: string },
  side: 'base' | 'head',
  path: string,
  lines: readonly number[],
  options: GitOptions = {},
): Promise<Map<number, string>> {
  const ranges = [...new Set(lines)]
    .sort((a, b) => a - b)
    .reduce<[number, number][]>((out, n) => {
      const last = out.at(-1)
      if (last && n === last[1] + 1) last[1] = n
      else out.push([n, n])
      return out
    }, [])
  if (!ranges.length) return new Map()
  const out = await git(
    [
      ...['blame', '--first-parent', '--porcelain', ...(side === 'base' ? ['--reverse'] : [])],
      ...ranges.flatMap(([a, b]) => ['-L', `${a},${b}`]),
      // blame takes no --end-of-options (git 2.39); commit ids cannot pass for an option.
      `${commitId(range.base)}..${commitId(range.head)}`,
      '--',
      path,
    ],
    repo,
    options,
  )
  // Porcelain: a header "<sha> <original line> <final line> [<lines>]" a line,
  // the commit's fields the first time it appears ("boundary" among them for
  // a commit at or before base), then the line itself after a tab.
  const boundary = new Set<string>()
  const found = new Map<number, string>()
  let current = ''
  for (const line of out.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line)
    if (header) {
      current = header[1]!
      found.set(Number(header[2]), current)
    } else if (line === 'boundary') boundary.add(current)
  }
  if (side === 'head') for (const [n, sha] of found) if (boundary.has(sha)) found.delete(n)
  return found
}

/** A full commit id, or an error: what blame takes where --end-of-options cannot guard it. */
function commitId(sha: string): string {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) throw new Error(`not a commit id: ${sha}`)
  return sha
}

/** The files a commit tracks. */
export async function trackedFiles(
  repo: string,
  sha: string,
  options: GitOptions = {},
): Promise<string[]> {
  const out = await git(['ls-tree', '-r', '--name-only', '--end-of-options', sha], repo, options)
  return out.split('\n').filter(Boolean)
}

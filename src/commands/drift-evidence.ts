// Where a drift check's reader should look: which files of each merged
// commit the traced import loads, and which of their lines run at import.
// The proof's tracer (analysis/verdict/proof.ts) saw, per side, the changed
// files the import loads and the changed lines that ran; `git blame
// --first-parent` gives each of head's lines to the commit that last wrote
// it, and `--reverse` each of the reference's to the commit that removed it.
import { blameLines, trackedFiles, type FirstParentCommit } from '../git/history.js'
import { GitError, type GitOptions } from '../process/git.js'
import type { CompareResults, DriftImportedFile } from '../results/schema.js'

/** The tracer names a file as the import loaded it: in the worktree (`src/pkg/a.py`), or inside site-packages (`pkg/a.py`). */
const sameFile = (file: string, traced: string) => file === traced || file.endsWith(`/${traced}`)

/**
 * The evidence for one commit's files, or null when no import was traced
 * (proof = false, or the proof failed before tracing).
 */
export async function importEvidence(
  repo: string,
  range: { base: string; head: string },
  commits: readonly FirstParentCommit[],
  doc: CompareResults,
  options: GitOptions,
): Promise<((commit: FirstParentCommit) => DriftImportedFile[]) | null> {
  const proofs = doc.targets.flatMap((t) => (t.proof && t.proof.traced_runs > 0 ? [t.proof] : []))
  if (!proofs.length) return null
  const loaded = proofs.flatMap((p) => p.loaded_changed)
  const ran = proofs.flatMap((p) => p.ran_changed ?? [])
  const written = await blamed(repo, range, commits, proofs, options)
  return (commit) =>
    commit.files.flatMap((file) => {
      const isRan = ran.some((p) => sameFile(file, p))
      if (!isRan && !loaded.some((p) => sameFile(file, p))) return []
      const own = written?.get(`${commit.sha}\0${file}`)
      // Blamed: only this commit's own lines count; else the file's.
      if (!written || !isRan) return [{ file, ran: isRan }]
      return [
        {
          file,
          ran: !!own,
          ...(own?.lines.length ? { lines: own.lines } : {}),
          ...(own?.removed.length ? { removed: own.removed } : {}),
        },
      ]
    })
}

type Written = Map<string, { lines: number[]; removed: number[] }>

/**
 * Each traced line that ran, by "commit\0file": head's by the commit that
 * last wrote it, the reference's by the commit that removed it. Null when
 * the history cannot say (a shallow clone): the file-level marks stand.
 */
async function blamed(
  repo: string,
  range: { base: string; head: string },
  commits: readonly FirstParentCommit[],
  proofs: readonly NonNullable<CompareResults['targets'][number]['proof']>[],
  options: GitOptions,
): Promise<Written | null> {
  const out: Written = new Map()
  const add = (sha: string | undefined, file: string, kind: 'lines' | 'removed', n: number) => {
    if (!sha) return
    const key = `${sha}\0${file}`
    const entry = out.get(key) ?? { lines: [], removed: [] }
    if (!entry[kind].includes(n)) entry[kind].push(n)
    out.set(key, entry)
  }
  const order = new Map(commits.map((c, i) => [c.sha, i]))
  try {
    for (const side of ['head', 'base'] as const) {
      const tracked = await trackedFiles(repo, range[side], options)
      const byFile = new Map<string, number[]>()
      for (const p of proofs)
        for (const [traced, lines] of Object.entries(p.ran_lines?.[side] ?? {})) {
          const matches = tracked.filter((f) => sameFile(f, traced))
          // Two files the name could be: which one ran is not known.
          if (matches.length !== 1) continue
          byFile.set(matches[0]!, [...(byFile.get(matches[0]!) ?? []), ...lines])
        }
      for (const [file, lines] of byFile) {
        const found = await blameLines(repo, range, side, file, lines, options)
        for (const [n, sha] of found) {
          if (side === 'head') add(sha, file, 'lines', n)
          // The last commit that still had the line; its first-parent child removed it.
          else
            add(
              commits[sha === range.base ? 0 : (order.get(sha) ?? -2) + 1]?.sha,
              file,
              'removed',
              n,
            )
        }
      }
    }
  } catch (error) {
    if (error instanceof GitError) return null
    throw error
  }
  for (const entry of out.values()) {
    entry.lines.sort((a, b) => a - b)
    entry.removed.sort((a, b) => a - b)
  }
  return out
}

// `importgate drift`: what a per-pull-request gate cannot see, slow creep.
// It compares a reference (the latest release tag reachable from head, a
// commit some days ago, or a ref) with head, as compare does, lists the
// first-parent commits in between that changed a file that can affect
// importing, and, asked to, bisects a regression to the first of them that
// shows it: each step a paired compare of the reference with a commit between.
import { affectingFiles } from '../analysis/verdict/affects.js'
import type { CompareRequest } from '../config/requests.js'
import { resolveCommit } from '../git/commits.js'
import { driftReference, firstParentCommits, type FirstParentCommit } from '../git/history.js'
import type { CompareResults, DriftJson } from '../results/schema.js'
import { DEFAULT_AFFECTS } from '../settings/settings-gate.js'
import { compare } from './compare.js'
import { importEvidence } from './drift-evidence.js'
import type { CommandDeps } from './pipeline.js'

export interface DriftRequest {
  /** The comparison's request; its headRef is the head the reference is compared with. */
  compare: CompareRequest
  /** --since as given (a ref or a duration); null: the latest tag reachable from head. */
  since: string | null
  bisect: boolean
}

/** Files a commit entry lists at most: the rest is a count. */
const FILES_SHOWN = 8

export async function drift(request: DriftRequest, deps: CommandDeps): Promise<CompareResults> {
  const started = performance.now()
  const { repoDir, name } = request.compare
  const git = { signal: deps.signal }
  const headSha = await resolveCommit(repoDir, request.compare.headRef, name('head-ref'), git)
  const reference = await driftReference(
    repoDir,
    headSha,
    request.since,
    name('since'),
    new Date(),
    git,
  )
  deps.log(`drift: ${reference.ref} → ${request.compare.headRef} (${headSha.slice(0, 10)})`)
  // The gate is the default branch's as it is now, not the old release's.
  const doc = await compare(
    {
      ...request.compare,
      baseRef: reference.ref,
      headRef: request.compare.headRef,
      gateFrom: 'head',
    },
    deps,
  )
  const commits = await firstParentCommits(repoDir, reference.sha, headSha, git)
  const affects = doc.settings.affects ?? [...DEFAULT_AFFECTS]
  const touching = commits.flatMap((c) => {
    const files = affectingFiles(c.files, affects)
    return files.length ? [{ ...c, files }] : []
  })
  // A regression is what a drift check is for; with none, an improvement is narrowed as well.
  const direction = (['regression', 'improvement'] as const).find((v) =>
    doc.targets.some((t) => t.verdict === v),
  )
  const changed = doc.targets.filter((t) => t.verdict === direction).map((t) => t.name)
  const bisect =
    request.bisect && direction
      ? await bisectChange(
          request,
          reference.ref,
          touching.length ? touching : commits,
          { direction, targets: changed },
          deps,
        )
      : undefined
  const evidence = await importEvidence(
    repoDir,
    { base: reference.sha, head: headSha },
    commits,
    doc,
    git,
  )
  const json: DriftJson = {
    since: reference,
    commits: commits.length,
    merged: touching.map((c) => {
      // The files the import runs first, then those it loads: what a reader looks at.
      const imported = evidence?.(c) ?? null
      const rank = (f: string) => {
        const seen = imported?.find((i) => i.file === f)
        return seen ? (seen.ran ? 0 : 1) : 2
      }
      const files = [...c.files].sort((a, b) => rank(a) - rank(b)).slice(0, FILES_SHOWN)
      return {
        sha: c.sha,
        subject: c.subject,
        date: c.date,
        pr: c.pr,
        files,
        more_files: Math.max(0, c.files.length - FILES_SHOWN),
        ...(imported ? { imported: imported.filter((i) => files.includes(i.file)) } : {}),
      }
    }),
    ...(request.bisect
      ? {
          bisect: bisect ?? {
            steps: [],
            first_bad: null,
            note: 'no regression or improvement to narrow',
          },
        }
      : {}),
    duration_s: Math.round(performance.now() - started) / 1000,
  }
  return { ...doc, drift: json }
}

/**
 * The first commit of `candidates` (oldest first; the last has head's files
 * that can affect importing, so it shows the change) whose compare with the
 * reference shows the change (a regression, or an improvement) of one of the
 * `targets`: a binary search, ceil(log2(n)) compares for n candidates. A step
 * that does not show it (a pass, the other direction, inconclusive) counts as
 * before the change; an inconclusive one is said, since the change may then
 * lie earlier than the commit named.
 */
async function bisectChange(
  request: DriftRequest,
  reference: string,
  candidates: readonly FirstParentCommit[],
  { direction, targets }: { direction: 'regression' | 'improvement'; targets: readonly string[] },
  deps: CommandDeps,
): Promise<NonNullable<DriftJson['bisect']>> {
  const steps: NonNullable<DriftJson['bisect']>['steps'] = []
  let good = -1
  let bad = candidates.length - 1
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2)
    const commit = candidates[mid]!
    deps.log(
      `bisect: step ${steps.length + 1}, ${reference} → ${commit.sha.slice(0, 10)} (${bad - good - 1} commits left)`,
    )
    const step = await compare(
      { ...request.compare, baseRef: reference, headRef: commit.sha, gateFrom: 'head' },
      { ...deps, log: () => {} },
    )
    const found = step.targets.filter((t) => targets.includes(t.name))
    const shows = found.find((t) => t.verdict === direction)
    const lead = shows ?? found[0]
    steps.push({
      sha: commit.sha,
      subject: commit.subject,
      pr: commit.pr,
      verdict: lead?.verdict ?? step.verdict,
      delta_pct: lead?.delta?.pct ?? null,
    })
    if (shows) bad = mid
    else good = mid
  }
  const first = candidates[bad]!
  return {
    direction,
    steps,
    first_bad: { sha: first.sha, subject: first.subject, pr: first.pr },
    ...(steps.some((s) => s.verdict === 'inconclusive')
      ? {
          note: 'a step was inconclusive and counted as before the change: the change may lie earlier',
        }
      : {}),
  }
}

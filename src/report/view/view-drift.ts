// What a drift check adds to a report (`importgate drift`): the reference and
// how it was found, the commits since that changed what the import can run,
// and the bisection's steps and the commit it names. Pure.
import type { DriftImportedFile, DriftJson } from '../../results/schema.js'
import { signed } from './format.js'

export interface DriftCommitView {
  /** The first 12 characters of its SHA. */
  short: string
  sha: string
  pr: number | null
  subject: string
}

export interface DriftView {
  /** "`v2.3.0` (the latest release tag)". */
  since: { ref: string; how: string }
  commits: number
  merged: (DriftCommitView & {
    files: string[]
    moreFiles: number
    /** Its files the traced import loads, and whether their changed lines ran; null: not traced. */
    imported: DriftImportedFile[] | null
  })[]
  /** Where to look: the commits with changed lines the traced import runs, or null when nothing was traced. */
  runAtImport: DriftCommitView[] | null
  /** Whether git blame gave the traced lines to commits (else the marks are by file). */
  byLine: boolean
  bisect: {
    steps: (DriftCommitView & { verdict: string; pct: number | null })[]
    direction: string
    firstBad: DriftCommitView | null
    note: string | null
  } | null
  durationS: number
}

const HOW = {
  'latest-tag': 'the latest release tag',
  duration: 'the last commit before then',
  ref: 'as given',
}

const commit = (c: { sha: string; subject: string; pr: number | null }): DriftCommitView => ({
  short: c.sha.slice(0, 12),
  sha: c.sha,
  pr: c.pr,
  // The number is shown before it: "#12 load settings", not "#12 load settings (#12)".
  subject: c.subject.replace(/\s*\(#\d+\)\s*$/, ''),
})

export function driftView(drift: DriftJson | undefined): DriftView | null {
  if (!drift) return null
  return {
    since: { ref: drift.since.ref, how: HOW[drift.since.how] },
    commits: drift.commits,
    merged: drift.merged.map((m) => ({
      ...commit(m),
      files: m.files,
      moreFiles: m.more_files,
      imported: m.imported ?? null,
    })),
    runAtImport: drift.merged.some((m) => m.imported)
      ? drift.merged.filter((m) => m.imported?.some((f) => f.ran)).map(commit)
      : null,
    byLine: drift.merged.some((m) => m.imported?.some((f) => f.lines || f.removed)),
    bisect: drift.bisect
      ? {
          steps: drift.bisect.steps.map((s) => ({
            ...commit(s),
            verdict: s.verdict,
            pct: s.delta_pct,
          })),
          direction: drift.bisect.direction ?? 'change',
          firstBad: drift.bisect.first_bad ? commit(drift.bisect.first_bad) : null,
          note: drift.bisect.note ?? null,
        }
      : null,
    durationS: drift.duration_s,
  }
}

/** "12 min 5 s", "48 s". */
export function durationWords(s: number): string {
  if (s < 60) return `${Math.round(s)} s`
  const min = Math.floor(s / 60)
  return `${min} min ${Math.round(s - min * 60)} s`
}

/** A bisection step's change to a tenth of a percent: "+3.1%", "−19.9%". */
export const stepPct = (pct: number) => signed(pct, (x) => `${x.toFixed(1)}%`)

/** A sentence's first letter in capitals. */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * How the tracer saw a commit's file: "runs at import: lines 33, 40",
 * "its removed lines ran at import", "runs at import" (by file), "loaded at
 * import", or nothing.
 */
export function importedWords(
  m: { imported: DriftImportedFile[] | null },
  file: string,
): string | null {
  const seen = m.imported?.find((f) => f.file === file)
  if (!seen) return null
  if (!seen.ran) return 'loaded at import'
  if (seen.lines?.length) {
    const shown = seen.lines.slice(0, 3).join(', ')
    const more = seen.lines.length > 3 ? ` and ${seen.lines.length - 3} more` : ''
    return `runs at import: line${seen.lines.length === 1 ? '' : 's'} ${shown}${more}`
  }
  if (seen.removed?.length) return 'removed lines that ran at import'
  return 'runs at import'
}

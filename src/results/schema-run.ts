// What a run records beside its targets: how the sides were installed, and
// what a drift check adds (the reference, the commits since, the bisection).
// Types only; schema.ts re-exports them.

/** How the sides were installed, beside the cost of the verdict. */
export interface InstallsJson {
  /** Each side installed: its tool (pip, uv, uv-sync, command), seconds, and uv's cache use. */
  sides: { side: 'base' | 'head'; tool: string; s: number; uv_cache: UvCacheJson | null }[]
  /** uv when it was used: its version, and where it came from (on PATH, fetched by an earlier run, fetched by this one). */
  uv: { version: string; source: 'path' | 'cached' | 'fetched' } | null
  /** Why install auto used pip for a packaged project (uv could not be had, or could not install it); null when it did not. */
  fell_back: string | null
}

/** The packages uv installed, and those it downloaded or built (the project itself always); its cache served the rest. */
export interface UvCacheJson {
  installed: number
  prepared: number
}

/** What one file of a merged commit is to the traced import (`drift.merged[].imported`). */
export interface DriftImportedFile {
  file: string
  /** This commit's own changed lines of it ran at import (where git blame could say; else any changed lines). */
  ran: boolean
  /** Head's lines of it this commit last wrote that run at import. */
  lines?: number[]
  /** The reference's lines of it this commit removed or changed that ran at import there. */
  removed?: number[]
}

/** `importgate drift`: the reference, the commits since, and the bisection when asked for. */
export interface DriftJson {
  /** The reference compared with head, and how it was found. */
  since: { ref: string; sha: string; how: 'latest-tag' | 'duration' | 'ref' }
  /** First-parent commits after the reference, up to head. */
  commits: number
  /** Of those, oldest first, the ones that changed a file that can affect importing (settings.affects). */
  merged: {
    sha: string
    subject: string
    date: string
    /** The pull request its subject names, or null. */
    pr: number | null
    files: string[]
    more_files: number
    /**
     * Of its files, those the traced import of a target loads (from the proof's
     * tracer, docs/statistics.md), and whether changed lines of them ran at
     * import; absent when no import was traced (proof = false, or it failed).
     */
    imported?: DriftImportedFile[]
  }[]
  /** --bisect: each paired compare of the reference with a commit between, and the first that regressed. */
  bisect?: {
    /** The change narrowed: a regression, or where there is none an improvement; absent when nothing was. */
    direction?: 'regression' | 'improvement'
    steps: {
      sha: string
      subject: string
      pr: number | null
      verdict: string
      delta_pct: number | null
    }[]
    first_bad: { sha: string; subject: string; pr: number | null } | null
    /** Why nothing was bisected, or what makes the commit named less certain. */
    note?: string
  }
  /** The whole drift check, bisection included. */
  duration_s: number
}

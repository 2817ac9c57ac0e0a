// Whether a comparison has anything to measure: when no changed file can
// affect importing (docs, CI, images, tests: none matches `affects`, and
// each is inert), it is a pass in seconds, before anything is installed,
// that says why.
import {
  affectingFiles,
  alwaysAffecting,
  notInert,
  type ChangedFile,
} from '../analysis/verdict/affects.js'
import { changedFiles, packageFolders } from '../git/changed-files.js'
import type { Commits } from './compare-checkout.js'

/** The changed files, and those of them that can affect importing. */
export async function affectingChanges(
  repoDir: string,
  { sha }: Commits,
  affects: readonly string[],
  git: { signal?: AbortSignal },
): Promise<{ changes: ChangedFile[]; changed: string[]; affecting: string[] }> {
  const changes = await changedFiles(repoDir, sha.base, sha.head, git)
  const changed = changes.map((c) => c.path)
  const packages = await packageFolders(repoDir, [sha.base, sha.head], git)
  return {
    changes,
    changed,
    affecting: [
      ...new Set([
        ...affectingFiles(changed, affects),
        ...alwaysAffecting(changes, packages),
        ...notInert(changed),
      ]),
    ],
  }
}

/** The document's extras for a comparison that measured nothing. */
export const skippedExtras = (changed: readonly string[]) => ({
  deps: null,
  skipped: {
    reason: 'no-affecting-change' as const,
    changed_count: changed.length,
    changed_files: changed.slice(0, 20),
  },
})

/** The observations and evaluation of a comparison that measured nothing: a pass. */
export const nothingMeasured = {
  observations: { arms: [], rounds: 0, truncated: false },
  evaluation: { targets: [], verdict: 'pass' as const },
}

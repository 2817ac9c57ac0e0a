// Which changed files can affect importing: a pull request that touches none
// (docs, CI, images) cannot change import time, and is passed in seconds
// without building anything. Pure.
import picomatch from 'picomatch'

/**
 * A glob as a matcher (picomatch): `*` and `?` within one path segment, `**`
 * across segments, dot files included. A pattern without `/` matches a file's
 * name in any folder; one with `/` matches the path from the repository root.
 */
const globMatcher = (pattern: string) =>
  picomatch(pattern, { dot: true, basename: !pattern.includes('/') })

/** A changed path and its git modes on base and head (`000000` where absent). */
export interface ChangedFile {
  path: string
  modes: [string, string]
}

const SYMLINK = '120000'
const SUBMODULE = '160000'

/**
 * What can affect importing whatever the patterns say: a symbolic link (one
 * to a package folder is a package), a submodule (its code is imported), and
 * any file inside a folder that is a package on either side (a `data.json`
 * read at import once passed as "nothing to measure", +344 ms). The filter
 * errs towards measuring.
 */
export function alwaysAffecting(
  changed: readonly ChangedFile[],
  packages: ReadonlySet<string>,
): string[] {
  // In a package folder or below one (`pkg/data/rates.json`).
  const inPackage = (path: string) => {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1))
      if (packages.has(path.slice(0, at))) return true
    return false
  }
  return changed
    .filter(
      (c) =>
        c.modes.some((m) => m === SYMLINK || m === SUBMODULE) ||
        (packages.size > 0 && inPackage(c.path)),
    )
    .map((c) => c.path)
}

/**
 * Files no import reads, in practice: documentation, CI and editor settings,
 * images, the tests. A change to anything else that `affects` does not name
 * (a root `conf/rates.json`, a data file in a namespace package, a `.yaml`
 * beside the code) may be read at import wherever it sits, so it is measured:
 * the proof then traces which files the import reads, and passes it in
 * seconds when none changed. The filter errs towards measuring.
 */
export const INERT_FILES: readonly string[] = [
  '*.md',
  '*.rst',
  '*.adoc',
  'docs/**',
  'doc/**',
  '.github/**',
  '.gitlab-ci.yml',
  '.circleci/**',
  '.pre-commit-config.yaml',
  '.readthedocs.yaml',
  '.readthedocs.yml',
  'mkdocs.yml',
  'codecov.yml',
  '.codecov.yml',
  '.gitignore',
  '.gitattributes',
  '.mailmap',
  '.editorconfig',
  'LICENSE*',
  'LICENCE*',
  'COPYING*',
  'AUTHORS*',
  'CONTRIBUTORS*',
  'CHANGELOG*',
  'CHANGES*',
  'HISTORY*',
  'NEWS*',
  'CODEOWNERS',
  '*.png',
  '*.jpg',
  '*.jpeg',
  '*.gif',
  '*.svg',
  '*.ico',
  '*.webp',
  'tests/**',
  'test/**',
]

/** The changed paths that are not inert: each may be read at import, so each is measured. */
export function notInert(paths: readonly string[]): string[] {
  const inert = INERT_FILES.map(globMatcher)
  return paths.filter((path) => !inert.some((isMatch) => isMatch(path)))
}

/** The changed paths (repository-relative, `/`-separated) that any pattern matches. */
export function affectingFiles(paths: readonly string[], patterns: readonly string[]): string[] {
  const globs = patterns.map(globMatcher)
  return paths.filter((path) => globs.some((isMatch) => isMatch(path)))
}

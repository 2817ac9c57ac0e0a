// The files two commits differ in, for "can this change affect importing at all".
import { git, type GitOptions } from '../process/git.js'
import type { ChangedFile } from '../analysis/verdict/affects.js'

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

// The files two commits differ in, for "can this change affect importing at all".
import { git, type GitOptions } from '../process/git.js'
import type { ChangedFile } from '../analysis/affects.js'

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

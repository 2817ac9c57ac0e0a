// The files two commits differ in, for "can this change affect importing at all".
import { git, type GitOptions } from '../process/git.js'

/** Repository-relative paths that differ between the two commits' trees (renames as delete + add). */
export async function changedFiles(
  repoDir: string,
  base: string,
  head: string,
  options: GitOptions = {},
): Promise<string[]> {
  const out = await git(
    ['diff', '--name-only', '--no-renames', '-z', base, head, '--'],
    repoDir,
    options,
  )
  return out.split('\0').filter(Boolean)
}

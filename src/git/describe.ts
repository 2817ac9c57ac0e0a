import { git } from '../process/git.js'

export interface TreeState {
  /** HEAD's commit, or null outside a git repository or before the first commit. */
  sha: string | null
  /** Uncommitted changes to tracked or untracked files. */
  dirty: boolean
}

/** What the working tree at `dir` is, for the results' `head` field. */
export async function describeWorkingTree(dir: string): Promise<TreeState> {
  try {
    const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir)
    const status = await git(['status', '--porcelain', '--untracked-files=normal'], dir)
    return { sha: sha || null, dirty: status.length > 0 }
  } catch {
    return { sha: null, dirty: false }
  }
}

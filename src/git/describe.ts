import { git } from '../process/git.js'

export interface TreeState {
  /** HEAD's commit, or null outside a git repository or before the first commit. */
  sha: string | null
  /** Uncommitted changes to tracked or untracked files. */
  dirty: boolean
}

/**
 * Untracked bytecode is what importing writes (a repository without a
 * .gitignore for it gets one __pycache__ per package from the first run):
 * it changes no source, so it does not make the tree "uncommitted changes".
 */
function isBytecode(path: string): boolean {
  return /(^|\/)__pycache__\/|\.py[co]"?$/.test(path)
}

/** What the working tree at `dir` is, for the results' `head` field. */
export async function describeWorkingTree(dir: string): Promise<TreeState> {
  try {
    const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir)
    const status = await git(['status', '--porcelain', '--untracked-files=all'], dir)
    const changes = status.split('\n').filter((line) => line && !isBytecode(line.slice(3)))
    return { sha: sha || null, dirty: changes.length > 0 }
  } catch {
    return { sha: null, dirty: false }
  }
}

// Which measuring code a bench's compares come from, so that a checkpoint is
// resumed only on the code that began it: the committed tree of src/ and, when
// src/ has uncommitted changes, a hash of them. A checkpoint from other code
// starts afresh (its compares would mix two procedures in one table).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })

/** "tree 1a2b…", "tree 1a2b… + changes 9f8e…", or "unknown" outside a git checkout. */
export function measuringCode(): string {
  try {
    const tree = git('rev-parse', 'HEAD:src').trim()
    const changes = git('diff', 'HEAD', '--', 'src')
    const untracked = git('ls-files', '--others', '--exclude-standard', '--', 'src')
    if (!changes && !untracked) return `tree ${tree}`
    const hash = createHash('sha256').update(changes).update(untracked).digest('hex').slice(0, 12)
    return `tree ${tree} + changes ${hash}`
  } catch {
    return 'unknown'
  }
}

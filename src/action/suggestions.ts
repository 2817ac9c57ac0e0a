// suggest-lazy: the lines that could be lazy (Python 3.15+), offered as
// GitHub suggested changes in one review, on the pull request's own lines.
// A failure is a warning, never a failed check.
import { apiFailure, explainCommentFailure } from '../github/failure.js'
import { reviewSuggestions } from '../github/lazy-suggestions.js'
import { addedLines } from '../git/commits.js'
import { git } from '../process/git.js'
import type { ReportView } from '../report/view/view.js'
import type { ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'
import type { EventRefs } from './inputs.js'

export async function suggestLazy(
  io: ActionIo,
  config: ActionConfig,
  view: ReportView,
  base: string,
  refs: EventRefs,
): Promise<void> {
  if (!view.lazyImports.some((item) => item.lazy.never_needed.length)) return
  const head = refs.pullHeadSha
  if (refs.pullNumber === null || !head) return
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string]
  // The pull request's own head: review lines are counted in its files, not the merge commit's.
  const changed = await addedLines(config.repoDir, base, head).catch(() => null)
  if (!changed) {
    io.warning(
      `importgate: no lazy-import suggestions: the pull request's head commit ${head.slice(0, 12)} is not in the checkout (actions/checkout with fetch-depth: 0 has it)`,
    )
    return
  }
  // Only the files a suggestion can land in: the lines nothing needed, in the diff.
  const files = new Set(
    view.lazyImports.flatMap((item) =>
      item.lazy.never_needed.filter((l) => changed.get(l.file)?.has(l.line)).map((l) => l.file),
    ),
  )
  const texts = new Map<string, string | null>()
  for (const path of files)
    texts.set(path, await git(['show', `${head}:${path}`], config.repoDir).catch(() => null))
  try {
    const api = io.comments(config.token, owner, repo, refs.pullNumber)
    const comments = reviewSuggestions(view.lazyImports, {
      text: (path) => texts.get(path) ?? null,
      changed: (path) => changed.get(path) ?? new Set(),
      existing: await api.reviewComments(),
      floorMs: view.run.settings.min_delta_ms,
    })
    if (!comments.length) return
    await api.createReview(head, comments)
    io.info(
      `importgate: suggested ${comments.length} lazy import${comments.length > 1 ? 's' : ''} on the pull request`,
    )
  } catch (error) {
    const why = explainCommentFailure(apiFailure(error), refs.fromFork, {
      number: refs.pullNumber,
      repo: `${owner}/${repo}`,
    })
    io.warning(`importgate: the lazy-import suggestions were not posted. ${why}`)
  }
}

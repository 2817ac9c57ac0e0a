// One comment per (workflow, job, comment-key), found by its hidden marker
// among all of the pull request's comments, updated in place, never doubled.

/** always: post or update; on-change: post only when not a pass (update what exists); never. */
export type CommentMode = 'always' | 'on-change' | 'never'

export interface IssueComment {
  id: number
  body?: string | null
  html_url: string
}

/** The issue-comments endpoints of one pull request. */
export interface CommentsApi {
  /** Every comment, all pages, oldest first. */
  list(): Promise<IssueComment[]>
  create(body: string): Promise<IssueComment>
  update(id: number, body: string): Promise<IssueComment>
  remove(id: number): Promise<void>
}

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536

export function marker(key: string): string {
  return `<!-- importgate:${key} -->`
}

export interface StickyOutcome {
  action: 'created' | 'updated' | 'skipped'
  comment: IssueComment | null
  /** Duplicates (from concurrent runs) that were deleted. */
  removed: number
}

/**
 * Creates or updates the comment whose body starts with `mark`. When several
 * exist (two runs raced), the oldest is kept and the others deleted. In
 * 'on-change' mode a passing run creates nothing, but updates what exists.
 */
export async function upsertSticky(
  api: CommentsApi,
  mark: string,
  body: string,
  mode: CommentMode,
  passing: boolean,
): Promise<StickyOutcome> {
  const full = `${mark}\n${body}`
  if (full.length > COMMENT_LIMIT)
    throw new Error(`comment body is ${full.length} characters, over GitHub's ${COMMENT_LIMIT}`)
  const mine = (await api.list())
    .filter((c) => c.body?.startsWith(mark))
    .sort((a, b) => a.id - b.id)
  const [oldest, ...duplicates] = mine
  if (!oldest) {
    if (mode === 'never' || (mode === 'on-change' && passing))
      return { action: 'skipped', comment: null, removed: 0 }
    return { action: 'created', comment: await api.create(full), removed: 0 }
  }
  if (mode === 'never') return { action: 'skipped', comment: oldest, removed: 0 }
  const comment = await api.update(oldest.id, full)
  for (const extra of duplicates) await api.remove(extra.id)
  return { action: 'updated', comment, removed: duplicates.length }
}

// One comment per (workflow, job, comment-key), found by its hidden marker
// among the comments importgate's token wrote, updated in place, never doubled.
// Anyone can start a comment with the marker; only the token's own are adopted.

/** always: post or update; on-change: post only when not a pass (update what exists); never. */
export type CommentMode = 'always' | 'on-change' | 'never'

export interface IssueComment {
  id: number
  body?: string | null
  html_url: string
  /** Who wrote it: GitHub's login, and whether that is an app (a bot) rather than a person. */
  author?: { login: string; bot: boolean } | null
}

/**
 * Who the token writes as: a login (a personal token), or `bot` when GitHub
 * will not say (an installation token, such as the job's GITHUB_TOKEN, writes
 * as an app, and apps cannot ask who they are on this endpoint).
 */
export type Writer = { login: string } | 'bot'

/** What the sticky comment needs of the API. */
export interface StickyApi {
  /** Every comment, all pages, oldest first. */
  list(): Promise<IssueComment[]>
  create(body: string): Promise<IssueComment>
  update(id: number, body: string): Promise<IssueComment>
  remove(id: number): Promise<void>
  /** Who this token writes as. */
  writer(): Promise<Writer>
}

/** The pull request as the action sees it: its comments, and its head. */
export interface CommentsApi extends StickyApi {
  /** The pull request's head commit, as GitHub has it now. */
  headSha(): Promise<string>
  /** The review comments on its lines, all pages. */
  reviewComments(): Promise<ReviewComment[]>
  /** One review (a comment, neither approval nor change request) with these line comments on `commitId`. */
  createReview(commitId: string, comments: readonly ReviewComment[]): Promise<void>
}

/** A comment on one line of the pull request's right side. */
export interface ReviewComment {
  path: string
  /** null: GitHub has it as outdated. */
  line: number | null
  body: string
}

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536

/**
 * The body to post: the report, or, when it is too long for a comment, its
 * headline (the verdict stays visible, and replaces an older one) and where
 * the whole report is.
 */
export function fittedBody(
  mark: string,
  report: string,
  headline: string,
  whereWhole: string,
): string {
  if (mark.length + 1 + report.length <= COMMENT_LIMIT) return report
  const note = `${headline}\n\nThe full report is ${report.length.toLocaleString('en-US')} characters, more than GitHub takes in a comment (${COMMENT_LIMIT.toLocaleString('en-US')}): it is in the job summary ${whereWhole}.\n`
  return note.length + mark.length + 1 <= COMMENT_LIMIT
    ? note
    : `The full report is too long for a comment: it is in the job summary ${whereWhole}.\n`
}

export function marker(key: string): string {
  return `<!-- importgate:${key} -->`
}

export interface StickyOutcome {
  action: 'created' | 'updated' | 'skipped'
  comment: IssueComment | null
  /** Duplicates (from concurrent runs) that were deleted. */
  removed: number
}

/** Whether the token could have written this comment (or issue). */
export function writtenBy(writer: Writer, c: { author?: IssueComment['author'] }): boolean {
  if (!c.author) return false
  return writer === 'bot' ? c.author.bot : c.author.login === writer.login
}

/**
 * Creates or updates the comment of this token whose body starts with `mark`. When several
 * exist (two runs raced), the oldest is kept and the others deleted. In
 * 'on-change' mode a passing run creates nothing, but updates what exists.
 */
export async function upsertSticky(
  api: StickyApi,
  mark: string,
  body: string,
  mode: CommentMode,
  passing: boolean,
): Promise<StickyOutcome> {
  const full = `${mark}\n${body}`
  if (full.length > COMMENT_LIMIT)
    throw new Error(`comment body is ${full.length} characters, over GitHub's ${COMMENT_LIMIT}`)
  const writer = await api.writer()
  const mine = (await api.list())
    .filter((c) => c.body?.startsWith(mark) && writtenBy(writer, c))
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

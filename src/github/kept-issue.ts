// The drift check's one issue ("Import time since v2.3.0"), found by its
// hidden marker among the issues with importgate's label that the token
// wrote, open or closed, and updated in place: never a second one, and a
// closed one is updated but not reopened (whoever closed it decides).
import { writtenBy, type CommentMode, type Writer } from './sticky-comment.js'

export interface KeptIssue {
  number: number
  title: string
  body?: string | null
  state: 'open' | 'closed'
  html_url: string
  author?: { login: string; bot: boolean } | null
}

/** What the kept issue needs of the API. */
export interface KeptIssueApi {
  /** Issues (not pull requests) carrying the label, open and closed, oldest first, all pages. */
  labelled(label: string): Promise<KeptIssue[]>
  /** Creates the label unless the repository has it. */
  ensureLabel(label: string, description: string): Promise<void>
  create(title: string, body: string, label: string): Promise<KeptIssue>
  update(number: number, title: string, body: string): Promise<KeptIssue>
  /** Closes an issue as a duplicate (of the one kept). */
  closeAsDuplicate(number: number): Promise<void>
  writer(): Promise<Writer>
}

/** The label the kept issue carries: how it is found without reading every issue. */
export const DRIFT_LABEL = 'importgate-drift'
const LABEL_DESCRIPTION = 'Import time since the last release, kept up to date by importgate'

export function driftMarker(key: string): string {
  return `<!-- importgate-drift:${key} -->`
}

export interface KeptIssueOutcome {
  action: 'created' | 'updated' | 'skipped'
  issue: KeptIssue | null
  /** Other open issues of this token with the marker (runs that raced made them): closed as duplicates. */
  closed: number[]
}

/**
 * Creates the issue, or updates the oldest of this token's issues that carry
 * the label and start with `mark` (closing the token's other open ones). `body` is given the issue's body as it is
 * (null when there is none), so that what it keeps (the history) carries
 * over. `mode` as for the sticky comment: on-change creates nothing on a pass,
 * never touches nothing.
 */
export async function upsertKeptIssue(
  api: KeptIssueApi,
  issue: { mark: string; title: string; body: (previous: string | null) => string },
  mode: CommentMode,
  passing: boolean,
): Promise<KeptIssueOutcome> {
  if (mode === 'never') return { action: 'skipped', issue: null, closed: [] }
  const writer = await api.writer()
  const mine = (await api.labelled(DRIFT_LABEL))
    .filter((i) => i.body?.startsWith(issue.mark) && writtenBy(writer, i))
    .sort((a, b) => a.number - b.number)
  const [oldest, ...others] = mine
  if (!oldest) {
    if (mode === 'on-change' && passing) return { action: 'skipped', issue: null, closed: [] }
    await api.ensureLabel(DRIFT_LABEL, LABEL_DESCRIPTION)
    const created = await api.create(issue.title, `${issue.mark}\n${issue.body(null)}`, DRIFT_LABEL)
    return { action: 'created', issue: created, closed: [] }
  }
  const previous = oldest.body!.slice(issue.mark.length)
  const updated = await api.update(
    oldest.number,
    issue.title,
    `${issue.mark}\n${issue.body(previous)}`,
  )
  // Two runs that raced each made one: the oldest is kept, the others closed, never deleted.
  const closed = others.filter((i) => i.state === 'open').map((i) => i.number)
  for (const number of closed) await api.closeAsDuplicate(number)
  return { action: 'updated', issue: updated, closed }
}

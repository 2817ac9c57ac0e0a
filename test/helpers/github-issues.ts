// The loopback GitHub's issue and label endpoints (github-server.ts), as
// GitHub answers them: the drift check's one issue, found by its label.
import { ACTIONS_BOT, type FakeGitHub } from './github-server.js'

export interface Answer {
  status: number
  data?: unknown
  headers?: Record<string, string>
}

/** The answer to an issue or label request; undefined for any other request. */
export function issueEndpoint(
  fake: FakeGitHub,
  base: string,
  method: string,
  path: string,
  query: Record<string, string>,
  given: unknown,
): Answer | undefined {
  const issuesPath = `${base}/issues`
  const one = new RegExp(`^${base}/issues/(\\d+)$`).exec(path)
  const label = new RegExp(`^${base}/labels/([^/]+)$`).exec(path)
  const ours = path === issuesPath || one || label || path === `${base}/labels`
  if (!ours) return undefined
  if (fake.failIssues)
    return { status: fake.failIssues.status, data: { message: fake.failIssues.message } }
  const body = (given ?? {}) as {
    title?: string
    body?: string
    labels?: string[]
    state?: string
    state_reason?: string
  }
  if (path === issuesPath && method === 'GET') {
    const wanted = query.labels ? query.labels.split(',') : []
    const state = query.state ?? 'open'
    const found = fake.issues.filter(
      (i) =>
        (state === 'all' || i.state === state) &&
        wanted.every((w) => i.labels.some((l) => l.name === w)),
    )
    const perPage = Number(query.per_page ?? 30)
    const page = Number(query.page ?? 1)
    const pages = Math.max(1, Math.ceil(found.length / perPage))
    const link = (p: number) =>
      `<${fake.url}${issuesPath}?${new URLSearchParams({ ...query, page: String(p) })}>`
    const rels = [page < pages ? `${link(page + 1)}; rel="next"` : '', `${link(pages)}; rel="last"`]
    return {
      status: 200,
      data: found.slice((page - 1) * perPage, page * perPage),
      headers: { link: rels.filter(Boolean).join(', ') },
    }
  }
  if (path === issuesPath && method === 'POST') {
    // As GitHub: a label the repository lacks is made (the token may push).
    for (const name of body.labels ?? []) if (!fake.labels.includes(name)) fake.labels.push(name)
    const issue = fake.addIssue({
      title: body.title ?? '',
      body: body.body ?? '',
      labels: (body.labels ?? []).map((name) => ({ name })),
      user: ACTIONS_BOT,
    })
    return { status: 201, data: issue }
  }
  if (one && method === 'PATCH') {
    const issue = fake.issues.find((i) => i.number === Number(one[1]))
    if (!issue) return { status: 404, data: { message: 'Not Found' } }
    if (body.title !== undefined) issue.title = body.title
    if (body.body !== undefined) issue.body = body.body
    if (body.state === 'open' || body.state === 'closed') {
      issue.state = body.state
      issue.state_reason = body.state_reason ?? null
    }
    return { status: 200, data: issue }
  }
  if (label && method === 'GET') {
    const name = decodeURIComponent(label[1]!)
    return fake.labels.includes(name)
      ? { status: 200, data: { id: 1, name, color: 'f0883e' } }
      : { status: 404, data: { message: 'Not Found' } }
  }
  if (path === `${base}/labels` && method === 'POST') {
    const name = (given as { name: string }).name
    if (fake.labels.includes(name))
      return {
        status: 422,
        data: { message: 'Validation Failed', errors: [{ code: 'already_exists' }] },
      }
    fake.labels.push(name)
    return { status: 201, data: { id: 1, name, color: 'f0883e' } }
  }
  return undefined
}

// A loopback stand-in for GitHub's REST API, just the endpoints importgate
// uses (issue comments, reviews, the drift check's issue and label), that checks every request against GitHub's published OpenAPI
// description (@octokit/openapi): the path and method must exist, path and
// query parameters and JSON bodies must match their schemas.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { Ajv } from 'ajv'
import { issueEndpoint } from './github-issues.js'

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: object
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> }
}
type Spec = { paths: Record<string, Record<string, Operation>> }

let spec: Spec | null = null
function loadSpec(): Spec {
  if (!spec) {
    const require = createRequire(import.meta.url)
    const path = require.resolve('@octokit/openapi/generated/api.github.com.deref.json')
    spec = JSON.parse(readFileSync(path, 'utf8')) as Spec
  }
  return spec
}

export interface ReviewCommentBody {
  path: string
  line?: number
  side?: string
  body: string
}

export interface StoredComment {
  id: number
  body: string
  html_url: string
  user: { login: string; type: 'User' | 'Bot' }
}

export interface StoredIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason?: string | null
  labels: { name: string }[]
  html_url: string
  user: StoredComment['user']
}

/** Who the job's GITHUB_TOKEN writes as. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' } as const
/** Anyone else. */
export const A_PERSON = { login: 'octocat', type: 'User' } as const

export interface FakeGitHub {
  url: string
  comments: StoredComment[]
  requests: { method: string; path: string; query: Record<string, string> }[]
  /** Every way a request departed from the OpenAPI description. */
  violations: string[]
  /** When set, creating a comment answers with this status (403: a fork's read-only token). */
  failCreate: number | null
  /** Answers for the next comment creations, consumed in order, before failCreate applies. */
  createAnswers: { status: number; message?: string; headers?: Record<string, string> }[]
  /** How many of the next requests get no answer at all (a silent API). */
  hang: number
  /** The pull request's head commit, as GET /pulls/{number} answers it. */
  pullHeadSha: string
  /** Reviews created (POST /pulls/{number}/reviews), as sent. */
  reviews: { commit_id?: string; event?: string; comments?: ReviewCommentBody[] }[]
  /** Review comments on the pull request's lines (its reviews' and any added). */
  reviewComments: (ReviewCommentBody & { id: number; user: StoredComment['user'] })[]
  /** A comment as someone wrote it (a person, unless told). */
  addComment(body: string, user?: StoredComment['user']): StoredComment
  /** The repository's issues (and pull requests, which the issues endpoint lists too). */
  issues: (StoredIssue & { pull_request?: object })[]
  /** The repository's labels, by name. */
  labels: string[]
  /** When set, every issue and label request answers with this status (410: issues turned off). */
  failIssues: { status: number; message: string } | null
  /** An issue as someone wrote it (a person, unless told). */
  addIssue(issue: Partial<StoredIssue> & { body: string }): StoredIssue
  close(): Promise<void>
}

/**
 * The description marks some schemas `nullable` without a `type` (an issue's
 * milestone: a oneOf of a string and a number), which Ajv refuses: there, null
 * is added as one more of the choices.
 */
const ready = new WeakMap<object, object>()
function ajvReadyOnce(schema: object): object {
  if (!ready.has(schema)) ready.set(schema, ajvReady(schema) as object)
  return ready.get(schema)!
}

function ajvReady(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(ajvReady)
  if (!schema || typeof schema !== 'object') return schema
  const { nullable, ...rest } = schema as Record<string, unknown>
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, ajvReady(v)]))
  if (nullable !== true) return out
  if ('type' in out) return { ...out, nullable }
  return { anyOf: [out, { type: 'null' }] }
}

function templateRegex(template: string): RegExp {
  return new RegExp(
    `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`,
  )
}

export async function startGitHub(owner: string, repo: string, pull: number): Promise<FakeGitHub> {
  const openapi = loadSpec()
  const ajv = new Ajv({
    strict: false,
    coerceTypes: true,
    allErrors: true,
    // GitHub's ids and counts: checked, rather than ignored with a warning on every request.
    formats: { int64: { type: 'number', validate: (n: number) => Number.isInteger(n) } },
  })
  const templates = Object.keys(openapi.paths).map((t) => ({
    t,
    re: templateRegex(t),
    names: [...t.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
  }))
  let nextId = 1000
  const fake: FakeGitHub = {
    url: '',
    comments: [],
    requests: [],
    violations: [],
    failCreate: null,
    createAnswers: [],
    hang: 0,
    pullHeadSha: '0'.repeat(40),
    reviews: [],
    reviewComments: [],
    issues: [],
    labels: [],
    failIssues: null,
    addIssue(given) {
      const number = fake.issues.length + 1
      const issue: StoredIssue = {
        number,
        title: 'an issue',
        state: 'open',
        labels: [],
        user: A_PERSON,
        html_url: `https://github.com/${owner}/${repo}/issues/${number}`,
        ...given,
      }
      fake.issues.push(issue)
      return issue
    },
    addComment(body, user = A_PERSON) {
      const comment = {
        id: nextId++,
        body,
        user,
        html_url: `https://github.com/${owner}/${repo}/pull/${pull}#issuecomment-${nextId}`,
      }
      fake.comments.push(comment)
      return comment
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hung.splice(0)) res.destroy()
        server.close(() => resolve())
      }),
  }

  function check(method: string, path: string, query: Record<string, string>, body: unknown): void {
    const where = `${method} ${path}`
    const match = templates.find(({ re }) => re.test(path))
    if (!match) return void fake.violations.push(`${where}: no such endpoint`)
    const operation = openapi.paths[match.t]![method.toLowerCase()]
    if (!operation)
      return void fake.violations.push(`${where}: ${method} is not an operation of ${match.t}`)
    const values = match.re.exec(path)!.slice(1)
    const params = operation.parameters ?? []
    for (const [i, name] of match.names.entries()) {
      const p = params.find((x) => x.in === 'path' && x.name === name)
      if (
        p?.schema &&
        !ajv.validate(
          { type: 'object', properties: { v: p.schema } },
          { v: decodeURIComponent(values[i]!) },
        )
      ) {
        fake.violations.push(`${where}: path parameter ${name}: ${ajv.errorsText()}`)
      }
    }
    for (const [name, value] of Object.entries(query)) {
      const p = params.find((x) => x.in === 'query' && x.name === name)
      if (!p) fake.violations.push(`${where}: unknown query parameter ${name}`)
      else if (
        p.schema &&
        !ajv.validate({ type: 'object', properties: { v: p.schema } }, { v: value })
      ) {
        fake.violations.push(`${where}: query parameter ${name}=${value}: ${ajv.errorsText()}`)
      }
    }
    const schema = operation.requestBody?.content?.['application/json']?.schema
    if (operation.requestBody?.required && body === undefined)
      fake.violations.push(`${where}: a JSON body is required`)
    if (schema && body !== undefined && !ajv.validate(ajvReadyOnce(schema), body)) {
      fake.violations.push(`${where}: body: ${ajv.errorsText()}`)
    }
  }

  const send = (
    res: ServerResponse,
    status: number,
    data?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(data === undefined ? '' : JSON.stringify(data))
  }
  const base = `/repos/${owner}/${repo}`

  /** Requests left unanswered, ended when the server closes. */
  const hung: ServerResponse[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const query = Object.fromEntries(url.searchParams)
      const text = Buffer.concat(chunks).toString('utf8')
      const body = text ? (JSON.parse(text) as { body?: string }) : undefined
      const method = req.method ?? 'GET'
      fake.requests.push({ method, path: url.pathname, query })
      check(method, url.pathname, query, body)
      if (fake.hang > 0) {
        fake.hang--
        hung.push(res)
        return
      }
      const issueAnswer = issueEndpoint(fake, base, method, url.pathname, query, body)
      if (issueAnswer) return send(res, issueAnswer.status, issueAnswer.data, issueAnswer.headers)
      const list = `${base}/issues/${pull}/comments`
      const one = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname)
      if (url.pathname === list && method === 'GET') {
        const perPage = Number(query.per_page ?? 30)
        const page = Number(query.page ?? 1)
        const pages = Math.max(1, Math.ceil(fake.comments.length / perPage))
        const link = (p: number) => `<${fake.url}${list}?per_page=${perPage}&page=${p}>`
        const rels = [
          page < pages ? `${link(page + 1)}; rel="next"` : '',
          `${link(pages)}; rel="last"`,
        ].filter(Boolean)
        return send(res, 200, fake.comments.slice((page - 1) * perPage, page * perPage), {
          link: rels.join(', '),
        })
      }
      if (url.pathname === list && method === 'POST') {
        const answer = fake.createAnswers.shift()
        if (answer)
          return send(res, answer.status, { message: answer.message ?? 'failed' }, answer.headers)
        if (fake.failCreate)
          return send(res, fake.failCreate, { message: 'Resource not accessible by integration' })
        return send(res, 201, fake.addComment(body?.body ?? '', ACTIONS_BOT))
      }
      const found = one ? fake.comments.find((c) => c.id === Number(one[1])) : undefined
      if (found && method === 'PATCH') {
        found.body = body?.body ?? ''
        return send(res, 200, found)
      }
      if (found && method === 'DELETE') {
        fake.comments.splice(fake.comments.indexOf(found), 1)
        return send(res, 204)
      }
      // Like GITHUB_TOKEN, an installation token: GitHub will not say who it is.
      if (url.pathname === '/user' && method === 'GET')
        return send(res, 403, { message: 'Resource not accessible by integration' })
      if (url.pathname === `${base}/pulls/${pull}/comments` && method === 'GET')
        return send(
          res,
          200,
          fake.reviewComments.map((c) => ({ ...c, line: c.line ?? null })),
        )
      if (url.pathname === `${base}/pulls/${pull}/reviews` && method === 'POST') {
        const review = body as FakeGitHub['reviews'][number]
        fake.reviews.push(review)
        for (const c of review.comments ?? [])
          fake.reviewComments.push({ ...c, id: nextId++, user: ACTIONS_BOT })
        return send(res, 200, { id: nextId++, state: 'COMMENTED', commit_id: review.commit_id })
      }
      if (url.pathname === `${base}/pulls/${pull}` && method === 'GET')
        return send(res, 200, { number: pull, head: { sha: fake.pullHeadSha } })
      send(res, 404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}

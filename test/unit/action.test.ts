import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { actionConfig, actionName, list } from '../../src/action/inputs.js'
import { refsFromEvent } from '../../src/action/inputs.js'
import { importLocation } from '../../src/github/import-location.js'
import {
  marker,
  upsertSticky,
  type StickyApi,
  type Writer,
  type IssueComment,
} from '../../src/github/sticky-comment.js'
import { writeFiles } from '../helpers/project.js'

const none = { baseRef: null, headRef: null }

describe('refsFromEvent', () => {
  it('compares the PR base with the checked-out merge commit on pull_request', () => {
    expect(
      refsFromEvent(
        'pull_request',
        { pull_request: { number: 7, base: { sha: 'b1' }, head: { sha: 'h1' } } },
        'm1',
        none,
      ),
    ).toEqual({ base: 'b1', head: 'm1', pullNumber: 7, fromFork: null, pullHeadSha: 'h1' })
  })

  it('uses the checkout, not GITHUB_SHA, on pull_request_target', () => {
    expect(
      refsFromEvent(
        'pull_request_target',
        { pull_request: { number: 7, base: { sha: 'b1' } } },
        'basebranch',
        none,
      ).head,
    ).toBe('HEAD')
  })

  it('compares before..after on push, and asks for base-ref on a new branch', () => {
    expect(refsFromEvent('push', { before: 'a1', after: 'a2' }, 'a2', none)).toEqual({
      base: 'a1',
      head: 'a2',
      pullNumber: null,
      fromFork: null,
      pullHeadSha: null,
    })
    expect(() =>
      refsFromEvent('push', { before: '0'.repeat(40), after: 'a2' }, 'a2', none),
    ).toThrow(/input "base-ref" is needed: this push has no previous commit/)
  })

  it('takes the inputs on other events, and lets them win everywhere', () => {
    expect(refsFromEvent('workflow_dispatch', {}, 's', { baseRef: 'main', headRef: null })).toEqual(
      { base: 'main', head: 's', pullNumber: null, fromFork: null, pullHeadSha: null },
    )
    expect(() => refsFromEvent('workflow_dispatch', {}, 's', none)).toThrow(
      /the workflow_dispatch event names no base commit/,
    )
    // A schedule without base-ref most likely wants the drift check, and is told of it.
    expect(() => refsFromEvent('schedule', {}, 's', none)).toThrow(
      /the schedule event names no base commit; set base-ref to a branch, tag or SHA, or mode: drift to compare the default branch with its latest release$/,
    )
    expect(
      refsFromEvent('pull_request', { pull_request: { number: 1, base: { sha: 'b' } } }, 'm', {
        baseRef: 'v1.0',
        headRef: 'v2.0',
      }),
    ).toMatchObject({ base: 'v1.0', head: 'v2.0' })
  })
})

describe('actionConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'importgate-action-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const given = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('reads lists, budgets and the gate from inputs', () => {
    const c = actionConfig(
      given({
        targets: 'a, b\nc',
        budgets: 'a=300ms\nb=1s',
        forbid: 'paramiko',
        'enforce-lazy': 'true',
        'fail-on': 'regression,error',
        comment: 'on-change',
      }),
      dir,
    )
    expect(c.given).toMatchObject({
      targets: ['a', 'b', 'c'],
      budgetsMs: { a: 300, b: 1000 },
      forbid: ['paramiko'],
      enforceLazy: true,
    })
    expect(actionConfig(given({ 'enforce-lazy': 'False' }), dir).given.enforceLazy).toBe(false)
    expect(actionConfig(given({}), dir).given.enforceLazy).toBeUndefined()
    expect(c).toMatchObject({
      failOn: ['regression', 'error'],
      comment: 'on-change',
      python: 'python3',
      artifactName: 'importgate',
    })
    expect(list(' , x ,, ')).toEqual(['x'])
  })

  it('names the input in its errors', () => {
    expect(() => actionConfig(given({ threshold: 'high' }), dir)).toThrow(
      /input "threshold": "high" is not a percentage/,
    )
    expect(() => actionConfig(given({ 'instructions-threshold': '0' }), dir)).toThrow(
      /input "instructions-threshold": "0" must be more than 0%/,
    )
    expect(() => actionConfig(given({ targets: 'my-pkg' }), dir)).toThrow(
      /input "targets": "my-pkg" is not a Python module name/,
    )
    expect(() => actionConfig(given({ 'fail-on': 'regresion' }), dir)).toThrow(
      /input "fail-on": "regresion" is not a verdict/,
    )
    expect(() => actionConfig(given({ 'working-directory': '../out' }), dir)).toThrow(
      /input "working-directory": "..\/out" is outside the repository/,
    )
    expect(() => actionConfig(given({ budgets: 'shop' }), dir)).toThrow(
      /input "budgets": "shop" should be TARGET=DURATION/,
    )
    expect(() => actionConfig(given({ 'enforce-lazy': 'yes' }), dir)).toThrow(
      /input "enforce-lazy": "yes" is not true or false/,
    )
    expect(() => actionConfig(given({ metrics: 'rss' }), dir)).toThrow(
      /input "metrics": "rss" is not a metric/,
    )
    expect(actionName('python')).toBe('input "python"')
    expect(actionName('install')).toBe('input "install"')
    expect(() => actionConfig(given({ comment: 'sometimes' }), dir)).toThrow(
      /input "comment": "sometimes" is not one of always, on-change, never/,
    )
  })

  it("takes mode drift's inputs, defaults its fail-on to error, and refuses what a mode would leave unused", () => {
    const drift = actionConfig(given({ mode: 'drift', since: '90 days', bisect: 'true' }), dir)
    expect(drift).toMatchObject({
      mode: 'drift',
      since: '90 days',
      bisect: true,
      failOn: ['error'],
    })
    expect(actionConfig(given({ mode: 'drift', 'fail-on': 'regression' }), dir).failOn).toEqual([
      'regression',
    ])
    expect(actionConfig(given({ bisect: 'false' }), dir).bisect).toBe(false)
    expect(() => actionConfig(given({ since: 'v1.0' }), dir)).toThrow(
      /input "since": only mode drift compares with a reference; this is mode measure \(set mode: drift, or base-ref for a comparison with v1\.0\)/,
    )
    expect(() => actionConfig(given({ bisect: 'true' }), dir)).toThrow(
      /input "bisect": only mode drift bisects; this is mode measure/,
    )
    expect(() => actionConfig(given({ mode: 'drift', 'base-ref': 'v1.0' }), dir)).toThrow(
      /input "base-ref": mode drift compares head with since .*; set since: v1\.0 instead/,
    )
    expect(() => actionConfig(given({ mode: 'drift', 'suggest-lazy': 'true' }), dir)).toThrow(
      /input "suggest-lazy": mode drift has no pull request/,
    )
    expect(() => actionConfig(given({ mode: 'creep' }), dir)).toThrow(
      /input "mode": "creep" is not one of measure, publish, drift/,
    )
  })
})

describe('importLocation', () => {
  const ws = mkdtempSync(join(tmpdir(), 'importgate-action-'))
  afterAll(() => rmSync(ws, { recursive: true, force: true }))
  writeFiles(ws, {
    'src/shop/__init__.py': '"""Shop."""\nfrom shop import orders\n',
    'src/shop/orders.py': '# orders\nimport os\nimport asyncio.events\nfrom . import money\n',
  })

  it('finds the line that imports a module, relative to the workspace', () => {
    expect(importLocation(ws, ws, 'shop.orders', 'asyncio')).toEqual({
      file: 'src/shop/orders.py',
      line: 3,
    })
    expect(importLocation(ws, ws, 'shop', 'shop.orders')).toEqual({
      file: 'src/shop/__init__.py',
      line: 2,
    })
    expect(importLocation(ws, ws, 'shop.orders', 'shop.money')).toEqual({
      file: 'src/shop/orders.py',
      line: 4,
    })
  })

  it('gives up on modules that are not in the checkout', () => {
    expect(importLocation(ws, ws, 'asyncio', 'asyncio.events')).toBeNull()
  })
})

describe('upsertSticky', () => {
  const BOT = { login: 'github-actions[bot]', bot: true }
  function api(initial: IssueComment[], writer: Writer = 'bot') {
    const comments = initial.map((c) => ({ author: BOT, ...c }))
    const calls: string[] = []
    const impl: StickyApi = {
      writer: async () => writer,
      list: async () => [...comments],
      create: async (body) => {
        calls.push('create')
        const c = { id: 99, body, html_url: 'u99', author: BOT }
        comments.push(c)
        return c
      },
      update: async (id, body) => {
        calls.push(`update ${id}`)
        const c = comments.find((x) => x.id === id)!
        c.body = body
        return c
      },
      remove: async (id) => {
        calls.push(`remove ${id}`)
        comments.splice(
          comments.findIndex((x) => x.id === id),
          1,
        )
      },
    }
    return { impl, comments, calls }
  }
  const mark = marker('ci/imports')

  it('keeps the oldest of duplicates from concurrent runs and deletes the rest', async () => {
    const a = api([
      { id: 5, body: `${mark}\nold`, html_url: 'u5' },
      { id: 3, body: `${mark}\nolder`, html_url: 'u3' },
      { id: 4, body: 'other', html_url: 'u4' },
    ])
    const outcome = await upsertSticky(a.impl, mark, 'new', 'always', true)
    expect(outcome).toMatchObject({ action: 'updated', removed: 1 })
    expect(a.calls).toEqual(['update 3', 'remove 5'])
  })

  it('creates nothing for a pass in on-change mode, but updates an existing comment', async () => {
    expect((await upsertSticky(api([]).impl, mark, 'x', 'on-change', true)).action).toBe('skipped')
    expect((await upsertSticky(api([]).impl, mark, 'x', 'on-change', false)).action).toBe('created')
    const a = api([{ id: 1, body: `${mark}\nold`, html_url: 'u1' }])
    expect((await upsertSticky(a.impl, mark, 'x', 'on-change', true)).action).toBe('updated')
  })

  it("adopts only the token's own comments, whoever else starts one with the marker (issue 29: 10)", async () => {
    const person = { login: 'mallory', bot: false }
    const a = api([
      { id: 2, body: `${mark}\nplanted`, html_url: 'u2', author: person },
      { id: 6, body: `${mark}\nours`, html_url: 'u6' },
    ])
    expect(await upsertSticky(a.impl, mark, 'new', 'always', true)).toMatchObject({
      action: 'updated',
      removed: 0,
    })
    expect(a.calls).toEqual(['update 6'])
    // With nothing of its own, it creates its comment and leaves the planted one alone.
    const b = api([{ id: 2, body: `${mark}\nplanted`, html_url: 'u2', author: person }])
    expect((await upsertSticky(b.impl, mark, 'new', 'always', true)).action).toBe('created')
    expect(b.calls).toEqual(['create'])
    // A personal token writes as its person: only that person's comments are its own.
    const c = api(
      [
        { id: 2, body: `${mark}\nplanted`, html_url: 'u2', author: person },
        { id: 3, body: `${mark}\nbot's`, html_url: 'u3' },
        { id: 7, body: `${mark}\nmine`, html_url: 'u7', author: { login: 'me', bot: false } },
      ],
      { login: 'me' },
    )
    await upsertSticky(c.impl, mark, 'new', 'always', true)
    expect(c.calls).toEqual(['update 7'])
  })

  it('refuses a body over GitHub’s limit', async () => {
    await expect(
      upsertSticky(api([]).impl, mark, 'x'.repeat(70_000), 'always', false),
    ).rejects.toThrow(/over GitHub's 65536/)
  })
})

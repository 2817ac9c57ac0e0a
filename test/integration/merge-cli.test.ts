// `importgate merge` on files: the report of several jobs, its exit status,
// and a message naming the file and the field for each file it refuses.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { cli } from '../helpers/cli.js'
import { removeDir, tempDir } from '../helpers/project.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8')

describe('importgate merge', () => {
  const dir = tempDir()
  afterAll(() => removeDir(dir))
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    return name
  }
  const regression = JSON.parse(fixture('regression-two-targets.json'))
  const a = write('a.json', JSON.stringify({ ...regression, label: 'py3.11' }))
  const b = write('b.json', JSON.stringify({ ...regression, label: 'py3.13' }))

  it('writes one report for the jobs and fails with the most serious verdict', async () => {
    const { status, stdout } = await cli(['merge', a, b, '--markdown', 'merged.md', '-q'], {}, dir)
    expect(status).toBe(1)
    expect(stdout.split('\n')[0]).toMatch(
      /^❌ myapp imports 5\.2–5\.8× slower .*\(py3\.11 and 1 more job\)$/,
    )
    const md = readFileSync(join(dir, 'merged.md'), 'utf8')
    expect(md).toContain('<details><summary>py3.13: ❌ <code>myapp</code> imports')
  })

  it('takes folders of results, as a downloaded artifact of several jobs is (issue 29, low)', async () => {
    for (const [job, label] of [
      ['py311', 'py3.11'],
      ['py313', 'py3.13'],
    ] as const) {
      mkdirSync(join(dir, 'artifact', job), { recursive: true })
      writeFileSync(
        join(dir, 'artifact', job, 'results.json'),
        JSON.stringify({ ...regression, label }),
      )
    }
    const { status, stdout } = await cli(['merge', 'artifact', '-q'], {}, dir)
    expect(status).toBe(1)
    expect(stdout.split('\n')[0]).toMatch(/\(py3\.11 and 1 more job\)$/)
    const empty = await cli(['merge', '.github-nothing'], {}, dir)
    expect(empty.status).toBe(2)
    expect(empty.stderr).toMatch(/merge: \.github-nothing does not exist/)
  })

  it('writes nothing when interrupted (issue 29, low)', async () => {
    const controller = new AbortController()
    controller.abort()
    let stdout = ''
    let stderr = ''
    const status = await runCli(['merge', a, b, '--markdown', 'cancelled.md'], {
      stdout: { write: (t: string) => (stdout += t), isTTY: false },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: dir,
      signal: controller.signal,
    })
    expect(status).toBe(2)
    expect(stderr).toMatch(/merge was cancelled/)
    expect(stdout).toBe('')
    expect(existsSync(join(dir, 'cancelled.md'))).toBe(false)
  })

  it('names the file and the field of each file it refuses', async () => {
    const corrupt = write('corrupt.json', '{"schema": 1, "command": ')
    const future = write('future.json', JSON.stringify({ ...regression, schema: 2 }))
    const other = write('other.json', fixture('improvement.json'))
    const bad = write('bad.json', JSON.stringify({ ...regression, verdict: 'maybe' }))
    const run = (...files: string[]) => cli(['merge', ...files], {}, dir)
    expect((await run(a, corrupt)).stderr).toMatch(/corrupt\.json: not JSON/)
    expect((await run(a, future)).stderr).toMatch(
      /future\.json: schema 2 is not one this importgate reads/,
    )
    expect((await run(a, bad)).stderr).toMatch(/bad\.json: not an importgate results file: verdict/)
    const mixed = await run(a, other)
    expect(mixed.status).toBe(2)
    expect(mixed.stderr).toMatch(
      /other\.json: base\.sha is \w+, but a\.json has \w+: results of different commits cannot be merged/,
    )
  })
})

describe('the CLI inside a workflow (issue 29: 6)', () => {
  const dir = tempDir()
  afterAll(() => removeDir(dir))

  it('fences output that could read as a workflow command, only where the runner reads it', async () => {
    // A forged (or measured) text with a workflow command at a line's start.
    const doc = JSON.parse(fixture('aa-pass.json'))
    doc.targets[0].name = 'calc\n::error::pwned'
    const file = join(dir, 'forged.json')
    writeFileSync(file, JSON.stringify(doc))
    const inJob = await cli(['report', file], { ...process.env, GITHUB_ACTIONS: 'true' }, dir)
    const lines = inJob.stdout.split('\n')
    const start = lines.findIndex((l) => l.startsWith('::stop-commands::'))
    const command = lines.findIndex((l) => l.startsWith('::error::pwned'))
    expect(start).toBeGreaterThanOrEqual(0)
    expect(command).toBeGreaterThan(start)
    const token = lines[start]!.slice('::stop-commands::'.length)
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    // Every such line lies inside a fence that ends after it.
    expect(lines.lastIndexOf(`::${token}::`)).toBeGreaterThan(command)
    // Outside a workflow nothing is fenced.
    const { GITHUB_ACTIONS: _, ...env } = process.env
    const local = await cli(['report', file], env, dir)
    expect(local.stdout).not.toContain('::stop-commands::')
  })
})

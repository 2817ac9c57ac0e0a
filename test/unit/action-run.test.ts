// run() driven through ActionIo: however the action ends, the `verdict` output
// is set and fail-on decides the check, one way for every kind of error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DEFAULT_FAIL_ON, DRIFT_FAIL_ON } from '../../src/action/outcome.js'
import { run, type ActionIo } from '../../src/action/run.js'

const dir = mkdtempSync(join(tmpdir(), 'importgate-run-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An ActionIo that records what the action did; `inputs` as the runner passes them (action.yml's defaults applied). */
function recordingIo(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const seen = {
    outputs: {} as Record<string, string>,
    failed: [] as string[],
    warnings: [] as string[],
    summary: '',
  }
  const io: ActionIo = {
    env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir, ...env },
    getInput: (name) => inputs[name] ?? action.inputs[name]?.default ?? '',
    setOutput: (name, value) => void (seen.outputs[name] = value),
    info: () => {},
    warning: (message) => void seen.warnings.push(message),
    error: () => {},
    setFailed: (message) => void seen.failed.push(message),
    writeSummary: async (markdown) => void (seen.summary += markdown),
    comments: () => {
      throw new Error('no pull request in these runs')
    },
    issues: () => {
      throw new Error('no drift check in these runs')
    },
    uploadArtifact: async () => {},
  }
  return { io, seen }
}

describe('run(): one rule for how the action ends', () => {
  it("keeps fail-on's defaults as action.yml says them", () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string; description: string }>
    }
    const failOn = action.inputs['fail-on']!
    expect(failOn.default).toBe('')
    const said = failOn.description.replace(/\s+/g, ' ')
    expect(said).toContain(`Default ${DEFAULT_FAIL_ON.join(', ')}:`)
    expect(said).toContain(`In mode drift the default is ${DRIFT_FAIL_ON.join(', ')} alone`)
  })

  it('ends a bad input as the verdict error, failed by default, and said in the summary', async () => {
    const { io, seen } = recordingIo({ threshold: 'high' })
    await run(io)
    expect(seen.outputs.verdict).toBe('error')
    expect(seen.failed).toEqual([expect.stringMatching(/^importgate: input "threshold": "high"/)])
    expect(seen.summary).toContain('### ⚠️ importgate could not run')
  })

  it('lets fail-on decide for an error as for any verdict: a warning when it does not list error', async () => {
    const { io, seen } = recordingIo({
      'fail-on': 'regression',
      mode: 'publish',
      results: 'nowhere',
    })
    await run(io)
    expect(seen.outputs.verdict).toBe('error')
    expect(seen.failed).toEqual([])
    expect(seen.warnings).toEqual([expect.stringMatching(/^importgate: input "results"/)])
  })

  it("ends a bug of importgate's the same way, with its stack, not as a crash", async () => {
    const event = join(dir, 'event.json')
    writeFileSync(event, '{ not json')
    for (const [failOn, fails] of [
      ['regression,error', true],
      ['regression', false],
    ] as const) {
      const { io, seen } = recordingIo({ 'fail-on': failOn }, { GITHUB_EVENT_PATH: event })
      await run(io)
      expect(seen.outputs.verdict).toBe('error')
      expect(seen.summary).toMatch(/internal error: SyntaxError/)
      if (fails)
        expect(seen.failed).toEqual([
          expect.stringMatching(/^importgate: internal error: SyntaxError[^]*\n\s+at /),
        ])
      else
        expect([seen.failed, seen.warnings]).toEqual([
          [],
          [expect.stringMatching(/internal error: SyntaxError/)],
        ])
    }
  })

  it('counts a target that regressed in two jobs once in regressions', async () => {
    const doc = JSON.parse(
      readFileSync(
        new URL('../fixtures/reports/regression-two-targets.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>
    const files = ['a', 'b'].map((label) => {
      const file = join(dir, `${label}.json`)
      writeFileSync(file, JSON.stringify({ ...doc, label }))
      return file
    })
    const { io, seen } = recordingIo({ mode: 'publish', results: files.join('\n') })
    await run(io)
    // Two targets, each regressed in both jobs: 2, not 4.
    expect(seen.outputs).toMatchObject({ verdict: 'regression', regressions: '2' })
    expect(seen.failed).toHaveLength(1)
  })
})

// The bundled action, run as the runner runs it: `node dist/index.js` with
// every input of action.yml as INPUT_<NAME> (defaults applied), an event file,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, and GITHUB_API_URL pointing
// at a loopback GitHub (github-server.ts).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { FakeGitHub } from './github-server.js'
import { tempDir } from './project.js'

export const root = new URL('../..', import.meta.url).pathname
export const TOKEN = 'ghs_importgate_test_token_1234'
export const SECRETS = {
  GITHUB_TOKEN: TOKEN,
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret-5678',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-secret-9012',
}

/** INPUT_<NAME> for every input of action.yml, with its default unless overridden. */
function inputs(overrides: Record<string, string>): Record<string, string> {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = overrides[name] ?? input.default ?? ''
    env[`INPUT_${name.toUpperCase()}`] = value.replace('${{ github.token }}', TOKEN)
  }
  return env
}

/** GITHUB_OUTPUT's heredoc format → name → value. */
function outputs(file: string): Record<string, string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const found: Record<string, string> = {}
  for (const m of text.matchAll(/^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) found[m[1]!] = m[3]!
  return found
}

export interface ActionRun {
  /** The checkout: the head is checked out here, as actions/checkout leaves it. */
  repo: string
  base: string
  head: string
  python: string
  github: FakeGitHub
  /** Folders the run writes, for the caller to remove. */
  runDirs: string[]
  overrides?: Record<string, string>
  /** Another event than the pull request's (a fork's workflow_run, say). */
  other?: { name: string; payload: object }
  /** More of the runner's environment (IMPORTGATE_NO_SANDBOX, say). */
  extraEnv?: Record<string, string>
}

export async function runBundledAction(options: ActionRun) {
  const { repo, head, github, other, overrides = {} } = options
  execFileSync('git', ['checkout', '-q', '--detach', head], { cwd: repo })
  const dir = tempDir()
  options.runDirs.push(dir)
  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify(
      other?.payload ?? {
        action: 'synchronize',
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: options.base, ref: 'main' },
          head: { sha: head, ref: 'feature' },
        },
        repository: { name: 'shop', full_name: 'octo/shop', owner: { login: 'octo' } },
      },
    ),
  )
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    ...inputs({
      targets: 'shop',
      install: 'none',
      python: options.python,
      'min-pairs': '10',
      'max-pairs': '40',
      ...overrides,
    }),
    ...files,
    ...SECRETS,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: other?.name ?? 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: head,
    GITHUB_REPOSITORY: 'octo/shop',
    GITHUB_WORKSPACE: repo,
    GITHUB_WORKFLOW: 'imports',
    GITHUB_JOB: 'importgate',
    GITHUB_RUN_ID: '42',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
    ...options.extraEnv,
  }
  // Asynchronous: the fake GitHub answers from this process meanwhile.
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const result = {
    status,
    stdout,
    outputs: outputs(files.GITHUB_OUTPUT),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    results: join(dir, 'runner-temp', 'importgate', 'results.json'),
  }
  return result
}

import { runCli } from '../../src/cli/run.js'
import { fewestPairs } from '../../src/analysis/stats/sequential.js'

export interface Captured {
  status: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process with captured streams (the processes it starts are real). */
export async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const status = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    cwd,
  })
  return { status, stdout, stderr }
}

/** The fewest pairs a regression at the default alpha can rest on (every pair past the line): what cheap tests sample. */
export const FEWEST_PAIRS = fewestPairs(0.01)

/**
 * Settings for a test that is not about time: one warm-up, few profile runs,
 * and the fewest pairs (max-pairs = min-pairs unless told), so that what makes
 * a verdict possible is said in one place.
 */
export function fastFlags(
  options: {
    pairs?: number
    maxPairs?: number
    profileRuns?: number
    seed?: number
    install?: string
    quiet?: boolean
  } = {},
): string[] {
  const pairs = options.pairs ?? FEWEST_PAIRS
  return [
    ...(options.install ? ['--install', options.install] : []),
    '--min-pairs',
    String(pairs),
    '--max-pairs',
    String(options.maxPairs ?? pairs),
    '--warmup',
    '1',
    '--profile-runs',
    String(options.profileRuns ?? 1),
    ...(options.seed === undefined ? [] : ['--seed', String(options.seed)]),
    ...(options.quiet ? ['-q'] : []),
  ]
}

import { runCli } from '../../src/cli/run.js'

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

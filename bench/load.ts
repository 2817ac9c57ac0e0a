// A loaded machine, for the bench: background CPU work that comes and goes in
// bursts on every core, as other jobs on a shared runner do. Each worker is a
// child process that spins for a random 0.3-3 s, rests for a random 0.3-3 s,
// and so on, until stopped; the bursts of the workers are independent, so at
// any moment none, one or all cores are busy.
import { spawn, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'

const WORKER = `
let seed = Number(process.argv[1]) >>> 0
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
const between = (lo, hi) => lo + (hi - lo) * random()
function burst() {
  const until = Date.now() + between(300, 3000)
  let x = 0
  while (Date.now() < until) x += Math.sqrt(x + 1)
  setTimeout(burst, between(300, 3000))
}
burst()
`

export interface Load {
  stop(): void
}

/** Starts one bursty worker per core (or `workers`), seeded; stop() ends them. */
export function startLoad(seed: number, workers = cpus().length): Load {
  const children: ChildProcess[] = []
  for (let i = 0; i < workers; i++)
    children.push(
      spawn(process.execPath, ['-e', WORKER, String(seed * 7919 + i)], { stdio: 'ignore' }),
    )
  const stop = () => {
    for (const child of children) child.kill('SIGKILL')
  }
  process.once('exit', stop)
  return { stop }
}

// The runner the engine is given: a command target's whole process, or the
// probe importing a module; either in its cache state (no-pyc, cold).
import { isCommandTarget } from '../model/target.js'
import { evict, withoutPyc } from './cache-states.js'
import { runCommandTarget } from './command-run.js'
import { runProbe, type ProbeRequest, type ProbeRun } from './run-probe.js'

function runOne(request: ProbeRequest): Promise<ProbeRun> {
  return isCommandTarget(request.target) ? runCommandTarget(request) : runProbe(request)
}

export async function runTarget(request: ProbeRequest): Promise<ProbeRun> {
  const cache = request.cache
  if (cache?.kind === 'cold') await evict(cache.cold, { env: request.env, cwd: request.cwd })
  if (cache?.kind === 'no-pyc') return withoutPyc(request.env, (env) => runOne({ ...request, env }))
  return runOne(request)
}

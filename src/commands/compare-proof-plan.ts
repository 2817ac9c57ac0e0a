// Which targets the proof is tried for, and what the log says of each: module
// targets both sides list, when `proof` is on and no gating count is asked for.
import { METRICS, type MetricId } from '../model/metrics.js'
import { traitsOf } from '../model/target.js'
import type { Namer } from '../config/names.js'
import type { Sampling } from '../settings/setting-values.js'
import { proveTargets, type ProofPlaces, type TargetProof } from './compare-proof.js'
import type { CommandDeps } from './pipeline.js'

export async function tryProofs(
  settings: {
    targets: readonly string[]
    newTargets: readonly string[]
    droppedTargets: readonly string[]
    sampling: Pick<Sampling, 'proof'>
    metrics: readonly MetricId[]
  },
  places: ProofPlaces,
  deps: CommandDeps,
  name: Namer,
): Promise<Map<string, TargetProof>> {
  if (!settings.sampling.proof) return new Map()
  // A gating count (instructions) is a gate of its own: it is compared, never proved.
  const counted = settings.metrics.find((id) => METRICS[id].kind === 'counted' && METRICS[id].gates)
  if (counted) {
    deps.log(`proof not tried: ${name('metric')} ${counted} asks for counts on both sides`)
    return new Map()
  }
  const targets = settings.targets.filter(
    (t) =>
      traitsOf(t).profiles &&
      !settings.newTargets.includes(t) &&
      !settings.droppedTargets.includes(t),
  )
  if (!targets.length) return new Map()
  deps.log(`proof: tracing one import a side, twice, of ${targets.join(', ')}`)
  const proofs = await proveTargets(targets, places)
  for (const [target, { proof }] of proofs)
    deps.log(
      proof.holds
        ? `proof: ${target} does the same work on both sides (${proof.differing} differing file(s), none run at import): nothing to time`
        : `proof: ${target} is timed: ${proof.reason?.replace(/`/g, '')}`,
    )
  return proofs
}

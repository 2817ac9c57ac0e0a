// Per-side steps of a comparison: installing both at once, and saving their logs.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArmObservation } from '../analysis/verdict/observations.js'
import type { SideEnvironment } from '../env/environment.js'
import { CancelledError } from '../model/errors.js'
import { SIDES, type Side } from '../model/target.js'

/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
export async function installBoth(
  install: (side: Side, signal: AbortSignal) => Promise<SideEnvironment>,
  outer?: AbortSignal,
): Promise<Record<Side, SideEnvironment>> {
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  outer?.addEventListener('abort', onAbort, { once: true })
  try {
    const run = (side: Side) =>
      install(side, controller.signal).catch((error: unknown) => {
        controller.abort()
        throw error
      })
    const [base, head] = await Promise.allSettled([run('base'), run('head')])
    // Report the side that failed first on its own, not the one stopped because of it.
    for (const result of [base, head]) {
      if (result.status === 'rejected' && !(result.reason instanceof CancelledError))
        throw result.reason
    }
    if (base.status === 'rejected') throw base.reason
    if (head.status === 'rejected') throw head.reason
    return { base: base.value, head: head.value }
  } finally {
    outer?.removeEventListener('abort', onAbort)
  }
}

/** Raw -X importtime output of every profile run, and each side's install output. */
export async function saveLogs(
  dir: string,
  arms: readonly ArmObservation[],
  envs: Record<Side, SideEnvironment>,
): Promise<void> {
  await mkdir(join(dir, 'importtime'), { recursive: true })
  for (const side of SIDES) {
    if (envs[side].log) await writeFile(join(dir, `install-${side}.log`), envs[side].log)
    for (const arm of arms.filter((a) => a.key.side === side)) {
      for (const [i, log] of (arm.profile?.logs ?? []).entries()) {
        await writeFile(join(dir, 'importtime', `${side}-${arm.key.target}-${i + 1}.log`), log)
      }
    }
  }
}

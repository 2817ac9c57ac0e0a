// What the proof says of each target it was tried for: decided without
// timing, with the evidence, or the one reason it was timed. Pure.
import type { ResultsDocument, TargetResult } from '../../results/schema.js'
import { countOf } from './format.js'
import type { Rich } from './headline.js'
import { targetLabel } from './view-notes.js'

export interface ProofNote {
  target: string
  /** The proof decided this row: it was not timed. */
  decided: boolean
  text: Rich
}

/** A reason as the proof wrote it, its `code spans` kept as code. */
export function richReason(reason: string): Rich {
  return reason.split('`').map((part, i) => (i % 2 ? { code: part } : part))
}

type ProofJson = NonNullable<TargetResult['proof']>

/** The evidence of a proof that holds, in one sentence. */
export function provedText(p: ProofJson, minDeltaMs: number): Rich {
  const changed = countOf(p.changed_files ?? p.differing_files, 'changed file')
  const loaded = p.loaded_changed.length
  const run: Rich = loaded
    ? [
        `${loaded} of them ${loaded === 1 ? 'is' : 'are'} loaded at import (`,
        ...p.loaded_changed.slice(0, 3).flatMap((f, i) => [i ? ', ' : '', { code: f }]),
        loaded > 3 ? ', …' : '',
        `), but none of ${loaded === 1 ? 'its' : 'their'} changed lines ran`,
      ]
    : ['none of them is loaded, read or listed at import']
  const bytes =
    p.code_bytes_delta > 0
      ? `; their code changed by ${p.code_bytes_delta} bytes, at most ${p.load_bound_ms < 0.01 ? '0.01' : p.load_bound_ms.toFixed(2)} ms to load, under min-delta (${minDeltaMs} ms)`
      : ''
  return [
    `${changed}: `,
    ...run,
    `; the same ${p.modules} modules from the same files on both sides, traced twice a side with ${p.traced_with}${bytes}. Nothing to time.`,
  ]
}

export function proofNotes(doc: ResultsDocument): ProofNote[] {
  const minDelta = doc.command === 'compare' ? doc.settings.min_delta_ms : 0
  return doc.targets.flatMap((t): ProofNote[] => {
    const p = t.proof
    if (!p) return []
    const target = targetLabel(t)
    if (p.decided) return [{ target, decided: true, text: provedText(p, minDelta) }]
    if (!p.holds || !p.reason)
      return [
        {
          target,
          decided: false,
          text: ['timed, because ', ...richReason(p.reason ?? 'the proof did not hold')],
        },
      ]
    return [
      {
        target,
        decided: false,
        text: ['timed in this cache state: the changed sources it loads are compiled or read here'],
      },
    ]
  })
}

/** The headline when the proof decided every target: nothing was timed. */
export function provedHeadline(doc: ResultsDocument): Rich | null {
  const targets = doc.targets
  if (!targets.length || !targets.every((t) => t.proof?.decided && t.verdict === 'pass'))
    return null
  const changed = Math.max(...targets.map((t) => t.proof!.changed_files ?? 0))
  const where = targets.length > 1 ? ` in ${targets.length} targets` : ''
  return [
    `✅ Unchanged at import${where}: ${countOf(changed, 'changed file')}, none of whose lines runs at import (checked by tracing the import on both sides); nothing to time`,
  ]
}

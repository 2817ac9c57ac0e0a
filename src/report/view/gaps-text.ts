// What a report could not explain or check, and why, in words shared by the
// markdown and the terminal: a gate or explanation the user configured either
// ran or the report says, where it is seen, that it did not. Pure.
import type { TargetResult } from '../../results/schema.js'

export type GapItem = NonNullable<TargetResult['gaps']>[number] & { target: string }

/** One sentence per gap, `setting` naming a setting as the report's reader writes it. */
export function gapText(gap: GapItem, setting: (name: string) => string): string {
  if (gap.missing === 'lazy')
    return `${setting('enforce-lazy')} was not checked: ${
      gap.reason === 'unsupported'
        ? 'it needs Python 3.15 or later (PEP 810), and this interpreter has no lazy imports'
        : gap.reason === 'failed'
          ? "head's lazy-import run failed or reported nothing usable"
          : gap.reason === 'not-run'
            ? 'no profile run of head came first, so its lazy-import run did not run'
            : "head's lazy-import run did not run before the run was stopped"
    }`
  if (gap.missing === 'modules')
    return `the modules it loads are not known, so ${setting('forbid')}, the module budget and the watch list were not checked and no import chain explains a change: ${gap.reason === 'not-run' ? `no profile run was asked for (${setting('profile-runs')} 0)` : `its one profile run did not fit the time budget (${setting('max-time')} and its overtime)`}`
  switch (gap.reason) {
    case 'budget':
      return `no function-level explanation: its profiled runs fitted neither the time budget before sampling nor the explanation's own budget after it (a quarter of ${setting('max-time')}); raise ${setting('max-time')} to get it`
    case 'no-change':
      return `no function-level profile: the time budget had no room for it before sampling, and sampling found no change near the threshold to explain`
    default:
      return `no function-level explanation: the profiled run failed or reported nothing usable`
  }
}

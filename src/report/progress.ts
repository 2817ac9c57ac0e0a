// The progress lines a run logs as the engine goes (stderr in the CLI, the
// job's log in the action). Pure.
import type { EngineEvent } from '../model/engine-event.js'
import { armId } from '../model/target.js'

/** A progress line for an engine event, or null for none; `name` says a setting as its user wrote it. */
export function progressLine(
  event: EngineEvent,
  sides: number,
  name: (setting: 'max-time' | 'overtime') => string,
): string | null {
  switch (event.phase) {
    case 'warmup':
      return `warming up (${event.round}/${event.of})`
    case 'profile':
      return `profiling with -X importtime (${event.runs} run(s) per target${sides > 1 ? ' and side' : ''})`
    case 'sample':
      return event.round === 1 ? `sampling interleaved ${sides > 1 ? 'pairs' : 'rounds'}` : null
    case 'overtime':
      return `the time budget (${name('max-time')}) is spent before ${event.groups.join(', ')} reached a verdict: sampling on for up to ${Math.round(event.untilMs / 1000)} s more (${name('overtime')})`
    case 'count':
      return `counting ${event.metric} with ${event.tool}: ${event.runs} run(s) per target${sides > 1 ? ' and side' : ''}`
    case 'forecast':
      return `at ${(event.roundMs / 1000).toFixed(1)} s a round, the time budget (${name('max-time')}${event.overtime ? ` with ${name('overtime')}` : ''}) fits about ${event.fits} of the ${event.needed} rounds a verdict needs: expect an inconclusive verdict, or raise it to about ${event.suggestedS} s`
    case 'out-of-time':
      return event.step === 'profile runs'
        ? `the time budget (${name('max-time')}) leaves no room for more profile runs after ${event.done} (the module set of each target and side was taken): the function profile runs after sampling if a change is found`
        : `the time budget (${name('max-time')}) ran out after ${event.done} ${event.step}`
    case 'explain':
      return `explaining the change in ${event.groups.join(', ')}: the profile runs the budget deferred, within ${Math.round(event.budgetMs / 1000)} s`
    case 'failed':
      return `${armId(event.key)}: ${event.failure.kind}: ${event.failure.message}`
  }
}

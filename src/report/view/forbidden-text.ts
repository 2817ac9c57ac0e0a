// Whether base loaded a forbidden module too, in words every report uses. Pure.
import type { ForbiddenItem } from './view-model.js'

/**
 * "; base imports it too (38 modules under `paramiko`)": a reviewer told only
 * that head imports it cannot tell whether this change brought it (issue 48: 9).
 */
export function forbiddenBefore(h: Pick<ForbiddenItem, 'base_count'>): string {
  if (h.base_count === undefined) return ''
  if (h.base_count === 0) return '; base does not import it: this change brings it'
  const n = h.base_count
  return `; base imports it too (${n} module${n === 1 ? '' : 's'}): this change did not bring it`
}

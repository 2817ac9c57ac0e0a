// What is measured. A target is a tagged union so that other kinds (a command's
// whole start-up) can join modules later without new paths through the code.

/** A module, imported in a fresh interpreter. */
export interface ModuleTarget {
  kind: 'module'
  /** The dotted name, as `import` takes it. */
  name: string
}

export type Target = ModuleTarget

export const moduleTarget = (name: string): ModuleTarget => ({ kind: 'module', name })

/** The two commits of a comparison; `measure` has only a head (the working tree). */
export type Side = 'base' | 'head'
export const SIDES: readonly Side[] = ['base', 'head']

/**
 * The conditions a target is measured under. One variant today: `warm`, with
 * .pyc files written by the warm-ups and the page cache as it is. Cache states
 * (no .pyc, a cold page cache) will be further variants.
 */
export type Variant = 'warm'
export const DEFAULT_VARIANT: Variant = 'warm'

/** One stream of samples: a target, on one side, under one variant. */
export interface ArmKey {
  side: Side
  target: string
  variant: Variant
}

/** A stable string for maps and logs: "head:mypkg" (the variant shows once there are several). */
export function armId(key: ArmKey): string {
  const variant = key.variant === DEFAULT_VARIANT ? '' : `@${key.variant}`
  return `${key.side}:${key.target}${variant}`
}

/** The arms that stop together when one fails: a target's base and head under one variant. */
export function groupId(key: ArmKey): string {
  return key.variant === DEFAULT_VARIANT ? key.target : `${key.target}@${key.variant}`
}

// How each side's environment is made. The settings themselves are declared
// in settings/ (setting-values.ts derives their types from the registry).

/** How each side's environment is made. */
export type InstallSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  /** measure only: the interpreter's environment as it is. */
  | { kind: 'current' }
  | { kind: 'pip' }
  | { kind: 'uv' }
  /** The user's own workflow text, run by /bin/sh in the worktree with the venv activated. */
  | { kind: 'command'; command: string }

export type InstallMode = Exclude<InstallSpec['kind'], 'command'>

/** The modes each command accepts: compare has no "current" (the worktrees have no environment). */
export const INSTALL_MODES = {
  measure: ['none', 'current', 'auto', 'pip', 'uv'],
  compare: ['auto', 'none', 'pip', 'uv'],
} as const satisfies Record<string, readonly InstallMode[]>

export const ALL_INSTALL_MODES: readonly InstallMode[] = ['auto', 'none', 'current', 'pip', 'uv']

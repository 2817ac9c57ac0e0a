// The hint for the commonest setup mistake, added to a ModuleNotFoundError:
// the target, or a dependency of it, is not importable the way the side's
// environment was set up (its install strategy says why).
import type { TargetFinding } from '../analysis/verdict/finding.js'
import { importRoot } from './import-root.js'

/** The module a ModuleNotFoundError names: "No module named 'a.b'" → "a.b". */
function missingModule(message: string): string | null {
  return /No module named '([^']+)'/.exec(message)?.[1] ?? null
}

/**
 * A hint for the commonest setup mistake: the target, or a dependency of it,
 * is not importable the way the environment was set up.
 */
export function notFoundHint(
  strategy: string,
  projectDir: string,
  name: (input: 'install' | 'project-dir') => string,
  target: string,
  message: string,
): string {
  const missing = missingModule(message)
  const isTarget = missing !== null && (target === missing || target.startsWith(`${missing}.`))
  if (!isTarget && missing !== null) {
    if (strategy === 'none')
      return ` (a dependency: with ${name('install')} none nothing is installed; install the project with ${name('install')} auto so that its dependencies are there)`
    if (strategy === 'current')
      return ` (a dependency, not installed in the interpreter's environment)`
    return ` (a dependency the project imports but that ${strategy} did not install; is it declared in the project's dependencies?)`
  }
  if (strategy === 'none') {
    return ` (with ${name('install')} none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and ${name('project-dir')}, or install the project with ${name('install')} auto)`
  }
  if (strategy === 'current')
    return ` (with ${name('install')} current the target must be installed in the interpreter's environment)`
  return ` (the project was installed with ${strategy}; does it package this module?)`
}

/** Adds the not-found hint of each side's environment to a ModuleNotFoundError. */
export function withHints(
  findings: TargetFinding[],
  hint: (side: 'base' | 'head', target: string, message: string) => string,
): TargetFinding[] {
  for (const f of findings) {
    if (f.error?.kind === 'ModuleNotFoundError')
      f.error.message += hint(f.error.side, f.target, f.error.message)
  }
  return findings
}

// Tracebacks, messages and lazy-import lines name files in the run's scratch folder (the
// worktrees and the environments installed into), which is gone by the time
// anyone reads them. They are shown relative to the commit's root instead
// ("src/shop/orders.py"), or to the side's environment ("<head venv>/lib/…").
import { realpathSync } from 'node:fs'
import type { TargetFinding } from '../analysis/verdict/finding.js'
import { rewriteLazyFiles } from '../analysis/attribution/lazy.js'
import { SIDES } from '../model/target.js'

/** Rewrites every path under `scratch` in the targets' errors and lazy-import lines, in place. */
export function forgetScratch(targets: readonly TargetFinding[], scratch: string): void {
  const roots = [...new Set([scratch, canonical(scratch)])]
  const rewrite = (text: string) => {
    let out = text
    for (const root of roots) {
      for (const side of SIDES) {
        out = out.split(`${root}/${side}-venv/`).join(`<${side} venv>/`)
        out = out.split(`${root}/${side}/`).join('')
      }
      out = out.split(`${root}/venv/`).join('<venv>/') // measure's one environment
      out = out.split(`${root}/`).join('')
    }
    return out
  }
  for (const target of targets) {
    const error = target.error
    if (error) {
      error.message = rewrite(error.message)
      error.traceback = error.traceback.map(rewrite)
      if (error.stderr_tail) error.stderr_tail = rewrite(error.stderr_tail)
    }
    rewriteLazyFiles(target.lazy, rewrite)
  }
}

function canonical(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

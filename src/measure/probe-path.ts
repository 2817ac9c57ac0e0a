import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Where probe.py is. In the bundle it sits beside dist/cli.js and dist/index.js;
 * from source (tests, tsx) beside this file. Both resolve from import.meta.url.
 */
export function probePath(): string {
  const path = fileURLToPath(new URL('./probe.py', import.meta.url))
  if (!existsSync(path)) {
    throw new Error(`importgate is incomplete: the probe is missing at ${path}; rebuild with npm run bundle`)
  }
  return path
}

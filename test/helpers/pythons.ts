// Real interpreters for the integration tests: the oldest and newest CPython
// the machine has under pyenv (3.8 and 3.13 on the project's machines), and
// 3.14 and 3.15 where .ci/run put Debian's builds on PATH.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

function pyenvRoot(): string {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim()
  } catch {
    return join(homedir(), '.pyenv')
  }
}

/** The newest installed patch release of `minor` (e.g. "3.8"), or null. */
export function findPython(minor: string): string | null {
  const versions = join(pyenvRoot(), 'versions')
  if (existsSync(versions)) {
    const candidates = readdirSync(versions)
      .filter((v) => v.startsWith(`${minor}.`) && /^\d+\.\d+\.\d+$/.test(v))
      .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]))
    const newest = candidates[candidates.length - 1]
    if (newest) {
      const path = join(versions, newest, 'bin', `python${minor}`)
      if (existsSync(path)) return path
    }
  }
  try {
    return execFileSync('which', [`python${minor}`], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

export interface TestPython {
  label: string
  path: string
}

/** The oldest supported, the newest under pyenv, and the two newest releases (Debian's builds, on PATH). */
export const TEST_MINORS = ['3.8', '3.13', '3.14', '3.15'] as const

/**
 * Each of TEST_MINORS that is present; a missing one is reported, not silently
 * dropped, and fails the run where IMPORTGATE_REQUIRE_PYTHONS=1 (CI).
 */
export function testPythons(): TestPython[] {
  const found: TestPython[] = []
  for (const minor of TEST_MINORS) {
    const path = findPython(minor)
    if (path) found.push({ label: `Python ${minor}`, path })
    else if (process.env.IMPORTGATE_REQUIRE_PYTHONS === '1')
      throw new Error(`Python ${minor} not found under pyenv or on PATH, and CI requires it`)
    else
      console.warn(
        `importgate tests: Python ${minor} not found under pyenv or on PATH; its tests are skipped`,
      )
  }
  if (found.length === 0)
    throw new Error('no Python 3.8 or 3.13 found: the integration tests need real interpreters')
  return found
}

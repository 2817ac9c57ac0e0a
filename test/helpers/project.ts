// Python projects and git repositories made by the tests, in temp folders.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export function tempDir(prefix = 'importgate-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Writes `files` (relative path → content) under `root`. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

export function gitInit(root: string): void {
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' })
  run('init', '-q', '-b', 'main')
  run('config', 'user.email', 'tests@importgate.invalid')
  run('config', 'user.name', 'importgate tests')
  run('config', 'commit.gpgsign', 'false')
}

export function gitCommit(root: string, message: string): string {
  execFileSync('git', ['add', '-A'], { cwd: root, stdio: 'pipe' })
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: root, stdio: 'pipe' })
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true })
}

/** True while a process with this pid exists and is not a zombie (Linux: reads /proc). */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 3, after the parenthesised command name, is the state.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    return false
  }
}

/**
 * Python lines that write to `outPath` what /proc shows of the environment of
 * every ancestor of the running process (importgate's among them), one per line.
 */
export function ancestorEnvironmentsSpy(outPath: string): string[] {
  return [
    'import os',
    'pid, seen = os.getppid(), []',
    'while pid > 1:',
    '    try:',
    '        with open("/proc/%d/environ" % pid, "rb") as f:',
    '            seen.append(f.read().decode("utf-8", "replace"))',
    '    except OSError:',
    '        pass',
    '    with open("/proc/%d/stat" % pid) as f:',
    '        pid = int(f.read().rsplit(")", 1)[1].split()[1])',
    `with open(${JSON.stringify(outPath)}, "w") as f:`,
    '    f.write("\\n".join(seen))',
  ]
}

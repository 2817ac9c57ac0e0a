// The release process, end to end against a scratch clone of this repository:
// scripts/release.sh tags vX.Y.Z with the changelog's notes and moves the major
// tag, locally (no --push); and the npm package holds the CLI alone.
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from '../helpers/action-run.js'
import { removeDir, tempDir } from '../helpers/project.js'

const scratch = tempDir()
afterAll(() => removeDir(scratch))

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

function release(cwd: string, ...args: string[]) {
  const notes = join(scratch, 'notes.md')
  // The bundle's tools (tsx, Node's compile cache) write to TMPDIR: keep it in the scratch folder.
  const tmp = join(scratch, 'tmp')
  mkdirSync(tmp, { recursive: true })
  const run = spawnSync(join(cwd, 'scripts', 'release.sh'), args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      RELEASE_NOTES: notes,
      TMPDIR: tmp,
      GIT_AUTHOR_NAME: 'release test',
      GIT_AUTHOR_EMAIL: 'release@example.invalid',
      GIT_COMMITTER_NAME: 'release test',
      GIT_COMMITTER_EMAIL: 'release@example.invalid',
    },
  })
  return { ...run, notes }
}

describe('scripts/release.sh', () => {
  it('tags the release with its notes and moves v1, in a scratch clone', () => {
    const clone = join(scratch, 'clone')
    git(scratch, 'clone', '-q', root, clone)
    // The bundle needs the dependencies; the link is not part of the tree.
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'))
    appendFileSync(join(clone, '.git', 'info', 'exclude'), 'node_modules\n')
    const before = git(clone, 'rev-parse', 'HEAD')

    expect(release(clone, 'v1').status).toBe(2)
    const unnoted = release(clone, '9.9.9')
    expect(unnoted.status).toBe(1)
    expect(unnoted.stderr).toContain('CHANGELOG.md has no "## 9.9.9" section')

    const run = release(clone, '1.0.0')
    expect(run.status, run.stderr).toBe(0)
    const head = git(clone, 'rev-parse', 'HEAD')
    expect(git(clone, 'rev-parse', 'HEAD~1')).toBe(before)
    expect(git(clone, 'log', '-1', '--format=%s')).toBe('Release v1.0.0')
    expect(git(clone, 'rev-parse', 'v1.0.0^{commit}')).toBe(head)
    expect(git(clone, 'rev-parse', 'v1^{commit}')).toBe(head)
    expect(JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version).toBe('1.0.0')
    expect(readFileSync(run.notes, 'utf8')).toContain('The first release')
    expect(git(clone, 'tag', '-l', '--format=%(contents)', 'v1.0.0')).toContain('The first release')
    // The bundle carries the version: the CLI says it.
    const version = spawnSync(process.execPath, [join(clone, 'dist', 'cli.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: join(scratch, 'tmp') },
    })
    expect(version.stdout.trim()).toBe('importgate 1.0.0')
    expect(git(clone, 'status', '--porcelain')).toBe('')
    // The same version twice is refused.
    expect(release(clone, '1.0.0').status).toBe(1)
  }, 300_000)
})

describe('the npm package', () => {
  it('holds the CLI alone: its bundle, the probe, the README and the licence', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
        // npm's Node keeps a compile cache in TMPDIR: the scratch folder's, removed after.
        env: { ...process.env, TMPDIR: scratch },
      }),
    ) as { files: { path: string }[] }[]
    const files = packed[0]!.files.map((f) => f.path).sort()
    expect(files).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/import_sites.py',
      'dist/probe.py',
      'dist/probe_functions.py',
      'dist/proof_lines.py',
      'dist/subreaper.py',
      'dist/trace_import.py',
      'package.json',
    ])
  })
})

// The measured code can reach the repository's .git/config through a
// worktree's `.git` file; what it writes there must never run in importgate's
// git commands, nor outlive the run (issue 29: 3).
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!

/** Module code that appends `core.fsmonitor = <script>` to the config its worktree leads to. */
const tamper = (script: string) => `import os
d = os.path.dirname(os.path.abspath(__file__))
while d != "/" and not os.path.exists(os.path.join(d, ".git")):
    d = os.path.dirname(d)
link = os.path.join(d, ".git")
if os.path.isfile(link):
    gitdir = open(link).read().split("gitdir:")[1].strip()
    common = os.path.normpath(os.path.join(gitdir, open(os.path.join(gitdir, "commondir")).read().strip()))
    with open(os.path.join(common, "config"), "a") as f:
        f.write("[core]\\n\\tfsmonitor = ${script}\\n")
`

describe('a head commit that writes core.fsmonitor into .git/config', () => {
  let repo: string
  let tmp: string
  beforeAll(() => {
    repo = tempDir()
    tmp = tempDir()
  })
  afterAll(() => {
    removeDir(repo)
    removeDir(tmp)
  })

  it('runs nothing of it, and leaves the config as it was', async () => {
    const marker = join(tmp, 'fsmonitor-ran')
    const script = join(tmp, 'fsmonitor.sh')
    writeFiles(tmp, { 'fsmonitor.sh': `#!/bin/sh\ntouch '${marker}'\n` })
    chmodSync(script, 0o755)
    gitInit(repo)
    writeFiles(repo, {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "0"\n',
      'src/pkg/__init__.py': 'X = 1\n',
    })
    const base = gitCommit(repo, 'base')
    writeFiles(repo, { 'src/pkg/__init__.py': tamper(script) })
    const head = gitCommit(repo, 'head tampers with .git/config')
    const config = readFileSync(join(repo, '.git', 'config'), 'utf8')
    const result = await cli(
      [
        'compare',
        base,
        head,
        '--python',
        python,
        '-t',
        'pkg',
        // Up to 40 pairs: room for the decision on a noisy runner, this test being about the config.
        ...fastFlags({ install: 'none', maxPairs: 40, quiet: true }),
      ],
      { ...process.env, TMPDIR: tmp },
      repo,
    )
    expect(result.stderr).not.toMatch(/internal error/)
    expect(result.status, result.stderr).toBe(0)
    expect(existsSync(marker)).toBe(false)
    expect(readFileSync(join(repo, '.git', 'config'), 'utf8')).toBe(config)
    expect(result.stderr).toMatch(
      /importgate: warning: .*changed the repository's \.git\/config during the run: it was put back/,
    )
  })
})

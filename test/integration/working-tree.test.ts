// What `measure` calls the working tree, on real git repositories.
import { afterAll, describe, expect, it } from 'vitest'
import { describeWorkingTree } from '../../src/git/describe.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'

describe('the working tree', () => {
  const repo = tempDir()
  afterAll(() => removeDir(repo))
  gitInit(repo)
  writeFiles(repo, { 'shop/__init__.py': 'x = 1\n' })
  const sha = gitCommit(repo, 'shop')

  it('is clean with only the bytecode that importing writes, and dirty with a new source', async () => {
    // A repository with no .gitignore for bytecode: the first import writes it.
    writeFiles(repo, {
      'shop/__pycache__/__init__.cpython-313.pyc': Buffer.from([0x42]),
      'legacy.pyc': Buffer.from([0x42]),
    })
    expect(await describeWorkingTree(repo)).toEqual({ sha, dirty: false })
    writeFiles(repo, { 'shop/cli.py': 'y = 2\n' })
    expect(await describeWorkingTree(repo)).toEqual({ sha, dirty: true })
  })
})

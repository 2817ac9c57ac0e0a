// Measured code that forges the -X importtime lines on stderr: it silences
// the interpreter's own lines for a module and writes made-up ones. The
// explanation (chains and self times) comes from those lines and can be misled
// by the head commit about itself; the forbid gate and the module count come
// from the probe's own look at sys.modules, which stderr cannot touch.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResults } from '../../src/results/read.js'
import { cli } from '../helpers/cli.js'
import { removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!

/** Imports asyncio with fd 2 on /dev/null, then blames a module that does not exist. */
const FORGER = [
  'import os, sys',
  'saved = os.dup(2)',
  'os.dup2(os.open(os.devnull, os.O_WRONLY), 2)',
  'import asyncio',
  'os.dup2(saved, 2)',
  'os.write(2, b"import time:    900000 |     900000 | totally_made_up\\n")',
  '',
].join('\n')

let project: string
beforeAll(() => {
  project = tempDir()
  writeFiles(project, { 'forger.py': FORGER })
})
afterAll(() => removeDir(project))

describe('forged -X importtime output (issue 29, low)', () => {
  it('cannot hide a forbidden import from the gate', async () => {
    const json = join(project, 'forged.json')
    const result = await cli(
      ['measure', '-t', 'forger', '--install', 'none', '--python', python]
        .concat(['--warmup', '1', '--profile-runs', '1', '--min-pairs', '5', '--max-pairs', '5'])
        .concat(['--forbid', 'asyncio', '--json', json, '-q']),
      { ...process.env },
      project,
    )
    const doc = readResults(readFileSync(json, 'utf8'), json)
    removeDir(json)
    expect(result.status).toBe(1)
    const target = doc.targets[0]!
    expect(target.verdict).toBe('forbidden')
    expect(target.forbidden!.map((f) => f.rule)).toEqual(['asyncio'])
    // The made-up module is shown for what the head says of itself, never as a module it loaded.
    expect(target.head!.module_count).toBeGreaterThan(20)
  })
})

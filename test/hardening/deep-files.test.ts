// Issue 47 (a low): a file too deep for Python's parser (a 3,000-term
// expression) made the import-site reader die with a RecursionError, and
// every file lost its import lines; now only that file does.
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { readImportSites } from '../../src/measure/import-sites.js'
import { childEnv } from '../../src/process/child-env.js'
import { removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const dir = tempDir()
afterAll(() => removeDir(dir))

it.each(['3.8', '3.13'].map((v) => findPython(v)).filter((p): p is string => !!p))(
  'reads the import lines of every other file when one is too deep to parse (%s)',
  async (python) => {
    writeFiles(dir, {
      // Flat, as a generated table is: the parser copes, the walk over its tree does not.
      'deep.py': `import json\nx = ${Array(3000).fill('1').join(' + ')}\n`,
      'fine.py': 'import os\nfrom json import dumps\n',
    })
    const sites = await readImportSites({
      python,
      env: childEnv(process.env),
      cwd: dir,
      files: [
        { module: 'deep', file: join(dir, 'deep.py') },
        { module: 'fine', file: join(dir, 'fine.py') },
      ],
    })
    expect(sites.get(join(dir, 'deep.py'))).toBeUndefined()
    expect(sites.get(join(dir, 'fine.py'))?.sites.map((s) => s.line)).toEqual([1, 2])
  },
)

// A module `__getattr__` (PEP 562) read from real source by import_sites.py,
// in each form it takes in the field: an import statement, importlib's
// import_module with a literal or a lazy-attribute table, `__import__`, and a
// `__getattr__` that a factory builds. Each is named the same way (issue 48: 6).
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mechanismOf, type FileImports } from '../../src/analysis/attribution/import-mechanism.js'
import { readImportSites } from '../../src/measure/import-sites.js'
import { childEnv } from '../../src/process/child-env.js'
import { mechanismText } from '../../src/report/view/mechanism-text.js'
import { removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { testPythons } from '../helpers/pythons.js'

const dir = tempDir()
afterAll(() => removeDir(dir))

const BASE = 'from . import serverless\nfrom .apps import App\nimport colorsys\nimport csv\n'
const HEADS: Record<string, string> = {
  // runpod 68df2cee: a table of public names to modules, loaded by import_module.
  table: [
    'import importlib',
    '_LAZY_ATTRS = {"App": "pkg.apps", "serverless": "pkg.serverless", "hue": "colorsys"}',
    '__all__ = ["App", "serverless", "default"]',
    'def __getattr__(name):',
    '    path = _LAZY_ATTRS.get(name)',
    '    if path is None:',
    '        raise AttributeError(name)',
    '    return importlib.import_module(path)',
    '',
  ].join('\n'),
  // A factory returns the `__getattr__`, with literal and relative names.
  factory: [
    'from importlib import import_module',
    'def _make_getattr():',
    '    def __getattr__(name):',
    '        if name == "serverless":',
    '            return import_module(".serverless", __name__)',
    '        if name == "App":',
    '            return import_module("pkg.apps").App',
    '        if name == "hue":',
    '            return __import__("colorsys")',
    '        raise AttributeError(name)',
    '    return __getattr__',
    '__getattr__ = _make_getattr()',
    '',
  ].join('\n'),
  statement: [
    'def __getattr__(name):',
    '    if name == "serverless":',
    '        from . import serverless',
    '        return serverless',
    '    from .apps import App',
    '    import colorsys',
    '    return App if name == "App" else colorsys',
    '',
  ].join('\n'),
}

describe.each(testPythons())('a module __getattr__ on $label', ({ path: python }) => {
  it.each(Object.keys(HEADS))('names "%s" as loaded on first attribute access', async (form) => {
    writeFiles(dir, {
      [`base/pkg/__init__.py`]: BASE,
      [`${form}/pkg/__init__.py`]: HEADS[form]!,
    })
    const read = async (side: string) =>
      (
        await readImportSites({
          python,
          env: childEnv(process.env),
          cwd: dir,
          files: [{ module: 'pkg', file: join(dir, side, 'pkg', '__init__.py') }],
        })
      ).get(join(dir, side, 'pkg', '__init__.py')) as FileImports
    const base = await read('base')
    const head = await read(form)
    for (const module of ['pkg.serverless', 'pkg.apps', 'colorsys']) {
      const how = mechanismOf(module, 'pkg', base, head)
      expect(how, module).toMatchObject({ mechanism: 'module-getattr', side: 'head' })
    }
    // A module the head file names nowhere is still "removed", not deferred.
    expect(mechanismOf('csv', 'pkg', base, head)).toMatchObject({
      mechanism: 'import-removed',
    })
    const how = mechanismOf('pkg.serverless', 'pkg', base, head)!
    expect(
      mechanismText({ ...how, path: 'pkg/__init__.py' }, 'pkg/__init__.py:8', (t) => `\`${t}\``),
    ).toBe('loaded on first attribute access (module `__getattr__`) at pkg/__init__.py:8')
  })
})

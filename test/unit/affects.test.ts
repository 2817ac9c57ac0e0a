import { describe, expect, it } from 'vitest'
import { affectingFiles, alwaysAffecting, notInert } from '../../src/analysis/verdict/affects.js'
import { DEFAULT_AFFECTS } from '../../src/settings/settings-gate.js'

describe('files that can affect importing', () => {
  it('are Python sources, extensions, .pth files and packaging metadata, by default', () => {
    const changed = [
      'README.md',
      'docs/guide/index.md',
      '.github/workflows/ci.yml',
      'src/shop/__init__.py',
      'src/shop/_speedups.pyx',
      'typings/shop.pyi',
      'pyproject.toml',
      'requirements-dev.txt',
      'uv.lock',
      'vendor/lib/native.so',
      'site/zz.pth',
      'images/logo.png',
    ]
    expect(affectingFiles(changed, DEFAULT_AFFECTS)).toEqual([
      'src/shop/__init__.py',
      'src/shop/_speedups.pyx',
      'typings/shop.pyi',
      'pyproject.toml',
      'requirements-dev.txt',
      'uv.lock',
      'vendor/lib/native.so',
      'site/zz.pth',
    ])
    expect(affectingFiles(['README.md', 'docs/a.md', 'LICENSE'], DEFAULT_AFFECTS)).toEqual([])
  })

  it('matches dot files, and ? within one name, as before picomatch took over the globs (issue 50: 5)', () => {
    expect(affectingFiles(['.hidden.py', 'a/.env.py', 'a/b.txt'], ['*.py'])).toEqual([
      '.hidden.py',
      'a/.env.py',
    ])
    expect(affectingFiles(['a1.py', 'a12.py', 'x/a2.py'], ['a?.py'])).toEqual(['a1.py', 'x/a2.py'])
    expect(affectingFiles(['.github/x.yml', 'src/.github/x.yml'], ['.github/**'])).toEqual([
      '.github/x.yml',
    ])
  })

  it('read a pattern with a slash from the repository root, ** across folders', () => {
    expect(affectingFiles(['src/a.py', 'tests/a.py', 'src/x/b.py'], ['src/*.py'])).toEqual([
      'src/a.py',
    ])
    expect(affectingFiles(['src/a.py', 'tests/a.py', 'src/x/b.py'], ['src/**/*.py'])).toEqual([
      'src/a.py',
      'src/x/b.py',
    ])
    // "*" measures every change; a dot in a name is a dot.
    expect(affectingFiles(['README.md'], ['*'])).toEqual(['README.md'])
    expect(affectingFiles(['setupXpy'], ['setup.py'])).toEqual([])
  })
})

describe('what always affects importing (issue 29: 7)', () => {
  const file = (path: string, modes: [string, string] = ['100644', '100644']) => ({ path, modes })

  it('measures a changed symbolic link or submodule, and any file in a package folder', () => {
    const packages = new Set(['src/pkg', 'src/pkg/sub'])
    expect(
      alwaysAffecting(
        [
          file('src/pkg/rates.json'),
          file('src/pkg/data/big.csv'),
          file('src/pkg/sub/x.txt'),
          file('vendor/lib', ['160000', '160000']),
          file('src/alias', ['120000', '000000']),
          file('docs/index.md'),
          file('README.md'),
          file('src/pkgx/notes.txt'),
        ],
        packages,
      ),
    ).toEqual([
      'src/pkg/rates.json',
      'src/pkg/data/big.csv',
      'src/pkg/sub/x.txt',
      'vendor/lib',
      'src/alias',
    ])
  })

  it('measures any file that is not docs, CI, an image or a test, wherever it sits (issue 47: 7)', () => {
    expect(
      notInert([
        'conf/rates.json',
        'src/nsp/tables/table.json',
        'settings.yaml',
        'README.md',
        'docs/conf.py',
        '.github/workflows/ci.yml',
        'img/logo.svg',
        'tests/data/big.json',
        'CHANGELOG.rst',
        'LICENSE',
      ]),
    ).toEqual(['conf/rates.json', 'src/nsp/tables/table.json', 'settings.yaml'])
  })
})

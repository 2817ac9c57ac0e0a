// How the footer says the sides were installed (report/view/install-text.ts).
import { expect, it } from 'vitest'
import { installText } from '../../src/report/view/install-text.js'

it("names the tool, each side's time, where uv came from and what its cache served", () => {
  const uv = (prepared: number) => ({ installed: 101, prepared })
  expect(
    installText({
      sides: [
        { side: 'base', tool: 'uv', s: 5.706, uv_cache: uv(1) },
        { side: 'head', tool: 'uv', s: 5.744, uv_cache: uv(1) },
      ],
      uv: { version: '0.13.10', source: 'cached' },
      fell_back: null,
    }),
  ).toBe(
    "Installed with uv 0.13.10 (fetched by an earlier run): base 5.7 s, head 5.7 s; uv's cache served 100 of 101 packages a side",
  )
  expect(
    installText({
      sides: [
        { side: 'base', tool: 'uv-sync', s: 0.4, uv_cache: uv(96) },
        { side: 'head', tool: 'uv-sync', s: 0.4, uv_cache: uv(101) },
      ],
      uv: { version: '0.13.10', source: 'fetched' },
      fell_back: null,
    }),
  ).toBe(
    "Installed with uv sync (uv 0.13.10, fetched from PyPI by this run): base 0.4 s, head 0.4 s; uv's cache served 5 of 101 packages (base), 0 of 101 packages (head)",
  )
})

it('says why pip installed a packaged project, and nothing when nothing was installed', () => {
  expect(
    installText({
      sides: [{ side: 'head', tool: 'pip', s: 25.8, uv_cache: null }],
      uv: null,
      fell_back: 'uv is not on PATH, and fetching uv 0.13.10 failed: no network',
    }),
  ).toBe(
    'Installed with pip: head 25.8 s; pip, because uv is not on PATH, and fetching uv 0.13.10 failed: no network',
  )
  expect(installText(undefined)).toBeNull()
  expect(installText({ sides: [], uv: null, fell_back: null })).toBeNull()
})

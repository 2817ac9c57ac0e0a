// The browser check: the pull-request comment rendered as GitHub renders it (a
// GFM renderer, GitHub's stylesheet, Mermaid) and the HTML report, opened in
// headless Chromium. Each page checks itself (the graph drew, the icicle drew,
// nothing is wider than its column) and the screenshots are kept for a person
// to look at (IMPORTGATE_SCREENSHOTS=dir; else they go with the temp folder).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Marked } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlReport } from '../../src/report/html/html.js'
import { escapeHtml } from '../../src/report/html/html.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import type { CompareResults, ImportTreeJson } from '../../src/results/schema.js'
import { removeDir, tempDir } from '../helpers/project.js'
import { bodyData, findChromium, openPage } from './chromium.js'

const chromium = findChromium()
if (!chromium) {
  const message =
    'no Chromium found (Debian: apt-get install chromium; or set CHROMIUM=path): the browser check is skipped'
  if (process.env.IMPORTGATE_REQUIRE_BROWSER) throw new Error(message)
  console.warn(`browser check: ${message}`)
}

const require = createRequire(import.meta.url)
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8'),
  ) as CompareResults

/** The width of a comment's column on a pull request's page. */
const COMMENT_WIDTH = 780

/** Checks run inside the page once Mermaid has drawn: written to <body data-check>. */
const SELF_CHECK = `
window.addEventListener('load', async () => {
  const result = { graphs: 0, errors: [], overflow: [] };
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    await mermaid.run({ querySelector: 'pre.mermaid' });
  } catch (e) { result.errors.push(String((e && e.message) || e)); }
  result.graphs = document.querySelectorAll('pre.mermaid svg').length;
  for (const d of document.querySelectorAll('details')) d.open = true;
  const column = document.querySelector('.markdown-body');
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) result.overflow.push('page');
  for (const el of column.querySelectorAll('table, pre, svg, p, li')) {
    if (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > column.getBoundingClientRect().right + 1)
      result.overflow.push(el.tagName.toLowerCase() + ': ' + el.textContent.slice(0, 60));
  }
  for (const d of document.querySelectorAll('details')) d.open = false;
  document.body.dataset.check = JSON.stringify(result);
});
`

/** The comment as GitHub shows it: GFM, its stylesheet, Mermaid blocks drawn. */
function githubPage(markdown: string): string {
  const marked = new Marked({ gfm: true })
  marked.use({
    renderer: {
      code({ text, lang }) {
        return lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(text)}</pre>\n` : false
      },
    },
  })
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const mermaid = pathToFileURL(require.resolve('mermaid/dist/mermaid.min.js')).href
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 16px; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
</style><script src="${mermaid}"></script><script>${SELF_CHECK}</script></head>
<body><article class="markdown-body">${marked.parse(markdown) as string}</article></body></html>`
}

describe.skipIf(!chromium)('in a browser', () => {
  // Made in beforeAll: a skipped describe still runs its body, and left the folder behind.
  let dir = ''
  let shots = ''
  beforeAll(() => {
    dir = tempDir('importgate-browser-')
    shots = process.env.IMPORTGATE_SCREENSHOTS ?? dir
    mkdirSync(shots, { recursive: true })
  })
  afterAll(() => {
    if (dir) removeDir(dir)
  })

  async function open(name: string, html: string, width: number, height: number) {
    const file = join(dir, `${name}.html`)
    writeFileSync(file, html)
    return openPage(chromium!, pathToFileURL(file).href, {
      width,
      height,
      profile: join(dir, 'profile'),
      screenshot: join(shots, `${name}.png`),
    })
  }

  it('draws the regression comment with its graph, nothing wider than the column', async () => {
    const md = markdownReport(fixture('regression-two-targets.json'), undefined, {
      repoUrl: 'https://github.com/acme/myapp',
    })
    const { dom } = await open('comment-regression', githubPage(md), 1000, 1400)
    const check = JSON.parse(bodyData(dom, 'check') ?? 'null')
    expect(check).toEqual({ graphs: 1, errors: [], overflow: [] })
  })

  it('draws the improvement comment the same way', async () => {
    const md = markdownReport(fixture('improvement.json'), undefined, {
      repoUrl: 'https://github.com/acme/myapp',
    })
    const { dom } = await open('comment-improvement', githubPage(md), 1000, 1400)
    expect(JSON.parse(bodyData(dom, 'check') ?? 'null')).toEqual({
      graphs: 1,
      errors: [],
      overflow: [],
    })
  })

  it('draws the HTML report icicle, within the window', async () => {
    const node = (name: string, c: number, children: ImportTreeJson[] = []): ImportTreeJson => ({
      name,
      self_ms: c - children.reduce((sum, k) => sum + k.cumulative_ms, 0),
      cumulative_ms: c,
      children,
    })
    const doc = fixture('regression-two-targets.json')
    doc.targets[0]!.base!.profile.tree = node('myapp', 10, [
      node('myapp.output', 4, [node('json', 2)]),
      node('inspect', 5, [node('dis', 2)]),
    ])
    doc.targets[0]!.head!.profile.tree = node('myapp', 55, [
      node('myapp.output', 50, [
        node('json', 2),
        node('rich.console', 45, [node('rich', 20, [node('rich.style', 8)]), node('typing', 6)]),
      ]),
      node('inspect', 4.8, [node('dis', 2)]),
    ])
    const { dom } = await open('html-report', htmlReport(doc), 1200, 700)
    expect(bodyData(dom, 'status')).toMatch(/^drawn ([1-9]\d*)$/)
    expect(dom).toContain('>rich.console</div>')
  })
})

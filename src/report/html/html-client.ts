// The HTML report's script and style, as text embedded in the page: a diff
// icicle drawn from the data in #data, with zoom, search and a detail panel.
// No network, no libraries; every name is set as text, never as HTML.

export const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); margin: 24px; max-width: 1200px; }
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
p.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; margin: 0 0 16px; }
th, td { border: 1px solid var(--border); padding: 4px 10px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.verdict { text-align: left; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
.legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 10px; vertical-align: -1px; border-radius: 2px; }
#icicle { position: relative; width: 100%; overflow: hidden; border: 1px solid var(--border); border-radius: 6px; background: #fff; }
.node { position: absolute; height: 21px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font: 12px/21px ui-monospace, SFMono-Regular, Menlo, monospace; padding: 0 4px; border: 1px solid #fff; border-radius: 3px; cursor: pointer; color: #1f2328; }
.node.dim { opacity: 0.25; }
.node.hit { outline: 2px solid #0969da; z-index: 1; }
#detail { min-height: 3em; margin: 8px 0; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
`

/** Runs in the page: reads #data, draws the selected target's tree, reports problems in data-status. */
export const SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const box = document.getElementById('icicle');
  const detail = document.getElementById('detail');
  const select = document.getElementById('target');
  const search = document.getElementById('search');
  const ROW = 22;
  let root = null;
  let zoomed = null;
  const size = (d) => Math.max(d.b ? d.b.c : 0, d.h ? d.h.c : 0);
  const ms = (x) => x === null || x === undefined ? '–' : x >= 1 ? x.toFixed(1) + ' ms' : Math.round(x * 1000) + ' µs';
  function color(d) {
    if (d.m) return '#d6e2f0';
    if (!d.b) return '#f4a6a6';
    if (!d.h) return '#a6dcb2';
    const delta = d.h.c - d.b.c;
    const rel = d.b.c > 0 ? delta / d.b.c : 0;
    if (Math.abs(delta) < 0.5 || Math.abs(rel) < 0.1) return '#e6e9ed';
    const t = Math.min(1, Math.abs(rel));
    const mix = (a, b) => Math.round(a + (b - a) * t);
    return delta > 0 ? 'rgb(' + mix(250, 235) + ',' + mix(225, 120) + ',' + mix(225, 120) + ')'
                     : 'rgb(' + mix(225, 110) + ',' + mix(245, 200) + ',' + mix(228, 130) + ')';
  }
  function describe(d) {
    const state = d.m ? (d.b ? 'imported elsewhere in head (moved)' : 'imported elsewhere in base (moved)')
      : !d.b ? 'now imported (head only)' : !d.h ? 'no longer imported (base only)' : '';
    const delta = d.b && d.h ? d.h.c - d.b.c : null;
    return d.n + (state ? '  ' + state : '') + '\\n' +
      'base: ' + (d.b ? ms(d.b.c) + ' cumulative, ' + ms(d.b.s) + ' own' : '–') + '\\n' +
      'head: ' + (d.h ? ms(d.h.c) + ' cumulative, ' + ms(d.h.s) + ' own' : '–') +
      (delta === null ? '' : '\\nΔ cumulative: ' + (delta >= 0 ? '+' : '−') + ms(Math.abs(delta)));
  }
  function draw() {
    box.textContent = '';
    const top = zoomed || root;
    const width = box.clientWidth;
    let depth = 0;
    const query = search.value.trim().toLowerCase();
    function place(d, x, w, level) {
      if (w * width < 2) return;
      depth = Math.max(depth, level + 1);
      const el = document.createElement('div');
      el.className = 'node' + (query ? (d.n.toLowerCase().includes(query) ? ' hit' : ' dim') : '');
      el.style.left = (x * 100) + '%';
      el.style.width = (w * 100) + '%';
      el.style.top = (level * ROW) + 'px';
      el.style.background = color(d);
      el.textContent = d.n;
      el.addEventListener('mouseenter', () => { detail.textContent = describe(d); });
      el.addEventListener('click', (e) => { e.stopPropagation(); zoomed = d === zoomed ? null : d; draw(); });
      box.appendChild(el);
      const total = size(d) || 1;
      let at = x;
      for (const k of d.k) {
        const kw = w * size(k) / total;
        place(k, at, kw, level + 1);
        at += kw;
      }
    }
    place(top, 0, 1, 0);
    box.style.height = (depth * ROW + 2) + 'px';
  }
  function choose() {
    const entry = data.targets.find((t) => t.name === select.value) || data.targets[0];
    root = entry ? entry.tree : null;
    zoomed = null;
    if (root) draw(); else box.textContent = 'No -X importtime tree was recorded for this target.';
  }
  for (const t of data.targets) {
    const option = document.createElement('option');
    option.value = t.name;
    option.textContent = t.name;
    select.appendChild(option);
  }
  select.addEventListener('change', choose);
  search.addEventListener('input', () => root && draw());
  document.getElementById('reset').addEventListener('click', () => { zoomed = null; if (root) draw(); });
  window.addEventListener('resize', () => root && draw());
  choose();
  document.body.dataset.status = 'drawn ' + box.childElementCount;
})();
`

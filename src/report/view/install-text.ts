// How the sides were installed, in words for the footer: the tool, the time
// per side, what uv's cache served, and why pip did the work where `auto`
// could not use uv. Pure.
import type { InstallsJson } from '../../results/schema.js'

const SOURCES = {
  path: 'on PATH',
  cached: 'fetched by an earlier run',
  fetched: 'fetched from PyPI by this run',
} as const

const TOOLS: Record<string, string> = { 'uv-sync': 'uv sync', command: 'your install command' }

/** "Installed with uv 0.13.10 (on PATH): base 3.1 s, head 2.9 s; uv's cache served 63 of 64 packages a side". */
export function installText(installs: InstallsJson | undefined): string | null {
  if (!installs?.sides.length) return null
  const tools = [...new Set(installs.sides.map((s) => TOOLS[s.tool] ?? s.tool))]
  const uvUsed = installs.sides.some((s) => s.uv_cache !== null)
  const source = installs.uv ? SOURCES[installs.uv.source] : ''
  const uv =
    !uvUsed || !installs.uv
      ? ''
      : tools.length === 1 && tools[0] === 'uv'
        ? ` ${installs.uv.version} (${source})`
        : ` (uv ${installs.uv.version}, ${source})`
  const times = installs.sides.map((s) => `${s.side} ${s.s.toFixed(1)} s`).join(', ')
  const served = installs.sides.flatMap((s) =>
    s.uv_cache
      ? [
          {
            side: s.side,
            of: s.uv_cache.installed,
            served: Math.max(0, s.uv_cache.installed - s.uv_cache.prepared),
          },
        ]
      : [],
  )
  const same = served.every((s) => s.of === served[0]?.of && s.served === served[0]?.served)
  const cache = !served.length
    ? ''
    : same
      ? `; uv's cache served ${served[0]!.served} of ${served[0]!.of} packages${served.length > 1 ? ' a side' : ''}`
      : `; uv's cache served ${served.map((s) => `${s.served} of ${s.of} packages (${s.side})`).join(', ')}`
  const fellBack = installs.fell_back ? `; pip, because ${installs.fell_back}` : ''
  return `Installed with ${tools.join(' and ')}${uv}: ${times}${cache}${fellBack}`
}

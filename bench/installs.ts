// `npm run bench:installs`: what installing costs the whole job, at default
// settings, on real pull requests of three packages from PyPI's sources (a
// small one, a tractor-sized one, a runpod-sized one): `--install pip` and
// `--install auto` (uv, fetched when missing), each with its caches emptied
// first (cold) and then again as they were left (warm). uv is not on PATH. The
// rows are kept in bench/INSTALLS.json as they finish, so a run that is cut
// short resumes where it stopped; bench/INSTALLS.md is written from them.
//
//   tsx bench/installs.ts CASE... [--out bench/INSTALLS.md]
//   CASE: name=REPO:BASE..HEAD:PYTHON:TARGET
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'

const root = resolve(import.meta.dirname, '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'bench/INSTALLS.md' } },
})
const out = resolve(root, values.out)
const store = out.replace(/\.md$/, '.json')

interface Case {
  name: string
  repo: string
  base: string
  head: string
  python: string
  target: string
}
interface Row {
  case: string
  tool: 'pip' | 'auto'
  cache: 'cold' | 'warm'
  /** The whole job, as the results record it. */
  jobS: number
  installS: number | null
  sides: string
  verdict: string
  headline: string
}

const cases: Case[] = positionals.map((spec) => {
  const m = /^([^=]+)=([^:]+):([^.]+)\.\.([^:]+):([^:]+):(.+)$/.exec(spec)
  if (!m) throw new Error(`case "${spec}": expected name=REPO:BASE..HEAD:PYTHON:TARGET`)
  return { name: m[1]!, repo: m[2]!, base: m[3]!, head: m[4]!, python: m[5]!, target: m[6]! }
})

/** Every cache a cold row must not find: pip's and uv's, ours and the sandbox user's, and the fetched uv. */
function emptyCaches(): void {
  for (const home of [homedir(), '/var/lib/importgate'])
    for (const cache of ['pip', 'uv', join('importgate', 'uv')])
      rmSync(join(home, '.cache', cache), { recursive: true, force: true })
}

const rows: Row[] = existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as Row[]) : []
const done = (c: Case, tool: string, cache: string) =>
  rows.some((r) => r.case === c.name && r.tool === tool && r.cache === cache)

for (const c of cases) {
  for (const tool of ['pip', 'auto'] as const) {
    for (const cache of ['cold', 'warm'] as const) {
      if (done(c, tool, cache)) continue
      // A warm row runs right after its cold one: the caches as that left them.
      if (cache === 'cold') emptyCaches()
      else if (!done(c, tool, 'cold')) continue
      const json = join(root, 'out', `installs-${c.name}-${tool}-${cache}.json`)
      const run = spawnSync(
        process.execPath,
        [
          ...[join(root, 'dist', 'cli.js'), 'compare', c.base, c.head, '--install', tool],
          ...['--python', c.python, '--target', c.target, '--json', json, '-q'],
        ],
        { cwd: c.repo, encoding: 'utf8', timeout: 1_800_000 },
      )
      if (!existsSync(json)) throw new Error(`${c.name} ${tool} ${cache}: ${run.stderr}`)
      const doc = JSON.parse(readFileSync(json, 'utf8'))
      const installs = doc.installs as
        { sides: { side: string; tool: string; s: number }[]; fell_back: string | null } | undefined
      rows.push({
        case: c.name,
        tool,
        cache,
        jobS: doc.duration_s,
        installS: doc.phases_s?.install ?? null,
        sides:
          (installs?.sides ?? []).map((s) => `${s.side} ${s.tool} ${s.s.toFixed(1)} s`).join(', ') +
          (installs?.fell_back ? ` (pip: ${installs.fell_back})` : ''),
        verdict: doc.verdict,
        headline: run.stdout.split('\n')[1] ?? '',
      })
      writeFileSync(store, `${JSON.stringify(rows, null, 2)}\n`)
      console.log(
        `${c.name} ${tool} ${cache}: job ${doc.duration_s} s, install ${doc.phases_s?.install} s`,
      )
    }
  }
}

const cell = (r: Row | undefined) =>
  r ? `${r.jobS.toFixed(0)} s (install ${r.installS?.toFixed(1) ?? '–'} s)` : '–'
const find = (c: string, tool: string, cache: string) =>
  rows.find((r) => r.case === c && r.tool === tool && r.cache === cache)
const names = [...new Set(rows.map((r) => r.case))]
const table = [
  '| package (pull request) | pip, cold | pip, warm | uv (auto), cold | uv (auto), warm | verdicts |',
  '| --- | --- | --- | --- | --- | --- |',
  ...names.map((n) => {
    const four = [
      find(n, 'pip', 'cold'),
      find(n, 'pip', 'warm'),
      find(n, 'auto', 'cold'),
      find(n, 'auto', 'warm'),
    ]
    const verdicts = [...new Set(four.flatMap((r) => (r ? [r.verdict] : [])))].join(', ')
    return `| ${n} | ${four.map(cell).join(' | ')} | ${verdicts} |`
  }),
]
const text = [
  '# Installs: the whole job with pip and with uv',
  '',
  'Written by `npm run bench:installs` (bench/installs.ts) from bench/INSTALLS.json. Each cell is',
  "one `importgate compare` at default settings on a real pull request, the whole job's time as",
  "the results record it, and its install phase (both sides at once) in brackets. Cold: pip's and",
  "uv's caches emptied (the sandbox user's too) and no uv kept, so auto fetches it; warm: run",
  'again at once, with what the cold run left. uv was not on PATH. One run per cell, on a shared',
  '2-core machine: the install figures are what this bench is about; the rest of the job is the',
  'measurement, the same work whichever tool installed.',
  '',
  ...table,
  '',
  'Each side, per run:',
  '',
  ...rows.map(
    (r) => `- ${r.case}, ${r.tool}, ${r.cache}: ${r.sides}; ${r.verdict}: ${r.headline.trim()}`,
  ),
  '',
].join('\n')
writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }))

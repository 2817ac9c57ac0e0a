// bench/RESULTS.md, RESULTS.json and the plot, from the outcomes of a quality
// run; and the README's summary of them, between its bench:<name> markers.
// Runs without the naive baselines leave their columns out.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { DEFAULTS } from '../src/settings/settings.js'
import {
  countBy,
  effectsOf,
  scenario,
  sideBySideLine,
  sizesOf,
  type Method,
  type Outcome,
  type ResultsFile,
  type RunInfo,
} from './outcome.js'
import { plot } from './plot.js'
import { median, rateInterval } from './stats.js'
import { noiseSection } from './noise-table.js'
import { lookAt } from '../src/analysis/stats/sequential.js'
import { endOfBudget } from '../src/analysis/verdict/end-of-budget.js'

const percent = (x: number) => `${Math.round(100 * x)}%`
/** "3/20 (15%)". */
const share = (k: number, n: number) => (n ? `${k}/${n} (${percent(k / n)})` : '–')
/** "0/50 (0%; 95% CI 0–7%)": what the count can rule out. */
const shareWithInterval = (k: number, n: number) => {
  if (!n) return '–'
  const [lo, hi] = rateInterval(k, n)
  return `${k}/${n} (${percent(k / n)}; 95% CI ${percent(lo)}–${percent(hi)})`
}
// An inconclusive verdict is neither an alarm nor a pass: it is counted apart.
const isAlarm = (v: string) => v === 'regression' || v === 'improvement'
const isHit = (v: string) => v === 'regression'
const isInconclusive = (v: string) => v === 'inconclusive'
/** The failure this product must never have: a pass resting on fewer pairs than its test needs. */
const unearnedPasses = (os: Outcome[]) =>
  os.filter((o) => o.verdict === 'pass' && o.neededPairs !== undefined && o.pairs < o.neededPairs)
    .length
/**
 * What the user saw as a failed check on an A/A pair: a regression, or an
 * inconclusive verdict (which fails it). `rejudged`: an inconclusive whose
 * recorded pairs `undecided = "warn"` passes (end-of-budget.ts) does not fail:
 * the same pairs, where the same stopping rule stopped, judged by the rule now.
 */
function checkFailed(
  os: Outcome[],
  rejudged: boolean,
  gate: { thresholdPct: number; minDeltaMs: number },
): number {
  return os.filter((o) => {
    if (o.verdict === 'regression') return true
    if (o.verdict !== 'inconclusive') return false
    if (!rejudged || !o.pairs_ms) return true
    const { base, head } = o.pairs_ms
    const logs = base.map((b, i) => Math.log(head[i]! / b))
    const look = lookAt(logs, { ...gate, alpha: 0.01 }, median(base))
    return endOfBudget(look, gate, median(base)) === null
  }).length
}
const hasBaselines = (os: Outcome[]) => os.some((o) => o.sequential !== 'skipped')
/** The baseline columns' cells, or none for a run without them. */
const baselineCells = (os: Outcome[], cells: () => string[]) => (hasBaselines(os) ? cells() : [])
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const seconds = (xs: number[]) => `${median(xs).toFixed(1)} s (${Math.max(...xs).toFixed(0)} s)`
/** The sampling time to each verdict, or – for runs that did not record it. */
const samplingSeconds = (os: Outcome[]) =>
  os.every((o) => o.samplingS !== undefined) ? seconds(os.map((o) => o.samplingS!)) : '–'

/** A notice for figures from a run still in progress, else nothing. */
function interim(outcomes: Outcome[], run: RunInfo): string[] {
  if (!run.planned || outcomes.length >= run.planned) return []
  return [
    `> **Interim:** ${outcomes.length} of the run's ${run.planned} compares, from its checkpoint; the run resumes where it stopped and rewrites this.`,
    '',
  ]
}

function settingsLine(run: RunInfo): string {
  const d = DEFAULTS
  return `importgate ran with threshold ${run.thresholdPct}% and min-delta ${run.minDeltaMs} ms, otherwise its default settings (alpha ${d.alpha}, ${d.minPairs} to ${d.maxPairs} pairs, ${d.maxTimeMs / 1000} s and up to ${d.overtimeMs / 1000} s of overtime for a target still undecided, the sequential decision procedure of docs/statistics.md), and \`--install none\`.`
}

function resultsMarkdown(outcomes: Outcome[], run: RunInfo, name: string): string {
  const sizes = sizesOf(outcomes)
  const lines = [
    `# importgate: measurement quality${name === 'quality' ? '' : ` (${name})`}`,
    '',
    ...interim(outcomes, run),
    `Written by \`${run.command}\` (${run.totalMin.toFixed(0)} min). Machine: ${run.cores} cores (${run.cpu}), Python ${run.python}.`,
    settingsLine(run),
    `Fixtures: a package whose import does calibrated CPU work (${Math.round(run.rate)} loop iterations per ms here); head does the stated percentage more. A/A pairs differ only in the module's docstring: a line that runs at import (it is \`__doc__\`) and costs nothing, so the proof does not decide them and they are timed (a _touched A/A_).`,
    hasBaselines(outcomes)
      ? 'Baselines on the same fixtures, in the same run: _sequential blocks_ (20 base runs, then 20 head runs, medians, flag beyond ±5%) and _mean of 10_ (10 runs per side, means, ±5%), as simple cold-start scripts do.'
      : 'This run left out the naive baselines (see the small-import results for how they fare).',
    'Every (scenario, repetition) ran in one shuffled order, so slow drift of the machine favours no scenario. Rates carry exact (Clopper-Pearson) 95% intervals where the count is the claim.',
    ...sideBySideLine(outcomes),
    '',
    '## False alarms (A/A: the same code on both sides)',
    '',
    'A false alarm is a regression or an improvement; an inconclusive verdict is counted apart, as is a pass on fewer pairs than the procedure needs to decide (which must never happen). _Check failed_ is what a user sees: a regression or an inconclusive verdict, both of which fail the check; the next column judges the same recorded pairs, stopped where they stopped, by `undecided = "warn"` (docs/statistics.md), which passes an undecided target whose interval rules out twice the band.',
    '',
    row([
      'import',
      'runs',
      'importgate',
      'inconclusive',
      'check failed',
      'check failed, undecided = warn',
      'pass on too few pairs',
      'time to verdict, median (slowest)',
      'sampling to verdict, median (slowest)',
      ...baselineCells(outcomes, () => ['sequential blocks', 'mean of 10']),
    ]),
    row(['---', ...Array<string>(8 + (hasBaselines(outcomes) ? 2 : 0)).fill('---:')]),
  ]
  const aaRow = (label: string, os: Outcome[]) => {
    const alarms = (m: Method) => share(countBy(os, m, isAlarm), os.length)
    return row([
      label,
      os.length,
      shareWithInterval(countBy(os, 'importgate', isAlarm), os.length),
      share(countBy(os, 'importgate', isInconclusive), os.length),
      shareWithInterval(checkFailed(os, false, run), os.length),
      shareWithInterval(checkFailed(os, true, run), os.length),
      unearnedPasses(os),
      seconds(os.map((o) => o.durationS)),
      samplingSeconds(os),
      ...baselineCells(outcomes, () => [alarms('sequential'), alarms('mean10')]),
    ])
  }
  for (const size of sizes) lines.push(aaRow(`~${size} ms`, scenario(outcomes, size, 0)))
  lines.push(
    aaRow(
      'all',
      outcomes.filter((o) => o.effect === 0),
    ),
  )
  lines.push(
    '',
    '## Detection (injected slowdowns)',
    '',
    row([
      'import',
      'slowdown',
      'runs',
      'importgate',
      'inconclusive',
      'pass on too few pairs',
      'time to verdict, median (slowest)',
      'median pairs',
      'sampling to verdict, median (slowest)',
      ...baselineCells(outcomes, () => ['sequential blocks', 'mean of 10']),
    ]),
    row(['---', ...Array<string>(8 + (hasBaselines(outcomes) ? 2 : 0)).fill('---:')]),
  )
  for (const size of sizes) {
    for (const e of effectsOf(outcomes)) {
      const os = scenario(outcomes, size, e)
      const hit = (m: Method) => share(countBy(os, m, isHit), os.length)
      lines.push(
        row([
          `~${size} ms`,
          `+${e}%`,
          os.length,
          shareWithInterval(countBy(os, 'importgate', isHit), os.length),
          share(countBy(os, 'importgate', isInconclusive), os.length),
          unearnedPasses(os),
          seconds(os.map((o) => o.durationS)),
          median(os.map((o) => o.pairs)),
          samplingSeconds(os),
          ...baselineCells(outcomes, () => [hit('sequential'), hit('mean10')]),
        ]),
      )
    }
  }
  lines.push(...noiseSection(outcomes))
  lines.push(
    '',
    `![Share flagged as a regression against injected slowdown; 0 is the A/A runs](${name}.svg)`,
    '',
    '## Overhead',
    '',
    `Median wall time of a compare: ${median(outcomes.map((o) => o.durationS)).toFixed(1)} s, of which the timed rounds (the sampling phase, wall time): ${median(outcomes.map((o) => o.samplingS ?? 0)).toFixed(1)} s (median share ${percent(median(outcomes.map((o) => (o.samplingS ?? 0) / o.durationS)))}). The rest is worktrees, warm-ups and the untimed \`-X importtime\` runs.`,
    '',
  )
  return lines.join('\n')
}

/** The README's summary: the figures a user can expect, and how to reproduce them. */
export function readmeSection(outcomes: Outcome[], run: RunInfo, resultsFile: string): string {
  const sizes = sizesOf(outcomes)
  const aa = outcomes.filter((o) => o.effect === 0)
  const baselines = hasBaselines(outcomes)
  const bySize = (e: number, m: Method) =>
    sizes.map((s) => {
      const os = scenario(outcomes, s, e)
      return `${countBy(os, m, isHit)}/${os.length}`
    })
  const alarms = (m: Method) => `${countBy(aa, m, isAlarm)} of ${aa.length}`
  const sizeLabel = sizes.map((s) => `~${s} ms`).join(' / ')
  const head = ['', 'importgate']
  if (baselines) head.push('sequential blocks (20+20, medians, ±5%)', 'mean of 10 (±5%)')
  const lines = [
    ...interim(outcomes, run),
    `On this project's ${run.cores}-core machine, Python ${run.python}, with **default settings**, in ${outcomes.length} compares (${run.totalMin.toFixed(0)} min):`,
    '',
    row(head),
    row(['---', ...Array<string>(head.length - 1).fill('---:')]),
    row([
      'false alarms, A/A',
      alarms('importgate'),
      ...(baselines ? [alarms('sequential'), alarms('mean10')] : []),
    ]),
  ]
  for (const e of effectsOf(outcomes)) {
    lines.push(
      row([
        `+${e}% caught, ${sizeLabel}`,
        bySize(e, 'importgate').join(', '),
        ...(baselines ? [bySize(e, 'sequential').join(', '), bySize(e, 'mean10').join(', ')] : []),
      ]),
    )
  }
  const [, aaHigh] = rateInterval(countBy(aa, 'importgate', isAlarm), aa.length)
  const expect = effectsOf(outcomes).map((e) => {
    const per = sizes.map((s) => {
      const os = scenario(outcomes, s, e)
      const times = os.map((o) => o.durationS)
      const inconclusive = countBy(os, 'importgate', isInconclusive)
      return `${percent(countBy(os, 'importgate', isHit) / os.length)} at ~${s} ms (median ${median(times).toFixed(0)} s, slowest ${Math.max(...times).toFixed(0)} s${inconclusive ? `; ${inconclusive} inconclusive` : ''})`
    })
    return `- a **${e}%** slowdown is caught in ${per.join(', ')};`
  })
  const aaInconclusive = countBy(aa, 'importgate', isInconclusive)
  const unearned = unearnedPasses(outcomes)
  lines.push(
    '',
    `So, on a ${run.cores}-core runner:`,
    '',
    ...expect,
    `- an unchanged import is called a regression or an improvement in ${alarms('importgate')} pull requests (the true rate is below ${percent(aaHigh)} with 95% confidence)` +
      (aaInconclusive
        ? `; ${aaInconclusive} more were inconclusive, which failed the check; judged by \`undecided = "warn"\` (now the default) on the same pairs, ${checkFailed(aa, true, run)} of ${aa.length} would fail it`
        : '') +
      (baselines
        ? `; the naive scripts fail ${alarms('sequential')} and ${alarms('mean10')}.`
        : '.'),
    `- ${unearned === 0 ? 'no' : unearned} compare${unearned === 1 ? '' : 's'} passed on fewer pairs than the test needs to reject.`,
    '',
    `Details, per import size, with intervals and the plot: [\`bench/${resultsFile}\`](bench/${resultsFile}). Reproduce (${run.totalMin.toFixed(0)} min here; an interrupted run resumes):`,
    '',
    '```sh',
    run.command,
    '```',
  )
  return lines.join('\n')
}

const markers = (name: string) => ({
  start: `<!-- bench:${name}:start: written by npm run bench:${name} -->`,
  end: `<!-- bench:${name}:end -->`,
})

/** Replaces what lies between the README's markers; the text around them is written by hand. */
export function replaceSection(readme: string, section: string, name = 'quality'): string {
  const { start, end } = markers(name)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md: no "${start}" … "${end}" block to replace`)
  return `${readme.slice(0, from + start.length)}\n\n${section}\n\n${readme.slice(to)}`
}

async function pretty(path: string, text: string): Promise<string> {
  const options = (await resolveConfig(path)) ?? {}
  return format(text, { ...options, filepath: path })
}

export async function writeResults(
  path: string,
  file: ResultsFile,
  readmePath: string,
  name = 'quality',
) {
  const { outcomes, run } = file
  // bench:slow and bench:instructions keep their summaries at the end of
  // RESULTS.md, each between its markers: kept when bench:quality rewrites it.
  const old = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const kept = Math.min(
    ...['## Slow imports\n', '## Instructions\n'].map((h) => old.indexOf(h)).filter((i) => i >= 0),
  )
  const tail = Number.isFinite(kept) ? `\n\n${old.slice(kept)}` : ''
  writeFileSync(path, await pretty(path, resultsMarkdown(outcomes, run, name) + tail))
  writeFileSync(
    join(dirname(path), `${name}.svg`),
    plot(outcomes, sizesOf(outcomes), [0, ...effectsOf(outcomes)]),
  )
  const json = path.replace(/\.md$/, '.json')
  writeFileSync(json, await pretty(json, JSON.stringify(file)))
  const readme = replaceSection(
    readFileSync(readmePath, 'utf8'),
    readmeSection(outcomes, run, basename(path)),
    name,
  )
  writeFileSync(readmePath, await pretty(readmePath, readme))
  // Another run's summary (bench:slow) goes into RESULTS.md too, where it is kept.
  const results = join(dirname(path), 'RESULTS.md')
  if (name !== 'quality' && existsSync(results)) {
    const text = readFileSync(results, 'utf8')
    const section = readmeSection(outcomes, run, basename(path))
    if (text.includes(markers(name).start))
      writeFileSync(results, await pretty(results, replaceSection(text, section, name)))
  }
}

// `npm run demo`: importgate on a small package whose pull request makes it
// slower to import. Needs only this repository (after npm ci) and python3 on
// PATH; nothing is fetched. Prints the terminal report and writes the markdown
// report (what the pull request comment shows) to out/demo-report.md and the
// HTML report to out/demo-report.html.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist', 'cli.js')
const report = join(root, 'out', 'demo-report.md')
const html = join(root, 'out', 'demo-report.html')
const repo = mkdtempSync(join(tmpdir(), 'importgate-demo-'))

const write = (files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true })
    writeFileSync(join(repo, path), text)
  }
}
const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=importgate demo', '-c', 'user.email=demo@importgate.invalid', ...args],
    {
      cwd: repo,
      stdio: 'pipe',
    },
  )

try {
  git('init', '-q', '-b', 'main')
  write({
    'pyproject.toml': `[project]
name = "weatherly"
version = "1.0.0"

[tool.importgate]
targets = ["weatherly", "weatherly.cli"]
forbid = ["tkinter"]

[tool.importgate.budgets]
weatherly = "25ms"
`,
    'src/weatherly/__init__.py':
      '"""Weather for the command line."""\nfrom weatherly.forecast import forecast\n',
    'src/weatherly/forecast.py': [
      'def forecast(city):',
      '    return {"city": city, "sky": "clear"}',
      '',
      'def forecast_async(city):',
      '    import asyncio  # only the async API needs it',
      '    return asyncio.sleep(0, forecast(city))',
      '',
    ].join('\n'),
    'src/weatherly/cli.py': 'import sys\nfrom weatherly import forecast\n',
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'weatherly 1.0')
  // The pull request: asyncio moves to the top of the module ("it's cleaner"),
  // and a table of cities is now built at import time.
  write({
    'src/weatherly/forecast.py': [
      'import asyncio',
      '',
      'CITIES = {f"city-{i}": sum(range(i % 400)) for i in range(20_000)}',
      '',
      'def forecast(city):',
      '    return {"city": city, "sky": "clear"}',
      '',
      'def forecast_async(city):',
      '    return asyncio.sleep(0, forecast(city))',
      '',
    ].join('\n'),
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'Tidy imports, precompute the city table')

  console.log(`importgate demo: comparing main~1 with main in ${repo}\n`)
  mkdirSync(dirname(report), { recursive: true })
  const run = spawnSync(
    process.execPath,
    [cli, 'compare', 'main~1', 'main', '--install', 'none', '--markdown', report, '--html', html],
    { cwd: repo, stdio: 'inherit' },
  )
  console.log(`\nThe markdown report (what the pull request comment shows): ${report}`)
  console.log(`The HTML report (a diff icicle of the import trees; open it in a browser): ${html}`)
  console.log(
    `importgate exited with status ${run.status}: 1 means the check fails, as this pull request should.`,
  )
  process.exitCode = run.status === 1 ? 0 : 1
} finally {
  rmSync(repo, { recursive: true, force: true })
}

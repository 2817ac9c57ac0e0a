// Headless Chromium for the browser check: found on the machine (Debian's
// `chromium` package; CHROMIUM=path to choose one), never downloaded.
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM) return env.CHROMIUM
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return join(dir, name)
      } catch {
        // not here
      }
    }
  }
  return null
}

export interface PageRun {
  /** The page's DOM after its scripts ran (within the virtual time budget). */
  dom: string
}

/**
 * Opens `url` headless at `width`×`height`: dumps its DOM after its scripts
 * ran and, when `screenshot` is given, writes a PNG of it there.
 */
export async function openPage(
  chromium: string,
  url: string,
  options: { width: number; height: number; profile: string; screenshot?: string },
): Promise<PageRun> {
  const common = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--allow-file-access-from-files',
    `--user-data-dir=${options.profile}`,
    `--window-size=${options.width},${options.height}`,
    '--virtual-time-budget=15000',
  ]
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(
        chromium,
        [...common, ...args, url],
        { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      )
    })
  const dom = await run(['--dump-dom'])
  if (options.screenshot) await run([`--screenshot=${options.screenshot}`])
  return { dom }
}

/** The `data-*` attribute the page's own check wrote on <body>. */
export function bodyData(dom: string, name: string): string | null {
  const match = new RegExp(`<body[^>]*\\sdata-${name}="([^"]*)"`).exec(dom)
  return match ? match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null
}

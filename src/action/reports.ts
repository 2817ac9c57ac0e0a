// What every measuring run leaves in RUNNER_TEMP/importgate and uploads as
// the artifact: the results JSON, the markdown report, the diff icicle, and
// the -X importtime logs the run wrote beside them.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { htmlOfView } from '../report/html/html.js'
import type { ReportView } from '../report/view/view.js'
import type { ResultsDocument } from '../results/schema.js'
import type { ActionConfig } from './inputs.js'
import type { ActionIo } from './io.js'

/** The run's folder for what it writes (logs included), made if need be. */
export async function outputFolder(env: NodeJS.ProcessEnv): Promise<string> {
  const out = join(env.RUNNER_TEMP || tmpdir(), 'importgate')
  await mkdir(out, { recursive: true })
  return out
}

/** The results, the markdown and the icicle, written; `report-json` says where. */
export async function writeReports(
  io: ActionIo,
  out: string,
  report: { doc: ResultsDocument; view: ReportView; markdown: string },
): Promise<void> {
  const jsonPath = join(out, 'results.json')
  await writeFile(jsonPath, `${JSON.stringify(report.doc, null, 2)}\n`)
  await writeFile(join(out, 'report.md'), report.markdown)
  await writeFile(join(out, 'importgate.html'), htmlOfView(report.view))
  io.setOutput('report-json', jsonPath)
}

/** Everything in the folder as the artifact; a failure to upload is a warning. */
export async function uploadReports(
  io: ActionIo,
  config: Pick<ActionConfig, 'artifactName'>,
  out: string,
): Promise<void> {
  try {
    const entries = await readdir(out, { withFileTypes: true, recursive: true })
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
    await io.uploadArtifact(config.artifactName, files, out)
  } catch (error) {
    io.warning(
      `importgate: the results were not uploaded as an artifact: ${(error as Error).message}`,
    )
  }
}

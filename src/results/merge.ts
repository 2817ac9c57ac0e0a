// Several jobs' results of one comparison (a matrix of Python versions, OSes
// or shards) taken together: each must be a compare of the same two commits.
// Pure; the reader has already checked each file against the schema.
import type { CompareResults, ResultsDocument } from './schema.js'

export class MergeError extends Error {
  override name = 'MergeError'
}

/** One job's results and where they came from (a file path, for messages). */
export interface JobResults {
  source: string
  doc: CompareResults
  /** The job as the report names it: its label, else its Python and platform. */
  label: string
}

/** "3.13.0 (main, …) [GCC 12]" on "linux x86_64" → "Python 3.13.0 · linux x86_64". */
export function jobLabel(doc: ResultsDocument): string {
  return doc.label ?? `Python ${doc.python.split(' ')[0]} · ${doc.platform}`
}

/**
 * The jobs, in the order given, refused with the file and the field when one
 * is not a compare or compares other commits than the first.
 */
export function jobsOf(files: { source: string; doc: ResultsDocument }[]): JobResults[] {
  const [first] = files
  if (!first) throw new MergeError('merge needs at least one results file')
  const jobs: JobResults[] = []
  for (const { source, doc } of files) {
    if (doc.command !== 'compare')
      throw new MergeError(
        `${source}: command is "${doc.command}"; merge takes the results of compare runs`,
      )
    jobs.push({ source, doc, label: jobLabel(doc) })
  }
  const base = jobs[0]!
  for (const job of jobs.slice(1)) {
    for (const side of ['base', 'head'] as const) {
      const sha = job.doc[side].sha
      const expected = base.doc[side].sha
      if (sha !== expected)
        throw new MergeError(
          `${job.source}: ${side}.sha is ${sha ?? 'null'}, but ${base.source} has ${expected ?? 'null'}: results of different commits cannot be merged into one report`,
        )
    }
    // The same commits can be two pull requests (one branch opened twice): one comment is one of them.
    const pull = job.doc.pull_request
    const expectedPull = base.doc.pull_request
    if (pull !== undefined && expectedPull !== undefined && pull !== expectedPull)
      throw new MergeError(
        `${job.source}: pull_request is ${pull}, but ${base.source} has ${expectedPull}: results of different pull requests cannot be merged into one report`,
      )
  }
  const labels = new Map<string, string>()
  for (const job of jobs) {
    const seen = labels.get(job.label)
    if (seen)
      throw new MergeError(
        `${job.source} and ${seen} are both "${job.label}": give each job its own --label (the action's label input)`,
      )
    labels.set(job.label, job.source)
  }
  return jobs
}

// The probe's report as a JSON Schema, checked with the library the results
// file is read with (Ajv): the report travels on a channel the measured code
// can write to, so nothing in it is trusted before it has this shape. The
// sample metrics' fields come from the metric table.
import { Ajv } from 'ajv'
import { SAMPLE_METRICS } from '../model/metrics.js'
import type { FunctionsReport, InterpreterInfo, ProbeReport } from './probe-report-types.js'

const text = { type: 'string' }
const texts = { type: 'array', items: text }
const number = { type: 'number' }
const numberOrNull = { type: ['number', 'null'] }

const LAZY_STATEMENT = {
  type: 'object',
  required: ['importer', 'module', 'names', 'file', 'line', 'loaded', 'loaded_at'],
  properties: {
    importer: text,
    module: text,
    names: { type: ['array', 'null'], items: text },
    file: text,
    line: { type: 'integer' },
    loaded: { type: 'boolean' },
    loaded_at: {
      type: ['array', 'null'],
      items: [text, { type: 'integer' }],
      minItems: 2,
      maxItems: 2,
    },
  },
}

const PROBE_REPORT = {
  type: 'object',
  // What every mode writes; the rest is checked where it is present.
  required: ['protocol', 'ok', 'import_ns', 'modules_after'],
  properties: {
    protocol: { const: 1 },
    mode: text,
    target: text,
    ok: { type: 'boolean' },
    import_ns: number,
    start_ns: number,
    end_ns: number,
    modules_before: number,
    modules_after: number,
    probe_preloaded: texts,
    error: {
      type: ['object', 'null'],
      required: ['kind', 'message'],
      properties: { kind: text, message: text, traceback: texts },
    },
    added: texts,
    functions: { type: ['object', 'null'] },
    lazy: { type: ['array', 'null'], items: LAZY_STATEMENT },
    // Every sample metric's field is a number, or null where the run cannot tell.
    ...Object.fromEntries(SAMPLE_METRICS.map((m) => [m.probe.field, numberOrNull])),
  },
}

/** probe_functions.py's call graph: finite numbers only (Python's json writes NaN and Infinity). */
const finite = { type: 'number', minimum: -1e300, maximum: 1e300 }
const FUNCTIONS_REPORT = {
  type: 'object',
  required: ['functions', 'files'],
  properties: {
    functions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'module', 'file', 'line', 'level', 'calls', 'ms', 'callers'],
        properties: {
          name: text,
          module: { type: ['string', 'null'] },
          file: { type: ['string', 'null'] },
          line: { type: ['number', 'null'], minimum: -1e300, maximum: 1e300 },
          level: { type: 'boolean' },
          calls: finite,
          ms: finite,
          import_ms: finite,
          callers: {
            type: 'array',
            items: { type: 'array', items: finite, minItems: 3, maxItems: 3 },
          },
        },
      },
    },
    files: { type: 'object', additionalProperties: text },
  },
}

const INTERPRETER_INFO = {
  type: 'object',
  required: ['mode', 'version'],
  properties: { mode: { const: 'info' }, version: text },
}

const ajv = new Ajv({ strict: false, allErrors: false })
export const isProbeReport = ajv.compile<ProbeReport>(PROBE_REPORT)
export const isInterpreterInfo = ajv.compile<InterpreterInfo>(INTERPRETER_INFO)
export const isFunctionsReport = ajv.compile<FunctionsReport>(FUNCTIONS_REPORT)

/** Where a value failed the last check, in a few words: "/lazy/0/line must be integer". */
export const whereItFailed = (check: {
  errors?: { instancePath: string; message?: string }[] | null
}) =>
  (check.errors ?? [])
    .map((e) => `${e.instancePath || 'the report'} ${e.message ?? 'is not valid'}`)
    .join('; ')

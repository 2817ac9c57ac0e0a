// Reads a results file back: parsed, its nesting bounded, and checked against
// the schema in results.schema.json; fields later releases added are optional
// there, and the readers of the document take their absence as "not recorded".
// Errors name the file and the field.
import { Ajv, type ErrorObject } from 'ajv'
import schema from './results.schema.json' with { type: 'json' }
import type { ResultsDocument } from './schema.js'
import { MAX_IMPORT_DEPTH } from '../analysis/attribution/importtime.js'

/** A results file that is not what importgate writes. */
export class ResultsFileError extends Error {
  override name = 'ResultsFileError'
}

let validator: ReturnType<Ajv['compile']> | null = null

function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(schema)
  return validator(value) ? [] : (validator.errors ?? [])
}

/** "/targets/0/verdict" → "targets[0].verdict". */
function fieldOf(pointer: string): string {
  const path = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part),
      '',
    )
  return path || 'the top level'
}

function describe(error: ErrorObject, value: unknown): string {
  const field = fieldOf(error.instancePath)
  const got = error.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      value,
    )
  const shown = JSON.stringify(got)
  if (error.keyword === 'required')
    return `${field}: the field "${String(error.params.missingProperty)}" is missing`
  if (error.keyword === 'enum')
    return `${field}: ${shown} is not one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
  if (error.keyword === 'const')
    return `${field}: ${shown} should be ${JSON.stringify(error.params.allowedValue)}`
  return `${field}: ${shown === undefined ? '' : `${shown} `}${error.message ?? 'is not valid'}`
}

/**
 * How deep a results file may nest. What importgate writes nests by the import
 * tree (two levels a link, MAX_IMPORT_DEPTH links); a forged file thousands
 * deep crashed the reports' recursive walks ("Maximum call stack size exceeded").
 */
const MAX_NESTING = 2 * MAX_IMPORT_DEPTH + 50

/** The deepest nesting of arrays and objects in `value`, walked without recursion; stops past `limit`. */
function nesting(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (!item || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > limit) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Parses and validates the text of a results file; `source` names it in errors. */
export function readResults(text: string, source: string): ResultsDocument {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ResultsFileError(`${source}: not JSON (${(error as Error).message})`)
  }
  if (nesting(value, MAX_NESTING) > MAX_NESTING)
    throw new ResultsFileError(
      `${source}: nests deeper than ${MAX_NESTING} levels, which no results file importgate writes does`,
    )
  if (value && typeof value === 'object' && 'schema' in value && value.schema !== 1) {
    throw new ResultsFileError(
      `${source}: schema ${JSON.stringify(value.schema)} is not one this importgate reads (1); use the importgate release that wrote it`,
    )
  }
  const [first] = validate(value)
  if (first)
    throw new ResultsFileError(
      `${source}: not an importgate results file: ${describe(first, value)}`,
    )
  return value as ResultsDocument
}

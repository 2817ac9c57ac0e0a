// How a module stopped being imported, in the comment: mechanism-text's
// phrase with its line linked to the commit that has it. Pure.
import type { ImportMechanismJson } from '../../results/schema.js'
import { linked, type SourceLinks } from './markdown-functions.js'
import { code } from './markdown-text.js'
import { mechanismPlace, mechanismText } from '../view/mechanism-text.js'

/** In the comment: the phrase with its line linked to the commit that has it. */
export function mechanismLinked(how: ImportMechanismJson, links: SourceLinks | undefined): string {
  const place = how.path
    ? linked(code(mechanismPlace(how)), { path: how.path, line: how.line }, how.side, links)
    : mechanismPlace(how, code)
  return mechanismText(how, place, code)
}

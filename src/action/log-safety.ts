// The runner obeys a workflow command (`::set-output …`, `::error …`,
// `::add-mask::`) found at the start of any line of the job log. A line we log
// may carry the measured code's text, so when any line of it could read as a
// command the whole text is fenced with `::stop-commands::` and a token it
// cannot guess, which the runner honours until the token comes back. Pure.
import { visible } from '../report/view/untrusted.js'

const COMMAND_AT_LINE_START = /^\s*::/m

/** `text`, safe to write to the job log: controls made visible, commands fenced off. */
export function logSafe(text: string, token: () => string): string {
  return fenceCommands(visible(text), token)
}

/** `text` as it is (colours and all), fenced when any line of it could read as a workflow command. */
export function fenceCommands(text: string, token: () => string): string {
  if (!COMMAND_AT_LINE_START.test(text)) return text
  const fence = token()
  // A line that ends keeps its end after the fence: the next write (a progress
  // line) starts a line of its own, not the tail of the resume command.
  const ended = text.endsWith('\n')
  return `::stop-commands::${fence}\n${ended ? text.slice(0, -1) : text}\n::${fence}::${ended ? '\n' : ''}`
}

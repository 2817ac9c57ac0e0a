// Text that came from the measured code (exception messages, tracebacks,
// module and function names, a pull request's pyproject) is data: control
// characters in it must not move a terminal's cursor, recolour it, or start a
// new line that a log reader takes for ours. They are shown as escapes. Pure.

// C0 controls but tab and newline, DEL, C1 controls, the Unicode line and
// paragraph separators some viewers break lines at, and the bidirectional
// controls that make a line read otherwise than it is (U+202E turns
// "evil.py" round; "Trojan Source", CVE-2021-42574).
const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** `text` with every control character but tab and newline shown as `\xNN` / `\uNNNN`. */
export function visible(text: string): string {
  return text.replace(CONTROLS, (ch) => {
    const code = ch.charCodeAt(0)
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** A copy of a JSON-like value with `visible` applied to every string in it, keys included. */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T
  if (Array.isArray(value)) return value.map(visibleDeep) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [visible(k), visibleDeep(v)]),
    ) as T
  }
  return value
}

/** Text for HTML content and attribute values (the HTML report, and `<summary>` in markdown). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

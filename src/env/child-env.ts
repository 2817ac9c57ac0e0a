// The measured code is the pull request's own code: it must never see the
// token or other runner secrets. So the child environment is built up from an
// allow-list, never copied from ours and filtered.

/** Names passed through unchanged when the parent has them. */
export const ALLOWED_NAMES: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SYSTEMROOT', // Windows cannot start Python without it
]

/** Name prefixes passed through (locale settings). */
export const ALLOWED_PREFIXES: readonly string[] = ['LC_']

export function isAllowedName(name: string): boolean {
  return ALLOWED_NAMES.includes(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix))
}

/**
 * The environment for a measured interpreter: the allowed part of `parent`
 * plus `extra` (what the install mode needs, such as PYTHONPATH). `extra` wins.
 */
export function childEnv(
  parent: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && isAllowedName(name)) env[name] = value
  }
  return { ...env, ...extra }
}

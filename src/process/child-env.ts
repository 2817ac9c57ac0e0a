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
  // Set by importgate to a folder of the side's own (env/environment.ts); a session's otherwise.
  'XDG_RUNTIME_DIR',
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

/**
 * What an installer needs on top of the allow-list: its own settings (PIP_*,
 * UV_*), proxies and CA bundles. The install step runs the project's build
 * code too, so tokens are still not on this list; an index URL with
 * credentials in PIP_INDEX_URL is passed because the user set it for installs.
 */
const INSTALLER_PREFIXES: readonly string[] = ['PIP_', 'UV_']
/** How any helper reaches the network: proxies and the system's CA bundle. */
const NETWORK_NAMES: readonly string[] = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
]

const INSTALLER_NAMES: readonly string[] = [
  ...NETWORK_NAMES,
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'XDG_CACHE_HOME',
  'XDG_CONFIG_HOME',
]

/**
 * What git needs on top of the allow-list: how it reaches a remote (ssh,
 * proxies, CA bundles) and where its own config is. Never the token: a
 * checkout keeps its credentials in the repository's config, and a process of
 * our user could read any variable of git's in /proc/<pid>/environ.
 */
const GIT_NAMES: readonly string[] = [
  ...NETWORK_NAMES,
  'SSH_AUTH_SOCK',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  'XDG_CONFIG_HOME',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
]

export function gitEnv(parent: NodeJS.ProcessEnv): Record<string, string> {
  const env = childEnv(parent)
  for (const name of GIT_NAMES) {
    const value = parent[name]
    if (value !== undefined) env[name] = value
  }
  // Never wait for a password nobody will type.
  return { ...env, GIT_TERMINAL_PROMPT: '0' }
}

export function installerEnv(
  parent: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env = childEnv(parent)
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue
    if (INSTALLER_NAMES.includes(name) || INSTALLER_PREFIXES.some((p) => name.startsWith(p)))
      env[name] = value
  }
  return { ...env, ...extra }
}

#!/usr/bin/env node
import { accessSync, constants as constants$1, statSync, readFileSync, existsSync, mkdtempSync, openSync, writeSync, fsyncSync, closeSync, rmSync, appendFileSync, readdirSync, realpathSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { tmpdir, availableParallelism } from 'node:os';
import { isAbsolute, resolve as resolve$1, delimiter, join, dirname, relative, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir, chmod, lchown, lstat, readdir, readFile, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';

// Finding an executable the way a shell would, without a shell: an
// interpreter given by name, uv, a command target's console script.
function isExecutableFile(path) {
    try {
        accessSync(path, constants$1.X_OK);
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
/** Resolves a name on PATH, or a path relative to `cwd`, to an executable file. */
function findExecutable(name, pathVar, cwd) {
    if (name.includes('/') || name.includes('\\') || isAbsolute(name)) {
        const path = resolve$1(cwd, name);
        return isExecutableFile(path) ? path : null;
    }
    for (const dir of pathVar.split(delimiter)) {
        if (!dir)
            continue;
        const candidate = join(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return null;
}

// Without a separate user (process/boundary.ts), the measured code can signal
// importgate's subreaper: SIGKILL ends the step at once while importgate goes
// on (reparented, its token in memory), SIGSTOP leaves the step waiting on a
// stopped process that no cancel reaches. importgate watches its subreaper
// and, if it dies or stops, resumes it where it can, and ends the run: the
// caller aborts, cleans up and reports an error.
/** Set by the first image for the second: the pid of the subreaper it became (execve keeps the pid). */
const SUBREAPER_PID = 'IMPORTGATE_SUBREAPER_PID';
/** How often the subreaper is looked at: a lost one is noticed within this. */
const INTERVAL_MS = 100;
/** The process's state letter from /proc/<pid>/stat ("S", "R", "T" stopped, "t" traced), or null when gone. */
function stateOf(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
    }
    catch {
        return null;
    }
}
/**
 * Watches the subreaper `pid` (our parent); calls `onLost` once, with what
 * happened, when it is gone (we were reparented) or stopped. A stopped one is
 * sent SIGCONT, then and every time after (a sample still running may stop it
 * again while the run winds down), and once more as we exit, so that the step
 * can end. Returns the stop function. The timer does not keep Node alive.
 */
function watchSubreaper(pid, onLost) {
    let told = false;
    const tell = (what) => {
        if (told)
            return;
        told = true;
        onLost(`importgate's subreaper (pid ${pid}) was ${what}`);
    };
    const resume = () => {
        try {
            process.kill(pid, 'SIGCONT');
        }
        catch {
            // Gone: the next look says so.
        }
    };
    const timer = setInterval(() => {
        const state = process.ppid === pid ? stateOf(pid) : null;
        if (state === null) {
            stop();
            tell('killed, most likely by the measured code: the step has already ended, so the run stops here');
        }
        else if (state === 'T' || state === 't') {
            resume();
            tell('stopped, most likely by the measured code: it was resumed, and the run stops here');
        }
    }, INTERVAL_MS);
    timer.unref();
    process.on('exit', resume);
    const stop = () => {
        clearInterval(timer);
        process.off('exit', resume);
    };
    return stop;
}
/** The subreaper to watch: the pid the first image left, when it is still our parent; else null. */
function subreaperToWatch(env) {
    const given = Number(env[SUBREAPER_PID]);
    delete env[SUBREAPER_PID];
    return Number.isInteger(given) && given > 1 && process.ppid === given ? given : null;
}

// The measured code is the pull request's own code: it must never see the
// token or other runner secrets. So the child environment is built up from an
// allow-list, never copied from ours and filtered.
/** Names passed through unchanged when the parent has them. */
const ALLOWED_NAMES = [
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
];
/** Name prefixes passed through (locale settings). */
const ALLOWED_PREFIXES = ['LC_'];
function isAllowedName(name) {
    return ALLOWED_NAMES.includes(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix));
}
/**
 * The environment for a measured interpreter: the allowed part of `parent`
 * plus `extra` (what the install mode needs, such as PYTHONPATH). `extra` wins.
 */
function childEnv(parent, extra = {}) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && isAllowedName(name))
            env[name] = value;
    }
    return { ...env, ...extra };
}
/**
 * What an installer needs on top of the allow-list: its own settings (PIP_*,
 * UV_*), proxies and CA bundles. The install step runs the project's build
 * code too, so tokens are still not on this list; an index URL with
 * credentials in PIP_INDEX_URL is passed because the user set it for installs.
 */
const INSTALLER_PREFIXES = ['PIP_', 'UV_'];
/** How any helper reaches the network: proxies and the system's CA bundle. */
const NETWORK_NAMES = [
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
];
const INSTALLER_NAMES = [
    ...NETWORK_NAMES,
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    'XDG_CACHE_HOME',
    'XDG_CONFIG_HOME',
];
/**
 * What git needs on top of the allow-list: how it reaches a remote (ssh,
 * proxies, CA bundles) and where its own config is. Never the token: a
 * checkout keeps its credentials in the repository's config, and a process of
 * our user could read any variable of git's in /proc/<pid>/environ.
 */
const GIT_NAMES = [
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
];
function gitEnv(parent) {
    const env = childEnv(parent);
    for (const name of GIT_NAMES) {
        const value = parent[name];
        if (value !== undefined)
            env[name] = value;
    }
    // Never wait for a password nobody will type.
    return { ...env, GIT_TERMINAL_PROMPT: '0' };
}
function installerEnv(parent, extra = {}) {
    const env = childEnv(parent);
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        if (INSTALLER_NAMES.includes(name) || INSTALLER_PREFIXES.some((p) => name.startsWith(p)))
            env[name] = value;
    }
    return { ...env, ...extra };
}

// importgate's environment holds the token and the runner's secrets, and any
// process of the same user can read it in /proc/<pid>/environ: the kernel shows
// the environment a process was started with, whatever process.env says later.
// The measured code runs as that user and can walk up to its ancestors. So at
// start importgate runs itself again in place (execve: the same process, the
// same pid for the runner to wait on) with only the names the measured code may
// see anyway in its environment; the rest is handed over in a file that the new
// image reads and deletes before anything else runs, and lives on in memory
// only (Yama, on by default on Ubuntu runners, keeps a descendant from reading
// an ancestor's memory). On the way, where it can, it puts a subreaper above
// itself (subreaper.py), so that no daemon of the measured code outlives being
// orphaned, whatever it does to its environment, session or pid.
/** Set in the second image: where the first one left the full environment. */
const HANDOVER = 'IMPORTGATE_ENV_HANDOVER';
/** Set (to anything) to start without the subreaper. */
const NO_SUBREAPER = 'IMPORTGATE_NO_SUBREAPER';
/** Read by Node itself at start, so the second image needs them in its real environment. */
const NODE_STARTUP_NAMES = [
    'NODE_OPTIONS',
    'NODE_EXTRA_CA_CERTS',
    'NODE_USE_ENV_PROXY',
    'NODE_USE_SYSTEM_CA',
    'NODE_ICU_DATA',
];
/** What stays visible in /proc/<pid>/environ: no more than a measured interpreter is given. */
function visibleEnvironment(env) {
    const visible = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && (isAllowedName(name) || NODE_STARTUP_NAMES.includes(name)))
            visible[name] = value;
    }
    return visible;
}
/**
 * First image: start again with only the visible names, unless there is
 * nothing to hide or this Node cannot (then it carries on as it is). Second
 * image: take the full environment back into process.env and delete the file.
 */
function keepEnvironmentPrivate() {
    const handover = process.env[HANDOVER];
    if (handover !== undefined) {
        restore(handover);
        return;
    }
    if (typeof process.execve !== 'function')
        return;
    const visible = visibleEnvironment(process.env);
    const hidden = Object.keys(process.env).some((name) => !(name in visible));
    const reaper = subreaper$1(visible.PATH ?? '');
    if (!hidden && !reaper)
        return;
    const file = writeHandover(JSON.stringify(process.env));
    const node = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
    try {
        if (reaper)
            process.execve(reaper[0], [...reaper, ...node], {
                ...visible,
                [HANDOVER]: file,
                // execve keeps our pid: the subreaper will be the second image's parent, to watch.
                [SUBREAPER_PID]: String(process.pid),
            });
        else
            process.execve(node[0], node, { ...visible, [HANDOVER]: file });
    }
    catch {
        // execve refused (a seccomp policy, say): carry on unchanged, as before this guard existed.
        removeHandover(file);
    }
}
/** The handover could not be written: said without a word of what it holds. */
class HandoverError extends Error {
    name = 'HandoverError';
}
/**
 * Writes the environment to a file of its own in a folder of its own: both
 * made by us alone (mode 700 and 600, `wx`), the folder's name unguessable,
 * every byte checked written. Another user cannot open it; the file lives
 * only until the second image has read it.
 */
function writeHandover(text, dir = tmpdir()) {
    let folder;
    try {
        folder = mkdtempSync(join(dir, `importgate-env-${randomBytes(16).toString('hex')}-`));
    }
    catch (error) {
        throw handoverError(dir, error);
    }
    const file = join(folder, 'env.json');
    try {
        const bytes = Buffer.from(text, 'utf8');
        const fd = openSync(file, 'wx', 0o600);
        try {
            for (let at = 0; at < bytes.length;) {
                const wrote = writeSync(fd, bytes, at, bytes.length - at);
                if (wrote <= 0)
                    throw Object.assign(new Error('short write'), { code: 'EIO' });
                at += wrote;
            }
            fsyncSync(fd);
        }
        finally {
            closeSync(fd);
        }
    }
    catch (error) {
        removeHandover(file);
        throw handoverError(dir, error);
    }
    return file;
}
function handoverError(dir, error) {
    const code = error.code;
    const why = code === 'ENOSPC' || code === 'EDQUOT'
        ? 'it is full'
        : code === 'ENOENT'
            ? 'it does not exist'
            : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                ? 'it is not writable'
                : `${code ?? 'an error'}`;
    return new HandoverError(`importgate cannot start: it keeps its environment in a private file in TMPDIR (${dir}), and ${why}; free some space there or set TMPDIR to a writable folder`);
}
/** Removes the handover file and its folder, whatever is left of them. */
function removeHandover(file) {
    rmSync(dirname(file), { recursive: true, force: true });
}
/**
 * The command that starts subreaper.py (it then starts us as its child), or
 * null where there is none: not Linux, or no python3 (the bundle's copy sits
 * beside dist/cli.js). Without it, orphans that shed their tag can outlive a
 * run; with it, they die as soon as they are orphaned.
 */
function subreaper$1(pathVar) {
    if (process.platform !== 'linux' || process.env[NO_SUBREAPER])
        return null;
    const script = fileURLToPath(new URL('./subreaper.py', import.meta.url));
    if (!existsSync(script))
        return null;
    const python = existsSync('/usr/bin/python3')
        ? '/usr/bin/python3'
        : findExecutable('python3', pathVar, '/');
    return python ? [python, '-I', '-S', script] : null;
}
function restore(file) {
    delete process.env[HANDOVER];
    let saved;
    try {
        saved = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch {
        // Never the text itself: it holds the secrets.
        throw new HandoverError(`importgate cannot start: the private copy of its environment in TMPDIR could not be read back whole; check that TMPDIR (${dirname(file)}) has space`);
    }
    finally {
        removeHandover(file);
    }
    for (const [name, value] of Object.entries(saved))
        process.env[name] = value;
}

// importgate keeps the token out of the measured code's reach by starting
// itself again with a smaller environment (process.execve, Node 23.11 and
// later), and the action runs on node24. An older Node would carry on without
// that protection, so it is refused at once, saying how to get a newer one.
/** The oldest Node importgate runs on. */
const MIN_NODE_MAJOR = 24;
/** Why `version` (process.versions.node) cannot run importgate, or null when it can. */
function oldNodeMessage(version) {
    const major = Number(version.split('.')[0]);
    if (Number.isInteger(major) && major >= MIN_NODE_MAJOR)
        return null;
    return [
        `importgate needs Node ${MIN_NODE_MAJOR} or later; this is Node ${version}.`,
        `Without it, importgate cannot keep the token and the runner's secrets out of the measured code's reach.`,
        `Get it with nvm (nvm install ${MIN_NODE_MAJOR}), fnm (fnm use --install-if-missing ${MIN_NODE_MAJOR}), or in a workflow with actions/setup-node (node-version: ${MIN_NODE_MAJOR}).`,
    ].join('\n');
}
/** Exits with a setup error (status 2) on a Node that is too old. */
function refuseOldNode() {
    const message = oldNodeMessage(process.versions.node);
    if (!message)
        return;
    console.error(`importgate: ${message}`);
    process.exit(2);
}

// Imported first by both entries, so that it runs before any other module is
// evaluated (some read the environment as they load).
refuseOldNode();
try {
    keepEnvironmentPrivate();
}
catch (error) {
    if (!(error instanceof HandoverError))
        throw error;
    // Nothing else has loaded yet: say it plainly, as a setup error, and stop.
    if (process.env.GITHUB_ACTIONS === 'true') {
        console.log(`::error title=importgate setup::${error.message}`);
        try {
            if (process.env.GITHUB_OUTPUT)
                appendFileSync(process.env.GITHUB_OUTPUT, 'verdict<<importgate-eof\nerror\nimportgate-eof\n');
        }
        catch {
            // The runner's file is out of reach too: the error line is all there is.
        }
        process.exit(1);
    }
    console.error(`importgate: ${error.message}`);
    process.exit(2);
}

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
/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** `text` with every control character but tab and newline shown as `\xNN` / `\uNNNN`. */
function visible(text) {
    return text.replace(CONTROLS, (ch) => {
        const code = ch.charCodeAt(0);
        return code <= 0xff
            ? `\\x${code.toString(16).padStart(2, '0')}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/** A copy of a JSON-like value with `visible` applied to every string in it, keys included. */
function visibleDeep(value) {
    if (typeof value === 'string')
        return visible(value);
    if (Array.isArray(value))
        return value.map(visibleDeep);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [visible(k), visibleDeep(v)]));
    }
    return value;
}
/** Text for HTML content and attribute values (the HTML report, and `<summary>` in markdown). */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

// The runner obeys a workflow command (`::set-output …`, `::error …`,
// `::add-mask::`) found at the start of any line of the job log. A line we log
// may carry the measured code's text, so when any line of it could read as a
// command the whole text is fenced with `::stop-commands::` and a token it
// cannot guess, which the runner honours until the token comes back. Pure.
const COMMAND_AT_LINE_START = /^\s*::/m;
/** `text` as it is (colours and all), fenced when any line of it could read as a workflow command. */
function fenceCommands(text, token) {
    if (!COMMAND_AT_LINE_START.test(text))
        return text;
    const fence = token();
    // A line that ends keeps its end after the fence: the next write (a progress
    // line) starts a line of its own, not the tail of the resume command.
    const ended = text.endsWith('\n');
    return `::stop-commands::${fence}\n${ended ? text.slice(0, -1) : text}\n::${fence}::${ended ? '\n' : ''}`;
}

/** importgate's version; a unit test keeps it equal to package.json's. */
const VERSION = '0.1.0';

// The metric table: what is measured, in which unit, and whether a change in
// it fails the check by default. Statistics, the gate and every report iterate
// over this table; a new metric is a new entry here.
//
// Two kinds: a *sample* metric is read from every timed run (paired and
// judged like import time); a *counted* metric comes from a few separate runs
// under a tool (valgrind, perf, strace) that counts something nearly
// deterministic, and is judged by whether every run of one side lies beyond
// every run of the other by its own threshold.
const METRICS = {
    import_ms: {
        kind: 'sample',
        id: 'import_ms',
        label: 'import time',
        unit: 'ms',
        probe: { field: 'import_ns', per: 1e6 },
        gates: true,
        samplesField: 'samples_ms',
    },
    cpu_ms: {
        kind: 'sample',
        id: 'cpu_ms',
        label: 'CPU time',
        unit: 'ms',
        probe: { field: 'import_cpu_ns', per: 1e6 },
        gates: false,
        samplesField: 'cpu_samples_ms',
    },
    memory: {
        kind: 'sample',
        id: 'memory',
        label: 'peak memory',
        unit: 'KiB',
        // Null off Linux, where a run refuses the metric (commands/pipeline.ts).
        probe: { field: 'memory_kib', per: 1 },
        gates: false,
        samplesField: 'memory_samples_kib',
    },
    instructions: {
        kind: 'counted',
        id: 'instructions',
        label: 'instructions',
        unit: 'instructions',
        // Asked for, it judges: a deterministic count is what settles a 1% change.
        gates: true,
        thresholdPct: 1,
        thresholdSetting: 'instructionsThresholdPct',
        samplesField: 'instruction_counts',
    },
    fs_calls: {
        kind: 'counted',
        id: 'fs_calls',
        label: 'file-system calls',
        unit: 'calls',
        gates: false,
        thresholdPct: 1,
        samplesField: 'fs_call_counts',
    },
};
const METRIC_IDS = Object.keys(METRICS);
/** The metric the headline, budgets and the stopping rule are about. */
const PRIMARY_METRIC = 'import_ms';
/** Other spellings a user may write: `fs-calls` as the docs say it. */
const ALIASES = { 'fs-calls': 'fs_calls', time: 'import_ms' };
/** The metric a user's spelling names, or null. */
function metricNamed(value) {
    if (value in METRICS)
        return value;
    return ALIASES[value] ?? null;
}
const isCounted = (id) => METRICS[id].kind === 'counted';
/** The sample metrics, in table order. */
const SAMPLE_METRICS = Object.values(METRICS).filter((m) => m.kind === 'sample');
/** The primary metric of a sample: every sample has it. */
const readPrimary = (sample) => sample.importMs;
/** A sample metric's value in one sample; null where the sample cannot tell. */
const readMetric = (id, sample) => id === PRIMARY_METRIC ? sample.importMs : (sample.values[id] ?? null);

// Parses the output of `python -X importtime` into the import tree.
//
// CPython prints one line per module when its import finishes, so children come
// before their parent, and nests by indenting the name two spaces per level:
//
//   import time: self [us] | cumulative | imported package
//   import time:       885 |        885 |     asyncio.streams
//   import time:      1206 |      96636 |   asyncio
//   import time:       341 |      96976 | pkg.sub
//
// 3.7 to 3.13 share that format; 3.14's `-X importtime=2` adds lines whose two
// columns read `cached` for modules that were already loaded. The measured code
// writes to stderr too, so anything that is not such a line is ignored, and the
// line may be found after stray bytes the measured code left without a newline.
const LINE = /import time:\s+(\d+|cached) \|\s+(\d+|cached) \| ( *)(\S+)\s*$/;
function parseImportTimeLine(line) {
    const match = LINE.exec(line);
    if (!match)
        return null;
    // Every group is in the pattern, so each is matched text.
    const [, self = '', cumulative = '', indent = '', name = ''] = match;
    const cached = self === 'cached' || cumulative === 'cached';
    return {
        name,
        selfUs: cached ? 0 : Number(self),
        cumulativeUs: cached ? 0 : Number(cumulative),
        depth: Math.floor(indent.length / 2),
        cached,
    };
}
/**
 * The lines strictly between the last `begin` marker and the first `end`
 * marker after it; all lines when there is no `begin` marker.
 */
function sliceBetweenMarkers(lines, begin, end) {
    let start = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
        if (lines[i].includes(begin)) {
            start = i;
            break;
        }
    }
    if (start < 0)
        return lines;
    const stop = lines.findIndex((line, i) => i > start && line.includes(end));
    return lines.slice(start + 1, stop < 0 ? lines.length : stop);
}
/**
 * The deepest nesting read. Real chains are a few dozen links (sympy's deepest
 * is about 20); a forged log thousands deep made every chain cost its depth.
 */
const MAX_IMPORT_DEPTH = 200;
function parseImportTime(text, options = {}) {
    let lines = text.split(/\r?\n/);
    if (options.markers)
        lines = sliceBetweenMarkers(lines, options.markers.begin, options.markers.end);
    // pending[d] holds finished nodes at depth d still waiting for their parent,
    // which is the next line at depth d - 1.
    const pending = new Map();
    const loaded = new Map();
    let tooDeep = false;
    for (const line of lines) {
        const parsed = parseImportTimeLine(line);
        if (!parsed)
            continue;
        if (parsed.depth > MAX_IMPORT_DEPTH) {
            tooDeep = true;
            continue;
        }
        const node = { ...parsed, children: [], parent: null };
        const children = pending.get(node.depth + 1) ?? [];
        pending.delete(node.depth + 1);
        for (const child of children)
            child.parent = node;
        node.children = children;
        const siblings = pending.get(node.depth) ?? [];
        siblings.push(node);
        pending.set(node.depth, siblings);
        if (!node.cached && !loaded.has(node.name))
            loaded.set(node.name, node);
    }
    // What is left has no parent in the output: the top-level imports, plus any
    // orphans a garbled or multi-threaded log left behind, shallowest first.
    const roots = [...pending.entries()].sort(([a], [b]) => a - b).flatMap(([, nodes]) => nodes);
    return { roots, loaded, ...(tooDeep ? { tooDeep } : {}) };
}
/** The chain of imports that first loaded `name`: outermost importer first. */
function importChain(tree, name) {
    let node = tree.loaded.get(name) ?? null;
    if (!node)
        return null;
    // Up the parents, then reversed: linear in the depth (a forged 7,000-deep
    // chain made unshift and the filter below quadratic per module).
    const up = [];
    for (; node; node = node.parent)
        up.push(node.name);
    const chain = up.reverse();
    // Python loads a package before its submodule, so importing a.b logs a
    // line for a.b with its package a nested inside. When a's __init__ imports
    // a.b itself, the real load of a.b sits in there too, and the name appears
    // twice: t → t.q → t.cat.cat → t.cat → t.cat.cat → decimal. The outer one
    // was only the request that set this off: drop it, and nothing else, so the
    // chain still starts where the import started (t → t.q → t.cat →
    // t.cat.cat → decimal).
    const last = new Map(chain.map((link, i) => [link, i]));
    return chain.filter((link, i) => last.get(link) === i);
}

// Order statistics for one set of samples. Pure functions, no I/O.
/** Sorted copy, ascending. */
function sorted(values) {
    return [...values].sort((a, b) => a - b);
}
/** Quantile by linear interpolation between order statistics (type 7, as R and NumPy default). */
function quantile(values, p) {
    return quantileOfSorted(sorted(values), p);
}
/** The same of values already sorted ascending: no copy, no sort (a look of the sequential test is one). */
function quantileOfSorted(xs, p) {
    if (xs.length === 0)
        return Number.NaN;
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}
function median(values) {
    return quantile(values, 0.5);
}
/** Median absolute deviation from the median (unscaled). */
function mad(values) {
    const m = median(values);
    return median(values.map((x) => Math.abs(x - m)));
}
/**
 * Distribution-free confidence interval for the median from order statistics
 * (normal approximation to the binomial). Null when there are too few samples
 * for any interval at that level.
 */
function medianInterval(values, confidence = 0.95) {
    const n = values.length;
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const k = Math.floor((n - z * Math.sqrt(n)) / 2);
    if (k < 1)
        return null;
    const xs = sorted(values);
    return [xs[k - 1], xs[n - k]];
}
/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p) {
    if (p <= 0 || p >= 1)
        throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1));
}
function spread(values) {
    return {
        n: values.length,
        median: median(values),
        min: Math.min(...values),
        max: Math.max(...values),
        q1: quantile(values, 0.25),
        q3: quantile(values, 0.75),
        mad: mad(values),
        medianCi: medianInterval(values),
    };
}

// Per-module costs from several -X importtime runs of the same import. Pure.
function moduleCosts(trees) {
    const selfUs = new Map();
    const cumulativeUs = new Map();
    const chains = new Map();
    for (const tree of trees) {
        for (const [name, node] of tree.loaded) {
            if (!selfUs.has(name)) {
                selfUs.set(name, []);
                cumulativeUs.set(name, []);
                chains.set(name, importChain(tree, name) ?? [name]);
            }
            selfUs.get(name).push(node.selfUs);
            cumulativeUs.get(name).push(node.cumulativeUs);
        }
    }
    const costs = new Map();
    for (const [name, selfs] of selfUs) {
        costs.set(name, {
            name,
            selfMs: median(selfs) / 1000,
            cumulativeMs: median(cumulativeUs.get(name)) / 1000,
            chain: chains.get(name),
            runs: selfs.length,
            selfSpreadMs: (Math.max(...selfs) - Math.min(...selfs)) / 1000,
        });
    }
    return costs;
}
/** The `count` modules with the largest self time, largest first; ties by name. */
function slowestBySelf(costs, count) {
    return [...costs.values()]
        .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
        .slice(0, count);
}
/** Modules in the target's own top-level package (the target's first dotted part). */
function packageModules(target, modules) {
    const top = target.split('.')[0];
    return [...modules].filter((name) => name === top || name.startsWith(`${top}.`));
}

// Findings → their part of the results document. Pure.
/** Milliseconds to microsecond precision: enough for any import, and compact. */
function ms(value) {
    return Math.round(value * 1000) / 1000;
}
/** Percentages to two decimals. */
const pct$1 = (value) => Math.round(value * 100) / 100;
function costJson(cost) {
    return {
        name: cost.name,
        self_ms: ms(cost.selfMs),
        cumulative_ms: ms(cost.cumulativeMs),
        chain: cost.chain,
    };
}
function changeJson(c) {
    const json = {
        name: c.name,
        chain: c.chain,
        self_ms: ms(c.selfMs),
        cumulative_ms: ms(c.cumulativeMs),
    };
    if (c.groupMs !== c.cumulativeMs)
        json.group_ms = ms(c.groupMs);
    if (c.how)
        json.how = { ...c.how };
    return json;
}
/**
 * The loaded modules as a tree under the target, each under the module that
 * first imported it (its chain's last link but one), medians of the runs.
 */
function treeJson(target, costs) {
    const nodes = new Map();
    for (const cost of costs.values())
        nodes.set(cost.name, {
            name: cost.name,
            self_ms: ms(cost.selfMs),
            cumulative_ms: ms(cost.cumulativeMs),
            children: [],
        });
    const root = nodes.get(target);
    if (!root)
        return null;
    for (const cost of costs.values()) {
        const parent = cost.chain.length > 1 ? nodes.get(cost.chain[cost.chain.length - 2]) : null;
        if (parent && cost.name !== target)
            parent.children.push(nodes.get(cost.name));
    }
    for (const node of nodes.values())
        node.children.sort((a, b) => b.cumulative_ms - a.cumulative_ms || a.name.localeCompare(b.name));
    return root;
}
/**
 * Each sample metric beyond import time, per sample, in its own field (the
 * metric table names it): every sample's value, or none where a run could not
 * tell (a command's CPU time, memory off Linux).
 */
function sampledJson(samples) {
    const out = {};
    for (const m of SAMPLE_METRICS) {
        if (m.id === PRIMARY_METRIC)
            continue;
        const values = samples.map((s) => readMetric(m.id, s));
        const known = values.every((v) => v !== null);
        out[m.samplesField] = known ? values.map((v) => (m.unit === 'ms' ? ms(v) : v)) : [];
    }
    return out;
}
/** Each counted metric's counts and how they were counted. */
function countedJson(side) {
    const out = {};
    const counted = side.counted;
    if (!counted)
        return out;
    const counting = {};
    for (const [id, c] of Object.entries(counted)) {
        // Each metric's own field (the metric table says which); a count is a whole number.
        out[METRICS[id].samplesField] = c.counts.map(Math.round);
        counting[id] = {
            tool: c.tool,
            failure: c.failure,
            seconds: Math.round(c.ms) / 1000,
            ...(c.byCall && { by_call: c.byCall }),
        };
    }
    out.counting = counting;
    return out;
}
function sideResult(target, side, slowest = 15) {
    const { samples, profile } = side;
    const times = samples.map((s) => s.importMs);
    const stats = spread(times);
    const startups = samples.flatMap((s) => (s.startupMs === null ? [] : [s.startupMs]));
    const last = samples[samples.length - 1];
    const modules = profile?.added ?? [];
    return {
        median_ms: ms(stats.median),
        samples_ms: times.map(ms),
        module_count: side.moduleCount,
        modules_added: profile ? profile.added.length : (last?.modulesAdded ?? 0),
        package_module_count: packageModules(target, modules).length,
        min_ms: ms(stats.min),
        max_ms: ms(stats.max),
        q1_ms: ms(stats.q1),
        q3_ms: ms(stats.q3),
        mad_ms: ms(stats.mad),
        median_ci_ms: stats.medianCi ? [ms(stats.medianCi[0]), ms(stats.medianCi[1])] : null,
        cpu_samples_ms: [],
        ...sampledJson(samples),
        ...countedJson(side),
        wall_samples_ms: samples.map((s) => ms(s.wallMs)),
        startup_median_ms: startups.length ? ms(median(startups)) : null,
        profile: {
            runs: profile?.runs ?? 0,
            unstable_modules: profile?.unstableModules ?? false,
            slowest: profile ? slowestBySelf(profile.costs, slowest).map(costJson) : [],
            tree: profile ? treeJson(target, profile.costs) : null,
        },
        modules,
    };
}

function deltaJson(m) {
    const c = m.comparison;
    // No ratio describes it (a memory growth of 0 KiB on both sides): no delta, rather than NaNs.
    if (!c || !Number.isFinite(c.pct))
        return null;
    const finite = (i) => (i?.every(Number.isFinite) ? i : null);
    const ci = finite(c.ciPct);
    const passCi = finite(c.passCiPct);
    return {
        ms: ms(c.ms),
        pct: pct$1(c.pct),
        ci_pct: ci ? [pct$1(ci[0]), pct$1(ci[1])] : null,
        ci_level: c.ciLevel,
        pass_ci_pct: passCi ? [pct$1(passCi[0]), pct$1(passCi[1])] : null,
        pass_ci_level: c.passCiLevel,
        p: c.logEstimate >= 0 ? c.pSlower : c.pFaster,
        p_slower: c.pSlower,
        p_faster: c.pFaster,
        pairs: c.pairs,
        decision: c.decision === 'continue' ? 'undecided' : c.decision,
    };
}
function metricJson(t, m) {
    const metric = METRICS[m.metric];
    const medianOf = (side) => {
        if (!side)
            return null;
        if (metric.kind === 'sample') {
            const values = side.samples.flatMap((s) => readMetric(metric.id, s) ?? []);
            return values.length ? ms(median(values)) : null;
        }
        const counts = side.counted?.[metric.id]?.counts ?? [];
        return counts.length ? Math.round(median(counts)) : null;
    };
    const c = m.counted;
    // A side without counts has no median: no change is recorded rather than one against 0.
    const both = !!c && c.base.length > 0 && c.head.length > 0;
    return {
        metric: m.metric,
        variant: t.variant,
        unit: metric.unit,
        gating: m.gating,
        outcome: m.comparison || c ? m.outcome : null,
        base_median: medianOf(t.base),
        head_median: medianOf(t.head),
        delta: deltaJson(m),
        ...(c && {
            counted: {
                delta: both ? Math.round(c.delta) : null,
                pct: both ? pct$1(c.pct) : null,
                spread_pct: Math.round(c.spreadPct * 1000) / 1000,
                threshold_pct: c.thresholdPct,
                base_runs: c.base.length,
                head_runs: c.head.length,
                reason: c.reason,
            },
        }),
    };
}
function functionChangeJson(c) {
    return {
        name: c.name,
        source: { path: c.file, line: c.file ? c.line : null },
        side: c.side,
        base_calls: c.baseCalls,
        head_calls: c.headCalls,
        profiled_delta_ms: ms(c.deltaMs),
        via: c.via,
        called_as: c.calledAs,
        mostly_in: c.mostlyIn && {
            name: c.mostlyIn.name,
            source: { path: c.mostlyIn.file, line: c.mostlyIn.file ? c.mostlyIn.line : null },
            profiled_ms: ms(c.mostlyIn.ms),
        },
        callers: c.callers.map((caller) => ({
            module: caller.module,
            side: caller.side,
            path: caller.file,
            lines: caller.file ? caller.lines : [],
            base_calls: caller.baseCalls,
            head_calls: caller.headCalls,
        })),
    };
}
const round2 = (x) => Math.round(x * 100) / 100;
function targetResult(t) {
    const primary = t.metrics[0];
    const result = {
        name: t.target,
        verdict: t.verdict,
        base: t.base ? sideResult(t.target, t.base) : null,
        head: t.head ? sideResult(t.target, t.head) : null,
        delta: primary ? deltaJson(primary) : null,
        modules: t.modules && {
            added: t.modules.added.map(changeJson),
            removed: t.modules.removed.map(changeJson),
            self_time_changes: t.modules.selfTimeChanges.map((c) => ({
                name: c.name,
                base_self_ms: c.baseSelfMs === null ? null : ms(c.baseSelfMs),
                head_self_ms: c.headSelfMs === null ? null : ms(c.headSelfMs),
                delta_ms: ms(c.deltaMs),
                noise_ms: c.noiseMs === null || !Number.isFinite(c.noiseMs) ? null : ms(c.noiseMs),
            })),
        },
        forbidden: t.forbidden.map(({ name, chain, rule, count, baseCount }) => ({
            name,
            chain,
            rule,
            count,
            ...(baseCount === null ? {} : { base_count: baseCount }),
        })),
        budget: t.budget.time || t.budget.modules
            ? {
                time: t.budget.time && {
                    limit_ms: ms(t.budget.time.limit),
                    median_ms: ms(t.budget.time.actual),
                    ok: t.budget.time.ok,
                },
                modules: t.budget.modules && {
                    limit: t.budget.modules.limit,
                    count: t.budget.modules.actual,
                    ok: t.budget.modules.ok,
                },
            }
            : null,
        error: t.error,
        metrics: t.metrics.map((m) => metricJson(t, m)),
    };
    if (t.variant !== 'warm')
        result.variant = t.variant;
    if (t.isNew)
        result.new = true;
    if (t.gone)
        result.gone = true;
    if (t.packages) {
        const opt = (x) => (x === null ? null : ms(x));
        result.packages = t.packages.map((p) => ({
            name: p.name,
            own: p.own,
            base_self_ms: opt(p.baseMs),
            head_self_ms: opt(p.headMs),
            delta_ms: ms(p.deltaMs),
            base_modules: p.baseModules,
            head_modules: p.headModules,
            notable: p.notable,
        }));
    }
    if (t.watched.length) {
        const side = (w) => w && {
            loaded: w.loaded,
            chain: w.chain,
            cumulative_ms: w.cumulativeMs === null ? null : ms(w.cumulativeMs),
        };
        result.watch = t.watched.map((w) => ({ name: w.name, base: side(w.base), head: side(w.head) }));
    }
    if (t.functions)
        result.function_changes = t.functions.map(functionChangeJson);
    if (t.gaps?.length)
        result.gaps = t.gaps.map((g) => ({ ...g }));
    if (t.lazy)
        result.lazy = {
            all_lazy_ms: t.lazy.allLazyMs === null ? null : ms(t.lazy.allLazyMs),
            loaded_anyway: t.lazy.loadedAnyway.map((l) => ({
                module: l.module,
                names: l.names,
                file: l.file,
                line: l.line,
                loaded_at: l.loadedAt && { ...l.loadedAt },
            })),
            never_needed: t.lazy.neverNeeded.map((l) => ({
                module: l.module,
                names: l.names,
                file: l.file,
                line: l.line,
                cumulative_ms: l.cumulativeMs === null ? null : ms(l.cumulativeMs),
            })),
            form: t.lazy.form,
        };
    if (t.sources && Object.keys(t.sources).length)
        result.sources = t.sources;
    if (t.undecidedPass)
        result.undecided_pass = {
            ruled_out_pct: round2(t.undecidedPass.ruledOutPct),
            band_pct: round2(t.undecidedPass.bandPct),
            upper_pct: round2(t.undecidedPass.upperPct),
        };
    if (t.proof)
        result.proof = {
            decided: t.proof.decided,
            holds: t.proof.holds,
            reason: t.proof.reason,
            traced_with: t.proof.how,
            traced_runs: t.proof.traced,
            changed_files: t.proof.changed,
            differing_files: t.proof.differing,
            loaded_changed: t.proof.loaded,
            modules: t.proof.modules,
            code_bytes_delta: t.proof.codeBytesDelta,
            load_bound_ms: ms(t.proof.loadBoundMs),
        };
    if (t.shortfall) {
        result.inconclusive = {
            reason: t.shortfall.reason === 'pairs' ? 'too-few-pairs' : 'unsettled',
            pairs: t.shortfall.pairs,
            needed_pairs: t.shortfall.needed,
            suggested_max_time_s: t.shortfall.suggestedMaxTimeS,
            ...(t.shortfall.suggestedMaxPairs
                ? { suggested_max_pairs: t.shortfall.suggestedMaxPairs }
                : {}),
        };
    }
    return result;
}

// The project-wide error types. Each entry (CLI, action) turns them into a
// message and an exit status; anything else that escapes is a bug.
/**
 * Bad input from the user: a flag, an action input, a config key, a target
 * name. The message names the input as the user wrote it, the value, and what
 * would be accepted. Exit status 2.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment cannot do what was asked (no interpreter, not a repository...). Exit status 2. */
class SetupError extends Error {
    name = 'SetupError';
}
/** The run was cancelled (Ctrl-C, the runner cancelling the job): stop, clean up, report nothing. */
class CancelledError extends SetupError {
    name = 'CancelledError';
    constructor(what = 'the run') {
        super(`${what} was cancelled`);
    }
}

// What is measured. A target is a tagged union so that other kinds (a command's
// whole start-up) can join modules later without new paths through the code.
const moduleTarget = (name) => ({ kind: 'module', name });
const COMMAND_PREFIX = 'cmd:';
const isCommandTarget = (name) => name.startsWith(COMMAND_PREFIX);
const TARGET_KINDS = {
    module: { verb: 'imports', profiles: true, countedRuns: true, lazyRuns: true },
    // A whole process: timed spawn to exit, no probe inside to profile, count or watch.
    command: { verb: 'runs', profiles: false, countedRuns: false, lazyRuns: false },
};
/** The kind of a target as configured ("cmd: …" is a command). */
const kindOf = (name) => isCommandTarget(name) ? 'command' : 'module';
/** What the target named `name` supports. */
const traitsOf = (name) => TARGET_KINDS[kindOf(name)];
/**
 * Words the way a shell splits them, and nothing else a shell does: runs of
 * blanks separate, single quotes keep everything, double quotes keep all but
 * a backslash before " or \\. No variables, globs or operators: `a;b` is one
 * word. Returns the problem as a string when the quoting is unbalanced.
 */
function splitWords(text) {
    const words = [];
    let word = null;
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = null;
            else if (quote === '"' && ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\'))
                word += text[++i];
            else
                word += ch;
        }
        else if (ch === "'" || ch === '"') {
            quote = ch;
            word ??= '';
        }
        else if (/\s/.test(ch)) {
            if (word !== null)
                words.push(word);
            word = null;
        }
        else
            word = (word ?? '') + ch;
    }
    if (quote)
        return `an unclosed ${quote}`;
    if (word !== null)
        words.push(word);
    return words;
}
/** What a configured target names: a module, or (written `cmd: …`) a command. */
function targetOf(name) {
    if (!isCommandTarget(name))
        return moduleTarget(name);
    const argv = splitWords(name.slice(COMMAND_PREFIX.length));
    return { kind: 'command', name, argv: typeof argv === 'string' ? [] : argv };
}
const SIDES = ['base', 'head'];
const DEFAULT_VARIANT = 'warm';
const VARIANTS = ['warm', 'no-pyc', 'cold'];
const isVariant = (value) => VARIANTS.includes(value);
/** What each state does, as the reports say it under the table. */
function variantNote(variant, cold) {
    if (variant === 'no-pyc')
        return 'every module compiled from source: an empty PYTHONPYCACHEPREFIX for each sample, with writing off';
    if (variant !== 'cold')
        return null;
    if (cold === 'drop-caches')
        return 'the page cache dropped before each sample (/proc/sys/vm/drop_caches)';
    if (cold === 'sudo-drop-caches')
        return 'the page cache dropped before each sample (sudo -n sysctl vm.drop_caches, as on hosted runners)';
    return "each file under the interpreter's sys.path evicted from the page cache before each sample (posix_fadvise DONTNEED: no permission to drop the whole cache here; directory entries stay cached)";
}
/** How reports name a variant beside its target: "no .pyc", "cold cache"; nothing for warm. */
const VARIANT_LABEL = {
    warm: '',
    'no-pyc': 'no .pyc',
    cold: 'cold cache',
};
/** A stable string for maps and logs: "head:mypkg" (the variant shows once there are several). */
function armId(key) {
    const variant = key.variant === DEFAULT_VARIANT ? '' : `@${key.variant}`;
    return `${key.side}:${key.target}${variant}`;
}
/** The arms that stop together when one fails: a target's base and head under one variant. */
function groupId(key) {
    return key.variant === DEFAULT_VARIANT ? key.target : `${key.target}@${key.variant}`;
}

// A target is a module name as `import` accepts it: dotted identifiers. It is
// passed to the interpreter as one argument (never through a shell), but a
// clear refusal here beats a ModuleNotFoundError after installing everything.
const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield').split(' '));
// Python identifiers (PEP 3131): XID_Start then XID_Continue; this is the
// Unicode-category approximation of those two properties.
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;
/** Why `name` is not a valid dotted module name, or null when it is. */
function moduleNameProblem(name) {
    if (name.trim() === '')
        return 'it is empty';
    if (name !== name.trim())
        return 'it has leading or trailing spaces';
    if (name.startsWith('.'))
        return 'relative names are not accepted; give the absolute module name';
    if (/[/\\]/.test(name) || name.endsWith('.py')) {
        return 'it looks like a file path; give the dotted module name (src/mypkg/cli.py → mypkg.cli)';
    }
    // `-t=x` reaches us as "=x": a short option takes its value after a space.
    if (name.startsWith('='))
        return 'it starts with "="; write -t NAME or --target=NAME (a short option takes no "=")';
    if (name.includes('-')) {
        const guess = name.replaceAll('-', '_');
        // "_c" for "-c" would be a guess at nothing: only suggest a name that is one.
        const hint = /^[\p{L}\p{Nl}]/u.test(guess) ? `; did you mean ${guess}?` : '';
        return `module names have no hyphens (distribution names do)${hint}`;
    }
    for (const part of name.split('.')) {
        if (part === '')
            return 'it has an empty part between dots';
        if (KEYWORDS.has(part))
            return `"${part}" is a Python keyword, which no importable module can be named`;
        if (!IDENTIFIER.test(part)) {
            return `"${part}" is not a Python identifier (letters, digits and underscores, not starting with a digit)`;
        }
    }
    return null;
}

// Targets and module names as a setting gives them: each a Python module
// name, or (where commands are allowed) `cmd: ...` with words after it.
function validateTargets(targets, source, { commands = false } = {}) {
    for (const target of targets) {
        if (commands && isCommandTarget(target)) {
            const argv = splitWords(target.slice(COMMAND_PREFIX.length));
            if (typeof argv === 'string' || !argv.length)
                throw new UsageError(`${source}: "${target}" is not a command: ${typeof argv === 'string' ? argv : 'nothing follows cmd:'}; write it as cmd: mycli --help`);
            continue;
        }
        const problem = moduleNameProblem(target);
        if (problem)
            throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`);
    }
    return [...new Set(targets)];
}

// Numbers given as text: counts, durations, percentages. Each parser names the
// input and the value in its error, and says what would be accepted.
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?$/;
/** A duration in milliseconds; a bare number is in `bareUnit`. */
function parseDuration(input, value, bareUnit) {
    const match = DURATION.exec(value.trim());
    if (!match) {
        throw new UsageError(`${input}: "${value}" is not a duration; use a number of ${bareUnit === 's' ? 'seconds' : 'milliseconds'} or one with a unit, such as 300ms, 0.3s or 2m`);
    }
    const amount = Number(match[1]);
    const unit = match[2] ?? bareUnit;
    const ms = amount * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
    // Past a day it is a typo, not a setting: `--sample-timeout 3000000` (s)
    // overflowed Node's timers and killed every sample; `--max-time 1e20` was shown rounded.
    if (ms > MAX_DURATION_MS)
        throw new UsageError(`${input}: "${value}" is longer than a day; budgets and timeouts are at most ${MAX_DURATION_MS / 1000} s (1440m)`);
    return ms;
}
/** A duration of more than zero (a timeout of 0 would kill every run at once). */
function positiveDuration(input, value) {
    const ms = parseDuration(input, value, 's');
    if (ms <= 0)
        throw new UsageError(`${input}: "${value}" must be more than zero`);
    return ms;
}
/** The longest duration any setting takes: a day. */
const MAX_DURATION_MS = 86_400_000;
/** A whole number ≥ min. */
/**
 * Upper bounds of counts that each cost a run of the import: beyond them a
 * value is a typo (`--warmup 1000000000` would write progress lines for hours
 * and never sample), not a setting.
 */
const COUNT_LIMITS = { warmup: 100, profileRuns: 100, pairs: 100_000 };
function parseCount$1(input, value, min, max = Number.MAX_SAFE_INTEGER) {
    const text = value.trim();
    const number = Number(text);
    if (!/^\d+$/.test(text) || number < min || number > max) {
        // A number past 2^53 would be rounded silently: it is out of range too.
        const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
        throw new UsageError(`${input}: "${value}" is not a whole number ${range}`);
    }
    return number;
}
/** A percentage: "5%" or "5" both mean 5. */
function parsePercent(input, value) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value.trim());
    if (!match)
        throw new UsageError(`${input}: "${value}" is not a percentage; use a number such as 5 or 5%`);
    return Number(match[1]);
}
/** A percentage above zero: a 0% threshold would call any count that moved a change. */
function positivePercent(input, value) {
    const pct = parsePercent(input, value);
    if (pct <= 0)
        throw new UsageError(`${input}: "${value}" must be more than 0%, such as 1%`);
    return pct;
}

// Settings written as text (a flag, an action input) that are more than a
// number or a duration: switches, budgets, metric and cache-state names.
/** A switch: a flag given (true), or an input's "true" or "false" as GitHub's inputs write them. */
function switchValue(value, input) {
    if (typeof value === 'boolean')
        return value;
    const text = value.trim();
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new UsageError(`${input}: "${value}" is not true or false`);
}
/** "mypkg=300ms" → ["mypkg", 300]. */
function budgetEntry(value, input) {
    // The last =: a command target may hold one (cmd: mycli --level=3=300ms); a duration never does.
    const at = value.lastIndexOf('=');
    if (at < 1)
        throw new UsageError(`${input}: "${value}" should be TARGET=DURATION, such as mypkg=300ms`);
    const [target] = validateTargets([value.slice(0, at).trim()], input, { commands: true });
    return [target, parseDuration(input, value.slice(at + 1), 'ms')];
}
function parseMetrics(values, input) {
    return [
        ...new Set(values.map((value) => {
            const id = metricNamed(value.trim());
            if (!id)
                throw new UsageError(`${input}: "${value}" is not a metric; use ${METRIC_IDS.join(', ')} (fs-calls is fs_calls)`);
            return id;
        })),
    ];
}
function parseCacheStates(values, input) {
    return [
        ...new Set(values.map((value) => {
            const state = value.trim();
            if (!isVariant(state))
                throw new UsageError(`${input}: "${value}" is not a cache state; use ${VARIANTS.join(', ')}`);
            return state;
        })),
    ];
}

// [tool.importgate] values as TOML gives them (strings, numbers, booleans,
// arrays, tables), checked: an error names the key as written, the value and
// what is accepted.
const show = (value) => JSON.stringify(value);
function text$1(value, where, accepted) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return String(value);
    throw new UsageError(`${where} = ${show(value)}: expected ${accepted}`);
}
function globs(value, where) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim())) {
        throw new UsageError(`${where} = ${show(value)}: expected a list of file patterns, such as ["*.py", "pyproject.toml"], or ["*"] to measure every change`);
    }
    if (value.length === 0)
        throw new UsageError(`${where} = []: no file could then affect importing, so no pull request would be measured; list patterns, such as ["*.py", "pyproject.toml"], or remove the key for the default`);
    return value;
}
function modules(value, where, { commands = false } = {}) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new UsageError(`${where} = ${show(value)}: expected a list of module names, such as ["mypkg", "mypkg.cli"]${commands ? ' or commands, such as "cmd: mycli --help"' : ''}`);
    }
    if (commands)
        return validateTargets(value, where, { commands });
    for (const name of value) {
        const problem = moduleNameProblem(name);
        if (problem)
            throw new UsageError(`${where}: "${name}" is not a Python module name: ${problem}`);
    }
    return value;
}
const count = (min, max = Number.MAX_SAFE_INTEGER) => (value, where) => {
    if (typeof value !== 'number' && typeof value !== 'string') {
        throw new UsageError(`${where} = ${show(value)}: expected a whole number of at least ${min}`);
    }
    return parseCount$1(where, String(value), min, max);
};
/** A list of strings, or an error naming what the list holds and an example. */
function stringList(value, where, what, example) {
    if (!Array.isArray(value) || !value.every((m) => typeof m === 'string'))
        throw new UsageError(`${where} = ${show(value)}: expected a list of ${what}, such as ${example}`);
    return value;
}
/** [tool.importgate.budgets]: target = "duration", each checked. */
function budgetTable(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UsageError(`${where} = ${show(value)}: expected a table of target = "duration", such as [tool.importgate.budgets] mypkg = "300ms"`);
    }
    const budgetsMs = {};
    for (const [target, limit] of Object.entries(value)) {
        const at = `${where}.${target.includes('.') ? `"${target}"` : target}`;
        validateTargets([target], at, { commands: true });
        budgetsMs[target] = parseDuration(at, text$1(limit, at, 'a duration such as "300ms"'), 'ms');
    }
    return budgetsMs;
}

const BOTH = ['measure', 'compare'];
const COMPARE = ['compare'];
const one = (value) => (Array.isArray(value) ? value[0] : String(value));
const many = (value) => (Array.isArray(value) ? value : [String(value)]);

// The kinds of value a setting takes, each stated once: how a flag's or an
// input's text gives it, how TOML gives it, and how the results document's
// JSON Schema describes it. A registry entry spreads its kind (`...counted(1,
// 100)`), so a numeric setting's bounds are written in one place, and the
// parsers and the schema cannot disagree on them.
/** A whole number from `min` to `max` (no upper bound: a safe integer). */
function counted(min, max) {
    return {
        fromText: (v, w) => parseCount$1(w, one(v), min, max),
        fromToml: (v, w) => count(min, max)(v, w),
        schema: {
            type: 'integer',
            minimum: min,
            ...(max === undefined ? {} : { maximum: max }),
        },
    };
}
/** true or false: a flag given, an input's "true"/"false", a TOML boolean. */
function switched() {
    return {
        fromText: (v, w) => switchValue(Array.isArray(v) ? v[0] : v, w),
        fromToml: (v, w) => {
            if (typeof v !== 'boolean')
                throw new UsageError(`${w} = ${show(v)}: expected true or false`);
            return v;
        },
        schema: { type: 'boolean' },
    };
}
/**
 * A duration in milliseconds, a bare number in `bareUnit`; `positive` refuses
 * zero (a timeout of 0 would kill every run at once). `example` is what TOML's
 * error offers. The schema is in the results' unit, seconds.
 */
function duration(bareUnit, example, { positive = false } = {}) {
    const parse = (w, value) => positive && bareUnit === 's' ? positiveDuration(w, value) : parseDuration(w, value, bareUnit);
    return {
        fromText: (v, w) => parse(w, one(v)),
        fromToml: (v, w) => parse(w, text$1(v, w, `a duration such as "${example}"`)),
        schema: {
            type: 'number',
            ...(positive ? { exclusiveMinimum: 0 } : { minimum: 0 }),
            maximum: MAX_DURATION_MS / (bareUnit === 's' ? 1000 : 1),
        },
    };
}
/** A percentage ("5%" or "5"); `positive` refuses 0%. */
function percent(example, { positive = false } = {}) {
    const parse = positive ? positivePercent : parsePercent;
    return {
        fromText: (v, w) => parse(w, one(v)),
        fromToml: (v, w) => parse(w, text$1(v, w, `a percentage such as "${example}"`)),
        schema: {
            type: 'number',
            ...(positive ? { exclusiveMinimum: 0 } : { minimum: 0 }),
        },
    };
}
/** A number strictly between `low` and `high`, such as `example`. */
function between(low, high, example) {
    const accepted = `a number between ${low} and ${high}, such as ${example}`;
    const inside = (a) => a > low && a < high;
    return {
        fromText: (v, w) => {
            const a = Number(one(v));
            if (!inside(a))
                throw new UsageError(`${w}: "${one(v)}" must be ${accepted}`);
            return a;
        },
        fromToml: (v, w) => {
            if (typeof v !== 'number' || !inside(v))
                throw new UsageError(`${w} = ${show(v)}: expected ${accepted}`);
            return v;
        },
        schema: { type: 'number', exclusiveMinimum: low, exclusiveMaximum: high },
    };
}
/** One of a few words, as written. */
function oneOf$1(words) {
    const accepted = words.join(' or ');
    const parse = (value, w) => {
        const word = words.find((x) => x === value.trim());
        if (word === undefined)
            throw new UsageError(`${w}: "${value}" is not ${accepted}`);
        return word;
    };
    return {
        fromText: (v, w) => parse(one(v), w),
        fromToml: (v, w) => parse(text$1(v, w, words.map((x) => `"${x}"`).join(' or ')), w),
        schema: { enum: [...words] },
    };
}
/** A kind whose value may also be null (unset: no such budget). */
function orNone(kind) {
    return {
        fromText: (v, w) => kind.fromText(v, w),
        fromToml: (v, w) => kind.fromToml(v, w),
        schema: { ...kind.schema, type: [kind.schema.type, 'null'] },
    };
}

// The settings of what fails the check: budgets, forbidden and watched modules, metrics, thresholds.
// One entry per setting (setting-spec.ts says what an entry holds); registry.ts
// puts the tables together.
/**
 * What can change what an import loads or how long it takes: Python source
 * and stubs, compiled extensions and their sources, .pth files, the build and
 * dependency metadata, lock files.
 */
const DEFAULT_AFFECTS = [
    '*.py',
    '*.pyi',
    '*.pyx',
    '*.pxd',
    '*.so',
    '*.pyd',
    '*.pth',
    'pyproject.toml',
    'setup.py',
    'setup.cfg',
    'requirements*',
    '*.lock',
    'Pipfile',
    'constraints*.txt',
];
const GATE_SETTINGS = [
    {
        name: 'max-modules',
        action: 'Budget on the modules importing any target loads. Default none.',
        field: 'maxModules',
        group: 'gate',
        default: null,
        json: { key: 'max_modules' },
        commands: BOTH,
        flag: { type: 'string' },
        ...orNone(counted(1)),
        help: ['      --max-modules N     budget on modules loaded by importing any target'],
    },
    {
        name: 'forbid',
        action: 'Modules no target may import (commas or new lines); a name forbids its submodules too. Default: [tool.importgate] forbid of the base commit.',
        field: 'forbid',
        group: 'gate',
        default: [],
        json: { key: 'forbid', schema: { type: 'array', items: { type: 'string' } } },
        commands: BOTH,
        flag: { type: 'string', multiple: true },
        fromText: (v, w) => validateTargets(many(v), w),
        fromToml: (v, w) => modules(v, w),
        help: ['      --forbid MODULE     must not be imported by any target; repeatable'],
    },
    {
        name: 'enforce-lazy',
        action: 'true: a module the project declares lazy (PEP 810, Python 3.15+) that the import loads anyway fails the check (verdict forbidden); false: a warning. Default: [tool.importgate] enforce-lazy, else false.',
        field: 'enforceLazy',
        group: 'gate',
        default: false,
        json: { key: 'enforce_lazy', optional: true },
        commands: BOTH,
        flag: { type: 'boolean' },
        ...switched(),
        help: [
            '      --enforce-lazy      fail the check when the import loads a module the project',
            '                          declares lazy (Python 3.15+, PEP 810); else a warning',
        ],
    },
    {
        name: 'watch',
        action: 'Modules to track by name (commas or new lines): each gets a row saying whether each target loads it on base and head, and through which chain. Default: [tool.importgate] watch.',
        field: 'watch',
        group: 'run',
        default: [],
        commands: BOTH,
        flag: { type: 'string', multiple: true },
        fromText: (v, w) => validateTargets(many(v), w),
        fromToml: (v, w) => modules(v, w),
        help: [
            '      --watch MODULE      report whether each target loads this module on each side,',
            '                          with the chain that loads it; repeatable',
        ],
    },
    {
        name: 'budget',
        action: 'Import-time budgets, one TARGET=DURATION per line (e.g. mypkg=300ms). Default: [tool.importgate.budgets] of the base commit.',
        field: 'budgetsMs',
        group: 'gate',
        default: {},
        json: {
            key: 'budgets_ms',
            schema: { type: 'object', additionalProperties: { type: 'number' } },
        },
        commands: BOTH,
        flag: { type: 'string', multiple: true },
        input: 'budgets',
        key: 'budgets',
        fromText: (v, w) => Object.fromEntries(many(v).map((b) => budgetEntry(b, w))),
        fromToml: (v, w) => budgetTable(v, w),
        help: [
            '      --budget TARGET=DURATION',
            "                          budget on a target's median import time; repeatable",
        ],
    },
    {
        name: 'metric',
        action: 'Metrics to measure beside import time (commas or new lines), each its own row: cpu_ms (CPU time), memory (peak memory growth), instructions (counted by perf or valgrind; fails the check on a change past instructions-threshold, 1%), fs_calls (file-system calls, counted by strace). Only instructions fails the check. Default: [tool.importgate] metrics, else import time alone.',
        field: 'metrics',
        group: 'run',
        json: {
            key: 'metrics',
            optional: true,
            schema: { type: 'array', items: { $ref: '#/definitions/metric' } },
        },
        commands: BOTH,
        flag: { type: 'string', multiple: true },
        input: 'metrics',
        key: 'metrics',
        fromText: (v, w) => parseMetrics(many(v), w),
        fromToml: (v, w) => parseMetrics(stringList(v, w, 'metrics', '["import_ms", "cpu_ms"]'), w),
        help: [
            '      --metric NAME       measure this metric too, its own row: cpu_ms, memory,',
            '                          instructions (fails the check on a change past',
            '                          --instructions-threshold), fs_calls; repeatable',
            '                          (default: import_ms alone)',
        ],
    },
    {
        name: 'cache',
        action: 'Cache states to measure each target in (commas or new lines), each its own row and verdict: warm (.pyc files present, page cache as it is), no-pyc (every module compiled from source), cold (the page cache emptied before each sample, with sudo on hosted runners). Default: [tool.importgate] cache, else warm.',
        field: 'cache',
        group: 'run',
        json: {
            key: 'cache',
            optional: true,
            schema: { type: 'array', items: { enum: ['warm', 'no-pyc', 'cold'] } },
        },
        commands: BOTH,
        flag: { type: 'string', multiple: true },
        fromText: (v, w) => parseCacheStates(many(v), w),
        fromToml: (v, w) => parseCacheStates(stringList(v, w, 'cache states', '["warm", "no-pyc", "cold"]'), w),
        help: [
            '      --cache STATE       measure in this cache state too, its own row: warm,',
            '                          no-pyc, cold; repeatable (default: warm)',
        ],
    },
    {
        name: 'threshold',
        action: 'Relative change below which nothing fails, e.g. 5%. Default 3%, or [tool.importgate].',
        field: 'thresholdPct',
        group: 'gate',
        // From bench/RESULTS.md: 3% and 0.5 ms catch 5% slowdowns without false
        // alarms in A/A runs on a noisy 2-core machine.
        default: 3,
        json: { key: 'threshold_pct' },
        commands: COMPARE,
        flag: { type: 'string' },
        ...percent('5%'),
        help: ['      --threshold PCT     relative change below which nothing fails (3%)'],
    },
    {
        name: 'min-delta',
        action: 'Absolute change below which nothing fails, e.g. 1ms. Default 0.5ms, or [tool.importgate].',
        field: 'minDeltaMs',
        group: 'gate',
        default: 0.5,
        json: { key: 'min_delta_ms' },
        commands: COMPARE,
        flag: { type: 'string' },
        ...duration('ms', 'a duration such as "2ms"'),
        help: ['      --min-delta MS      absolute change below which nothing fails (0.5ms)'],
    },
    {
        name: 'undecided',
        action: 'A target still undecided when max-time and overtime end. warn: it passes, with a warning in the comment, when its interval rules out a regression of twice the band (a change between the band and twice it may slip through); else it is inconclusive. fail: always inconclusive. Default: [tool.importgate] undecided, else warn.',
        field: 'undecided',
        group: 'gate',
        // bench/SLOW.md: an unchanged ~2 s import ended undecided in half its
        // compares, and a user saw a failed check; "warn" passes those whose
        // interval rules out twice the band (docs/statistics.md).
        default: 'warn',
        json: { key: 'undecided', optional: true },
        shown: true,
        commands: COMPARE,
        flag: { type: 'string' },
        ...oneOf$1(['warn', 'fail']),
        help: [
            '      --undecided WHAT    a target still undecided when the budget ends: warn passes it',
            '                          with a warning when its interval rules out twice the band,',
            '                          else it is inconclusive; fail: always inconclusive (warn)',
        ],
    },
    {
        name: 'instructions-threshold',
        action: 'With the instructions metric: relative change of the instruction counts below which nothing fails, e.g. 2%. Default 1%, or [tool.importgate] instructions-threshold.',
        field: 'instructionsThresholdPct',
        group: 'gate',
        default: METRICS.instructions.thresholdPct,
        json: { key: 'instructions_threshold_pct', optional: true },
        commands: COMPARE,
        flag: { type: 'string' },
        ...percent('2%', { positive: true }),
        help: [
            '      --instructions-threshold PCT',
            '                          with --metric instructions: relative change of the counts',
            '                          below which nothing fails (1%)',
        ],
    },
    {
        name: 'alpha',
        field: 'alpha',
        group: 'gate',
        default: 0.01,
        json: { key: 'alpha' },
        commands: COMPARE,
        flag: { type: 'string' },
        input: null,
        ...between(0, 0.5, 0.01),
        help: ['      --alpha P           one-sided significance level (0.01)'],
    },
    {
        name: 'affects',
        action: 'Patterns of the changed files that can affect importing (commas or new lines; a pattern without "/" matches a file name in any folder, "**" crosses folders). When the pull request changes none, nothing is installed or measured: a pass in seconds, with the comment saying why. "*" measures every change. A changed symbolic link, submodule, or file inside a package folder is always measured. Default: *.py, *.pyi, *.pyx, *.pxd, *.so, *.pyd, *.pth, pyproject.toml, setup.py, setup.cfg, requirements*, *.lock, Pipfile, constraints*.txt, or [tool.importgate] affects of the base commit.',
        field: 'affects',
        group: 'run',
        default: [...DEFAULT_AFFECTS],
        json: { key: 'affects', optional: true, schema: { type: 'array', items: { type: 'string' } } },
        commands: COMPARE,
        flag: { type: 'string', multiple: true },
        fromText: (v) => many(v)
            .map((g) => g.trim())
            .filter(Boolean),
        fromToml: (v, w) => globs(v, w),
        help: [
            '      --affects GLOB      a changed file that can affect importing; repeatable. When none',
            '                          matches and the rest is docs, CI, images or tests, nothing is',
            "                          measured: a pass that says why ('*' measures every change)",
        ],
    },
];

// How each side's environment is made. The settings themselves are declared
// in settings/ (setting-values.ts derives their types from the registry).
/** The modes each command accepts: compare has no "current" (the worktrees have no environment). */
const INSTALL_MODES = {
    measure: ['none', 'current', 'auto', 'pip', 'uv'],
    compare: ['auto', 'none', 'pip', 'uv'],
};
const ALL_INSTALL_MODES = ['auto', 'none', 'current', 'pip', 'uv'];

// The install input: a strategy name, or the user's own shell command.
/**
 * Known names are strategies. Anything with a space, a slash or shell syntax is
 * a command; a lone unknown word is refused (a typo of "pip" should not be run
 * as a program). A one-word command can be written as "./install.sh" or
 * "sh -c make".
 */
function parseInstall(input, value, allowed) {
    const text = value.trim();
    if (allowed.includes(text))
        return { kind: text };
    if (/[\s/;&|$`<>()]/.test(text))
        return { kind: 'command', command: text };
    const why = ALL_INSTALL_MODES.includes(text) ? ' here' : '';
    throw new UsageError(`${input}: "${value}" is not an install mode${why}; use ${allowed.join(', ')}, or a shell command such as "pip install .[fast]"`);
}

// The settings of what is measured and how long: targets, install, pairs, time.
// One entry per setting (setting-spec.ts says what an entry holds); registry.ts
// puts the tables together.
const SAMPLING_SETTINGS = [
    {
        name: 'target',
        action: "Modules to import, separated by commas or new lines. Default: `targets` under [tool.importgate] in pyproject.toml (base's and head's together).",
        field: 'targets',
        group: 'run',
        commands: BOTH,
        flag: { type: 'string', multiple: true, short: 't' },
        input: 'targets',
        key: 'targets',
        fromText: (v, w) => validateTargets(many(v), w, { commands: true }),
        fromToml: (v, w) => modules(v, w, { commands: true }),
        help: [
            '  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets',
            '                          in pyproject.toml; for compare, those of base and head together)',
        ],
    },
    {
        name: 'install',
        action: 'auto (a packaged project, or one with uv.lock, installed with uv when uv is on PATH: uv sync for a lock, else uv venv + uv pip install; else venv + pip install .; anything else none), none, pip, uv, or your own shell command. Default: [tool.importgate] install, else auto.',
        field: 'install',
        group: 'run',
        commands: BOTH,
        flag: { type: 'string' },
        fromText: (v, w, rules) => parseInstall(w, one(v), rules.installModes),
        fromToml: (v, w) => parseInstall(w, text$1(v, w, 'an install mode or a command'), INSTALL_MODES.compare),
        help: [
            '      --install MODE      auto: a packaged project (or one with uv.lock) with uv when',
            '                                uv is on PATH (uv sync for a lock), else a venv and',
            "                                pip install .; anything else none (compare's default)",
            "                          none: nothing installed; PYTHONPATH is the project's src/ folder,",
            "                                or the project folder (measure's default)",
            '                          pip | uv: a venv per side, the project installed non-editable',
            "                          current: measure only; the interpreter's environment as it is",
            '                          "<command>": your own shell command, run in the checkout with a',
            '                                fresh venv activated (IMPORTGATE_SIDE=base|head is set)',
        ],
    },
    {
        name: 'min-pairs',
        action: 'At least this many interleaved pairs per target. Default 20.',
        field: 'minPairs',
        group: 'sampling',
        default: 20,
        json: { key: 'min_pairs' },
        commands: BOTH,
        flag: { type: 'string' },
        ...counted(1, COUNT_LIMITS.pairs),
        help: [
            '      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)',
        ],
    },
    {
        name: 'max-pairs',
        action: 'At most this many interleaved pairs per target; sampling stops earlier once a target is decided. Default 2000 (time, not pairs, is what limits a run).',
        field: 'maxPairs',
        group: 'sampling',
        json: { key: 'max_pairs' },
        commands: BOTH,
        flag: { type: 'string' },
        ...counted(1, COUNT_LIMITS.pairs),
        help: ['      --max-pairs N       at most N (2000); compare: each target stops once decided'],
    },
    {
        name: 'max-time',
        action: 'Time budget for warm-ups, profile runs and sampling, e.g. 120s (installs not counted). Default 120s.',
        field: 'maxTimeMs',
        group: 'sampling',
        default: 120_000,
        json: { key: 'max_time_s', per: 1000 },
        commands: BOTH,
        flag: { type: 'string' },
        ...duration('s', 'a duration such as "120s"', { positive: true }),
        help: [
            '      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are',
            '                          not counted (120)',
        ],
    },
    {
        name: 'overtime',
        action: 'Time a run may take past max-time, only for the targets still undecided; 0s for none. Default twice max-time.',
        field: 'overtimeMs',
        group: 'sampling',
        json: { key: 'overtime_s', per: 1000, optional: true },
        commands: BOTH,
        flag: { type: 'string' },
        ...duration('s', 'a duration such as "240s", or "0s" for none'),
        help: [
            '      --overtime SECONDS  compare: time a run may take past --max-time, only for the',
            '                          targets still undecided; 0 for none (2 x max-time).',
            "                          With --max-time, also the budget of counted metrics' runs",
        ],
    },
    {
        name: 'proof',
        action: 'true: before timing, trace one import a side (twice); when no changed line or file runs at import, the target passes without timing, and the comment says what was checked. false: time every pull request. Default: [tool.importgate] proof, else true.',
        field: 'proof',
        group: 'sampling',
        // On by default: most pull requests change no line an import runs, and
        // a proof decides those in seconds whatever the import's size or the noise.
        default: true,
        json: { key: 'proof', optional: true },
        shown: true,
        commands: COMPARE,
        flag: { type: 'string' },
        ...switched(),
        help: [
            '      --proof BOOL        trace one import a side first; when no changed line or file',
            '                          runs at import, pass without timing (true; false times every',
            '                          pull request)',
        ],
    },
    {
        name: 'sample-timeout',
        field: 'sampleTimeoutMs',
        group: 'sampling',
        default: 60_000,
        json: { key: 'sample_timeout_s', per: 1000 },
        commands: BOTH,
        flag: { type: 'string' },
        input: null,
        ...duration('s', 'a duration such as "60s"', { positive: true }),
        help: [
            '      --sample-timeout SECONDS',
            '                          one import taking longer is killed and reported (60)',
        ],
    },
    {
        name: 'warmup',
        field: 'warmups',
        group: 'sampling',
        default: 3,
        json: { key: 'warmups' },
        commands: BOTH,
        flag: { type: 'string' },
        input: null,
        ...counted(0, COUNT_LIMITS.warmup),
        help: ['      --warmup N          discarded rounds before sampling (3)'],
    },
    {
        name: 'profile-runs',
        field: 'profileRuns',
        group: 'sampling',
        // Five, not three: own-time changes are listed only where they exceed the
        // runs' spread, and three runs give a crude spread. -X importtime itself
        // adds 3-9% to an import (sympy +3%, rich.console +9% here), more with
        // more modules, so the timed samples cannot double as profile runs.
        default: 5,
        json: { key: 'profile_runs' },
        commands: BOTH,
        flag: { type: 'string' },
        input: null,
        // The least depends on the command (compare needs a run a side); pyproject serves both.
        ...counted(0, COUNT_LIMITS.profileRuns),
        fromText: (v, w, rules) => counted(rules.minProfileRuns, COUNT_LIMITS.profileRuns).fromText(v, w),
        fromToml: (v, w) => counted(1, COUNT_LIMITS.profileRuns).fromToml(v, w),
        help: ['      --profile-runs N    untimed -X importtime runs per target and side (5)'],
    },
    {
        name: 'seed',
        field: 'seed',
        group: 'sampling',
        json: { key: 'seed' },
        commands: BOTH,
        flag: { type: 'string' },
        input: null,
        key: null,
        // No pyproject key: a seed written down would make every run the same.
        fromText: counted(0).fromText,
        schema: counted(0).schema,
        help: ['      --seed N            seed for the run order, to reproduce a run'],
    },
];

// Every setting, declared once: its name (the CLI's --flag, the action's
// input, the [tool.importgate] key, unless told otherwise), which commands
// take it, how text (a flag, an input) and TOML give it, and its --help lines,
// in two tables (settings-sampling.ts, settings-gate.ts) in --help order.
// The CLI's parser, the action's input reader, the pyproject reader and
// --help, the defaults, the grouping into Settings and the results document's
// settings are built from them; a test checks action.yml, the README and the
// JSON Schema against them. The types of the settings (Gate, Sampling,
// Settings) are derived from the entries (setting-values.ts): a new setting is
// a new entry there and the code that uses it.
/** In --help order: the common settings, then compare's. */
const SETTINGS = [
    ...SAMPLING_SETTINGS,
    ...GATE_SETTINGS,
];
/** The [tool.importgate] key a setting is read from, or null. */
const keyOf = (spec) => spec.key === undefined ? spec.name : spec.key;
/** The settings one CLI command takes as flags, as node:util's parseArgs wants them. */
function flagOptions(command) {
    return Object.fromEntries(SETTINGS.filter((s) => s.commands.includes(command)).map((s) => [s.name, s.flag]));
}

/** A results document from what the run found, its fields in the documented order. */
function resultsDocument({ identity, interpreter: info, settings, extras, found, timing, }) {
    const { observations, evaluation } = found;
    const phases = observations.phasesMs;
    return {
        schema: 1,
        tool: { name: 'importgate', version: VERSION },
        command: identity.command,
        verdict: evaluation.verdict,
        python: info.version,
        platform: `${info.platform} ${info.machine}`.trim(),
        ...(identity.label ? { label: identity.label } : {}),
        base: identity.base,
        head: identity.head,
        settings,
        ...extras,
        rounds: observations.rounds,
        ...(observations.warmups !== undefined ? { warmup_rounds: observations.warmups } : {}),
        ...(observations.pinnedCores !== undefined ? { pinned_cores: observations.pinnedCores } : {}),
        ...(observations.alongside
            ? {
                rounds_side_by_side: {
                    most: observations.alongside.lanes,
                    rounds: observations.alongside.rounds,
                },
            }
            : {}),
        truncated: observations.truncated,
        ...(phases
            ? {
                phases_s: {
                    install: found.installMs === undefined || found.installMs === null
                        ? null
                        : ms(found.installMs / 1000),
                    warmup: ms(phases.warmup / 1000),
                    profile: ms(phases.profile / 1000),
                    sampling: ms(phases.sampling / 1000),
                    ...(phases.explain !== undefined ? { explain: ms(phases.explain / 1000) } : {}),
                    ...(phases.counting !== undefined ? { counting: ms(phases.counting / 1000) } : {}),
                    ...(phases.proof !== undefined ? { proof: ms(phases.proof / 1000) } : {}),
                },
            }
            : {}),
        started_at: timing.startedAt.toISOString(),
        duration_s: ms(timing.durationMs / 1000),
        targets: evaluation.targets.map(targetResult),
    };
}
function settingsJson(settings, where) {
    const values = { ...settings, ...settings.gate, ...settings.sampling };
    const recorded = SETTINGS.flatMap((s) => {
        if (!s.json)
            return [];
        const value = values[s.field];
        return [[s.json.key, s.json.per ? value / s.json.per : value]];
    });
    return {
        install: where.install,
        python: where.python,
        project_dir: where.projectDir,
        ...(where.coldMethod ? { cold_method: where.coldMethod } : {}),
        ...Object.fromEntries(recorded),
    };
}

// The boundary between importgate and the code it measures. Once a run has
// set up its scratch folder, every process that runs the pull request's code
// (installs, samples, traces, profiles, counted runs) is started as the
// sandbox user: another uid, so the kernel keeps it from reading importgate's
// /proc/<pid>/environ (or git's), from signalling importgate, its subreaper or
// its helpers, and from opening its files. importgate itself stays root: it
// can still kill, read and remove everything the measured code leaves.
//
// One boundary per process, like the run's tag (escapees.ts): the spawning
// layers (command.ts, measured.ts) ask for it, so no caller can forget it.
let active = null;
/** From now on, measured processes start as `user` (null: as importgate's own user). */
function setSandbox(user) {
    active = user;
}
/**
 * The spawn options and environment a measured process gets: the sandbox's
 * uid and gid (libuv drops the supplementary groups too), and its own home,
 * so that pip and uv keep their caches where it may write.
 */
function asSandbox(env) {
    const user = active;
    if (!user)
        return { env, ids: {} };
    return {
        env: { ...env, HOME: user.home, USER: user.name, LOGNAME: user.name },
        ids: { uid: user.uid, gid: user.gid },
    };
}
/**
 * Gives `path` and everything under it to the sandbox user (links themselves,
 * never what they point to), creating it as a folder when missing: a worktree
 * the install builds in, an environment, a temporary folder. Nothing happens
 * without a sandbox.
 */
async function giveToSandbox(path) {
    const user = active;
    if (!user)
        return;
    await mkdir(path, { recursive: true });
    const walk = async (at) => {
        await lchown(at, user.uid, user.gid);
        const stat = await lstat(at);
        if (!stat.isDirectory())
            return;
        for (const entry of await readdir(at))
            await walk(join(at, entry));
    };
    await walk(path);
}
/**
 * A folder importgate keeps (the scratch folder, the folder the probe runs
 * from): the sandbox may pass through it to what it was given, and read
 * what is readable, but not list it, nor create or change anything in it.
 */
async function passThroughOnly(path) {
    if (active)
        await chmod(path, 0o711);
}

/** Keeps the last `cap` bytes of a stream: the end of a log says most about a failure. */
class ByteSink {
    cap;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(cap) {
        this.cap = cap;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.cap && this.chunks.length > 1) {
            this.size -= this.chunks.shift().length;
            this.truncated = true;
        }
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        if (all.length <= this.cap)
            return all;
        this.truncated = true;
        return all.subarray(all.length - this.cap);
    }
    text() {
        return this.bytes().toString('utf8');
    }
}

// Processes that left their process group: a daemon that calls setsid, or
// forks twice with its stdio on /dev/null, is out of reach of a group kill and
// is reparented away from us. Every child we start carries a tag in its
// environment, which its descendants inherit whatever sessions or groups they
// make; on Linux, /proc shows each process's initial environment, so anything
// still carrying the tag when it should be gone is found and killed.
const TAG_VARIABLE = 'IMPORTGATE_RUN_TAG';
/**
 * This importgate process's part of every tag. Tags nest: an importgate run
 * under a tag (its test suite, or a tool that runs it) extends that tag, so
 * whoever set it finds everything the run left, and nothing of other runs.
 */
const RUN = [process.env[TAG_VARIABLE], randomBytes(12).toString('hex')]
    .filter((part) => part && /^[\w.~-]{1,200}$/.test(part))
    .join('~');
let started = 0;
/**
 * A tag for one child (installs of base and head run at once: each must be
 * cleaned up without touching the other), and its environment with it.
 */
function newTag(env) {
    const tag = `${RUN}.${++started}`;
    return { tag, env: { ...env, [TAG_VARIABLE]: tag } };
}
/**
 * Pids of live processes (other than this one) whose initial environment
 * contains `text`, e.g. `NAME=value`; Linux only, elsewhere none are found.
 */
function processesCarrying(text) {
    if (process.platform !== 'linux')
        return [];
    const wanted = Buffer.from(text);
    let entries;
    try {
        entries = readdirSync('/proc');
    }
    catch {
        return [];
    }
    const found = [];
    for (const entry of entries) {
        if (!/^\d+$/.test(entry) || Number(entry) === process.pid)
            continue;
        try {
            // Only our own user's processes are readable: anything we started.
            if (readFileSync(`/proc/${entry}/environ`).includes(wanted))
                found.push(Number(entry));
        }
        catch {
            // Gone, or not ours.
        }
    }
    return found;
}
/** Pids of live processes that carry `tag`, or any tag of this run when null. */
function taggedProcesses(tag = null) {
    // NUL ends each variable: an exact tag cannot match a longer one.
    return processesCarrying(tag === null ? `${TAG_VARIABLE}=${RUN}.` : `${TAG_VARIABLE}=${tag}\0`);
}
/** For a synchronous one-millisecond pause between passes. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/**
 * Kills every process that carries `tag` (any of ours when null: on cancel),
 * in a few passes (one may fork while we look). Returns how many were killed.
 */
function killTagged(tag = null) {
    let killed = 0;
    let quiet = 0;
    // A process killed as it forks may leave a child that appears a moment later:
    // after a kill, done only when two passes a millisecond apart find nothing.
    // A first pass that finds nothing ends it at once (the path of every sample):
    // with no tagged process alive, none can fork.
    for (let pass = 0; pass < 10 && quiet < 2; pass++) {
        const pids = taggedProcesses(tag);
        if (pids.length === 0) {
            if (killed === 0)
                break;
            quiet++;
            Atomics.wait(PAUSE, 0, 0, 1);
            continue;
        }
        quiet = 0;
        for (const pid of pids) {
            try {
                process.kill(pid, 'SIGKILL');
                killed++;
            }
            catch {
                // Already gone.
            }
        }
    }
    return killed;
}

// Every child we start runs in a process group of its own, so that a timeout, a
// cancel or the end of a sample can take down everything it started (forks,
// daemons that keep our pipes), not just the process we spawned.
const liveGroups = new Set();
function trackGroup(pid) {
    if (pid !== undefined)
        liveGroups.add(pid);
}
function untrackGroup(pid) {
    if (pid !== undefined)
        liveGroups.delete(pid);
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group is already gone, which is what we wanted.
    }
}
/** Kills every process group we started that is still running (on cancel). */
function killAllChildGroups() {
    for (const pid of liveGroups)
        killGroup(pid);
    liveGroups.clear();
}

// Every child importgate starts goes through one spawn core (`contained`): an
// argument array and no shell; a process group of its own, and a tag in its
// environment, so that a timeout, a cancel or its exit takes down everything
// it started (what left the group too: process/escapees.ts); started as the
// sandbox user unless it runs none of the pull request's code; its pipes
// drained for at most a second after it exits, as an escaped daemon may hold
// them for ever. Two runners sit on it:
// - runCommand, a helper command (git, venv creation, an installer): output
//   captured, stopped by timeout or abort;
// - runMeasured, one measured interpreter: stdout thrown away unread, stderr
//   kept (all of it for -X importtime), the report read from a fourth
//   descriptor, and the clock read around it.
//
// Not @actions/exec (not a dependency): it takes no AbortSignal and no
// timeout, does not expose the child, and has no fourth descriptor. A hung
// `git fetch` or installer would hold the job until GitHub's 6-hour limit.
/** How long after the child exits its pipes may stay open (held by an escaped process). */
const DRAIN_MS = 1_000;
/** The spawn core: starts the child contained, and settles once it exited and its pipes closed or were cut. */
function contained(spec) {
    return new Promise((resolve, reject) => {
        let timedOut = false;
        let aborted = false;
        let exitNs = 0n;
        const tagged = newTag(spec.env);
        const { env, ids } = spec.sandboxed ? asSandbox(tagged.env) : { env: tagged.env, ids: {} };
        const stdio = spec.reportFd
            ? ['ignore', spec.stdout, 'pipe', 'pipe']
            : ['ignore', spec.stdout, 'pipe'];
        const spawnNs = process.hrtime.bigint();
        const child = spawn(spec.command, spec.args, {
            cwd: spec.cwd,
            env,
            ...ids,
            stdio,
            detached: true,
            shell: false,
            windowsHide: true,
        });
        const pid = child.pid;
        trackGroup(pid);
        // The group, and what left it (an install runs the project's build backend, head's code).
        const stop = () => {
            killGroup(pid);
            killTagged(tagged.tag);
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, spec.timeoutMs);
        const onAbort = () => {
            aborted = true;
            stop();
        };
        spec.signal?.addEventListener('abort', onAbort, { once: true });
        if (spec.signal?.aborted)
            onAbort();
        const streams = [
            [child.stdout, 'stdout'],
            [child.stderr, 'stderr'],
            [spec.reportFd ? child.stdio[REPORT_FD] : null, 'report'],
        ];
        for (const [stream, name] of streams)
            stream?.on('data', (chunk) => spec.onData(name, chunk));
        let drain;
        // What the child left running (a daemon, grandchildren that still hold our
        // pipes) goes with it, and the wait for its output does not depend on them.
        child.on('exit', () => {
            exitNs = process.hrtime.bigint();
            stop();
            drain = setTimeout(() => {
                // A last look: anything that forked while the first sweep ran.
                killTagged(tagged.tag);
                for (const [stream] of streams)
                    stream?.destroy();
            }, DRAIN_MS);
        });
        const done = () => {
            clearTimeout(timer);
            clearTimeout(drain);
            spec.signal?.removeEventListener('abort', onAbort);
            untrackGroup(pid);
        };
        child.on('error', (error) => {
            done();
            reject(spec.notStarted(error.code === 'ENOENT' ? 'not found' : error.message));
        });
        child.on('close', (code, signal) => {
            done();
            resolve({
                code,
                signal,
                timedOut,
                aborted,
                spawnNs,
                exitNs: exitNs || process.hrtime.bigint(),
            });
        });
    });
}
/** Thrown when the command could not be started at all (not found, not executable). */
class SpawnError extends Error {
    name = 'SpawnError';
}
const LOG_BYTES = 256 * 1024;
const OUTPUT_BYTES = 64 * 1024 * 1024;
function definedOnly(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
async function runCommand(spec) {
    const log = new ByteSink(LOG_BYTES);
    const out = { stdout: new ByteSink(OUTPUT_BYTES), stderr: new ByteSink(OUTPUT_BYTES) };
    const exit = await contained({
        ...spec,
        env: definedOnly(spec.env ?? process.env),
        sandboxed: spec.sandboxed === true,
        stdout: 'pipe',
        reportFd: false,
        onData: (stream, chunk) => {
            if (stream === 'report')
                return;
            out[stream].push(chunk);
            log.push(chunk);
        },
        notStarted: (why) => new SpawnError(`cannot run ${JSON.stringify(spec.command)}: ${why}`),
    });
    return {
        code: exit.code,
        signal: exit.signal,
        timedOut: exit.timedOut,
        aborted: exit.aborted,
        stdout: out.stdout.text(),
        stderr: out.stderr.text(),
        log: log.text(),
    };
}
/**
 * What a helper program printed (stdout, then stderr) when it ran and exited
 * 0; null when it is missing or failed: for probing what a machine can do
 * (perf, valgrind, sudo). Cancellation still throws.
 */
async function outputIfOk(spec) {
    try {
        const outcome = await runCommand(spec);
        if (outcome.aborted)
            throw new CancelledError();
        return outcome.code === 0 ? outcome.stdout + outcome.stderr : null;
    }
    catch (error) {
        if (error instanceof SpawnError)
            return null;
        throw error;
    }
}
/** The fd the probe reports on; stdio[3] of the child. */
const REPORT_FD = 3;
const TAIL_BYTES = 64 * 1024;
const FULL_BYTES = 64 * 1024 * 1024;
/** One measured interpreter, start to finish. */
async function runMeasured(spec) {
    const report = [];
    const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES);
    const exit = await contained({
        ...spec,
        sandboxed: spec.trusted !== true,
        // stdout: discarded (measured code may print anything); stderr: kept for
        // -X importtime and error context; fd 3: the report.
        stdout: 'ignore',
        reportFd: true,
        onData: (stream, chunk) => {
            if (stream === 'report')
                report.push(chunk);
            else if (stream === 'stderr')
                stderr.push(chunk);
        },
        notStarted: (why) => new SetupError(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`),
    });
    return {
        report: Buffer.concat(report).toString('utf8'),
        stderr: stderr.bytes(),
        stderrTruncated: stderr.truncated,
        code: exit.code,
        signal: exit.signal,
        timedOut: exit.timedOut,
        spawnNs: exit.spawnNs,
        exitNs: exit.exitNs,
    };
}

// The one way git is run: an argument array (a ref or path never reaches a
// shell), a timeout, cancellation, and a typed error that carries git's own
// words. Callers pass `--end-of-options` where a user's ref follows.
/** git exited with an error; `stderr` is what it said. */
class GitError extends SetupError {
    args;
    stderr;
    code;
    name = 'GitError';
    constructor(args, stderr, code) {
        super(`git ${args[0] ?? ''} failed${code === null ? '' : ` (exit status ${code})`}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
        this.args = args;
        this.stderr = stderr;
        this.code = code;
    }
}
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/**
 * Settings every git command runs with, whatever the repository's config says:
 * the measured code can write `.git/config` (a worktree's `.git` file points
 * at it), and `core.fsmonitor` or a hook would run its program in our process
 * tree, with our environment. The config itself is restored after the run
 * (git/worktrees.ts); these keep the commands before that safe too.
 */
const SAFE_CONFIG = [
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.hooksPath=/dev/null',
    // The worktrees belong to the sandbox user once the measured code may build
    // in them (process/boundary.ts); git would refuse them as another user's.
    '-c',
    'safe.directory=*',
];
/** Runs git in `cwd` and returns its trimmed stdout. */
async function git(args, cwd, options = {}) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let outcome;
    try {
        outcome = await runCommand({
            command: 'git',
            args: [...SAFE_CONFIG, ...args],
            // An allow-list: the token and the runner's secrets stay out of git's /proc/<pid>/environ.
            env: gitEnv(process.env),
            cwd,
            timeoutMs,
            signal: options.signal,
        });
    }
    catch (error) {
        if (error instanceof SpawnError)
            throw new SetupError(`${error.message}; importgate needs git on PATH`);
        throw error;
    }
    if (outcome.aborted)
        throw new CancelledError(`git ${args[0] ?? ''}`);
    if (outcome.timedOut)
        throw new GitError(args, `timed out after ${timeoutMs / 1000} s`, outcome.code);
    if (outcome.code !== 0)
        throw new GitError(args, outcome.stderr, outcome.code);
    return outcome.stdout.trim();
}

// Detached worktrees for the commits being compared, with their submodules
// checked out (below). Always removed: callers use withWorktrees, whose
// finally runs on success, error and cancellation.
async function addWorktree(repo, path, sha, options = {}) {
    await git(['worktree', 'add', '--detach', '--quiet', '--end-of-options', path, sha], repo, options);
    return { path, sha };
}
async function removeWorktree(repo, path) {
    try {
        await git(['worktree', 'remove', '--force', '--force', path], repo);
    }
    catch {
        // Already gone, or never fully added: the folder and the admin entry are
        // cleaned below either way.
    }
    await rm(path, { recursive: true, force: true });
    try {
        await git(['worktree', 'prune'], repo);
    }
    catch {
        // Pruning is housekeeping; nothing depends on it.
    }
}
/**
 * The repository's config as it was before the worktrees (whose `.git` file
 * leads the measured code to it), to put back if the run changed it.
 */
async function configGuard(repo, options) {
    const path = resolve$1(repo, await git(['rev-parse', '--git-common-dir'], repo, options), 'config');
    const before = await readFile(path).catch(() => null);
    return {
        /** Puts the config back if it changed; true when it had. */
        async restore() {
            if (before === null)
                return false;
            const now = await readFile(path).catch(() => null);
            if (now !== null && now.equals(before))
                return false;
            await writeFile(path, before);
            return true;
        },
    };
}
/**
 * Adds one worktree per entry (with its submodules, from the repository's
 * copies; `note` says what was left out), runs `body`, and removes them all
 * whatever happens, first putting the repository's config back if the run
 * changed it (`tampered` is told, to say so).
 */
async function withWorktrees(repo, wanted, options, body, tampered = () => { }, note = () => { }) {
    const added = [];
    const guard = await configGuard(repo, options);
    try {
        const submodules = [];
        for (const { path, sha } of wanted) {
            added.push(await addWorktree(repo, path, sha, options));
            submodules.push(await checkoutSubmodules(repo, path, options, note));
        }
        const changed = changedButMissing(submodules);
        if (changed !== null)
            throw new SetupError(`submodule ${JSON.stringify(changed)} differs between the commits but could not be checked out (see above): measuring without it would compare the wrong code`);
        return await body(added);
    }
    finally {
        // Not under the run's signal: cleaning up is what a cancelled run must still do.
        if (await guard.restore())
            tampered();
        for (const tree of added.reverse())
            await removeWorktree(repo, tree.path);
    }
}
/** The files a worktree's commit tracks, repository-relative (for linking lines). */
async function trackedFiles(tree, options) {
    const listing = await git(['ls-files', '-z'], tree, options);
    return listing.split('\0').filter(Boolean);
}
/** The commit's submodules: the tree's entries of mode 160000. */
async function gitlinks(tree, options) {
    const listing = await git(['ls-tree', '-r', '-z', 'HEAD'], tree, options);
    // Each entry: "<mode> <type> <object>\t<path>".
    return listing
        .split('\0')
        .filter(Boolean)
        .flatMap((entry) => {
        const tab = entry.indexOf('\t');
        const [mode, type, sha] = entry.slice(0, tab).split(' ');
        return mode === '160000' && type === 'commit' && /^[0-9a-f]{40,64}$/.test(sha ?? '')
            ? [{ path: entry.slice(tab + 1), sha: sha }]
            : [];
    });
}
/** The submodule names .gitmodules gives to paths: a submodule's copy lives under .git/modules/NAME. */
async function namesByPath(tree, options) {
    const names = new Map();
    if (!existsSync(join(tree, '.gitmodules')))
        return names;
    let listing = '';
    try {
        listing = await git(['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'], tree, options);
    }
    catch {
        return names;
    }
    // -z: "key\nvalue\0" per entry.
    for (const entry of listing.split('\0').filter(Boolean)) {
        const newline = entry.indexOf('\n');
        const key = entry.slice(0, newline);
        names.set(entry.slice(newline + 1), key.slice('submodule.'.length, -'.path'.length));
    }
    return names;
}
/** A relative path that stays inside the folder it is joined to (head's .gitmodules is untrusted). */
const staysInside = (path) => path.length > 0 &&
    !path.startsWith('/') &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
/**
 * Checks out `tree`'s submodules from `repo`'s copies; `note` says what was
 * left out, and why. Returns the tree's submodules and those left out.
 */
async function checkoutSubmodules(repo, tree, options, note) {
    const links = await gitlinks(tree, options);
    const missing = [];
    if (!links.length)
        return { links, missing };
    const names = await namesByPath(tree, options);
    const common = resolve$1(repo, await git(['rev-parse', '--git-common-dir'], repo, options));
    for (const { path, sha } of links) {
        const name = names.get(path) ?? path;
        if (!staysInside(path) || !staysInside(name)) {
            note(`submodule ${JSON.stringify(path)}: its path or name leaves the tree; not checked out`);
            missing.push({ path, sha });
            continue;
        }
        const copy = join(common, 'modules', name);
        if (!existsSync(copy)) {
            note(`submodule ${path} is not checked out in the repository, so the measured trees lack it (check out submodules first: actions/checkout's \`submodules: true\`)`);
            missing.push({ path, sha });
            continue;
        }
        const target = join(tree, path);
        try {
            await git(['clone', '--quiet', '--shared', '--no-checkout', '--', copy, target], tree, options);
            await git(['checkout', '--quiet', '--detach', sha], target, options);
        }
        catch {
            await rm(target, { recursive: true, force: true });
            note(`submodule ${path}: its commit ${sha.slice(0, 10)} is not in the repository's copy, so the measured trees lack it (fetch it, e.g. actions/checkout's \`fetch-depth: 0\`)`);
            missing.push({ path, sha });
        }
    }
    return { links, missing };
}
/**
 * A submodule left out of a tree while the trees record different commits of
 * it: what changed is exactly what cannot be measured. Its path, or null.
 */
function changedButMissing(trees) {
    for (const tree of trees)
        for (const gone of tree.missing) {
            const others = trees.map((t) => t.links.find((l) => l.path === gone.path)?.sha ?? null);
            if (others.some((sha) => sha !== gone.sha))
                return gone.path;
        }
    return null;
}

// Installed distributions that differ between base and head. Pure.
/** Names compare case-insensitively with - _ . equivalent (PEP 503). */
const normalise = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
/**
 * `own`: the project's own distribution names; a bump of its own version is
 * the pull request itself, not a dependency change.
 */
function diffDistributions(base, head, own = []) {
    const skip = new Set(own.map(normalise));
    const b = new Map(Object.entries(base).map(([n, v]) => [normalise(n), { n, v }]));
    const h = new Map(Object.entries(head).map(([n, v]) => [normalise(n), { n, v }]));
    const changes = [];
    for (const key of new Set([...b.keys(), ...h.keys()])) {
        const x = b.get(key);
        const y = h.get(key);
        if (x?.v === y?.v || skip.has(key))
            continue;
        changes.push({ name: (y ?? x).n, base: x?.v ?? null, head: y?.v ?? null });
    }
    return changes.sort((a, z) => a.name.localeCompare(z.name));
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse$1(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
function nearest(word, options) {
    let best = null;
    let distance = Infinity;
    for (const option of options) {
        const d = editDistance(word.toLowerCase(), option);
        if (d < distance)
            [best, distance] = [option, d];
    }
    return distance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

// [tool.importgate] in a project's pyproject.toml → PartialSettings. Every key is
// checked; an error names the file, the key, the value and what is accepted.
/** Each [tool.importgate] key's reader, from the settings registry. */
const READERS = Object.fromEntries(SETTINGS.flatMap((spec) => {
    const key = keyOf(spec);
    const read = spec.fromToml;
    return key && read ? [[key, (v, w) => ({ [spec.field]: read(v, w) })]] : [];
}));
const PYPROJECT_KEYS = Object.keys(READERS);
function table$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
/** A string of the [project] table, or null (no pyproject.toml, no such key, or TOML that readPyproject will report). */
function projectString(projectDir, key) {
    const file = join(projectDir, 'pyproject.toml');
    if (!existsSync(file))
        return null;
    try {
        const value = table$1(table$1(parse$1(readFileSync(file, 'utf8')))?.project)?.[key];
        return typeof value === 'string' ? value : null;
    }
    catch {
        return null;
    }
}
/** The distribution name in [project] name, or null. */
const projectName = (projectDir) => projectString(projectDir, 'name');
/** [project] requires-python as written, or null. */
const requiresPython = (projectDir) => projectString(projectDir, 'requires-python');
/**
 * `shownAs` names the file in messages where its path means nothing to the
 * reader (a worktree in a temp folder that is gone by the time they read it).
 */
function readPyproject(projectDir, shownAs) {
    const path = join(projectDir, 'pyproject.toml');
    if (!existsSync(path))
        return { file: null, settings: {}, raw: {} };
    const file = shownAs ?? path;
    let document;
    try {
        document = parse$1(readFileSync(path, 'utf8'));
    }
    catch (error) {
        const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
        const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`${file}: not valid TOML${where}: ${first}`);
    }
    const tool = table$1(document.tool)?.importgate;
    if (tool === undefined)
        return { file, settings: {}, raw: {} };
    const raw = table$1(tool);
    if (!raw)
        throw new UsageError(`${file}: tool.importgate = ${show(tool)}: expected a table, [tool.importgate]`);
    const settings = {};
    for (const [key, value] of Object.entries(raw)) {
        // An own key only: `__proto__` or `toString` must be unknown keys, not Object's members.
        const reader = Object.hasOwn(READERS, key) ? READERS[key] : undefined;
        if (!reader) {
            const guess = nearest(key, PYPROJECT_KEYS);
            throw new UsageError(`${file}: [tool.importgate] has an unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Known keys: ${PYPROJECT_KEYS.join(', ')}`);
        }
        Object.assign(settings, reader(value, `${file}: [tool.importgate] ${key}`));
    }
    return { file, settings, raw };
}

/**
 * What PYTHONPATH is when nothing is installed: the project's src/ folder when
 * it has one (src layout), else the project folder itself.
 */
function importRoot(projectDir) {
    const src = join(projectDir, 'src');
    return existsSync(src) && statSync(src).isDirectory() ? src : projectDir;
}

// One environment per side: where the measured code becomes importable.
const hasPackaging = (dir) => ['pyproject.toml', 'setup.py', 'setup.cfg'].some((f) => existsSync(join(dir, f)));
/**
 * What `auto` means for this project: a packaged project (or one with a
 * uv.lock) is installed with uv when uv is on PATH (uv sync for a lock, else
 * uv venv + uv pip install: several times faster than pip on real projects, and
 * both sides share uv's one download cache), else with pip; anything else is
 * imported from its folder.
 */
function autoStrategy(projectDir, pathVar) {
    const packaged = hasPackaging(projectDir) || existsSync(join(projectDir, 'uv.lock'));
    if (!packaged)
        return 'none';
    return findExecutable('uv', pathVar, projectDir) ? 'uv' : 'pip';
}
const DISTRIBUTIONS = [
    'import importlib.metadata as m, json, sys',
    'found = {d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}',
    'open(sys.argv[1], "w").write(json.dumps(found, sort_keys=True))',
].join('\n');
/** Exits 0 when the interpreter's pip knows --python (22.3 or later). */
const MODERN_PIP = [
    'import sys',
    'try:',
    '    import pip',
    '    ok = tuple(int(p) for p in pip.__version__.split(".")[:2]) >= (22, 3)',
    'except Exception:',
    '    ok = False',
    'sys.exit(0 if ok else 1)',
].join('\n');
const hasModernPip = async (python, env, cwd, signal) => (await outputIfOk({
    command: python,
    args: ['-c', MODERN_PIP],
    env,
    cwd,
    timeoutMs: 60_000,
    signal,
    sandboxed: true,
})) !== null;
async function prepareEnvironment(request) {
    const { spec, projectDir, envDir } = request;
    await mkdir(request.tmpDir, { recursive: true });
    // The installer and the measured code write here as the sandbox user (process/boundary.ts).
    await giveToSandbox(request.tmpDir);
    const temp = { TMPDIR: request.tmpDir, TMP: request.tmpDir, TEMP: request.tmpDir };
    const parentEnv = { ...request.parentEnv, ...temp };
    const pathVar = parentEnv.PATH ?? '';
    const kind = spec.kind === 'auto' ? autoStrategy(projectDir, pathVar) : spec.kind;
    if (kind === 'none') {
        return {
            strategy: 'none',
            python: request.python,
            env: childEnv(parentEnv, { PYTHONPATH: importRoot(projectDir) }),
            distributions: null,
            log: '',
        };
    }
    if (kind === 'current') {
        return {
            strategy: 'current',
            python: request.python,
            env: childEnv(parentEnv),
            distributions: null,
            log: '',
        };
    }
    const venvPython = join(envDir, 'bin', 'python');
    await giveToSandbox(envDir);
    const installer = installerEnv(parentEnv);
    const logs = [];
    const step = async (what, command, args, env = installer, cwd = projectDir) => {
        let outcome;
        try {
            outcome = await runCommand({
                command,
                args,
                env,
                cwd,
                timeoutMs: request.timeoutMs,
                signal: request.signal,
                // The project's build backend and setup.py are the pull request's code.
                sandboxed: true,
            });
        }
        catch (error) {
            if (error instanceof SpawnError)
                throw new SetupError(`installing ${request.label} failed: ${error.message}`);
            throw error;
        }
        logs.push(`$ ${[command, ...args].join(' ')}\n${outcome.log}`);
        if (outcome.code === 0)
            return;
        if (outcome.aborted)
            throw new CancelledError(`installing ${request.label}`);
        const why = outcome.timedOut
            ? `timed out after ${request.timeoutMs / 1000} s`
            : `exited with status ${outcome.code ?? outcome.signal}`;
        const tail = outcome.log.trimEnd().split('\n').slice(-25).join('\n');
        throw new SetupError(`installing ${request.label} failed: ${what} ${why}.\n--- last lines of its output ---\n${tail}`);
    };
    const uv = () => {
        const path = findExecutable('uv', pathVar, projectDir);
        if (!path)
            throw new SetupError(`${request.installInput ?? '--install'} uv: uv is not on PATH; install it (pip install uv) or use pip`);
        return path;
    };
    let strategy = kind;
    if (kind === 'pip') {
        const pipArgs = ['install', '--no-input', '--disable-pip-version-check', projectDir];
        // A venv with a pip of its own costs seconds a side (ensurepip unpacks and
        // compiles it); the interpreter's own pip, 22.3 or later, installs into a
        // venv made without one (--python), and the measured code never imports pip.
        if (await hasModernPip(request.python, installer, projectDir, request.signal)) {
            await step('python -m venv', request.python, ['-m', 'venv', '--without-pip', envDir]);
            await step('pip install', request.python, ['-m', 'pip', '--python', venvPython, ...pipArgs]);
        }
        else {
            await step('python -m venv', request.python, ['-m', 'venv', envDir]);
            await step('pip install', venvPython, ['-m', 'pip', ...pipArgs]);
        }
    }
    else if (kind === 'uv') {
        const uvPath = uv();
        if (existsSync(join(projectDir, 'uv.lock'))) {
            // Locked versions, exactly as committed; non-editable, like pip's install.
            strategy = 'uv-sync';
            const env = { ...installer, UV_PROJECT_ENVIRONMENT: envDir };
            await step('uv sync', uvPath, ['sync', '--frozen', '--no-dev', '--no-editable', '--python', request.python], env);
        }
        else {
            await step('uv venv', uvPath, ['venv', '--quiet', '--python', request.python, envDir]);
            await step('uv pip install', uvPath, ['pip', 'install', '--python', venvPython, projectDir]);
        }
    }
    else {
        await step('python -m venv', request.python, ['-m', 'venv', envDir]);
        const env = {
            ...installer,
            ...request.commandEnv,
            VIRTUAL_ENV: envDir,
            PATH: `${join(envDir, 'bin')}:${pathVar}`,
        };
        // The user's own workflow text: the one place a shell is used, on purpose.
        await step(`the install command (${spec.kind === 'command' ? spec.command : ''})`, '/bin/sh', ['-c', spec.kind === 'command' ? spec.command : ''], env);
    }
    const listing = join(envDir, 'importgate-distributions.json');
    await step('listing installed distributions', venvPython, ['-c', DISTRIBUTIONS, listing]);
    const distributions = JSON.parse(readFileSync(listing, 'utf8'));
    return {
        strategy,
        python: venvPython,
        // The venv's console scripts first, as an activated venv has them: a
        // command target (cmd: mycli --help) runs the side's own.
        env: childEnv(parentEnv, { PATH: `${join(envDir, 'bin')}:${pathVar}`, VIRTUAL_ENV: envDir }),
        distributions,
        log: logs.join('\n'),
    };
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var ajv$1 = {exports: {}};

var core$1 = {};

var validate$1 = {};

var boolSchema = {};

var errors$1 = {};

var codegen = {};

var code$3 = {};

var hasRequiredCode$1;

function requireCode$1 () {
	if (hasRequiredCode$1) return code$3;
	hasRequiredCode$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
		// eslint-disable-next-line @typescript-eslint/no-extraneous-class
		class _CodeOrName {
		}
		exports._CodeOrName = _CodeOrName;
		exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
		class Name extends _CodeOrName {
		    constructor(s) {
		        super();
		        if (!exports.IDENTIFIER.test(s))
		            throw new Error("CodeGen: name must be a valid identifier");
		        this.str = s;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        return false;
		    }
		    get names() {
		        return { [this.str]: 1 };
		    }
		}
		exports.Name = Name;
		class _Code extends _CodeOrName {
		    constructor(code) {
		        super();
		        this._items = typeof code === "string" ? [code] : code;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        if (this._items.length > 1)
		            return false;
		        const item = this._items[0];
		        return item === "" || item === '""';
		    }
		    get str() {
		        var _a;
		        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
		    }
		    get names() {
		        var _a;
		        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
		            if (c instanceof Name)
		                names[c.str] = (names[c.str] || 0) + 1;
		            return names;
		        }, {})));
		    }
		}
		exports._Code = _Code;
		exports.nil = new _Code("");
		function _(strs, ...args) {
		    const code = [strs[0]];
		    let i = 0;
		    while (i < args.length) {
		        addCodeArg(code, args[i]);
		        code.push(strs[++i]);
		    }
		    return new _Code(code);
		}
		exports._ = _;
		const plus = new _Code("+");
		function str(strs, ...args) {
		    const expr = [safeStringify(strs[0])];
		    let i = 0;
		    while (i < args.length) {
		        expr.push(plus);
		        addCodeArg(expr, args[i]);
		        expr.push(plus, safeStringify(strs[++i]));
		    }
		    optimize(expr);
		    return new _Code(expr);
		}
		exports.str = str;
		function addCodeArg(code, arg) {
		    if (arg instanceof _Code)
		        code.push(...arg._items);
		    else if (arg instanceof Name)
		        code.push(arg);
		    else
		        code.push(interpolate(arg));
		}
		exports.addCodeArg = addCodeArg;
		function optimize(expr) {
		    let i = 1;
		    while (i < expr.length - 1) {
		        if (expr[i] === plus) {
		            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
		            if (res !== undefined) {
		                expr.splice(i - 1, 3, res);
		                continue;
		            }
		            expr[i++] = "+";
		        }
		        i++;
		    }
		}
		function mergeExprItems(a, b) {
		    if (b === '""')
		        return a;
		    if (a === '""')
		        return b;
		    if (typeof a == "string") {
		        if (b instanceof Name || a[a.length - 1] !== '"')
		            return;
		        if (typeof b != "string")
		            return `${a.slice(0, -1)}${b}"`;
		        if (b[0] === '"')
		            return a.slice(0, -1) + b.slice(1);
		        return;
		    }
		    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
		        return `"${a}${b.slice(1)}`;
		    return;
		}
		function strConcat(c1, c2) {
		    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
		}
		exports.strConcat = strConcat;
		// TODO do not allow arrays here
		function interpolate(x) {
		    return typeof x == "number" || typeof x == "boolean" || x === null
		        ? x
		        : safeStringify(Array.isArray(x) ? x.join(",") : x);
		}
		function stringify(x) {
		    return new _Code(safeStringify(x));
		}
		exports.stringify = stringify;
		function safeStringify(x) {
		    return JSON.stringify(x)
		        .replace(/\u2028/g, "\\u2028")
		        .replace(/\u2029/g, "\\u2029");
		}
		exports.safeStringify = safeStringify;
		function getProperty(key) {
		    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
		}
		exports.getProperty = getProperty;
		//Does best effort to format the name properly
		function getEsmExportName(key) {
		    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
		        return new _Code(`${key}`);
		    }
		    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
		}
		exports.getEsmExportName = getEsmExportName;
		function regexpCode(rx) {
		    return new _Code(rx.toString());
		}
		exports.regexpCode = regexpCode;
		
	} (code$3));
	return code$3;
}

var scope = {};

var hasRequiredScope;

function requireScope () {
	if (hasRequiredScope) return scope;
	hasRequiredScope = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		class ValueError extends Error {
		    constructor(name) {
		        super(`CodeGen: "code" for ${name} not defined`);
		        this.value = name.value;
		    }
		}
		var UsedValueState;
		(function (UsedValueState) {
		    UsedValueState[UsedValueState["Started"] = 0] = "Started";
		    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
		})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
		exports.varKinds = {
		    const: new code_1.Name("const"),
		    let: new code_1.Name("let"),
		    var: new code_1.Name("var"),
		};
		class Scope {
		    constructor({ prefixes, parent } = {}) {
		        this._names = {};
		        this._prefixes = prefixes;
		        this._parent = parent;
		    }
		    toName(nameOrPrefix) {
		        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
		    }
		    name(prefix) {
		        return new code_1.Name(this._newName(prefix));
		    }
		    _newName(prefix) {
		        const ng = this._names[prefix] || this._nameGroup(prefix);
		        return `${prefix}${ng.index++}`;
		    }
		    _nameGroup(prefix) {
		        var _a, _b;
		        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
		            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
		        }
		        return (this._names[prefix] = { prefix, index: 0 });
		    }
		}
		exports.Scope = Scope;
		class ValueScopeName extends code_1.Name {
		    constructor(prefix, nameStr) {
		        super(nameStr);
		        this.prefix = prefix;
		    }
		    setValue(value, { property, itemIndex }) {
		        this.value = value;
		        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
		    }
		}
		exports.ValueScopeName = ValueScopeName;
		const line = (0, code_1._) `\n`;
		class ValueScope extends Scope {
		    constructor(opts) {
		        super(opts);
		        this._values = {};
		        this._scope = opts.scope;
		        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
		    }
		    get() {
		        return this._scope;
		    }
		    name(prefix) {
		        return new ValueScopeName(prefix, this._newName(prefix));
		    }
		    value(nameOrPrefix, value) {
		        var _a;
		        if (value.ref === undefined)
		            throw new Error("CodeGen: ref must be passed in value");
		        const name = this.toName(nameOrPrefix);
		        const { prefix } = name;
		        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
		        let vs = this._values[prefix];
		        if (vs) {
		            const _name = vs.get(valueKey);
		            if (_name)
		                return _name;
		        }
		        else {
		            vs = this._values[prefix] = new Map();
		        }
		        vs.set(valueKey, name);
		        const s = this._scope[prefix] || (this._scope[prefix] = []);
		        const itemIndex = s.length;
		        s[itemIndex] = value.ref;
		        name.setValue(value, { property: prefix, itemIndex });
		        return name;
		    }
		    getValue(prefix, keyOrRef) {
		        const vs = this._values[prefix];
		        if (!vs)
		            return;
		        return vs.get(keyOrRef);
		    }
		    scopeRefs(scopeName, values = this._values) {
		        return this._reduceValues(values, (name) => {
		            if (name.scopePath === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return (0, code_1._) `${scopeName}${name.scopePath}`;
		        });
		    }
		    scopeCode(values = this._values, usedValues, getCode) {
		        return this._reduceValues(values, (name) => {
		            if (name.value === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return name.value.code;
		        }, usedValues, getCode);
		    }
		    _reduceValues(values, valueCode, usedValues = {}, getCode) {
		        let code = code_1.nil;
		        for (const prefix in values) {
		            const vs = values[prefix];
		            if (!vs)
		                continue;
		            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
		            vs.forEach((name) => {
		                if (nameSet.has(name))
		                    return;
		                nameSet.set(name, UsedValueState.Started);
		                let c = valueCode(name);
		                if (c) {
		                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
		                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
		                }
		                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
		                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
		                }
		                else {
		                    throw new ValueError(name);
		                }
		                nameSet.set(name, UsedValueState.Completed);
		            });
		        }
		        return code;
		    }
		}
		exports.ValueScope = ValueScope;
		
	} (scope));
	return scope;
}

var hasRequiredCodegen;

function requireCodegen () {
	if (hasRequiredCodegen) return codegen;
	hasRequiredCodegen = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		const scope_1 = /*@__PURE__*/ requireScope();
		var code_2 = /*@__PURE__*/ requireCode$1();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return code_2._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return code_2.str; } });
		Object.defineProperty(exports, "strConcat", { enumerable: true, get: function () { return code_2.strConcat; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return code_2.nil; } });
		Object.defineProperty(exports, "getProperty", { enumerable: true, get: function () { return code_2.getProperty; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return code_2.stringify; } });
		Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function () { return code_2.regexpCode; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return code_2.Name; } });
		var scope_2 = /*@__PURE__*/ requireScope();
		Object.defineProperty(exports, "Scope", { enumerable: true, get: function () { return scope_2.Scope; } });
		Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function () { return scope_2.ValueScope; } });
		Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function () { return scope_2.ValueScopeName; } });
		Object.defineProperty(exports, "varKinds", { enumerable: true, get: function () { return scope_2.varKinds; } });
		exports.operators = {
		    GT: new code_1._Code(">"),
		    GTE: new code_1._Code(">="),
		    LT: new code_1._Code("<"),
		    LTE: new code_1._Code("<="),
		    EQ: new code_1._Code("==="),
		    NEQ: new code_1._Code("!=="),
		    NOT: new code_1._Code("!"),
		    OR: new code_1._Code("||"),
		    AND: new code_1._Code("&&"),
		    ADD: new code_1._Code("+"),
		};
		class Node {
		    optimizeNodes() {
		        return this;
		    }
		    optimizeNames(_names, _constants) {
		        return this;
		    }
		}
		class Def extends Node {
		    constructor(varKind, name, rhs) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.rhs = rhs;
		    }
		    render({ es5, _n }) {
		        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
		        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
		        return `${varKind} ${this.name}${rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (!names[this.name.str])
		            return;
		        if (this.rhs)
		            this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
		    }
		}
		class Assign extends Node {
		    constructor(lhs, rhs, sideEffects) {
		        super();
		        this.lhs = lhs;
		        this.rhs = rhs;
		        this.sideEffects = sideEffects;
		    }
		    render({ _n }) {
		        return `${this.lhs} = ${this.rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
		            return;
		        this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
		        return addExprNames(names, this.rhs);
		    }
		}
		class AssignOp extends Assign {
		    constructor(lhs, op, rhs, sideEffects) {
		        super(lhs, rhs, sideEffects);
		        this.op = op;
		    }
		    render({ _n }) {
		        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
		    }
		}
		class Label extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        return `${this.label}:` + _n;
		    }
		}
		class Break extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        const label = this.label ? ` ${this.label}` : "";
		        return `break${label};` + _n;
		    }
		}
		class Throw extends Node {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render({ _n }) {
		        return `throw ${this.error};` + _n;
		    }
		    get names() {
		        return this.error.names;
		    }
		}
		class AnyCode extends Node {
		    constructor(code) {
		        super();
		        this.code = code;
		    }
		    render({ _n }) {
		        return `${this.code};` + _n;
		    }
		    optimizeNodes() {
		        return `${this.code}` ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        this.code = optimizeExpr(this.code, names, constants);
		        return this;
		    }
		    get names() {
		        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
		    }
		}
		class ParentNode extends Node {
		    constructor(nodes = []) {
		        super();
		        this.nodes = nodes;
		    }
		    render(opts) {
		        return this.nodes.reduce((code, n) => code + n.render(opts), "");
		    }
		    optimizeNodes() {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            const n = nodes[i].optimizeNodes();
		            if (Array.isArray(n))
		                nodes.splice(i, 1, ...n);
		            else if (n)
		                nodes[i] = n;
		            else
		                nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            // iterating backwards improves 1-pass optimization
		            const n = nodes[i];
		            if (n.optimizeNames(names, constants))
		                continue;
		            subtractNames(names, n.names);
		            nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    get names() {
		        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
		    }
		}
		class BlockNode extends ParentNode {
		    render(opts) {
		        return "{" + opts._n + super.render(opts) + "}" + opts._n;
		    }
		}
		class Root extends ParentNode {
		}
		class Else extends BlockNode {
		}
		Else.kind = "else";
		class If extends BlockNode {
		    constructor(condition, nodes) {
		        super(nodes);
		        this.condition = condition;
		    }
		    render(opts) {
		        let code = `if(${this.condition})` + super.render(opts);
		        if (this.else)
		            code += "else " + this.else.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        super.optimizeNodes();
		        const cond = this.condition;
		        if (cond === true)
		            return this.nodes; // else is ignored here
		        let e = this.else;
		        if (e) {
		            const ns = e.optimizeNodes();
		            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
		        }
		        if (e) {
		            if (cond === false)
		                return e instanceof If ? e : e.nodes;
		            if (this.nodes.length)
		                return this;
		            return new If(not(cond), e instanceof If ? [e] : e.nodes);
		        }
		        if (cond === false || !this.nodes.length)
		            return undefined;
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a;
		        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        if (!(super.optimizeNames(names, constants) || this.else))
		            return;
		        this.condition = optimizeExpr(this.condition, names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        addExprNames(names, this.condition);
		        if (this.else)
		            addNames(names, this.else.names);
		        return names;
		    }
		}
		If.kind = "if";
		class For extends BlockNode {
		}
		For.kind = "for";
		class ForLoop extends For {
		    constructor(iteration) {
		        super();
		        this.iteration = iteration;
		    }
		    render(opts) {
		        return `for(${this.iteration})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iteration = optimizeExpr(this.iteration, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iteration.names);
		    }
		}
		class ForRange extends For {
		    constructor(varKind, name, from, to) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.from = from;
		        this.to = to;
		    }
		    render(opts) {
		        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
		        const { name, from, to } = this;
		        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
		    }
		    get names() {
		        const names = addExprNames(super.names, this.from);
		        return addExprNames(names, this.to);
		    }
		}
		class ForIter extends For {
		    constructor(loop, varKind, name, iterable) {
		        super();
		        this.loop = loop;
		        this.varKind = varKind;
		        this.name = name;
		        this.iterable = iterable;
		    }
		    render(opts) {
		        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iterable = optimizeExpr(this.iterable, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iterable.names);
		    }
		}
		class Func extends BlockNode {
		    constructor(name, args, async) {
		        super();
		        this.name = name;
		        this.args = args;
		        this.async = async;
		    }
		    render(opts) {
		        const _async = this.async ? "async " : "";
		        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
		    }
		}
		Func.kind = "func";
		class Return extends ParentNode {
		    render(opts) {
		        return "return " + super.render(opts);
		    }
		}
		Return.kind = "return";
		class Try extends BlockNode {
		    render(opts) {
		        let code = "try" + super.render(opts);
		        if (this.catch)
		            code += this.catch.render(opts);
		        if (this.finally)
		            code += this.finally.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        var _a, _b;
		        super.optimizeNodes();
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a, _b;
		        super.optimizeNames(names, constants);
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        if (this.catch)
		            addNames(names, this.catch.names);
		        if (this.finally)
		            addNames(names, this.finally.names);
		        return names;
		    }
		}
		class Catch extends BlockNode {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render(opts) {
		        return `catch(${this.error})` + super.render(opts);
		    }
		}
		Catch.kind = "catch";
		class Finally extends BlockNode {
		    render(opts) {
		        return "finally" + super.render(opts);
		    }
		}
		Finally.kind = "finally";
		class CodeGen {
		    constructor(extScope, opts = {}) {
		        this._values = {};
		        this._blockStarts = [];
		        this._constants = {};
		        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
		        this._extScope = extScope;
		        this._scope = new scope_1.Scope({ parent: extScope });
		        this._nodes = [new Root()];
		    }
		    toString() {
		        return this._root.render(this.opts);
		    }
		    // returns unique name in the internal scope
		    name(prefix) {
		        return this._scope.name(prefix);
		    }
		    // reserves unique name in the external scope
		    scopeName(prefix) {
		        return this._extScope.name(prefix);
		    }
		    // reserves unique name in the external scope and assigns value to it
		    scopeValue(prefixOrName, value) {
		        const name = this._extScope.value(prefixOrName, value);
		        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
		        vs.add(name);
		        return name;
		    }
		    getScopeValue(prefix, keyOrRef) {
		        return this._extScope.getValue(prefix, keyOrRef);
		    }
		    // return code that assigns values in the external scope to the names that are used internally
		    // (same names that were returned by gen.scopeName or gen.scopeValue)
		    scopeRefs(scopeName) {
		        return this._extScope.scopeRefs(scopeName, this._values);
		    }
		    scopeCode() {
		        return this._extScope.scopeCode(this._values);
		    }
		    _def(varKind, nameOrPrefix, rhs, constant) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (rhs !== undefined && constant)
		            this._constants[name.str] = rhs;
		        this._leafNode(new Def(varKind, name, rhs));
		        return name;
		    }
		    // `const` declaration (`var` in es5 mode)
		    const(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
		    }
		    // `let` declaration with optional assignment (`var` in es5 mode)
		    let(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
		    }
		    // `var` declaration with optional assignment
		    var(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
		    }
		    // assignment code
		    assign(lhs, rhs, sideEffects) {
		        return this._leafNode(new Assign(lhs, rhs, sideEffects));
		    }
		    // `+=` code
		    add(lhs, rhs) {
		        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
		    }
		    // appends passed SafeExpr to code or executes Block
		    code(c) {
		        if (typeof c == "function")
		            c();
		        else if (c !== code_1.nil)
		            this._leafNode(new AnyCode(c));
		        return this;
		    }
		    // returns code for object literal for the passed argument list of key-value pairs
		    object(...keyValues) {
		        const code = ["{"];
		        for (const [key, value] of keyValues) {
		            if (code.length > 1)
		                code.push(",");
		            code.push(key);
		            if (key !== value || this.opts.es5) {
		                code.push(":");
		                (0, code_1.addCodeArg)(code, value);
		            }
		        }
		        code.push("}");
		        return new code_1._Code(code);
		    }
		    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
		    if(condition, thenBody, elseBody) {
		        this._blockNode(new If(condition));
		        if (thenBody && elseBody) {
		            this.code(thenBody).else().code(elseBody).endIf();
		        }
		        else if (thenBody) {
		            this.code(thenBody).endIf();
		        }
		        else if (elseBody) {
		            throw new Error('CodeGen: "else" body without "then" body');
		        }
		        return this;
		    }
		    // `else if` clause - invalid without `if` or after `else` clauses
		    elseIf(condition) {
		        return this._elseNode(new If(condition));
		    }
		    // `else` clause - only valid after `if` or `else if` clauses
		    else() {
		        return this._elseNode(new Else());
		    }
		    // end `if` statement (needed if gen.if was used only with condition)
		    endIf() {
		        return this._endBlockNode(If, Else);
		    }
		    _for(node, forBody) {
		        this._blockNode(node);
		        if (forBody)
		            this.code(forBody).endFor();
		        return this;
		    }
		    // a generic `for` clause (or statement if `forBody` is passed)
		    for(iteration, forBody) {
		        return this._for(new ForLoop(iteration), forBody);
		    }
		    // `for` statement for a range of values
		    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
		    }
		    // `for-of` statement (in es5 mode replace with a normal for loop)
		    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (this.opts.es5) {
		            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
		            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
		                this.var(name, (0, code_1._) `${arr}[${i}]`);
		                forBody(name);
		            });
		        }
		        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
		    }
		    // `for-in` statement.
		    // With option `ownProperties` replaced with a `for-of` loop for object keys
		    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
		        if (this.opts.ownProperties) {
		            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
		        }
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
		    }
		    // end `for` loop
		    endFor() {
		        return this._endBlockNode(For);
		    }
		    // `label` statement
		    label(label) {
		        return this._leafNode(new Label(label));
		    }
		    // `break` statement
		    break(label) {
		        return this._leafNode(new Break(label));
		    }
		    // `return` statement
		    return(value) {
		        const node = new Return();
		        this._blockNode(node);
		        this.code(value);
		        if (node.nodes.length !== 1)
		            throw new Error('CodeGen: "return" should have one node');
		        return this._endBlockNode(Return);
		    }
		    // `try` statement
		    try(tryBody, catchCode, finallyCode) {
		        if (!catchCode && !finallyCode)
		            throw new Error('CodeGen: "try" without "catch" and "finally"');
		        const node = new Try();
		        this._blockNode(node);
		        this.code(tryBody);
		        if (catchCode) {
		            const error = this.name("e");
		            this._currNode = node.catch = new Catch(error);
		            catchCode(error);
		        }
		        if (finallyCode) {
		            this._currNode = node.finally = new Finally();
		            this.code(finallyCode);
		        }
		        return this._endBlockNode(Catch, Finally);
		    }
		    // `throw` statement
		    throw(error) {
		        return this._leafNode(new Throw(error));
		    }
		    // start self-balancing block
		    block(body, nodeCount) {
		        this._blockStarts.push(this._nodes.length);
		        if (body)
		            this.code(body).endBlock(nodeCount);
		        return this;
		    }
		    // end the current self-balancing block
		    endBlock(nodeCount) {
		        const len = this._blockStarts.pop();
		        if (len === undefined)
		            throw new Error("CodeGen: not in self-balancing block");
		        const toClose = this._nodes.length - len;
		        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
		            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
		        }
		        this._nodes.length = len;
		        return this;
		    }
		    // `function` heading (or definition if funcBody is passed)
		    func(name, args = code_1.nil, async, funcBody) {
		        this._blockNode(new Func(name, args, async));
		        if (funcBody)
		            this.code(funcBody).endFunc();
		        return this;
		    }
		    // end function definition
		    endFunc() {
		        return this._endBlockNode(Func);
		    }
		    optimize(n = 1) {
		        while (n-- > 0) {
		            this._root.optimizeNodes();
		            this._root.optimizeNames(this._root.names, this._constants);
		        }
		    }
		    _leafNode(node) {
		        this._currNode.nodes.push(node);
		        return this;
		    }
		    _blockNode(node) {
		        this._currNode.nodes.push(node);
		        this._nodes.push(node);
		    }
		    _endBlockNode(N1, N2) {
		        const n = this._currNode;
		        if (n instanceof N1 || (N2 && n instanceof N2)) {
		            this._nodes.pop();
		            return this;
		        }
		        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
		    }
		    _elseNode(node) {
		        const n = this._currNode;
		        if (!(n instanceof If)) {
		            throw new Error('CodeGen: "else" without "if"');
		        }
		        this._currNode = n.else = node;
		        return this;
		    }
		    get _root() {
		        return this._nodes[0];
		    }
		    get _currNode() {
		        const ns = this._nodes;
		        return ns[ns.length - 1];
		    }
		    set _currNode(node) {
		        const ns = this._nodes;
		        ns[ns.length - 1] = node;
		    }
		}
		exports.CodeGen = CodeGen;
		function addNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) + (from[n] || 0);
		    return names;
		}
		function addExprNames(names, from) {
		    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
		}
		function optimizeExpr(expr, names, constants) {
		    if (expr instanceof code_1.Name)
		        return replaceName(expr);
		    if (!canOptimize(expr))
		        return expr;
		    return new code_1._Code(expr._items.reduce((items, c) => {
		        if (c instanceof code_1.Name)
		            c = replaceName(c);
		        if (c instanceof code_1._Code)
		            items.push(...c._items);
		        else
		            items.push(c);
		        return items;
		    }, []));
		    function replaceName(n) {
		        const c = constants[n.str];
		        if (c === undefined || names[n.str] !== 1)
		            return n;
		        delete names[n.str];
		        return c;
		    }
		    function canOptimize(e) {
		        return (e instanceof code_1._Code &&
		            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
		    }
		}
		function subtractNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) - (from[n] || 0);
		}
		function not(x) {
		    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
		}
		exports.not = not;
		const andCode = mappend(exports.operators.AND);
		// boolean AND (&&) expression with the passed arguments
		function and(...args) {
		    return args.reduce(andCode);
		}
		exports.and = and;
		const orCode = mappend(exports.operators.OR);
		// boolean OR (||) expression with the passed arguments
		function or(...args) {
		    return args.reduce(orCode);
		}
		exports.or = or;
		function mappend(op) {
		    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
		}
		function par(x) {
		    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
		}
		
	} (codegen));
	return codegen;
}

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.checkStrictMode = util.getErrorPath = util.Type = util.useFunc = util.setEvaluated = util.evaluatedPropsToName = util.mergeEvaluated = util.eachItem = util.unescapeJsonPointer = util.escapeJsonPointer = util.escapeFragment = util.unescapeFragment = util.schemaRefOrVal = util.schemaHasRulesButRef = util.schemaHasRules = util.checkUnknownRules = util.alwaysValidSchema = util.toHash = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const code_1 = /*@__PURE__*/ requireCode$1();
	// TODO refactor to use Set
	function toHash(arr) {
	    const hash = {};
	    for (const item of arr)
	        hash[item] = true;
	    return hash;
	}
	util.toHash = toHash;
	function alwaysValidSchema(it, schema) {
	    if (typeof schema == "boolean")
	        return schema;
	    if (Object.keys(schema).length === 0)
	        return true;
	    checkUnknownRules(it, schema);
	    return !schemaHasRules(schema, it.self.RULES.all);
	}
	util.alwaysValidSchema = alwaysValidSchema;
	function checkUnknownRules(it, schema = it.schema) {
	    const { opts, self } = it;
	    if (!opts.strictSchema)
	        return;
	    if (typeof schema === "boolean")
	        return;
	    const rules = self.RULES.keywords;
	    for (const key in schema) {
	        if (!rules[key])
	            checkStrictMode(it, `unknown keyword: "${key}"`);
	    }
	}
	util.checkUnknownRules = checkUnknownRules;
	function schemaHasRules(schema, rules) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (rules[key])
	            return true;
	    return false;
	}
	util.schemaHasRules = schemaHasRules;
	function schemaHasRulesButRef(schema, RULES) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (key !== "$ref" && RULES.all[key])
	            return true;
	    return false;
	}
	util.schemaHasRulesButRef = schemaHasRulesButRef;
	function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
	    if (!$data) {
	        if (typeof schema == "number" || typeof schema == "boolean")
	            return schema;
	        if (typeof schema == "string")
	            return (0, codegen_1._) `${schema}`;
	    }
	    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
	}
	util.schemaRefOrVal = schemaRefOrVal;
	function unescapeFragment(str) {
	    return unescapeJsonPointer(decodeURIComponent(str));
	}
	util.unescapeFragment = unescapeFragment;
	function escapeFragment(str) {
	    return encodeURIComponent(escapeJsonPointer(str));
	}
	util.escapeFragment = escapeFragment;
	function escapeJsonPointer(str) {
	    if (typeof str == "number")
	        return `${str}`;
	    return str.replace(/~/g, "~0").replace(/\//g, "~1");
	}
	util.escapeJsonPointer = escapeJsonPointer;
	function unescapeJsonPointer(str) {
	    return str.replace(/~1/g, "/").replace(/~0/g, "~");
	}
	util.unescapeJsonPointer = unescapeJsonPointer;
	function eachItem(xs, f) {
	    if (Array.isArray(xs)) {
	        for (const x of xs)
	            f(x);
	    }
	    else {
	        f(xs);
	    }
	}
	util.eachItem = eachItem;
	function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
	    return (gen, from, to, toName) => {
	        const res = to === undefined
	            ? from
	            : to instanceof codegen_1.Name
	                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
	                : from instanceof codegen_1.Name
	                    ? (mergeToName(gen, to, from), from)
	                    : mergeValues(from, to);
	        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
	    };
	}
	util.mergeEvaluated = {
	    props: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
	            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
	        }),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
	            if (from === true) {
	                gen.assign(to, true);
	            }
	            else {
	                gen.assign(to, (0, codegen_1._) `${to} || {}`);
	                setEvaluated(gen, to, from);
	            }
	        }),
	        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
	        resultToName: evaluatedPropsToName,
	    }),
	    items: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
	        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
	        resultToName: (gen, items) => gen.var("items", items),
	    }),
	};
	function evaluatedPropsToName(gen, ps) {
	    if (ps === true)
	        return gen.var("props", true);
	    const props = gen.var("props", (0, codegen_1._) `{}`);
	    if (ps !== undefined)
	        setEvaluated(gen, props, ps);
	    return props;
	}
	util.evaluatedPropsToName = evaluatedPropsToName;
	function setEvaluated(gen, props, ps) {
	    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
	}
	util.setEvaluated = setEvaluated;
	const snippets = {};
	function useFunc(gen, f) {
	    return gen.scopeValue("func", {
	        ref: f,
	        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
	    });
	}
	util.useFunc = useFunc;
	var Type;
	(function (Type) {
	    Type[Type["Num"] = 0] = "Num";
	    Type[Type["Str"] = 1] = "Str";
	})(Type || (util.Type = Type = {}));
	function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
	    // let path
	    if (dataProp instanceof codegen_1.Name) {
	        const isNumber = dataPropType === Type.Num;
	        return jsPropertySyntax
	            ? isNumber
	                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
	                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
	            : isNumber
	                ? (0, codegen_1._) `"/" + ${dataProp}`
	                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
	    }
	    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
	}
	util.getErrorPath = getErrorPath;
	function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
	    if (!mode)
	        return;
	    msg = `strict mode: ${msg}`;
	    if (mode === true)
	        throw new Error(msg);
	    it.self.logger.warn(msg);
	}
	util.checkStrictMode = checkStrictMode;
	
	return util;
}

var names = {};

var hasRequiredNames;

function requireNames () {
	if (hasRequiredNames) return names;
	hasRequiredNames = 1;
	Object.defineProperty(names, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names$1 = {
	    // validation function arguments
	    data: new codegen_1.Name("data"), // data passed to validation function
	    // args passed from referencing schema
	    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
	    instancePath: new codegen_1.Name("instancePath"),
	    parentData: new codegen_1.Name("parentData"),
	    parentDataProperty: new codegen_1.Name("parentDataProperty"),
	    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
	    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
	    // function scoped variables
	    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
	    errors: new codegen_1.Name("errors"), // counter of validation errors
	    this: new codegen_1.Name("this"),
	    // "globals"
	    self: new codegen_1.Name("self"),
	    scope: new codegen_1.Name("scope"),
	    // JTD serialize/parse name for JSON string and position
	    json: new codegen_1.Name("json"),
	    jsonPos: new codegen_1.Name("jsonPos"),
	    jsonLen: new codegen_1.Name("jsonLen"),
	    jsonPart: new codegen_1.Name("jsonPart"),
	};
	names.default = names$1;
	
	return names;
}

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors$1;
	hasRequiredErrors = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const names_1 = /*@__PURE__*/ requireNames();
		exports.keywordError = {
		    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
		};
		exports.keyword$DataError = {
		    message: ({ keyword, schemaType }) => schemaType
		        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
		        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
		};
		function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
		        addError(gen, errObj);
		    }
		    else {
		        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
		    }
		}
		exports.reportError = reportError;
		function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    addError(gen, errObj);
		    if (!(compositeRule || allErrors)) {
		        returnErrors(it, names_1.default.vErrors);
		    }
		}
		exports.reportExtraError = reportExtraError;
		function resetErrorsCount(gen, errsCount) {
		    gen.assign(names_1.default.errors, errsCount);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
		}
		exports.resetErrorsCount = resetErrorsCount;
		function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
		    /* istanbul ignore if */
		    if (errsCount === undefined)
		        throw new Error("ajv implementation error");
		    const err = gen.name("err");
		    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
		        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
		        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
		        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
		        if (it.opts.verbose) {
		            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
		            gen.assign((0, codegen_1._) `${err}.data`, data);
		        }
		    });
		}
		exports.extendErrors = extendErrors;
		function addError(gen, errObj) {
		    const err = gen.const("err", errObj);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
		    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
		}
		function returnErrors(it, errs) {
		    const { gen, validateName, schemaEnv } = it;
		    if (schemaEnv.$async) {
		        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
		    }
		    else {
		        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
		        gen.return(false);
		    }
		}
		const E = {
		    keyword: new codegen_1.Name("keyword"),
		    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
		    params: new codegen_1.Name("params"),
		    propertyName: new codegen_1.Name("propertyName"),
		    message: new codegen_1.Name("message"),
		    schema: new codegen_1.Name("schema"),
		    parentSchema: new codegen_1.Name("parentSchema"),
		};
		function errorObjectCode(cxt, error, errorPaths) {
		    const { createErrors } = cxt.it;
		    if (createErrors === false)
		        return (0, codegen_1._) `{}`;
		    return errorObject(cxt, error, errorPaths);
		}
		function errorObject(cxt, error, errorPaths = {}) {
		    const { gen, it } = cxt;
		    const keyValues = [
		        errorInstancePath(it, errorPaths),
		        errorSchemaPath(cxt, errorPaths),
		    ];
		    extraErrorProps(cxt, error, keyValues);
		    return gen.object(...keyValues);
		}
		function errorInstancePath({ errorPath }, { instancePath }) {
		    const instPath = instancePath
		        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
		        : errorPath;
		    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
		}
		function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
		    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
		    if (schemaPath) {
		        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
		    }
		    return [E.schemaPath, schPath];
		}
		function extraErrorProps(cxt, { params, message }, keyValues) {
		    const { keyword, data, schemaValue, it } = cxt;
		    const { opts, propertyName, topSchemaRef, schemaPath } = it;
		    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
		    if (opts.messages) {
		        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
		    }
		    if (opts.verbose) {
		        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
		    }
		    if (propertyName)
		        keyValues.push([E.propertyName, propertyName]);
		}
		
	} (errors$1));
	return errors$1;
}

var hasRequiredBoolSchema;

function requireBoolSchema () {
	if (hasRequiredBoolSchema) return boolSchema;
	hasRequiredBoolSchema = 1;
	Object.defineProperty(boolSchema, "__esModule", { value: true });
	boolSchema.boolOrEmptySchema = boolSchema.topBoolOrEmptySchema = void 0;
	const errors_1 = /*@__PURE__*/ requireErrors();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const boolError = {
	    message: "boolean schema is false",
	};
	function topBoolOrEmptySchema(it) {
	    const { gen, schema, validateName } = it;
	    if (schema === false) {
	        falseSchemaError(it, false);
	    }
	    else if (typeof schema == "object" && schema.$async === true) {
	        gen.return(names_1.default.data);
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
	        gen.return(true);
	    }
	}
	boolSchema.topBoolOrEmptySchema = topBoolOrEmptySchema;
	function boolOrEmptySchema(it, valid) {
	    const { gen, schema } = it;
	    if (schema === false) {
	        gen.var(valid, false); // TODO var
	        falseSchemaError(it);
	    }
	    else {
	        gen.var(valid, true); // TODO var
	    }
	}
	boolSchema.boolOrEmptySchema = boolOrEmptySchema;
	function falseSchemaError(it, overrideAllErrors) {
	    const { gen, data } = it;
	    // TODO maybe some other interface should be used for non-keyword validation errors...
	    const cxt = {
	        gen,
	        keyword: "false schema",
	        data,
	        schema: false,
	        schemaCode: false,
	        schemaValue: false,
	        params: {},
	        it,
	    };
	    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
	}
	
	return boolSchema;
}

var dataType = {};

var rules = {};

var hasRequiredRules;

function requireRules () {
	if (hasRequiredRules) return rules;
	hasRequiredRules = 1;
	Object.defineProperty(rules, "__esModule", { value: true });
	rules.getRules = rules.isJSONType = void 0;
	const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
	const jsonTypes = new Set(_jsonTypes);
	function isJSONType(x) {
	    return typeof x == "string" && jsonTypes.has(x);
	}
	rules.isJSONType = isJSONType;
	function getRules() {
	    const groups = {
	        number: { type: "number", rules: [] },
	        string: { type: "string", rules: [] },
	        array: { type: "array", rules: [] },
	        object: { type: "object", rules: [] },
	    };
	    return {
	        types: { ...groups, integer: true, boolean: true, null: true },
	        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
	        post: { rules: [] },
	        all: {},
	        keywords: {},
	    };
	}
	rules.getRules = getRules;
	
	return rules;
}

var applicability = {};

var hasRequiredApplicability;

function requireApplicability () {
	if (hasRequiredApplicability) return applicability;
	hasRequiredApplicability = 1;
	Object.defineProperty(applicability, "__esModule", { value: true });
	applicability.shouldUseRule = applicability.shouldUseGroup = applicability.schemaHasRulesForType = void 0;
	function schemaHasRulesForType({ schema, self }, type) {
	    const group = self.RULES.types[type];
	    return group && group !== true && shouldUseGroup(schema, group);
	}
	applicability.schemaHasRulesForType = schemaHasRulesForType;
	function shouldUseGroup(schema, group) {
	    return group.rules.some((rule) => shouldUseRule(schema, rule));
	}
	applicability.shouldUseGroup = shouldUseGroup;
	function shouldUseRule(schema, rule) {
	    var _a;
	    return (schema[rule.keyword] !== undefined ||
	        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
	}
	applicability.shouldUseRule = shouldUseRule;
	
	return applicability;
}

var hasRequiredDataType;

function requireDataType () {
	if (hasRequiredDataType) return dataType;
	hasRequiredDataType = 1;
	Object.defineProperty(dataType, "__esModule", { value: true });
	dataType.reportTypeError = dataType.checkDataTypes = dataType.checkDataType = dataType.coerceAndCheckDataType = dataType.getJSONTypes = dataType.getSchemaTypes = dataType.DataType = void 0;
	const rules_1 = /*@__PURE__*/ requireRules();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const errors_1 = /*@__PURE__*/ requireErrors();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	var DataType;
	(function (DataType) {
	    DataType[DataType["Correct"] = 0] = "Correct";
	    DataType[DataType["Wrong"] = 1] = "Wrong";
	})(DataType || (dataType.DataType = DataType = {}));
	function getSchemaTypes(schema) {
	    const types = getJSONTypes(schema.type);
	    const hasNull = types.includes("null");
	    if (hasNull) {
	        if (schema.nullable === false)
	            throw new Error("type: null contradicts nullable: false");
	    }
	    else {
	        if (!types.length && schema.nullable !== undefined) {
	            throw new Error('"nullable" cannot be used without "type"');
	        }
	        if (schema.nullable === true)
	            types.push("null");
	    }
	    return types;
	}
	dataType.getSchemaTypes = getSchemaTypes;
	// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
	function getJSONTypes(ts) {
	    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
	    if (types.every(rules_1.isJSONType))
	        return types;
	    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
	}
	dataType.getJSONTypes = getJSONTypes;
	function coerceAndCheckDataType(it, types) {
	    const { gen, data, opts } = it;
	    const coerceTo = coerceToTypes(types, opts.coerceTypes);
	    const checkTypes = types.length > 0 &&
	        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
	    if (checkTypes) {
	        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
	        gen.if(wrongType, () => {
	            if (coerceTo.length)
	                coerceData(it, types, coerceTo);
	            else
	                reportTypeError(it);
	        });
	    }
	    return checkTypes;
	}
	dataType.coerceAndCheckDataType = coerceAndCheckDataType;
	const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
	function coerceToTypes(types, coerceTypes) {
	    return coerceTypes
	        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
	        : [];
	}
	function coerceData(it, types, coerceTo) {
	    const { gen, data, opts } = it;
	    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
	    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
	    if (opts.coerceTypes === "array") {
	        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
	            .assign(data, (0, codegen_1._) `${data}[0]`)
	            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
	            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
	    }
	    gen.if((0, codegen_1._) `${coerced} !== undefined`);
	    for (const t of coerceTo) {
	        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
	            coerceSpecificType(t);
	        }
	    }
	    gen.else();
	    reportTypeError(it);
	    gen.endIf();
	    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
	        gen.assign(data, coerced);
	        assignParentData(it, coerced);
	    });
	    function coerceSpecificType(t) {
	        switch (t) {
	            case "string":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
	                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
	                    .elseIf((0, codegen_1._) `${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `""`);
	                return;
	            case "number":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "integer":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "boolean":
	                gen
	                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
	                    .assign(coerced, false)
	                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
	                    .assign(coerced, true);
	                return;
	            case "null":
	                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
	                gen.assign(coerced, null);
	                return;
	            case "array":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `[${data}]`);
	        }
	    }
	}
	function assignParentData({ gen, parentData, parentDataProperty }, expr) {
	    // TODO use gen.property
	    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
	}
	function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
	    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
	    let cond;
	    switch (dataType) {
	        case "null":
	            return (0, codegen_1._) `${data} ${EQ} null`;
	        case "array":
	            cond = (0, codegen_1._) `Array.isArray(${data})`;
	            break;
	        case "object":
	            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
	            break;
	        case "integer":
	            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
	            break;
	        case "number":
	            cond = numCond();
	            break;
	        default:
	            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
	    }
	    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
	    function numCond(_cond = codegen_1.nil) {
	        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
	    }
	}
	dataType.checkDataType = checkDataType;
	function checkDataTypes(dataTypes, data, strictNums, correct) {
	    if (dataTypes.length === 1) {
	        return checkDataType(dataTypes[0], data, strictNums, correct);
	    }
	    let cond;
	    const types = (0, util_1.toHash)(dataTypes);
	    if (types.array && types.object) {
	        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
	        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
	        delete types.null;
	        delete types.array;
	        delete types.object;
	    }
	    else {
	        cond = codegen_1.nil;
	    }
	    if (types.number)
	        delete types.integer;
	    for (const t in types)
	        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
	    return cond;
	}
	dataType.checkDataTypes = checkDataTypes;
	const typeError = {
	    message: ({ schema }) => `must be ${schema}`,
	    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
	};
	function reportTypeError(it) {
	    const cxt = getTypeErrorContext(it);
	    (0, errors_1.reportError)(cxt, typeError);
	}
	dataType.reportTypeError = reportTypeError;
	function getTypeErrorContext(it) {
	    const { gen, data, schema } = it;
	    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
	    return {
	        gen,
	        keyword: "type",
	        data,
	        schema: schema.type,
	        schemaCode,
	        schemaValue: schemaCode,
	        parentSchema: schema,
	        params: {},
	        it,
	    };
	}
	
	return dataType;
}

var defaults = {};

var hasRequiredDefaults;

function requireDefaults () {
	if (hasRequiredDefaults) return defaults;
	hasRequiredDefaults = 1;
	Object.defineProperty(defaults, "__esModule", { value: true });
	defaults.assignDefaults = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function assignDefaults(it, ty) {
	    const { properties, items } = it.schema;
	    if (ty === "object" && properties) {
	        for (const key in properties) {
	            assignDefault(it, key, properties[key].default);
	        }
	    }
	    else if (ty === "array" && Array.isArray(items)) {
	        items.forEach((sch, i) => assignDefault(it, i, sch.default));
	    }
	}
	defaults.assignDefaults = assignDefaults;
	function assignDefault(it, prop, defaultValue) {
	    const { gen, compositeRule, data, opts } = it;
	    if (defaultValue === undefined)
	        return;
	    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
	    if (compositeRule) {
	        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
	        return;
	    }
	    let condition = (0, codegen_1._) `${childData} === undefined`;
	    if (opts.useDefaults === "empty") {
	        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
	    }
	    // `${childData} === undefined` +
	    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
	    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
	}
	
	return defaults;
}

var keyword = {};

var code$2 = {};

var hasRequiredCode;

function requireCode () {
	if (hasRequiredCode) return code$2;
	hasRequiredCode = 1;
	Object.defineProperty(code$2, "__esModule", { value: true });
	code$2.validateUnion = code$2.validateArray = code$2.usePattern = code$2.callValidateCode = code$2.schemaProperties = code$2.allSchemaProperties = code$2.noPropertyInData = code$2.propertyInData = code$2.isOwnProperty = code$2.hasPropFunc = code$2.reportMissingProp = code$2.checkMissingProp = code$2.checkReportMissingProp = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_2 = /*@__PURE__*/ requireUtil();
	function checkReportMissingProp(cxt, prop) {
	    const { gen, data, it } = cxt;
	    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
	        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
	        cxt.error();
	    });
	}
	code$2.checkReportMissingProp = checkReportMissingProp;
	function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
	    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
	}
	code$2.checkMissingProp = checkMissingProp;
	function reportMissingProp(cxt, missing) {
	    cxt.setParams({ missingProperty: missing }, true);
	    cxt.error();
	}
	code$2.reportMissingProp = reportMissingProp;
	function hasPropFunc(gen) {
	    return gen.scopeValue("func", {
	        // eslint-disable-next-line @typescript-eslint/unbound-method
	        ref: Object.prototype.hasOwnProperty,
	        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
	    });
	}
	code$2.hasPropFunc = hasPropFunc;
	function isOwnProperty(gen, data, property) {
	    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
	}
	code$2.isOwnProperty = isOwnProperty;
	function propertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
	    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
	}
	code$2.propertyInData = propertyInData;
	function noPropertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
	    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
	}
	code$2.noPropertyInData = noPropertyInData;
	function allSchemaProperties(schemaMap) {
	    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
	}
	code$2.allSchemaProperties = allSchemaProperties;
	function schemaProperties(it, schemaMap) {
	    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
	}
	code$2.schemaProperties = schemaProperties;
	function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
	    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
	    const valCxt = [
	        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
	        [names_1.default.parentData, it.parentData],
	        [names_1.default.parentDataProperty, it.parentDataProperty],
	        [names_1.default.rootData, names_1.default.rootData],
	    ];
	    if (it.opts.dynamicRef)
	        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
	    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
	    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
	}
	code$2.callValidateCode = callValidateCode;
	const newRegExp = (0, codegen_1._) `new RegExp`;
	function usePattern({ gen, it: { opts } }, pattern) {
	    const u = opts.unicodeRegExp ? "u" : "";
	    const { regExp } = opts.code;
	    const rx = regExp(pattern, u);
	    return gen.scopeValue("pattern", {
	        key: rx.toString(),
	        ref: rx,
	        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
	    });
	}
	code$2.usePattern = usePattern;
	function validateArray(cxt) {
	    const { gen, data, keyword, it } = cxt;
	    const valid = gen.name("valid");
	    if (it.allErrors) {
	        const validArr = gen.let("valid", true);
	        validateItems(() => gen.assign(validArr, false));
	        return validArr;
	    }
	    gen.var(valid, true);
	    validateItems(() => gen.break());
	    return valid;
	    function validateItems(notValid) {
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        gen.forRange("i", 0, len, (i) => {
	            cxt.subschema({
	                keyword,
	                dataProp: i,
	                dataPropType: util_1.Type.Num,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), notValid);
	        });
	    }
	}
	code$2.validateArray = validateArray;
	function validateUnion(cxt) {
	    const { gen, schema, keyword, it } = cxt;
	    /* istanbul ignore if */
	    if (!Array.isArray(schema))
	        throw new Error("ajv implementation error");
	    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
	    if (alwaysValid && !it.opts.unevaluated)
	        return;
	    const valid = gen.let("valid", false);
	    const schValid = gen.name("_valid");
	    gen.block(() => schema.forEach((_sch, i) => {
	        const schCxt = cxt.subschema({
	            keyword,
	            schemaProp: i,
	            compositeRule: true,
	        }, schValid);
	        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
	        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
	        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
	        // or if all properties and items were evaluated (it.props === true && it.items === true)
	        if (!merged)
	            gen.if((0, codegen_1.not)(valid));
	    }));
	    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	}
	code$2.validateUnion = validateUnion;
	
	return code$2;
}

var hasRequiredKeyword;

function requireKeyword () {
	if (hasRequiredKeyword) return keyword;
	hasRequiredKeyword = 1;
	Object.defineProperty(keyword, "__esModule", { value: true });
	keyword.validateKeywordUsage = keyword.validSchemaType = keyword.funcKeywordCode = keyword.macroKeywordCode = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const code_1 = /*@__PURE__*/ requireCode();
	const errors_1 = /*@__PURE__*/ requireErrors();
	function macroKeywordCode(cxt, def) {
	    const { gen, keyword, schema, parentSchema, it } = cxt;
	    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
	    const schemaRef = useKeyword(gen, keyword, macroSchema);
	    if (it.opts.validateSchema !== false)
	        it.self.validateSchema(macroSchema, true);
	    const valid = gen.name("valid");
	    cxt.subschema({
	        schema: macroSchema,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	        topSchemaRef: schemaRef,
	        compositeRule: true,
	    }, valid);
	    cxt.pass(valid, () => cxt.error(true));
	}
	keyword.macroKeywordCode = macroKeywordCode;
	function funcKeywordCode(cxt, def) {
	    var _a;
	    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
	    checkAsyncKeyword(it, def);
	    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
	    const validateRef = useKeyword(gen, keyword, validate);
	    const valid = gen.let("valid");
	    cxt.block$data(valid, validateKeyword);
	    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
	    function validateKeyword() {
	        if (def.errors === false) {
	            assignValid();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => cxt.error());
	        }
	        else {
	            const ruleErrs = def.async ? validateAsync() : validateSync();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => addErrs(cxt, ruleErrs));
	        }
	    }
	    function validateAsync() {
	        const ruleErrs = gen.let("ruleErrs", null);
	        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
	        return ruleErrs;
	    }
	    function validateSync() {
	        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
	        gen.assign(validateErrs, null);
	        assignValid(codegen_1.nil);
	        return validateErrs;
	    }
	    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
	        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
	        const passSchema = !(("compile" in def && !$data) || def.schema === false);
	        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
	    }
	    function reportErrs(errors) {
	        var _a;
	        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
	    }
	}
	keyword.funcKeywordCode = funcKeywordCode;
	function modifyData(cxt) {
	    const { gen, data, it } = cxt;
	    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
	}
	function addErrs(cxt, errs) {
	    const { gen } = cxt;
	    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
	        gen
	            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
	            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	        (0, errors_1.extendErrors)(cxt);
	    }, () => cxt.error());
	}
	function checkAsyncKeyword({ schemaEnv }, def) {
	    if (def.async && !schemaEnv.$async)
	        throw new Error("async keyword in sync schema");
	}
	function useKeyword(gen, keyword, result) {
	    if (result === undefined)
	        throw new Error(`keyword "${keyword}" failed to compile`);
	    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
	}
	function validSchemaType(schema, schemaType, allowUndefined = false) {
	    // TODO add tests
	    return (!schemaType.length ||
	        schemaType.some((st) => st === "array"
	            ? Array.isArray(schema)
	            : st === "object"
	                ? schema && typeof schema == "object" && !Array.isArray(schema)
	                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
	}
	keyword.validSchemaType = validSchemaType;
	function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
	    /* istanbul ignore if */
	    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
	        throw new Error("ajv implementation error");
	    }
	    const deps = def.dependencies;
	    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
	        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
	    }
	    if (def.validateSchema) {
	        const valid = def.validateSchema(schema[keyword]);
	        if (!valid) {
	            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
	                self.errorsText(def.validateSchema.errors);
	            if (opts.validateSchema === "log")
	                self.logger.error(msg);
	            else
	                throw new Error(msg);
	        }
	    }
	}
	keyword.validateKeywordUsage = validateKeywordUsage;
	
	return keyword;
}

var subschema = {};

var hasRequiredSubschema;

function requireSubschema () {
	if (hasRequiredSubschema) return subschema;
	hasRequiredSubschema = 1;
	Object.defineProperty(subschema, "__esModule", { value: true });
	subschema.extendSubschemaMode = subschema.extendSubschemaData = subschema.getSubschema = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
	    if (keyword !== undefined && schema !== undefined) {
	        throw new Error('both "keyword" and "schema" passed, only one allowed');
	    }
	    if (keyword !== undefined) {
	        const sch = it.schema[keyword];
	        return schemaProp === undefined
	            ? {
	                schema: sch,
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	            }
	            : {
	                schema: sch[schemaProp],
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
	            };
	    }
	    if (schema !== undefined) {
	        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
	            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
	        }
	        return {
	            schema,
	            schemaPath,
	            topSchemaRef,
	            errSchemaPath,
	        };
	    }
	    throw new Error('either "keyword" or "schema" must be passed');
	}
	subschema.getSubschema = getSubschema;
	function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
	    if (data !== undefined && dataProp !== undefined) {
	        throw new Error('both "data" and "dataProp" passed, only one allowed');
	    }
	    const { gen } = it;
	    if (dataProp !== undefined) {
	        const { errorPath, dataPathArr, opts } = it;
	        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
	        dataContextProps(nextData);
	        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
	        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
	        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
	    }
	    if (data !== undefined) {
	        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
	        dataContextProps(nextData);
	        if (propertyName !== undefined)
	            subschema.propertyName = propertyName;
	        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
	    }
	    if (dataTypes)
	        subschema.dataTypes = dataTypes;
	    function dataContextProps(_nextData) {
	        subschema.data = _nextData;
	        subschema.dataLevel = it.dataLevel + 1;
	        subschema.dataTypes = [];
	        it.definedProperties = new Set();
	        subschema.parentData = it.data;
	        subschema.dataNames = [...it.dataNames, _nextData];
	    }
	}
	subschema.extendSubschemaData = extendSubschemaData;
	function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
	    if (compositeRule !== undefined)
	        subschema.compositeRule = compositeRule;
	    if (createErrors !== undefined)
	        subschema.createErrors = createErrors;
	    if (allErrors !== undefined)
	        subschema.allErrors = allErrors;
	    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
	    subschema.jtdMetadata = jtdMetadata; // not inherited
	}
	subschema.extendSubschemaMode = extendSubschemaMode;
	
	return subschema;
}

var resolve = {};

var fastDeepEqual;
var hasRequiredFastDeepEqual;

function requireFastDeepEqual () {
	if (hasRequiredFastDeepEqual) return fastDeepEqual;
	hasRequiredFastDeepEqual = 1;

	// do not edit .js files directly - edit src/index.jst



	fastDeepEqual = function equal(a, b) {
	  if (a === b) return true;

	  if (a && b && typeof a == 'object' && typeof b == 'object') {
	    if (a.constructor !== b.constructor) return false;

	    var length, i, keys;
	    if (Array.isArray(a)) {
	      length = a.length;
	      if (length != b.length) return false;
	      for (i = length; i-- !== 0;)
	        if (!equal(a[i], b[i])) return false;
	      return true;
	    }



	    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
	    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
	    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

	    keys = Object.keys(a);
	    length = keys.length;
	    if (length !== Object.keys(b).length) return false;

	    for (i = length; i-- !== 0;)
	      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

	    for (i = length; i-- !== 0;) {
	      var key = keys[i];

	      if (!equal(a[key], b[key])) return false;
	    }

	    return true;
	  }

	  // true if both NaN, false otherwise
	  return a!==a && b!==b;
	};
	return fastDeepEqual;
}

var jsonSchemaTraverse = {exports: {}};

var hasRequiredJsonSchemaTraverse;

function requireJsonSchemaTraverse () {
	if (hasRequiredJsonSchemaTraverse) return jsonSchemaTraverse.exports;
	hasRequiredJsonSchemaTraverse = 1;

	var traverse = jsonSchemaTraverse.exports = function (schema, opts, cb) {
	  // Legacy support for v0.3.1 and earlier.
	  if (typeof opts == 'function') {
	    cb = opts;
	    opts = {};
	  }

	  cb = opts.cb || cb;
	  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
	  var post = cb.post || function() {};

	  _traverse(opts, pre, post, schema, '', schema);
	};


	traverse.keywords = {
	  additionalItems: true,
	  items: true,
	  contains: true,
	  additionalProperties: true,
	  propertyNames: true,
	  not: true,
	  if: true,
	  then: true,
	  else: true
	};

	traverse.arrayKeywords = {
	  items: true,
	  allOf: true,
	  anyOf: true,
	  oneOf: true
	};

	traverse.propsKeywords = {
	  $defs: true,
	  definitions: true,
	  properties: true,
	  patternProperties: true,
	  dependencies: true
	};

	traverse.skipKeywords = {
	  default: true,
	  enum: true,
	  const: true,
	  required: true,
	  maximum: true,
	  minimum: true,
	  exclusiveMaximum: true,
	  exclusiveMinimum: true,
	  multipleOf: true,
	  maxLength: true,
	  minLength: true,
	  pattern: true,
	  format: true,
	  maxItems: true,
	  minItems: true,
	  uniqueItems: true,
	  maxProperties: true,
	  minProperties: true
	};


	function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
	  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
	    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	    for (var key in schema) {
	      var sch = schema[key];
	      if (Array.isArray(sch)) {
	        if (key in traverse.arrayKeywords) {
	          for (var i=0; i<sch.length; i++)
	            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
	        }
	      } else if (key in traverse.propsKeywords) {
	        if (sch && typeof sch == 'object') {
	          for (var prop in sch)
	            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
	        }
	      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
	        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
	      }
	    }
	    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	  }
	}


	function escapeJsonPtr(str) {
	  return str.replace(/~/g, '~0').replace(/\//g, '~1');
	}
	return jsonSchemaTraverse.exports;
}

var hasRequiredResolve;

function requireResolve () {
	if (hasRequiredResolve) return resolve;
	hasRequiredResolve = 1;
	Object.defineProperty(resolve, "__esModule", { value: true });
	resolve.getSchemaRefs = resolve.resolveUrl = resolve.normalizeId = resolve._getFullPath = resolve.getFullPath = resolve.inlineRef = void 0;
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal = requireFastDeepEqual();
	const traverse = requireJsonSchemaTraverse();
	// TODO refactor to use keyword definitions
	const SIMPLE_INLINED = new Set([
	    "type",
	    "format",
	    "pattern",
	    "maxLength",
	    "minLength",
	    "maxProperties",
	    "minProperties",
	    "maxItems",
	    "minItems",
	    "maximum",
	    "minimum",
	    "uniqueItems",
	    "multipleOf",
	    "required",
	    "enum",
	    "const",
	]);
	function inlineRef(schema, limit = true) {
	    if (typeof schema == "boolean")
	        return true;
	    if (limit === true)
	        return !hasRef(schema);
	    if (!limit)
	        return false;
	    return countKeys(schema) <= limit;
	}
	resolve.inlineRef = inlineRef;
	const REF_KEYWORDS = new Set([
	    "$ref",
	    "$recursiveRef",
	    "$recursiveAnchor",
	    "$dynamicRef",
	    "$dynamicAnchor",
	]);
	function hasRef(schema) {
	    for (const key in schema) {
	        if (REF_KEYWORDS.has(key))
	            return true;
	        const sch = schema[key];
	        if (Array.isArray(sch) && sch.some(hasRef))
	            return true;
	        if (typeof sch == "object" && hasRef(sch))
	            return true;
	    }
	    return false;
	}
	function countKeys(schema) {
	    let count = 0;
	    for (const key in schema) {
	        if (key === "$ref")
	            return Infinity;
	        count++;
	        if (SIMPLE_INLINED.has(key))
	            continue;
	        if (typeof schema[key] == "object") {
	            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
	        }
	        if (count === Infinity)
	            return Infinity;
	    }
	    return count;
	}
	function getFullPath(resolver, id = "", normalize) {
	    if (normalize !== false)
	        id = normalizeId(id);
	    const p = resolver.parse(id);
	    return _getFullPath(resolver, p);
	}
	resolve.getFullPath = getFullPath;
	function _getFullPath(resolver, p) {
	    const serialized = resolver.serialize(p);
	    return serialized.split("#")[0] + "#";
	}
	resolve._getFullPath = _getFullPath;
	const TRAILING_SLASH_HASH = /#\/?$/;
	function normalizeId(id) {
	    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
	}
	resolve.normalizeId = normalizeId;
	function resolveUrl(resolver, baseId, id) {
	    id = normalizeId(id);
	    return resolver.resolve(baseId, id);
	}
	resolve.resolveUrl = resolveUrl;
	const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
	function getSchemaRefs(schema, baseId) {
	    if (typeof schema == "boolean")
	        return {};
	    const { schemaId, uriResolver } = this.opts;
	    const schId = normalizeId(schema[schemaId] || baseId);
	    const baseIds = { "": schId };
	    const pathPrefix = getFullPath(uriResolver, schId, false);
	    const localRefs = {};
	    const schemaRefs = new Set();
	    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
	        if (parentJsonPtr === undefined)
	            return;
	        const fullPath = pathPrefix + jsonPtr;
	        let innerBaseId = baseIds[parentJsonPtr];
	        if (typeof sch[schemaId] == "string")
	            innerBaseId = addRef.call(this, sch[schemaId]);
	        addAnchor.call(this, sch.$anchor);
	        addAnchor.call(this, sch.$dynamicAnchor);
	        baseIds[jsonPtr] = innerBaseId;
	        function addRef(ref) {
	            // eslint-disable-next-line @typescript-eslint/unbound-method
	            const _resolve = this.opts.uriResolver.resolve;
	            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
	            if (schemaRefs.has(ref))
	                throw ambiguos(ref);
	            schemaRefs.add(ref);
	            let schOrRef = this.refs[ref];
	            if (typeof schOrRef == "string")
	                schOrRef = this.refs[schOrRef];
	            if (typeof schOrRef == "object") {
	                checkAmbiguosRef(sch, schOrRef.schema, ref);
	            }
	            else if (ref !== normalizeId(fullPath)) {
	                if (ref[0] === "#") {
	                    checkAmbiguosRef(sch, localRefs[ref], ref);
	                    localRefs[ref] = sch;
	                }
	                else {
	                    this.refs[ref] = fullPath;
	                }
	            }
	            return ref;
	        }
	        function addAnchor(anchor) {
	            if (typeof anchor == "string") {
	                if (!ANCHOR.test(anchor))
	                    throw new Error(`invalid anchor "${anchor}"`);
	                addRef.call(this, `#${anchor}`);
	            }
	        }
	    });
	    return localRefs;
	    function checkAmbiguosRef(sch1, sch2, ref) {
	        if (sch2 !== undefined && !equal(sch1, sch2))
	            throw ambiguos(ref);
	    }
	    function ambiguos(ref) {
	        return new Error(`reference "${ref}" resolves to more than one schema`);
	    }
	}
	resolve.getSchemaRefs = getSchemaRefs;
	
	return resolve;
}

var hasRequiredValidate;

function requireValidate () {
	if (hasRequiredValidate) return validate$1;
	hasRequiredValidate = 1;
	Object.defineProperty(validate$1, "__esModule", { value: true });
	validate$1.getData = validate$1.KeywordCxt = validate$1.validateFunctionCode = void 0;
	const boolSchema_1 = /*@__PURE__*/ requireBoolSchema();
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const dataType_2 = /*@__PURE__*/ requireDataType();
	const defaults_1 = /*@__PURE__*/ requireDefaults();
	const keyword_1 = /*@__PURE__*/ requireKeyword();
	const subschema_1 = /*@__PURE__*/ requireSubschema();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const errors_1 = /*@__PURE__*/ requireErrors();
	// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
	function validateFunctionCode(it) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            topSchemaObjCode(it);
	            return;
	        }
	    }
	    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
	}
	validate$1.validateFunctionCode = validateFunctionCode;
	function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
	    if (opts.code.es5) {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
	            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
	            destructureValCxtES5(gen, opts);
	            gen.code(body);
	        });
	    }
	    else {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
	    }
	}
	function destructureValCxt(opts) {
	    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
	}
	function destructureValCxtES5(gen, opts) {
	    gen.if(names_1.default.valCxt, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
	        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
	    }, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.rootData, names_1.default.data);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
	    });
	}
	function topSchemaObjCode(it) {
	    const { schema, opts, gen } = it;
	    validateFunction(it, () => {
	        if (opts.$comment && schema.$comment)
	            commentKeyword(it);
	        checkNoDefault(it);
	        gen.let(names_1.default.vErrors, null);
	        gen.let(names_1.default.errors, 0);
	        if (opts.unevaluated)
	            resetEvaluated(it);
	        typeAndKeywords(it);
	        returnResults(it);
	    });
	    return;
	}
	function resetEvaluated(it) {
	    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
	    const { gen, validateName } = it;
	    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
	}
	function funcSourceUrl(schema, opts) {
	    const schId = typeof schema == "object" && schema[opts.schemaId];
	    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
	}
	// schema compilation - this function is used recursively to generate code for sub-schemas
	function subschemaCode(it, valid) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            subSchemaObjCode(it, valid);
	            return;
	        }
	    }
	    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
	}
	function schemaCxtHasRules({ schema, self }) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (self.RULES.all[key])
	            return true;
	    return false;
	}
	function isSchemaObj(it) {
	    return typeof it.schema != "boolean";
	}
	function subSchemaObjCode(it, valid) {
	    const { schema, gen, opts } = it;
	    if (opts.$comment && schema.$comment)
	        commentKeyword(it);
	    updateContext(it);
	    checkAsyncSchema(it);
	    const errsCount = gen.const("_errs", names_1.default.errors);
	    typeAndKeywords(it, errsCount);
	    // TODO var
	    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	}
	function checkKeywords(it) {
	    (0, util_1.checkUnknownRules)(it);
	    checkRefsAndKeywords(it);
	}
	function typeAndKeywords(it, errsCount) {
	    if (it.opts.jtd)
	        return schemaKeywords(it, [], false, errsCount);
	    const types = (0, dataType_1.getSchemaTypes)(it.schema);
	    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
	    schemaKeywords(it, types, !checkedTypes, errsCount);
	}
	function checkRefsAndKeywords(it) {
	    const { schema, errSchemaPath, opts, self } = it;
	    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
	        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
	    }
	}
	function checkNoDefault(it) {
	    const { schema, opts } = it;
	    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
	        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
	    }
	}
	function updateContext(it) {
	    const schId = it.schema[it.opts.schemaId];
	    if (schId)
	        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
	}
	function checkAsyncSchema(it) {
	    if (it.schema.$async && !it.schemaEnv.$async)
	        throw new Error("async schema in sync schema");
	}
	function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
	    const msg = schema.$comment;
	    if (opts.$comment === true) {
	        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
	    }
	    else if (typeof opts.$comment == "function") {
	        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
	        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
	        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
	    }
	}
	function returnResults(it) {
	    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
	    if (schemaEnv.$async) {
	        // TODO assign unevaluated
	        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
	        if (opts.unevaluated)
	            assignEvaluated(it);
	        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
	    }
	}
	function assignEvaluated({ gen, evaluated, props, items }) {
	    if (props instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
	    if (items instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
	}
	function schemaKeywords(it, types, typeErrors, errsCount) {
	    const { gen, schema, data, allErrors, opts, self } = it;
	    const { RULES } = self;
	    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
	        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
	        return;
	    }
	    if (!opts.jtd)
	        checkStrictTypes(it, types);
	    gen.block(() => {
	        for (const group of RULES.rules)
	            groupKeywords(group);
	        groupKeywords(RULES.post);
	    });
	    function groupKeywords(group) {
	        if (!(0, applicability_1.shouldUseGroup)(schema, group))
	            return;
	        if (group.type) {
	            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
	            iterateKeywords(it, group);
	            if (types.length === 1 && types[0] === group.type && typeErrors) {
	                gen.else();
	                (0, dataType_2.reportTypeError)(it);
	            }
	            gen.endIf();
	        }
	        else {
	            iterateKeywords(it, group);
	        }
	        // TODO make it "ok" call?
	        if (!allErrors)
	            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
	    }
	}
	function iterateKeywords(it, group) {
	    const { gen, schema, opts: { useDefaults }, } = it;
	    if (useDefaults)
	        (0, defaults_1.assignDefaults)(it, group.type);
	    gen.block(() => {
	        for (const rule of group.rules) {
	            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
	                keywordCode(it, rule.keyword, rule.definition, group.type);
	            }
	        }
	    });
	}
	function checkStrictTypes(it, types) {
	    if (it.schemaEnv.meta || !it.opts.strictTypes)
	        return;
	    checkContextTypes(it, types);
	    if (!it.opts.allowUnionTypes)
	        checkMultipleTypes(it, types);
	    checkKeywordTypes(it, it.dataTypes);
	}
	function checkContextTypes(it, types) {
	    if (!types.length)
	        return;
	    if (!it.dataTypes.length) {
	        it.dataTypes = types;
	        return;
	    }
	    types.forEach((t) => {
	        if (!includesType(it.dataTypes, t)) {
	            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
	        }
	    });
	    narrowSchemaTypes(it, types);
	}
	function checkMultipleTypes(it, ts) {
	    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
	        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
	    }
	}
	function checkKeywordTypes(it, ts) {
	    const rules = it.self.RULES.all;
	    for (const keyword in rules) {
	        const rule = rules[keyword];
	        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
	            const { type } = rule.definition;
	            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
	                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
	            }
	        }
	    }
	}
	function hasApplicableType(schTs, kwdT) {
	    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
	}
	function includesType(ts, t) {
	    return ts.includes(t) || (t === "integer" && ts.includes("number"));
	}
	function narrowSchemaTypes(it, withTypes) {
	    const ts = [];
	    for (const t of it.dataTypes) {
	        if (includesType(withTypes, t))
	            ts.push(t);
	        else if (withTypes.includes("integer") && t === "number")
	            ts.push("integer");
	    }
	    it.dataTypes = ts;
	}
	function strictTypesError(it, msg) {
	    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	    msg += ` at "${schemaPath}" (strictTypes)`;
	    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
	}
	class KeywordCxt {
	    constructor(it, def, keyword) {
	        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
	        this.gen = it.gen;
	        this.allErrors = it.allErrors;
	        this.keyword = keyword;
	        this.data = it.data;
	        this.schema = it.schema[keyword];
	        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
	        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
	        this.schemaType = def.schemaType;
	        this.parentSchema = it.schema;
	        this.params = {};
	        this.it = it;
	        this.def = def;
	        if (this.$data) {
	            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
	        }
	        else {
	            this.schemaCode = this.schemaValue;
	            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
	                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
	            }
	        }
	        if ("code" in def ? def.trackErrors : def.errors !== false) {
	            this.errsCount = it.gen.const("_errs", names_1.default.errors);
	        }
	    }
	    result(condition, successAction, failAction) {
	        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
	    }
	    failResult(condition, successAction, failAction) {
	        this.gen.if(condition);
	        if (failAction)
	            failAction();
	        else
	            this.error();
	        if (successAction) {
	            this.gen.else();
	            successAction();
	            if (this.allErrors)
	                this.gen.endIf();
	        }
	        else {
	            if (this.allErrors)
	                this.gen.endIf();
	            else
	                this.gen.else();
	        }
	    }
	    pass(condition, failAction) {
	        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
	    }
	    fail(condition) {
	        if (condition === undefined) {
	            this.error();
	            if (!this.allErrors)
	                this.gen.if(false); // this branch will be removed by gen.optimize
	            return;
	        }
	        this.gen.if(condition);
	        this.error();
	        if (this.allErrors)
	            this.gen.endIf();
	        else
	            this.gen.else();
	    }
	    fail$data(condition) {
	        if (!this.$data)
	            return this.fail(condition);
	        const { schemaCode } = this;
	        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
	    }
	    error(append, errorParams, errorPaths) {
	        if (errorParams) {
	            this.setParams(errorParams);
	            this._error(append, errorPaths);
	            this.setParams({});
	            return;
	        }
	        this._error(append, errorPaths);
	    }
	    _error(append, errorPaths) {
	        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
	    }
	    $dataError() {
	        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
	    }
	    reset() {
	        if (this.errsCount === undefined)
	            throw new Error('add "trackErrors" to keyword definition');
	        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
	    }
	    ok(cond) {
	        if (!this.allErrors)
	            this.gen.if(cond);
	    }
	    setParams(obj, assign) {
	        if (assign)
	            Object.assign(this.params, obj);
	        else
	            this.params = obj;
	    }
	    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
	        this.gen.block(() => {
	            this.check$data(valid, $dataValid);
	            codeBlock();
	        });
	    }
	    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
	        if (!this.$data)
	            return;
	        const { gen, schemaCode, schemaType, def } = this;
	        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
	        if (valid !== codegen_1.nil)
	            gen.assign(valid, true);
	        if (schemaType.length || def.validateSchema) {
	            gen.elseIf(this.invalid$data());
	            this.$dataError();
	            if (valid !== codegen_1.nil)
	                gen.assign(valid, false);
	        }
	        gen.else();
	    }
	    invalid$data() {
	        const { gen, schemaCode, schemaType, def, it } = this;
	        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
	        function wrong$DataType() {
	            if (schemaType.length) {
	                /* istanbul ignore if */
	                if (!(schemaCode instanceof codegen_1.Name))
	                    throw new Error("ajv implementation error");
	                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
	                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
	            }
	            return codegen_1.nil;
	        }
	        function invalid$DataSchema() {
	            if (def.validateSchema) {
	                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
	                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
	            }
	            return codegen_1.nil;
	        }
	    }
	    subschema(appl, valid) {
	        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
	        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
	        (0, subschema_1.extendSubschemaMode)(subschema, appl);
	        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
	        subschemaCode(nextContext, valid);
	        return nextContext;
	    }
	    mergeEvaluated(schemaCxt, toName) {
	        const { it, gen } = this;
	        if (!it.opts.unevaluated)
	            return;
	        if (it.props !== true && schemaCxt.props !== undefined) {
	            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
	        }
	        if (it.items !== true && schemaCxt.items !== undefined) {
	            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
	        }
	    }
	    mergeValidEvaluated(schemaCxt, valid) {
	        const { it, gen } = this;
	        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
	            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
	            return true;
	        }
	    }
	}
	validate$1.KeywordCxt = KeywordCxt;
	function keywordCode(it, keyword, def, ruleType) {
	    const cxt = new KeywordCxt(it, def, keyword);
	    if ("code" in def) {
	        def.code(cxt, ruleType);
	    }
	    else if (cxt.$data && def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	    else if ("macro" in def) {
	        (0, keyword_1.macroKeywordCode)(cxt, def);
	    }
	    else if (def.compile || def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	}
	const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
	const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
	function getData($data, { dataLevel, dataNames, dataPathArr }) {
	    let jsonPointer;
	    let data;
	    if ($data === "")
	        return names_1.default.rootData;
	    if ($data[0] === "/") {
	        if (!JSON_POINTER.test($data))
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        jsonPointer = $data;
	        data = names_1.default.rootData;
	    }
	    else {
	        const matches = RELATIVE_JSON_POINTER.exec($data);
	        if (!matches)
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        const up = +matches[1];
	        jsonPointer = matches[2];
	        if (jsonPointer === "#") {
	            if (up >= dataLevel)
	                throw new Error(errorMsg("property/index", up));
	            return dataPathArr[dataLevel - up];
	        }
	        if (up > dataLevel)
	            throw new Error(errorMsg("data", up));
	        data = dataNames[dataLevel - up];
	        if (!jsonPointer)
	            return data;
	    }
	    let expr = data;
	    const segments = jsonPointer.split("/");
	    for (const segment of segments) {
	        if (segment) {
	            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
	            expr = (0, codegen_1._) `${expr} && ${data}`;
	        }
	    }
	    return expr;
	    function errorMsg(pointerType, up) {
	        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
	    }
	}
	validate$1.getData = getData;
	
	return validate$1;
}

var validation_error = {};

var hasRequiredValidation_error;

function requireValidation_error () {
	if (hasRequiredValidation_error) return validation_error;
	hasRequiredValidation_error = 1;
	Object.defineProperty(validation_error, "__esModule", { value: true });
	class ValidationError extends Error {
	    constructor(errors) {
	        super("validation failed");
	        this.errors = errors;
	        this.ajv = this.validation = true;
	    }
	}
	validation_error.default = ValidationError;
	
	return validation_error;
}

var ref_error = {};

var hasRequiredRef_error;

function requireRef_error () {
	if (hasRequiredRef_error) return ref_error;
	hasRequiredRef_error = 1;
	Object.defineProperty(ref_error, "__esModule", { value: true });
	const resolve_1 = /*@__PURE__*/ requireResolve();
	class MissingRefError extends Error {
	    constructor(resolver, baseId, ref, msg) {
	        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
	        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
	        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
	    }
	}
	ref_error.default = MissingRefError;
	
	return ref_error;
}

var compile = {};

var hasRequiredCompile;

function requireCompile () {
	if (hasRequiredCompile) return compile;
	hasRequiredCompile = 1;
	Object.defineProperty(compile, "__esModule", { value: true });
	compile.resolveSchema = compile.getCompilingSchema = compile.resolveRef = compile.compileSchema = compile.SchemaEnv = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const validation_error_1 = /*@__PURE__*/ requireValidation_error();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const validate_1 = /*@__PURE__*/ requireValidate();
	class SchemaEnv {
	    constructor(env) {
	        var _a;
	        this.refs = {};
	        this.dynamicAnchors = {};
	        let schema;
	        if (typeof env.schema == "object")
	            schema = env.schema;
	        this.schema = env.schema;
	        this.schemaId = env.schemaId;
	        this.root = env.root || this;
	        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
	        this.schemaPath = env.schemaPath;
	        this.localRefs = env.localRefs;
	        this.meta = env.meta;
	        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
	        this.refs = {};
	    }
	}
	compile.SchemaEnv = SchemaEnv;
	// let codeSize = 0
	// let nodeCount = 0
	// Compiles schema in SchemaEnv
	function compileSchema(sch) {
	    // TODO refactor - remove compilations
	    const _sch = getCompilingSchema.call(this, sch);
	    if (_sch)
	        return _sch;
	    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
	    const { es5, lines } = this.opts.code;
	    const { ownProperties } = this.opts;
	    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
	    let _ValidationError;
	    if (sch.$async) {
	        _ValidationError = gen.scopeValue("Error", {
	            ref: validation_error_1.default,
	            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
	        });
	    }
	    const validateName = gen.scopeName("validate");
	    sch.validateName = validateName;
	    const schemaCxt = {
	        gen,
	        allErrors: this.opts.allErrors,
	        data: names_1.default.data,
	        parentData: names_1.default.parentData,
	        parentDataProperty: names_1.default.parentDataProperty,
	        dataNames: [names_1.default.data],
	        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
	        dataLevel: 0,
	        dataTypes: [],
	        definedProperties: new Set(),
	        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
	            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
	            : { ref: sch.schema }),
	        validateName,
	        ValidationError: _ValidationError,
	        schema: sch.schema,
	        schemaEnv: sch,
	        rootId,
	        baseId: sch.baseId || rootId,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
	        errorPath: (0, codegen_1._) `""`,
	        opts: this.opts,
	        self: this,
	    };
	    let sourceCode;
	    try {
	        this._compilations.add(sch);
	        (0, validate_1.validateFunctionCode)(schemaCxt);
	        gen.optimize(this.opts.code.optimize);
	        // gen.optimize(1)
	        const validateCode = gen.toString();
	        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
	        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
	        if (this.opts.code.process)
	            sourceCode = this.opts.code.process(sourceCode, sch);
	        // console.log("\n\n\n *** \n", sourceCode)
	        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
	        const validate = makeValidate(this, this.scope.get());
	        this.scope.value(validateName, { ref: validate });
	        validate.errors = null;
	        validate.schema = sch.schema;
	        validate.schemaEnv = sch;
	        if (sch.$async)
	            validate.$async = true;
	        if (this.opts.code.source === true) {
	            validate.source = { validateName, validateCode, scopeValues: gen._values };
	        }
	        if (this.opts.unevaluated) {
	            const { props, items } = schemaCxt;
	            validate.evaluated = {
	                props: props instanceof codegen_1.Name ? undefined : props,
	                items: items instanceof codegen_1.Name ? undefined : items,
	                dynamicProps: props instanceof codegen_1.Name,
	                dynamicItems: items instanceof codegen_1.Name,
	            };
	            if (validate.source)
	                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
	        }
	        sch.validate = validate;
	        return sch;
	    }
	    catch (e) {
	        delete sch.validate;
	        delete sch.validateName;
	        if (sourceCode)
	            this.logger.error("Error compiling schema, function code:", sourceCode);
	        // console.log("\n\n\n *** \n", sourceCode, this.opts)
	        throw e;
	    }
	    finally {
	        this._compilations.delete(sch);
	    }
	}
	compile.compileSchema = compileSchema;
	function resolveRef(root, baseId, ref) {
	    var _a;
	    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
	    const schOrFunc = root.refs[ref];
	    if (schOrFunc)
	        return schOrFunc;
	    let _sch = resolve.call(this, root, ref);
	    if (_sch === undefined) {
	        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
	        const { schemaId } = this.opts;
	        if (schema)
	            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    if (_sch === undefined)
	        return;
	    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
	}
	compile.resolveRef = resolveRef;
	function inlineOrCompile(sch) {
	    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
	        return sch.schema;
	    return sch.validate ? sch : compileSchema.call(this, sch);
	}
	// Index of schema compilation in the currently compiled list
	function getCompilingSchema(schEnv) {
	    for (const sch of this._compilations) {
	        if (sameSchemaEnv(sch, schEnv))
	            return sch;
	    }
	}
	compile.getCompilingSchema = getCompilingSchema;
	function sameSchemaEnv(s1, s2) {
	    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
	}
	// resolve and compile the references ($ref)
	// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
	function resolve(root, // information about the root schema for the current schema
	ref // reference to resolve
	) {
	    let sch;
	    while (typeof (sch = this.refs[ref]) == "string")
	        ref = sch;
	    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
	}
	// Resolve schema, its root and baseId
	function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
	ref // reference to resolve
	) {
	    const p = this.opts.uriResolver.parse(ref);
	    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
	    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
	    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
	    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
	        return getJsonPointer.call(this, p, root);
	    }
	    const id = (0, resolve_1.normalizeId)(refPath);
	    const schOrRef = this.refs[id] || this.schemas[id];
	    if (typeof schOrRef == "string") {
	        const sch = resolveSchema.call(this, root, schOrRef);
	        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
	            return;
	        return getJsonPointer.call(this, p, sch);
	    }
	    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
	        return;
	    if (!schOrRef.validate)
	        compileSchema.call(this, schOrRef);
	    if (id === (0, resolve_1.normalizeId)(ref)) {
	        const { schema } = schOrRef;
	        const { schemaId } = this.opts;
	        const schId = schema[schemaId];
	        if (schId)
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        return new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    return getJsonPointer.call(this, p, schOrRef);
	}
	compile.resolveSchema = resolveSchema;
	const PREVENT_SCOPE_CHANGE = new Set([
	    "properties",
	    "patternProperties",
	    "enum",
	    "dependencies",
	    "definitions",
	]);
	function getJsonPointer(parsedRef, { baseId, schema, root }) {
	    var _a;
	    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
	        return;
	    for (const part of parsedRef.fragment.slice(1).split("/")) {
	        if (typeof schema === "boolean")
	            return;
	        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
	        if (partSchema === undefined)
	            return;
	        schema = partSchema;
	        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
	        const schId = typeof schema === "object" && schema[this.opts.schemaId];
	        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        }
	    }
	    let env;
	    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
	        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
	        env = resolveSchema.call(this, root, $ref);
	    }
	    // even though resolution failed we need to return SchemaEnv to throw exception
	    // so that compileAsync loads missing schema.
	    const { schemaId } = this.opts;
	    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
	    if (env.schema !== env.root.schema)
	        return env;
	    return undefined;
	}
	
	return compile;
}

var $id$2 = "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#";
var description$1 = "Meta-schema for $data reference (JSON AnySchema extension proposal)";
var type$2 = "object";
var required$2 = [
	"$data"
];
var properties$3 = {
	$data: {
		type: "string",
		anyOf: [
			{
				format: "relative-json-pointer"
			},
			{
				format: "json-pointer"
			}
		]
	}
};
var additionalProperties$1 = false;
var require$$9 = {
	$id: $id$2,
	description: description$1,
	type: type$2,
	required: required$2,
	properties: properties$3,
	additionalProperties: additionalProperties$1
};

var uri = {};

var fastUri = {exports: {}};

var utils$1;
var hasRequiredUtils$1;

function requireUtils$1 () {
	if (hasRequiredUtils$1) return utils$1;
	hasRequiredUtils$1 = 1;

	/** @type {(value: string) => boolean} */
	const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);

	/** @type {(value: string) => boolean} */
	const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);

	/** @type {(value: string) => boolean} */
	const isPort = RegExp.prototype.test.bind(/^\d*$/u);

	/** @type {(value: string) => boolean} */
	const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);

	/** @type {(value: string) => boolean} */
	const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);

	/** @type {(value: string) => boolean} */
	const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);

	/** @type {(value: string) => boolean} */
	const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);

	/** @type {(value: string) => boolean} */
	const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);

	const BYTE_HEX = new Array(256);
	{
	  const HEX_DIGITS = '0123456789ABCDEF';
	  for (let i = 0; i < 256; i++) {
	    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF];
	  }
	}
	function percentEncodeNonAscii (cp) {
	  if (cp < 0x800) {
	    return BYTE_HEX[0xC0 | (cp >> 6)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  if (cp < 0x10000) {
	    return BYTE_HEX[0xE0 | (cp >> 12)] +
	           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  return BYTE_HEX[0xF0 | (cp >> 18)] +
	         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
	         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	         BYTE_HEX[0x80 | (cp & 0x3F)]
	}

	/**
	 * @param {Array<string>} input
	 * @returns {string}
	 */
	function stringArrayToHexStripped (input) {
	  let acc = '';
	  let code = 0;
	  let i = 0;

	  for (i = 0; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (code === 48) {
	      continue
	    }
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	    break
	  }

	  for (i += 1; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	  }
	  return acc
	}

	/** @type {(value: string) => boolean} */
	const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);

	/** @type {(value: string) => boolean} */
	const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);

	/** @type {(value: string) => boolean} */
	const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);

	/**
	 * @param {string} value
	 * @returns {boolean}
	 */
	const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);

	/**
	 * @param {string} zone
	 * @returns {boolean}
	 */
	function isZoneIdentifier (zone) {
	  if (zone.length === 0) return false

	  for (let i = 0; i < zone.length; i++) {
	    if (isZoneCharacter(zone[i])) continue
	    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
	      i += 2;
	      continue
	    }
	    return false
	  }

	  return true
	}

	/**
	 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
	 * single zero hextet is left uncompressed. On ties the leftmost run wins.
	 *
	 * @param {string[]} hextets
	 * @returns {string}
	 */
	function compressIPv6ZeroRun (hextets) {
	  let bestStart = -1;
	  let bestLength = 0;
	  let runStart = -1;
	  let runLength = 0;
	  for (let i = 0; i < hextets.length; i++) {
	    if (hextets[i] === '0') {
	      if (runStart === -1) runStart = i;
	      runLength++;
	      if (runLength > bestLength) {
	        bestLength = runLength;
	        bestStart = runStart;
	      }
	    } else {
	      runStart = -1;
	      runLength = 0;
	    }
	  }

	  if (bestLength < 2) return hextets.join(':')

	  const head = hextets.slice(0, bestStart).join(':');
	  const tail = hextets.slice(bestStart + bestLength).join(':');
	  return head + '::' + tail
	}

	/**
	 * Validates an IPv6 address against the alternatives in RFC 3986 section
	 * 3.2.2 and returns the same address with leading hextet zeroes removed.
	 * An embedded IPv4 address counts as two hextets and is only valid at the end.
	 *
	 * @param {string} input
	 * @returns {string|undefined}
	 */
	function normalizeIPv6Address (input) {
	  const compression = input.indexOf('::');
	  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

	  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':');
	  const right = compression === -1 ? [] : input.slice(compression + 2).split(':');
	  if (compression !== -1) {
	    if (left.length === 1 && left[0] === '') left.length = 0;
	    if (right.length === 1 && right[0] === '') right.length = 0;
	  }

	  const parts = left.concat(right);
	  let hextetCount = 0;
	  for (let i = 0; i < parts.length; i++) {
	    const part = parts[i];
	    if (part === '') return undefined

	    if (part.indexOf('.') !== -1) {
	      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
	      hextetCount += 2;
	      continue
	    }

	    if (!isHextet(part)) return undefined
	    parts[i] = parseInt(part, 16).toString(16);
	    hextetCount++;
	  }

	  if (compression === -1) {
	    if (hextetCount !== 8) return undefined
	    return compressIPv6ZeroRun(parts)
	  }
	  if (hextetCount >= 8) return undefined

	  // expand "::" then re-compress the longest run for a canonical result
	  const expanded = parts.slice(0, left.length);
	  for (let i = hextetCount; i < 8; i++) expanded.push('0');
	  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
	  return compressIPv6ZeroRun(expanded)
	}

	/**
	 * @typedef {Object} NormalizeIPv6Result
	 * @property {string} host - The normalized host.
	 * @property {string} [escapedHost] - The escaped host.
	 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
	 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
	 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
	 */

	/**
	 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
	 * accepted for backwards compatibility, while encoded separators and zone
	 * contents follow RFC 6874.
	 *
	 * @param {string} host
	 * @returns {NormalizeIPv6Result}
	 */
	function normalizeIPv6 (host) {
	  const bracketed = host[0] === '[' && host[host.length - 1] === ']';
	  const hasBracket = host[0] === '[' || host[host.length - 1] === ']';
	  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

	  let input = bracketed ? host.slice(1, -1) : host;
	  if (bracketed && isIPvFuture(input)) {
	    input = input.toLowerCase();
	    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
	  }

	  if (findToken(input, ':') < 2) {
	    return { host, isIPV6: false, error: bracketed }
	  }

	  let zoneIdentifier = '';
	  const zoneSeparator = input.indexOf('%');
	  if (zoneSeparator !== -1) {
	    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1;
	    zoneIdentifier = input.slice(zoneSeparator + separatorLength);
	    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
	    input = input.slice(0, zoneSeparator);
	  }

	  const address = normalizeIPv6Address(input);
	  if (address === undefined) return { host, isIPV6: false, error: true }

	  return {
	    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
	    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
	    isIPV6: true
	  }
	}

	/**
	 * @param {string} str
	 * @param {string} token
	 * @returns {number}
	 */
	function findToken (str, token) {
	  let ind = 0;
	  for (let i = 0; i < str.length; i++) {
	    if (str[i] === token) ind++;
	  }
	  return ind
	}

	/**
	 * @param {string} path
	 * @returns {string}
	 *
	 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
	 */
	function removeDotSegments (path) {
	  let input = path;
	  const output = [];
	  let nextSlash = -1;
	  let len = 0;

	  // eslint-disable-next-line no-cond-assign
	  while (len = input.length) {
	    if (len === 1) {
	      if (input === '.') {
	        break
	      } else if (input === '/') {
	        output.push('/');
	        break
	      } else {
	        output.push(input);
	        break
	      }
	    } else if (len === 2) {
	      if (input[0] === '.') {
	        if (input[1] === '.') {
	          break
	        } else if (input[1] === '/') {
	          input = input.slice(2);
	          continue
	        }
	      } else if (input[0] === '/') {
	        if (input[1] === '.' || input[1] === '/') {
	          output.push('/');
	          break
	        }
	      }
	    } else if (len === 3) {
	      if (input === '/..') {
	        if (output.length !== 0) {
	          output.pop();
	        }
	        output.push('/');
	        break
	      }
	    }
	    if (input[0] === '.') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(3);
	          continue
	        }
	      } else if (input[1] === '/') {
	        input = input.slice(2);
	        continue
	      }
	    } else if (input[0] === '/') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(2);
	          continue
	        } else if (input[2] === '.') {
	          if (input[3] === '/') {
	            input = input.slice(3);
	            if (output.length !== 0) {
	              output.pop();
	            }
	            continue
	          }
	        }
	      }
	    }

	    // Rule 2E: Move normal path segment to output
	    if ((nextSlash = input.indexOf('/', 1)) === -1) {
	      output.push(input);
	      break
	    } else {
	      output.push(input.slice(0, nextSlash));
	      input = input.slice(nextSlash);
	    }
	  }

	  return output.join('')
	}

	/**
	 * Removes dot segments from the path of a relative reference (a path that does
	 * not start with "/") without changing what it resolves to against any base.
	 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
	 * are kept, the result never becomes root-relative, and a result that would be
	 * empty or start with an empty segment is prefixed with "." (an empty path
	 * means "same document" and a leading "//" would introduce an authority).
	 *
	 * @param {string} path
	 * @returns {string}
	 */
	function removeDotSegmentsRelative (path) {
	  if (path === '' || path[0] === '/') {
	    return removeDotSegments(path)
	  }

	  const segments = path.split('/');
	  const last = segments.length - 1;
	  /** @type {string[]} */
	  const output = [];
	  let trailingDirectory = false;

	  for (let i = 0; i <= last; i++) {
	    const segment = segments[i];
	    if (segment === '.' || segment === '..') {
	      if (segment === '..') {
	        if (output.length !== 0 && output[output.length - 1] !== '..') {
	          output.pop();
	        } else {
	          output.push('..');
	        }
	      }
	      trailingDirectory = i === last;
	    } else {
	      output.push(segment);
	    }
	  }

	  if (trailingDirectory && output[output.length - 1] !== '..') {
	    output.push('');
	  }
	  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
	    // An empty path, a leading empty segment ("//"), or a first segment
	    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
	    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
	    output.unshift('.');
	  }

	  return output.join('/')
	}

	/**
	 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
	 * After the URI regex parses, these characters cannot be literal in the host
	 * field, so any that appear after decoding came from percent-encoding and
	 * must be restored to prevent authority structure changes.
	 *
	 * @param {string} host
	 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
	 * @returns {string}
	 */
	const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' };
	const HOST_DELIM_RE = /[@/?#:]/g;
	const HOST_DELIM_NO_COLON_RE = /[@/?#]/g;

	function reescapeHostDelimiters (host, isIP) {
	  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
	  re.lastIndex = 0;
	  return host.replace(re, (ch) => HOST_DELIMS[ch])
	}

	/**
	 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
	 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
	 *
	 * @param {string} input
	 * @param {boolean} [decodeUnreserved=false]
	 * @returns {string}
	 */
	function normalizePercentEncoding (input, decodeUnreserved = false) {
	  if (input.indexOf('%') === -1) {
	    return input
	  }

	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decodeUnreserved && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    output += input[i];
	  }

	  return output
	}

	/**
	 * Normalizes path data without turning reserved escapes into live path syntax.
	 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
	 * unreserved bytes that are not `.` are decoded.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizePathEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decoded !== '.' && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isPathCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
	 * characters remain literal, valid escapes are preserved and uppercased, and
	 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
	 * first segment must be escaped so the result cannot be parsed as a scheme.
	 *
	 * @param {string} input
	 * @param {boolean} [pathNoScheme=false]
	 * @returns {string}
	 */
	function serializePathEncoding (input, pathNoScheme = false) {
	  let output = '';
	  let firstSegment = pathNoScheme && input[0] !== '/';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (ch === '/') {
	      firstSegment = false;
	    }

	    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Percent-encodes a URI component using its RFC 3986 literal character set.
	 * Existing valid escapes are preserved and normalized to uppercase hex.
	 *
	 * @param {string} input
	 * @param {(value: string) => boolean} isAllowed
	 * @returns {string}
	 */
	function encodeComponent (input, isAllowed) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (isAllowed(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
	 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeUserinfo (input) {
	  return encodeComponent(input, isUserinfoCharacter)
	}

	/**
	 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
	 * escaped because it would otherwise begin the fragment component.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeQuery (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	/**
	 * Encodes fragment data using the RFC 3986 §3.5 grammar.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeFragment (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	function isEscapeSafe (cp) {
	  return (
	    (cp >= 0x30 && cp <= 0x39) ||
	    (cp >= 0x41 && cp <= 0x5A) ||
	    (cp >= 0x61 && cp <= 0x7A) ||
	    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
	    cp === 0x2F || cp === 0x40 || cp === 0x5F
	  )
	}

	/**
	 * Normalizes the percent-encoding of a query or fragment component.
	 *
	 * Like `normalizePathEncoding`, but uses the query/fragment character set
	 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
	 * meaning outside of a path.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizeQueryFragmentEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isQueryFragmentCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Escapes a component while preserving existing valid percent escapes.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function escapePreservingEscapes (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    output += escape(input[i]);
	  }

	  return output
	}

	/**
	 * @param {import('../types/index').URIComponent} component
	 * @returns {string|undefined}
	 */
	function recomposeAuthority (component) {
	  const uriTokens = [];

	  if (component.userinfo !== undefined) {
	    uriTokens.push(encodeUserinfo(component.userinfo));
	    uriTokens.push('@');
	  }

	  if (component.host !== undefined) {
	    let host = component.host;
	    if (!isIPv4(host)) {
	      let ipV6res = normalizeIPv6(host);
	      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
	        // Decode only unreserved bytes, once. In particular, keep %25 encoded
	        // so it cannot introduce a second escape during recomposition.
	        host = normalizePercentEncoding(host, true);
	        ipV6res = normalizeIPv6(host);
	      }
	      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
	        host = `[${ipV6res.escapedHost}]`;
	      } else {
	        host = reescapeHostDelimiters(host, false);
	      }
	    }
	    uriTokens.push(host);
	  }

	  if (typeof component.port === 'number' || typeof component.port === 'string') {
	    const port = String(component.port);
	    if (!isPort(port)) {
	      throw new TypeError('URI port is malformed.')
	    }
	    uriTokens.push(':');
	    uriTokens.push(port);
	  }

	  return uriTokens.length ? uriTokens.join('') : undefined
	}
	utils$1 = {
	  nonSimpleDomain,
	  recomposeAuthority,
	  reescapeHostDelimiters,
	  normalizePercentEncoding,
	  normalizePathEncoding,
	  serializePathEncoding,
	  normalizeQueryFragmentEncoding,
	  encodeUserinfo,
	  encodeQuery,
	  encodeFragment,
	  escapePreservingEscapes,
	  removeDotSegments,
	  removeDotSegmentsRelative,
	  isIPv4,
	  isUUID,
	  normalizeIPv6,
	  stringArrayToHexStripped
	};
	return utils$1;
}

var schemes;
var hasRequiredSchemes;

function requireSchemes () {
	if (hasRequiredSchemes) return schemes;
	hasRequiredSchemes = 1;

	const { isUUID } = requireUtils$1();
	const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;

	const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
	  'wss', 'urn', 'urn:uuid']);

	/** @typedef {supportedSchemeNames[number]} SchemeName */

	/**
	 * @param {string} name
	 * @returns {name is SchemeName}
	 */
	function isValidSchemeName (name) {
	  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
	}

	/**
	 * @callback SchemeFn
	 * @param {import('../types/index').URIComponent} component
	 * @param {import('../types/index').Options} options
	 * @returns {import('../types/index').URIComponent}
	 */

	/**
	 * @typedef {Object} SchemeHandler
	 * @property {SchemeName} scheme - The scheme name.
	 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
	 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
	 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
	 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
	 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
	 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
	 */

	/**
	 * @param {import('../types/index').URIComponent} wsComponent
	 * @returns {boolean}
	 */
	function wsIsSecure (wsComponent) {
	  if (wsComponent.secure === true) {
	    return true
	  } else if (wsComponent.secure === false) {
	    return false
	  } else if (wsComponent.scheme) {
	    return (
	      wsComponent.scheme.length === 3 &&
	      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
	      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
	      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
	    )
	  } else {
	    return false
	  }
	}

	/** @type {SchemeFn} */
	function httpParse (component) {
	  if (!component.host) {
	    component.error = component.error || 'HTTP URIs must have a host.';
	  }

	  return component
	}

	/** @type {SchemeFn} */
	function httpSerialize (component) {
	  const secure = String(component.scheme).toLowerCase() === 'https';

	  // normalize the default port
	  if (component.port === (secure ? 443 : 80) || component.port === '') {
	    component.port = undefined;
	  }

	  // normalize the empty path
	  if (!component.path) {
	    component.path = '/';
	  }

	  // NOTE: We do not parse query strings for HTTP URIs
	  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
	  // and not the HTTP spec.

	  return component
	}

	/** @type {SchemeFn} */
	function wsParse (wsComponent) {
	// indicate if the secure flag is set
	  wsComponent.secure = wsIsSecure(wsComponent);

	  // construct resouce name
	  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '');
	  wsComponent.path = undefined;
	  wsComponent.query = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function wsSerialize (wsComponent) {
	// normalize the default port
	  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
	    wsComponent.port = undefined;
	  }

	  // ensure scheme matches secure flag
	  if (typeof wsComponent.secure === 'boolean') {
	    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws');
	    wsComponent.secure = undefined;
	  }

	  // reconstruct path from resource name
	  if (wsComponent.resourceName) {
	    const queryIndex = wsComponent.resourceName.indexOf('?');
	    const path = queryIndex === -1
	      ? wsComponent.resourceName
	      : wsComponent.resourceName.slice(0, queryIndex);
	    wsComponent.path = (path && path !== '/' ? path : undefined);
	    wsComponent.query = queryIndex === -1
	      ? undefined
	      : wsComponent.resourceName.slice(queryIndex + 1);
	    wsComponent.resourceName = undefined;
	  }

	  // forbid fragment component
	  wsComponent.fragment = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function urnParse (urnComponent, options) {
	  if (!urnComponent.path) {
	    urnComponent.error = 'URN can not be parsed';
	    return urnComponent
	  }
	  const matches = urnComponent.path.match(URN_REG);
	  if (matches && matches[0] === urnComponent.path) {
	    const scheme = options.scheme || urnComponent.scheme || 'urn';
	    urnComponent.nid = matches[1].toLowerCase();
	    urnComponent.nss = matches[2];
	    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
	    const schemeHandler = getSchemeHandler(urnScheme);
	    urnComponent.path = undefined;

	    if (schemeHandler) {
	      urnComponent = schemeHandler.parse(urnComponent, options);
	    }
	  } else {
	    urnComponent.error = urnComponent.error || 'URN can not be parsed.';
	  }

	  return urnComponent
	}

	/** @type {SchemeFn} */
	function urnSerialize (urnComponent, options) {
	  if (urnComponent.nid === undefined) {
	    throw new Error('URN without nid cannot be serialized')
	  }
	  const scheme = options.scheme || urnComponent.scheme || 'urn';
	  const nid = urnComponent.nid.toLowerCase();
	  const urnScheme = `${scheme}:${options.nid || nid}`;
	  const schemeHandler = getSchemeHandler(urnScheme);

	  if (schemeHandler) {
	    urnComponent = schemeHandler.serialize(urnComponent, options);
	  }

	  const uriComponent = urnComponent;
	  const nss = urnComponent.nss;
	  uriComponent.path = `${nid || options.nid}:${nss}`;

	  options.skipEscape = true;
	  return uriComponent
	}

	/** @type {SchemeFn} */
	function urnuuidParse (urnComponent, options) {
	  const uuidComponent = urnComponent;
	  uuidComponent.uuid = uuidComponent.nss;
	  uuidComponent.nss = undefined;

	  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
	    uuidComponent.error = uuidComponent.error || 'UUID is not valid.';
	  }

	  return uuidComponent
	}

	/** @type {SchemeFn} */
	function urnuuidSerialize (uuidComponent) {
	  const urnComponent = uuidComponent;
	  // normalize UUID
	  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase();
	  return urnComponent
	}

	const http = /** @type {SchemeHandler} */ ({
	  scheme: 'http',
	  domainHost: true,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const https = /** @type {SchemeHandler} */ ({
	  scheme: 'https',
	  domainHost: http.domainHost,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const ws = /** @type {SchemeHandler} */ ({
	  scheme: 'ws',
	  domainHost: true,
	  parse: wsParse,
	  serialize: wsSerialize
	});

	const wss = /** @type {SchemeHandler} */ ({
	  scheme: 'wss',
	  domainHost: ws.domainHost,
	  parse: ws.parse,
	  serialize: ws.serialize
	});

	const urn = /** @type {SchemeHandler} */ ({
	  scheme: 'urn',
	  parse: urnParse,
	  serialize: urnSerialize,
	  skipNormalize: true
	});

	const urnuuid = /** @type {SchemeHandler} */ ({
	  scheme: 'urn:uuid',
	  parse: urnuuidParse,
	  serialize: urnuuidSerialize,
	  skipNormalize: true
	});

	const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
	  http,
	  https,
	  ws,
	  wss,
	  urn,
	  'urn:uuid': urnuuid
	});

	Object.setPrototypeOf(SCHEMES, null);

	/**
	 * @param {string|undefined} scheme
	 * @returns {SchemeHandler|undefined}
	 */
	function getSchemeHandler (scheme) {
	  return (
	    scheme && (
	      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
	      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
	  ) ||
	    undefined
	}

	schemes = {
	  wsIsSecure,
	  SCHEMES,
	  isValidSchemeName,
	  getSchemeHandler,
	};
	return schemes;
}

var hasRequiredFastUri;

function requireFastUri () {
	if (hasRequiredFastUri) return fastUri.exports;
	hasRequiredFastUri = 1;

	const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = requireUtils$1();
	const { SCHEMES, getSchemeHandler } = requireSchemes();

	const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
	const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.';
	const MALFORMED_HOST_ERROR = 'URI host is malformed.';
	// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
	// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
	const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;

	/**
	 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
	 * scheme is validated as-is and never decoded. Decoding would let inert input
	 * such as `%6Aavascript:` become a live `javascript:` scheme.
	 *
	 * @param {string} scheme
	 * @returns {string}
	 */
	function validateScheme (scheme) {
	  const stringScheme = String(scheme);
	  if (!VALID_SCHEME.test(stringScheme)) {
	    throw new TypeError(MALFORMED_SCHEME_ERROR)
	  }
	  return stringScheme
	}

	/**
	 * @template {import('./types/index').URIComponent|string} T
	 * @param {T} uri
	 * @param {import('./types/index').Options} [options]
	 * @returns {T}
	 */
	function normalize (uri, options) {
	  if (typeof uri === 'string') {
	    uri = /** @type {T} */ (normalizeString(uri, options));
	  } else if (typeof uri === 'object') {
	    uri = /** @type {T} */ (parse(serialize(uri, options), options));
	  }
	  return uri
	}

	/**
	 * @param {string} baseURI
	 * @param {string} relativeURI
	 * @param {import('./types/index').Options} [options]
	 * @returns {string}
	 */
	function resolve (baseURI, relativeURI, options) {
	  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' };
	  const {
	    parsed: baseParsed,
	    malformedAuthorityOrPort: baseMalformed,
	    malformedPercentEncoding: baseMalformedPercentEncoding,
	    malformedSchemeSpecific: baseMalformedSchemeSpecific,
	    malformedHost: baseMalformedHost,
	    malformedScheme: baseMalformedScheme
	  } = parseWithStatus(baseURI, schemelessOptions);
	  const {
	    parsed: relativeParsed,
	    malformedAuthorityOrPort: relativeMalformed,
	    malformedPercentEncoding: relativeMalformedPercentEncoding,
	    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
	    malformedHost: relativeMalformedHost,
	    malformedScheme: relativeMalformedScheme
	  } = parseWithStatus(relativeURI, schemelessOptions);
	  if (
	    baseMalformed ||
	    relativeMalformed ||
	    baseMalformedPercentEncoding ||
	    relativeMalformedPercentEncoding ||
	    baseMalformedSchemeSpecific ||
	    relativeMalformedSchemeSpecific ||
	    baseMalformedHost ||
	    relativeMalformedHost ||
	    baseMalformedScheme ||
	    relativeMalformedScheme
	  ) {
	    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
	  }
	  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
	  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme);
	  const resolvedHost = resolved.host;
	  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
	    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
	  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
	  // host are only detected here, once the final scheme is known. They always
	  // fail closed, including in percent-encoded hosts.
	  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
	    throw new Error(MALFORMED_HOST_ERROR)
	  }
	  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
	  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
	  // parser can reject them even though fast-uri preserves them safely as RFC
	  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
	  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
	    !/\P{ASCII}/u.test(resolvedHost);
	  if (resolved.error && !encodedASCIIHost) {
	    throw new Error(resolved.error)
	  }
	  schemelessOptions.skipEscape = true;
	  return serialize(resolved, schemelessOptions)
	}

	/**
	 * @param {import ('./types/index').URIComponent} base
	 * @param {import ('./types/index').URIComponent} relative
	 * @param {import('./types/index').Options} [options]
	 * @param {boolean} [skipNormalization=false]
	 * @returns {import ('./types/index').URIComponent}
	 */
	function resolveComponent (base, relative, options, skipNormalization) {
	  /** @type {import('./types/index').URIComponent} */
	  const target = {};
	  if (!skipNormalization) {
	    base = parse(serialize(base, options), options); // normalize base component
	    relative = parse(serialize(relative, options), options); // normalize relative component
	  }
	  options = options || {};

	  if (!options.tolerant && relative.scheme) {
	    target.scheme = relative.scheme;
	    // target.authority = relative.authority;
	    target.userinfo = relative.userinfo;
	    target.host = relative.host;
	    target.port = relative.port;
	    target.path = removeDotSegments(relative.path || '');
	    target.query = relative.query;
	  } else {
	    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
	      // target.authority = relative.authority;
	      target.userinfo = relative.userinfo;
	      target.host = relative.host;
	      target.port = relative.port;
	      target.path = removeDotSegments(relative.path || '');
	      target.query = relative.query;
	    } else {
	      if (!relative.path) {
	        target.path = base.path;
	        if (relative.query !== undefined) {
	          target.query = relative.query;
	        } else {
	          target.query = base.query;
	        }
	      } else {
	        if (relative.path[0] === '/') {
	          target.path = removeDotSegments(relative.path);
	        } else {
	          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined;
	          if (baseHasAuthority && !base.path) {
	            target.path = '/' + relative.path;
	          } else if (!base.path) {
	            target.path = relative.path;
	          } else {
	            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path;
	          }
	          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
	            ? removeDotSegmentsRelative(target.path)
	            : removeDotSegments(target.path);
	        }
	        target.query = relative.query;
	      }
	      // target.authority = base.authority;
	      target.userinfo = base.userinfo;
	      target.host = base.host;
	      target.port = base.port;
	    }
	    target.scheme = base.scheme;
	  }

	  target.fragment = relative.fragment;

	  return target
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uriA
	 * @param {import ('./types/index').URIComponent|string} uriB
	 * @param {import ('./types/index').Options} options
	 * @returns {boolean}
	 */
	function equal (uriA, uriB, options) {
	  const normalizedA = normalizeComparableURI(uriA, options);
	  const normalizedB = normalizeComparableURI(uriB, options);

	  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
	}

	/**
	 * @param {Readonly<import('./types/index').URIComponent>} cmpts
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function serialize (cmpts, opts) {
	  const component = {
	    host: cmpts.host,
	    scheme: cmpts.scheme,
	    userinfo: cmpts.userinfo,
	    port: cmpts.port,
	    path: cmpts.path,
	    query: cmpts.query,
	    nid: cmpts.nid,
	    nss: cmpts.nss,
	    uuid: cmpts.uuid,
	    fragment: cmpts.fragment,
	    reference: cmpts.reference,
	    resourceName: cmpts.resourceName,
	    secure: cmpts.secure,
	    error: ''
	  };
	  const options = Object.assign({}, opts);
	  const uriTokens = [];

	  if (component.scheme) {
	    component.scheme = validateScheme(component.scheme);
	  }

	  // find scheme handler
	  const schemeHandler = getSchemeHandler(options.scheme || component.scheme);

	  // perform scheme specific serialization
	  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);

	  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined;
	  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
	  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
	  // under skipEscape too (resolve()), so the reapply below gates on this flag.
	  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority;
	  const pathNoScheme = !options.skipEscape && schemelessReference;

	  if (component.path !== undefined) {
	    if (!options.skipEscape) {
	      component.path = serializePathEncoding(component.path, pathNoScheme);
	    } else {
	      component.path = normalizePercentEncoding(component.path);
	    }
	  }

	  if (options.reference !== 'suffix' && component.scheme) {
	    // Scheme handlers may replace the scheme during serialization.
	    component.scheme = validateScheme(component.scheme);
	    uriTokens.push(component.scheme, ':');
	  }

	  const authority = recomposeAuthority(component);
	  if (authority !== undefined) {
	    if (options.reference !== 'suffix') {
	      uriTokens.push('//');
	    }

	    uriTokens.push(authority);

	    if (component.path && component.path[0] !== '/') {
	      uriTokens.push('/');
	    }
	  }
	  if (component.path !== undefined) {
	    let s = component.path;

	    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
	      // A relative-path reference keeps its unresolvable leading ".." segments
	      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
	      // merged target paths, not to the reference itself).
	      s = schemelessReference && s[0] !== '/'
	        ? removeDotSegmentsRelative(s)
	        : removeDotSegments(s);
	    }

	    // Dot-segment removal can expose a colon that was not originally in the
	    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
	    // the serialized relative reference cannot be reparsed as a URI scheme.
	    if (schemelessReference) {
	      s = serializePathEncoding(s, true);
	    }

	    if (
	      authority === undefined &&
	      s[0] === '/' &&
	      s[1] === '/'
	    ) {
	      // don't allow the path to start with "//"
	      s = '/%2F' + s.slice(2);
	    }

	    uriTokens.push(s);
	  }

	  if (component.query !== undefined) {
	    uriTokens.push('?', encodeQuery(component.query));
	  }

	  if (component.fragment !== undefined) {
	    uriTokens.push('#', encodeFragment(component.fragment));
	  }
	  return uriTokens.join('')
	}

	const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;

	// Captures the authority component (between "//" and the next "/", "?" or "#"),
	// with or without a scheme prefix, for the literal-backslash rejection below.
	const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;

	// Captures the leading authority-introducer region after an optional scheme: a
	// run of forward slashes, backslashes, and the characters the WHATWG URL parser
	// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
	// is exactly "//". Node treats "\" as "/" on special schemes and strips those
	// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
	// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
	// the path group (host confusion / SSRF / redirect bypass).
	const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {RegExpMatchArray} matches
	 * @returns {string|undefined}
	 */
	function getParseError (parsed, matches) {
	  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
	    return 'URI path must start with "/" when authority is present.'
	  }

	  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
	    return 'URI port is malformed.'
	  }

	  return undefined
	}

	/**
	 * Checks percent syntax without decoding the represented octets. RFC 3986
	 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
	 * though they are not independently valid UTF-8.
	 *
	 * @param {string|undefined} component
	 * @returns {boolean}
	 */
	function hasMalformedPercentEncoding (component) {
	  if (component === undefined) return false

	  let percent = component.indexOf('%');
	  while (percent !== -1) {
	    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
	      return true
	    }
	    percent = component.indexOf('%', percent + 3);
	  }

	  return false
	}

	/**
	 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
	 * An unterminated `[` is not a literal, so it must still be validated as a
	 * reg-name instead of being waved through as an IP.
	 *
	 * @param {string} host
	 * @returns {boolean}
	 */
	function isIPLiteral (host) {
	  return host[0] === '[' && host[host.length - 1] === ']'
	}

	/**
	 * @param {RegExpMatchArray} matches
	 * @returns {boolean}
	 */
	function hasMalformedComponentPercentEncoding (matches) {
	  // Bracketed IP literals use a raw "%" as the zone separator for historical
	  // compatibility. Their parsing is intentionally left to normalizeIPv6.
	  const host = matches[4];
	  return hasMalformedPercentEncoding(matches[3]) ||
	    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
	    hasMalformedPercentEncoding(matches[6]) ||
	    hasMalformedPercentEncoding(matches[7]) ||
	    hasMalformedPercentEncoding(matches[8])
	}

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean} whether host conversion failed
	 */
	function canonicalizeHost (parsed, options, schemeHandler, isIP) {
	  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
	    parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	    return true
	  }

	  if (
	    !options.unicodeSupport &&
	    (!schemeHandler || !schemeHandler.unicodeSupport) &&
	    parsed.host &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    isIP === false &&
	    nonSimpleDomain(parsed.host)
	  ) {
	    let url;
	    try {
	      url = new URL('http://' + parsed.host);
	    } catch (e) {
	      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
	      return true
	    }
	    // The WHATWG parser must have read the whole input as a host. Anything
	    // else means it found a delimiter fast-uri did not, so its hostname would
	    // describe a different authority.
	    if (!isHostOnlyURL(url)) {
	      parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	      return true
	    }
	    parsed.host = url.hostname;
	  }
	  return false
	}

	/**
	 * Whether a domain host contains an ASCII character that RFC 3986 does not
	 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
	 * rejected instead of being handed to the WHATWG URL parser, which would treat
	 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
	 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
	 *
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean}
	 */
	function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
	  return Boolean(
	    parsed.host &&
	    isIP === false &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
	  )
	}

	/**
	 * @param {URL} url
	 * @returns {boolean}
	 */
	function isHostOnlyURL (url) {
	  return url.username === '' &&
	    url.password === '' &&
	    url.port === '' &&
	    url.pathname === '/' &&
	    url.search === '' &&
	    url.hash === '' &&
	    url.hostname !== ''
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function parseWithStatus (uri, opts) {
	  const options = Object.assign({}, opts);
	  /** @type {import('./types/index').URIComponent} */
	  const parsed = {
	    scheme: undefined,
	    userinfo: undefined,
	    host: '',
	    port: undefined,
	    path: '',
	    query: undefined,
	    fragment: undefined
	  };

	  let malformedAuthorityOrPort = false;
	  let malformedPercentEncoding = false;
	  let malformedSchemeSpecific = false;
	  let malformedHost = false;
	  let malformedIPLiteral = false;
	  let malformedScheme = false;

	  let isIP = false;
	  if (options.reference === 'suffix') {
	    if (options.scheme) {
	      uri = options.scheme + ':' + uri;
	    } else {
	      uri = '//' + uri;
	    }
	  }

	  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
	  // not an authority delimiter. Reject it in the authority rather than
	  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
	  // change the resource identified by an otherwise-invalid input, and lets "\"
	  // act as a host delimiter here while Node's native URL parses a different
	  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
	  // untouched and remains valid encoded data.
	  const authorityMatch = uri.match(AUTHORITY_PREFIX);
	  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
	    parsed.error = 'URI authority must not contain a literal backslash.';
	    malformedAuthorityOrPort = true;
	  }

	  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
	  // only recognizes a literal "//"; anything else in the leading separator run
	  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
	  // Node strips) means the authority fast-uri parses differs from the one Node's
	  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
	  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
	  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
	  if (introducerMatch !== null) {
	    const region = introducerMatch[1];
	    const normalizedRegion = region.replace(/[\t\n\r]/g, '');
	    // Two or more leading separators introduce an authority.
	    if (normalizedRegion.length >= 2) {
	      if (normalizedRegion.slice(0, 2) !== '//') {
	        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.';
	        malformedAuthorityOrPort = true;
	      } else if (region.length !== normalizedRegion.length) {
	        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.';
	        malformedAuthorityOrPort = true;
	      }
	    }
	  }

	  const matches = uri.match(URI_PARSE);

	  if (matches) {
	    // store each component
	    parsed.scheme = matches[1];
	    parsed.userinfo = matches[3];
	    parsed.host = matches[4];
	    parsed.port = parseInt(matches[5], 10);
	    parsed.path = matches[6] || '';
	    parsed.query = matches[7];
	    parsed.fragment = matches[8];

	    if (parsed.scheme !== undefined) {
	      if (VALID_SCHEME.test(parsed.scheme)) {
	        parsed.scheme = parsed.scheme.toLowerCase();
	      } else {
	        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
	        malformedScheme = true;
	      }
	    }

	    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
	    if (malformedPercentEncoding) {
	      parsed.error = parsed.error || 'URI contains malformed percent-encoding.';
	    }

	    // fix port number
	    if (isNaN(parsed.port)) {
	      parsed.port = matches[5];
	    }

	    const parseError = getParseError(parsed, matches);
	    if (parseError !== undefined) {
	      parsed.error = parsed.error || parseError;
	      malformedAuthorityOrPort = true;
	    }

	    if (parsed.host) {
	      const ipv4result = isIPv4(parsed.host);
	      if (ipv4result === false) {
	        const bracketedIPLiteral = isIPLiteral(parsed.host);
	        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1;
	        const ipv6result = normalizeIPv6(parsed.host);
	        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
	        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
	        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();

	        if (malformedIPLiteral) {
	          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	          malformedAuthorityOrPort = true;
	        }
	      } else {
	        isIP = true;
	      }
	    }
	    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
	      parsed.reference = 'same-document';
	    } else if (parsed.scheme === undefined) {
	      parsed.reference = 'relative';
	    } else if (parsed.fragment === undefined) {
	      parsed.reference = 'absolute';
	    } else {
	      parsed.reference = 'uri';
	    }

	    // check for reference errors
	    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
	      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.';
	    }

	    // find scheme handler
	    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);

	    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
	    if (!malformedIPLiteral) {
	      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
	    }

	    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
	      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
	      if (!isIP) {
	        // Fold reg-name case after decoding unreserved octets. The second
	        // pass only restores uppercase hex in escapes that remain encoded.
	        host = normalizePercentEncoding(host.toLowerCase());
	      }
	      // Resolution parses both inputs with the internal `null` scheme before
	      // the effective scheme is known. Keep raw host delimiters for that step
	      // so resolve() can reject them for domain-host schemes; the resolved
	      // authority is encoded when it is serialized.
	      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host;
	    }

	    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
	      if (parsed.path) {
	        parsed.path = normalizePathEncoding(parsed.path);
	      }
	      if (parsed.query) {
	        parsed.query = normalizeQueryFragmentEncoding(parsed.query);
	      }
	      if (parsed.fragment) {
	        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
	      }
	    }

	    // perform scheme specific parsing
	    if (schemeHandler && schemeHandler.parse) {
	      schemeHandler.parse(parsed, options);
	      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
	        malformedSchemeSpecific = true;
	      }
	    }
	  } else {
	    parsed.error = parsed.error || 'URI can not be parsed.';
	  }
	  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns
	 */
	function parse (uri, opts) {
	  return parseWithStatus(uri, opts).parsed
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function normalizeString (uri, opts) {
	  return normalizeStringWithStatus(uri, opts).normalized
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function normalizeStringWithStatus (uri, opts) {
	  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
	  return {
	    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
	    malformedAuthorityOrPort,
	    malformedPercentEncoding,
	    malformedSchemeSpecific,
	    malformedHost,
	    malformedScheme
	  }
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string|undefined}
	 */
	function normalizeComparableURI (uri, opts) {
	  if (typeof uri !== 'string' && typeof uri !== 'object') {
	    return undefined
	  }

	  let value;
	  try {
	    value = typeof uri === 'string' ? uri : serialize(uri, opts);
	  } catch {
	    return undefined
	  }
	  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
	  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
	}

	const fastUri$1 = {
	  SCHEMES,
	  normalize,
	  resolve,
	  resolveComponent,
	  equal,
	  serialize,
	  parse
	};

	fastUri.exports = fastUri$1;
	fastUri.exports.default = fastUri$1;
	fastUri.exports.fastUri = fastUri$1;
	return fastUri.exports;
}

var hasRequiredUri;

function requireUri () {
	if (hasRequiredUri) return uri;
	hasRequiredUri = 1;
	Object.defineProperty(uri, "__esModule", { value: true });
	const uri$1 = requireFastUri();
	uri$1.code = 'require("ajv/dist/runtime/uri").default';
	uri.default = uri$1;
	
	return uri;
}

var hasRequiredCore$1;

function requireCore$1 () {
	if (hasRequiredCore$1) return core$1;
	hasRequiredCore$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		const validation_error_1 = /*@__PURE__*/ requireValidation_error();
		const ref_error_1 = /*@__PURE__*/ requireRef_error();
		const rules_1 = /*@__PURE__*/ requireRules();
		const compile_1 = /*@__PURE__*/ requireCompile();
		const codegen_2 = /*@__PURE__*/ requireCodegen();
		const resolve_1 = /*@__PURE__*/ requireResolve();
		const dataType_1 = /*@__PURE__*/ requireDataType();
		const util_1 = /*@__PURE__*/ requireUtil();
		const $dataRefSchema = require$$9;
		const uri_1 = /*@__PURE__*/ requireUri();
		const defaultRegExp = (str, flags) => new RegExp(str, flags);
		defaultRegExp.code = "new RegExp";
		const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
		const EXT_SCOPE_NAMES = new Set([
		    "validate",
		    "serialize",
		    "parse",
		    "wrapper",
		    "root",
		    "schema",
		    "keyword",
		    "pattern",
		    "formats",
		    "validate$data",
		    "func",
		    "obj",
		    "Error",
		]);
		const removedOptions = {
		    errorDataPath: "",
		    format: "`validateFormats: false` can be used instead.",
		    nullable: '"nullable" keyword is supported by default.',
		    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
		    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
		    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
		    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
		    sourceCode: "Use option `code: {source: true}`",
		    strictDefaults: "It is default now, see option `strict`.",
		    strictKeywords: "It is default now, see option `strict`.",
		    uniqueItems: '"uniqueItems" keyword is always validated.',
		    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
		    cache: "Map is used as cache, schema object as key.",
		    serialize: "Map is used as cache, schema object as key.",
		    ajvErrors: "It is default now.",
		};
		const deprecatedOptions = {
		    ignoreKeywordsWithRef: "",
		    jsPropertySyntax: "",
		    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
		};
		const MAX_EXPRESSION = 200;
		// eslint-disable-next-line complexity
		function requiredOptions(o) {
		    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
		    const s = o.strict;
		    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
		    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
		    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
		    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
		    return {
		        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
		        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
		        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
		        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
		        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
		        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
		        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
		        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
		        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
		        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
		        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
		        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
		        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
		        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
		        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
		        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
		        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
		        uriResolver: uriResolver,
		    };
		}
		class Ajv {
		    constructor(opts = {}) {
		        this.schemas = {};
		        this.refs = {};
		        this.formats = Object.create(null);
		        this._compilations = new Set();
		        this._loading = {};
		        this._cache = new Map();
		        opts = this.opts = { ...opts, ...requiredOptions(opts) };
		        const { es5, lines } = this.opts.code;
		        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
		        this.logger = getLogger(opts.logger);
		        const formatOpt = opts.validateFormats;
		        opts.validateFormats = false;
		        this.RULES = (0, rules_1.getRules)();
		        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
		        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
		        this._metaOpts = getMetaSchemaOptions.call(this);
		        if (opts.formats)
		            addInitialFormats.call(this);
		        this._addVocabularies();
		        this._addDefaultMetaSchema();
		        if (opts.keywords)
		            addInitialKeywords.call(this, opts.keywords);
		        if (typeof opts.meta == "object")
		            this.addMetaSchema(opts.meta);
		        addInitialSchemas.call(this);
		        opts.validateFormats = formatOpt;
		    }
		    _addVocabularies() {
		        this.addKeyword("$async");
		    }
		    _addDefaultMetaSchema() {
		        const { $data, meta, schemaId } = this.opts;
		        let _dataRefSchema = $dataRefSchema;
		        if (schemaId === "id") {
		            _dataRefSchema = { ...$dataRefSchema };
		            _dataRefSchema.id = _dataRefSchema.$id;
		            delete _dataRefSchema.$id;
		        }
		        if (meta && $data)
		            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
		    }
		    defaultMeta() {
		        const { meta, schemaId } = this.opts;
		        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
		    }
		    validate(schemaKeyRef, // key, ref or schema object
		    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
		    data // to be validated
		    ) {
		        let v;
		        if (typeof schemaKeyRef == "string") {
		            v = this.getSchema(schemaKeyRef);
		            if (!v)
		                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
		        }
		        else {
		            v = this.compile(schemaKeyRef);
		        }
		        const valid = v(data);
		        if (!("$async" in v))
		            this.errors = v.errors;
		        return valid;
		    }
		    compile(schema, _meta) {
		        const sch = this._addSchema(schema, _meta);
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    compileAsync(schema, meta) {
		        if (typeof this.opts.loadSchema != "function") {
		            throw new Error("options.loadSchema should be a function");
		        }
		        const { loadSchema } = this.opts;
		        return runCompileAsync.call(this, schema, meta);
		        async function runCompileAsync(_schema, _meta) {
		            await loadMetaSchema.call(this, _schema.$schema);
		            const sch = this._addSchema(_schema, _meta);
		            return sch.validate || _compileAsync.call(this, sch);
		        }
		        async function loadMetaSchema($ref) {
		            if ($ref && !this.getSchema($ref)) {
		                await runCompileAsync.call(this, { $ref }, true);
		            }
		        }
		        async function _compileAsync(sch) {
		            try {
		                return this._compileSchemaEnv(sch);
		            }
		            catch (e) {
		                if (!(e instanceof ref_error_1.default))
		                    throw e;
		                checkLoaded.call(this, e);
		                await loadMissingSchema.call(this, e.missingSchema);
		                return _compileAsync.call(this, sch);
		            }
		        }
		        function checkLoaded({ missingSchema: ref, missingRef }) {
		            if (this.refs[ref]) {
		                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
		            }
		        }
		        async function loadMissingSchema(ref) {
		            const _schema = await _loadSchema.call(this, ref);
		            if (!this.refs[ref])
		                await loadMetaSchema.call(this, _schema.$schema);
		            if (!this.refs[ref])
		                this.addSchema(_schema, ref, meta);
		        }
		        async function _loadSchema(ref) {
		            const p = this._loading[ref];
		            if (p)
		                return p;
		            try {
		                return await (this._loading[ref] = loadSchema(ref));
		            }
		            finally {
		                delete this._loading[ref];
		            }
		        }
		    }
		    // Adds schema to the instance
		    addSchema(schema, // If array is passed, `key` will be ignored
		    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
		    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
		    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
		    ) {
		        if (Array.isArray(schema)) {
		            for (const sch of schema)
		                this.addSchema(sch, undefined, _meta, _validateSchema);
		            return this;
		        }
		        let id;
		        if (typeof schema === "object") {
		            const { schemaId } = this.opts;
		            id = schema[schemaId];
		            if (id !== undefined && typeof id != "string") {
		                throw new Error(`schema ${schemaId} must be string`);
		            }
		        }
		        key = (0, resolve_1.normalizeId)(key || id);
		        this._checkUnique(key);
		        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
		        return this;
		    }
		    // Add schema that will be used to validate other schemas
		    // options in META_IGNORE_OPTIONS are alway set to false
		    addMetaSchema(schema, key, // schema key
		    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
		    ) {
		        this.addSchema(schema, key, true, _validateSchema);
		        return this;
		    }
		    //  Validate schema against its meta-schema
		    validateSchema(schema, throwOrLogError) {
		        if (typeof schema == "boolean")
		            return true;
		        let $schema;
		        $schema = schema.$schema;
		        if ($schema !== undefined && typeof $schema != "string") {
		            throw new Error("$schema must be a string");
		        }
		        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
		        if (!$schema) {
		            this.logger.warn("meta-schema not available");
		            this.errors = null;
		            return true;
		        }
		        const valid = this.validate($schema, schema);
		        if (!valid && throwOrLogError) {
		            const message = "schema is invalid: " + this.errorsText();
		            if (this.opts.validateSchema === "log")
		                this.logger.error(message);
		            else
		                throw new Error(message);
		        }
		        return valid;
		    }
		    // Get compiled schema by `key` or `ref`.
		    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
		    getSchema(keyRef) {
		        let sch;
		        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
		            keyRef = sch;
		        if (sch === undefined) {
		            const { schemaId } = this.opts;
		            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
		            sch = compile_1.resolveSchema.call(this, root, keyRef);
		            if (!sch)
		                return;
		            this.refs[keyRef] = sch;
		        }
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    // Remove cached schema(s).
		    // If no parameter is passed all schemas but meta-schemas are removed.
		    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
		    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
		    removeSchema(schemaKeyRef) {
		        if (schemaKeyRef instanceof RegExp) {
		            this._removeAllSchemas(this.schemas, schemaKeyRef);
		            this._removeAllSchemas(this.refs, schemaKeyRef);
		            return this;
		        }
		        switch (typeof schemaKeyRef) {
		            case "undefined":
		                this._removeAllSchemas(this.schemas);
		                this._removeAllSchemas(this.refs);
		                this._cache.clear();
		                return this;
		            case "string": {
		                const sch = getSchEnv.call(this, schemaKeyRef);
		                if (typeof sch == "object")
		                    this._cache.delete(sch.schema);
		                delete this.schemas[schemaKeyRef];
		                delete this.refs[schemaKeyRef];
		                return this;
		            }
		            case "object": {
		                const cacheKey = schemaKeyRef;
		                this._cache.delete(cacheKey);
		                let id = schemaKeyRef[this.opts.schemaId];
		                if (id) {
		                    id = (0, resolve_1.normalizeId)(id);
		                    delete this.schemas[id];
		                    delete this.refs[id];
		                }
		                return this;
		            }
		            default:
		                throw new Error("ajv.removeSchema: invalid parameter");
		        }
		    }
		    // add "vocabulary" - a collection of keywords
		    addVocabulary(definitions) {
		        for (const def of definitions)
		            this.addKeyword(def);
		        return this;
		    }
		    addKeyword(kwdOrDef, def // deprecated
		    ) {
		        let keyword;
		        if (typeof kwdOrDef == "string") {
		            keyword = kwdOrDef;
		            if (typeof def == "object") {
		                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
		                def.keyword = keyword;
		            }
		        }
		        else if (typeof kwdOrDef == "object" && def === undefined) {
		            def = kwdOrDef;
		            keyword = def.keyword;
		            if (Array.isArray(keyword) && !keyword.length) {
		                throw new Error("addKeywords: keyword must be string or non-empty array");
		            }
		        }
		        else {
		            throw new Error("invalid addKeywords parameters");
		        }
		        checkKeyword.call(this, keyword, def);
		        if (!def) {
		            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
		            return this;
		        }
		        keywordMetaschema.call(this, def);
		        const definition = {
		            ...def,
		            type: (0, dataType_1.getJSONTypes)(def.type),
		            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
		        };
		        (0, util_1.eachItem)(keyword, definition.type.length === 0
		            ? (k) => addRule.call(this, k, definition)
		            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
		        return this;
		    }
		    getKeyword(keyword) {
		        const rule = this.RULES.all[keyword];
		        return typeof rule == "object" ? rule.definition : !!rule;
		    }
		    // Remove keyword
		    removeKeyword(keyword) {
		        // TODO return type should be Ajv
		        const { RULES } = this;
		        delete RULES.keywords[keyword];
		        delete RULES.all[keyword];
		        for (const group of RULES.rules) {
		            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
		            if (i >= 0)
		                group.rules.splice(i, 1);
		        }
		        return this;
		    }
		    // Add format
		    addFormat(name, format) {
		        if (typeof format == "string")
		            format = new RegExp(format);
		        this.formats[name] = format;
		        return this;
		    }
		    errorsText(errors = this.errors, // optional array of validation errors
		    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
		    ) {
		        if (!errors || errors.length === 0)
		            return "No errors";
		        return errors
		            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
		            .reduce((text, msg) => text + separator + msg);
		    }
		    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
		        const rules = this.RULES.all;
		        metaSchema = JSON.parse(JSON.stringify(metaSchema));
		        for (const jsonPointer of keywordsJsonPointers) {
		            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
		            let keywords = metaSchema;
		            for (const seg of segments)
		                keywords = keywords[seg];
		            for (const key in rules) {
		                const rule = rules[key];
		                if (typeof rule != "object")
		                    continue;
		                const { $data } = rule.definition;
		                const schema = keywords[key];
		                if ($data && schema)
		                    keywords[key] = schemaOrData(schema);
		            }
		        }
		        return metaSchema;
		    }
		    _removeAllSchemas(schemas, regex) {
		        for (const keyRef in schemas) {
		            const sch = schemas[keyRef];
		            if (!regex || regex.test(keyRef)) {
		                if (typeof sch == "string") {
		                    delete schemas[keyRef];
		                }
		                else if (sch && !sch.meta) {
		                    this._cache.delete(sch.schema);
		                    delete schemas[keyRef];
		                }
		            }
		        }
		    }
		    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
		        let id;
		        const { schemaId } = this.opts;
		        if (typeof schema == "object") {
		            id = schema[schemaId];
		        }
		        else {
		            if (this.opts.jtd)
		                throw new Error("schema must be object");
		            else if (typeof schema != "boolean")
		                throw new Error("schema must be object or boolean");
		        }
		        let sch = this._cache.get(schema);
		        if (sch !== undefined)
		            return sch;
		        baseId = (0, resolve_1.normalizeId)(id || baseId);
		        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
		        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
		        this._cache.set(sch.schema, sch);
		        if (addSchema && !baseId.startsWith("#")) {
		            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
		            if (baseId)
		                this._checkUnique(baseId);
		            this.refs[baseId] = sch;
		        }
		        if (validateSchema)
		            this.validateSchema(schema, true);
		        return sch;
		    }
		    _checkUnique(id) {
		        if (this.schemas[id] || this.refs[id]) {
		            throw new Error(`schema with key or id "${id}" already exists`);
		        }
		    }
		    _compileSchemaEnv(sch) {
		        if (sch.meta)
		            this._compileMetaSchema(sch);
		        else
		            compile_1.compileSchema.call(this, sch);
		        /* istanbul ignore if */
		        if (!sch.validate)
		            throw new Error("ajv implementation error");
		        return sch.validate;
		    }
		    _compileMetaSchema(sch) {
		        const currentOpts = this.opts;
		        this.opts = this._metaOpts;
		        try {
		            compile_1.compileSchema.call(this, sch);
		        }
		        finally {
		            this.opts = currentOpts;
		        }
		    }
		}
		Ajv.ValidationError = validation_error_1.default;
		Ajv.MissingRefError = ref_error_1.default;
		exports.default = Ajv;
		function checkOptions(checkOpts, options, msg, log = "error") {
		    for (const key in checkOpts) {
		        const opt = key;
		        if (opt in options)
		            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
		    }
		}
		function getSchEnv(keyRef) {
		    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
		    return this.schemas[keyRef] || this.refs[keyRef];
		}
		function addInitialSchemas() {
		    const optsSchemas = this.opts.schemas;
		    if (!optsSchemas)
		        return;
		    if (Array.isArray(optsSchemas))
		        this.addSchema(optsSchemas);
		    else
		        for (const key in optsSchemas)
		            this.addSchema(optsSchemas[key], key);
		}
		function addInitialFormats() {
		    for (const name in this.opts.formats) {
		        const format = this.opts.formats[name];
		        if (format)
		            this.addFormat(name, format);
		    }
		}
		function addInitialKeywords(defs) {
		    if (Array.isArray(defs)) {
		        this.addVocabulary(defs);
		        return;
		    }
		    this.logger.warn("keywords option as map is deprecated, pass array");
		    for (const keyword in defs) {
		        const def = defs[keyword];
		        if (!def.keyword)
		            def.keyword = keyword;
		        this.addKeyword(def);
		    }
		}
		function getMetaSchemaOptions() {
		    const metaOpts = { ...this.opts };
		    for (const opt of META_IGNORE_OPTIONS)
		        delete metaOpts[opt];
		    return metaOpts;
		}
		const noLogs = { log() { }, warn() { }, error() { } };
		function getLogger(logger) {
		    if (logger === false)
		        return noLogs;
		    if (logger === undefined)
		        return console;
		    if (logger.log && logger.warn && logger.error)
		        return logger;
		    throw new Error("logger must implement log, warn and error methods");
		}
		const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
		function checkKeyword(keyword, def) {
		    const { RULES } = this;
		    (0, util_1.eachItem)(keyword, (kwd) => {
		        if (RULES.keywords[kwd])
		            throw new Error(`Keyword ${kwd} is already defined`);
		        if (!KEYWORD_NAME.test(kwd))
		            throw new Error(`Keyword ${kwd} has invalid name`);
		    });
		    if (!def)
		        return;
		    if (def.$data && !("code" in def || "validate" in def)) {
		        throw new Error('$data keyword must have "code" or "validate" function');
		    }
		}
		function addRule(keyword, definition, dataType) {
		    var _a;
		    const post = definition === null || definition === void 0 ? void 0 : definition.post;
		    if (dataType && post)
		        throw new Error('keyword with "post" flag cannot have "type"');
		    const { RULES } = this;
		    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
		    if (!ruleGroup) {
		        ruleGroup = { type: dataType, rules: [] };
		        RULES.rules.push(ruleGroup);
		    }
		    RULES.keywords[keyword] = true;
		    if (!definition)
		        return;
		    const rule = {
		        keyword,
		        definition: {
		            ...definition,
		            type: (0, dataType_1.getJSONTypes)(definition.type),
		            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
		        },
		    };
		    if (definition.before)
		        addBeforeRule.call(this, ruleGroup, rule, definition.before);
		    else
		        ruleGroup.rules.push(rule);
		    RULES.all[keyword] = rule;
		    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
		}
		function addBeforeRule(ruleGroup, rule, before) {
		    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
		    if (i >= 0) {
		        ruleGroup.rules.splice(i, 0, rule);
		    }
		    else {
		        ruleGroup.rules.push(rule);
		        this.logger.warn(`rule ${before} is not defined`);
		    }
		}
		function keywordMetaschema(def) {
		    let { metaSchema } = def;
		    if (metaSchema === undefined)
		        return;
		    if (def.$data && this.opts.$data)
		        metaSchema = schemaOrData(metaSchema);
		    def.validateSchema = this.compile(metaSchema, true);
		}
		const $dataRef = {
		    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
		};
		function schemaOrData(schema) {
		    return { anyOf: [schema, $dataRef] };
		}
		
	} (core$1));
	return core$1;
}

var draft7 = {};

var core = {};

var id = {};

var hasRequiredId;

function requireId () {
	if (hasRequiredId) return id;
	hasRequiredId = 1;
	Object.defineProperty(id, "__esModule", { value: true });
	const def = {
	    keyword: "id",
	    code() {
	        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
	    },
	};
	id.default = def;
	
	return id;
}

var ref = {};

var hasRequiredRef;

function requireRef () {
	if (hasRequiredRef) return ref;
	hasRequiredRef = 1;
	Object.defineProperty(ref, "__esModule", { value: true });
	ref.callRef = ref.getValidate = void 0;
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "$ref",
	    schemaType: "string",
	    code(cxt) {
	        const { gen, schema: $ref, it } = cxt;
	        const { baseId, schemaEnv: env, validateName, opts, self } = it;
	        const { root } = env;
	        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
	            return callRootRef();
	        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
	        if (schOrEnv === undefined)
	            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
	        if (schOrEnv instanceof compile_1.SchemaEnv)
	            return callValidate(schOrEnv);
	        return inlineRefSchema(schOrEnv);
	        function callRootRef() {
	            if (env === root)
	                return callRef(cxt, validateName, env, env.$async);
	            const rootName = gen.scopeValue("root", { ref: root });
	            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
	        }
	        function callValidate(sch) {
	            const v = getValidate(cxt, sch);
	            callRef(cxt, v, sch, sch.$async);
	        }
	        function inlineRefSchema(sch) {
	            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
	            const valid = gen.name("valid");
	            const schCxt = cxt.subschema({
	                schema: sch,
	                dataTypes: [],
	                schemaPath: codegen_1.nil,
	                topSchemaRef: schName,
	                errSchemaPath: $ref,
	            }, valid);
	            cxt.mergeEvaluated(schCxt);
	            cxt.ok(valid);
	        }
	    },
	};
	function getValidate(cxt, sch) {
	    const { gen } = cxt;
	    return sch.validate
	        ? gen.scopeValue("validate", { ref: sch.validate })
	        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
	}
	ref.getValidate = getValidate;
	function callRef(cxt, v, sch, $async) {
	    const { gen, it } = cxt;
	    const { allErrors, schemaEnv: env, opts } = it;
	    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
	    if ($async)
	        callAsyncRef();
	    else
	        callSyncRef();
	    function callAsyncRef() {
	        if (!env.$async)
	            throw new Error("async schema referenced by sync schema");
	        const valid = gen.let("valid");
	        gen.try(() => {
	            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
	            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
	            if (!allErrors)
	                gen.assign(valid, true);
	        }, (e) => {
	            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
	            addErrorsFrom(e);
	            if (!allErrors)
	                gen.assign(valid, false);
	        });
	        cxt.ok(valid);
	    }
	    function callSyncRef() {
	        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
	    }
	    function addErrorsFrom(source) {
	        const errs = (0, codegen_1._) `${source}.errors`;
	        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
	        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	    }
	    function addEvaluatedFrom(source) {
	        var _a;
	        if (!it.opts.unevaluated)
	            return;
	        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
	        // TODO refactor
	        if (it.props !== true) {
	            if (schEvaluated && !schEvaluated.dynamicProps) {
	                if (schEvaluated.props !== undefined) {
	                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
	                }
	            }
	            else {
	                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
	                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
	            }
	        }
	        if (it.items !== true) {
	            if (schEvaluated && !schEvaluated.dynamicItems) {
	                if (schEvaluated.items !== undefined) {
	                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
	                }
	            }
	            else {
	                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
	                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
	            }
	        }
	    }
	}
	ref.callRef = callRef;
	ref.default = def;
	
	return ref;
}

var hasRequiredCore;

function requireCore () {
	if (hasRequiredCore) return core;
	hasRequiredCore = 1;
	Object.defineProperty(core, "__esModule", { value: true });
	const id_1 = /*@__PURE__*/ requireId();
	const ref_1 = /*@__PURE__*/ requireRef();
	const core$1 = [
	    "$schema",
	    "$id",
	    "$defs",
	    "$vocabulary",
	    { keyword: "$comment" },
	    "definitions",
	    id_1.default,
	    ref_1.default,
	];
	core.default = core$1;
	
	return core;
}

var validation = {};

var limitNumber = {};

var hasRequiredLimitNumber;

function requireLimitNumber () {
	if (hasRequiredLimitNumber) return limitNumber;
	hasRequiredLimitNumber = 1;
	Object.defineProperty(limitNumber, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const ops = codegen_1.operators;
	const KWDs = {
	    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
	    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
	    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
	    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
	};
	const error = {
	    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
	    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: Object.keys(KWDs),
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
	    },
	};
	limitNumber.default = def;
	
	return limitNumber;
}

var multipleOf = {};

var hasRequiredMultipleOf;

function requireMultipleOf () {
	if (hasRequiredMultipleOf) return multipleOf;
	hasRequiredMultipleOf = 1;
	Object.defineProperty(multipleOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
	};
	const def = {
	    keyword: "multipleOf",
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, schemaCode, it } = cxt;
	        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
	        const prec = it.opts.multipleOfPrecision;
	        const res = gen.let("res");
	        const invalid = prec
	            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
	            : (0, codegen_1._) `${res} !== parseInt(${res})`;
	        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
	    },
	};
	multipleOf.default = def;
	
	return multipleOf;
}

var limitLength = {};

var ucs2length = {};

var hasRequiredUcs2length;

function requireUcs2length () {
	if (hasRequiredUcs2length) return ucs2length;
	hasRequiredUcs2length = 1;
	Object.defineProperty(ucs2length, "__esModule", { value: true });
	// https://mathiasbynens.be/notes/javascript-encoding
	// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
	function ucs2length$1(str) {
	    const len = str.length;
	    let length = 0;
	    let pos = 0;
	    let value;
	    while (pos < len) {
	        length++;
	        value = str.charCodeAt(pos++);
	        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
	            // high surrogate, and there is a next character
	            value = str.charCodeAt(pos);
	            if ((value & 0xfc00) === 0xdc00)
	                pos++; // low surrogate
	        }
	    }
	    return length;
	}
	ucs2length.default = ucs2length$1;
	ucs2length$1.code = 'require("ajv/dist/runtime/ucs2length").default';
	
	return ucs2length;
}

var hasRequiredLimitLength;

function requireLimitLength () {
	if (hasRequiredLimitLength) return limitLength;
	hasRequiredLimitLength = 1;
	Object.defineProperty(limitLength, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const ucs2length_1 = /*@__PURE__*/ requireUcs2length();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxLength" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxLength", "minLength"],
	    type: "string",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode, it } = cxt;
	        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
	        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
	    },
	};
	limitLength.default = def;
	
	return limitLength;
}

var pattern = {};

var hasRequiredPattern;

function requirePattern () {
	if (hasRequiredPattern) return pattern;
	hasRequiredPattern = 1;
	Object.defineProperty(pattern, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
	};
	const def = {
	    keyword: "pattern",
	    type: "string",
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const u = it.opts.unicodeRegExp ? "u" : "";
	        if ($data) {
	            const { regExp } = it.opts.code;
	            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
	            const valid = gen.let("valid");
	            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
	            cxt.fail$data((0, codegen_1._) `!${valid}`);
	        }
	        else {
	            const regExp = (0, code_1.usePattern)(cxt, schema);
	            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
	        }
	    },
	};
	pattern.default = def;
	
	return pattern;
}

var limitProperties = {};

var hasRequiredLimitProperties;

function requireLimitProperties () {
	if (hasRequiredLimitProperties) return limitProperties;
	hasRequiredLimitProperties = 1;
	Object.defineProperty(limitProperties, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxProperties" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxProperties", "minProperties"],
	    type: "object",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
	    },
	};
	limitProperties.default = def;
	
	return limitProperties;
}

var required$1 = {};

var hasRequiredRequired;

function requireRequired () {
	if (hasRequiredRequired) return required$1;
	hasRequiredRequired = 1;
	Object.defineProperty(required$1, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
	    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
	};
	const def = {
	    keyword: "required",
	    type: "object",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, schema, schemaCode, data, $data, it } = cxt;
	        const { opts } = it;
	        if (!$data && schema.length === 0)
	            return;
	        const useLoop = schema.length >= opts.loopRequired;
	        if (it.allErrors)
	            allErrorsMode();
	        else
	            exitOnErrorMode();
	        if (opts.strictRequired) {
	            const props = cxt.parentSchema.properties;
	            const { definedProperties } = cxt.it;
	            for (const requiredKey of schema) {
	                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
	                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
	                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
	                }
	            }
	        }
	        function allErrorsMode() {
	            if (useLoop || $data) {
	                cxt.block$data(codegen_1.nil, loopAllRequired);
	            }
	            else {
	                for (const prop of schema) {
	                    (0, code_1.checkReportMissingProp)(cxt, prop);
	                }
	            }
	        }
	        function exitOnErrorMode() {
	            const missing = gen.let("missing");
	            if (useLoop || $data) {
	                const valid = gen.let("valid", true);
	                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
	                cxt.ok(valid);
	            }
	            else {
	                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
	                (0, code_1.reportMissingProp)(cxt, missing);
	                gen.else();
	            }
	        }
	        function loopAllRequired() {
	            gen.forOf("prop", schemaCode, (prop) => {
	                cxt.setParams({ missingProperty: prop });
	                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
	            });
	        }
	        function loopUntilMissing(missing, valid) {
	            cxt.setParams({ missingProperty: missing });
	            gen.forOf(missing, schemaCode, () => {
	                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
	                gen.if((0, codegen_1.not)(valid), () => {
	                    cxt.error();
	                    gen.break();
	                });
	            }, codegen_1.nil);
	        }
	    },
	};
	required$1.default = def;
	
	return required$1;
}

var limitItems = {};

var hasRequiredLimitItems;

function requireLimitItems () {
	if (hasRequiredLimitItems) return limitItems;
	hasRequiredLimitItems = 1;
	Object.defineProperty(limitItems, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxItems" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxItems", "minItems"],
	    type: "array",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
	    },
	};
	limitItems.default = def;
	
	return limitItems;
}

var uniqueItems = {};

var equal = {};

var hasRequiredEqual;

function requireEqual () {
	if (hasRequiredEqual) return equal;
	hasRequiredEqual = 1;
	Object.defineProperty(equal, "__esModule", { value: true });
	// https://github.com/ajv-validator/ajv/issues/889
	const equal$1 = requireFastDeepEqual();
	equal$1.code = 'require("ajv/dist/runtime/equal").default';
	equal.default = equal$1;
	
	return equal;
}

var hasRequiredUniqueItems;

function requireUniqueItems () {
	if (hasRequiredUniqueItems) return uniqueItems;
	hasRequiredUniqueItems = 1;
	Object.defineProperty(uniqueItems, "__esModule", { value: true });
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
	    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
	};
	const def = {
	    keyword: "uniqueItems",
	    type: "array",
	    schemaType: "boolean",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
	        if (!$data && !schema)
	            return;
	        const valid = gen.let("valid");
	        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
	        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
	        cxt.ok(valid);
	        function validateUniqueItems() {
	            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
	            const j = gen.let("j");
	            cxt.setParams({ i, j });
	            gen.assign(valid, true);
	            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
	        }
	        function canOptimize() {
	            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
	        }
	        function loopN(i, j) {
	            const item = gen.name("item");
	            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
	            const indices = gen.const("indices", (0, codegen_1._) `{}`);
	            gen.for((0, codegen_1._) `;${i}--;`, () => {
	                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
	                gen.if(wrongType, (0, codegen_1._) `continue`);
	                if (itemTypes.length > 1)
	                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
	                gen
	                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
	                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
	                    cxt.error();
	                    gen.assign(valid, false).break();
	                })
	                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
	            });
	        }
	        function loopN2(i, j) {
	            const eql = (0, util_1.useFunc)(gen, equal_1.default);
	            const outer = gen.name("outer");
	            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
	                cxt.error();
	                gen.assign(valid, false).break(outer);
	            })));
	        }
	    },
	};
	uniqueItems.default = def;
	
	return uniqueItems;
}

var _const = {};

var hasRequired_const;

function require_const () {
	if (hasRequired_const) return _const;
	hasRequired_const = 1;
	Object.defineProperty(_const, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to constant",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
	};
	const def = {
	    keyword: "const",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schemaCode, schema } = cxt;
	        if ($data || (schema && typeof schema == "object")) {
	            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
	        }
	        else {
	            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
	        }
	    },
	};
	_const.default = def;
	
	return _const;
}

var _enum = {};

var hasRequired_enum;

function require_enum () {
	if (hasRequired_enum) return _enum;
	hasRequired_enum = 1;
	Object.defineProperty(_enum, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to one of the allowed values",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
	};
	const def = {
	    keyword: "enum",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        if (!$data && schema.length === 0)
	            throw new Error("enum must have non-empty array");
	        const useLoop = schema.length >= it.opts.loopEnum;
	        let eql;
	        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
	        let valid;
	        if (useLoop || $data) {
	            valid = gen.let("valid");
	            cxt.block$data(valid, loopEnum);
	        }
	        else {
	            /* istanbul ignore if */
	            if (!Array.isArray(schema))
	                throw new Error("ajv implementation error");
	            const vSchema = gen.const("vSchema", schemaCode);
	            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
	        }
	        cxt.pass(valid);
	        function loopEnum() {
	            gen.assign(valid, false);
	            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
	        }
	        function equalCode(vSchema, i) {
	            const sch = schema[i];
	            return typeof sch === "object" && sch !== null
	                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
	                : (0, codegen_1._) `${data} === ${sch}`;
	        }
	    },
	};
	_enum.default = def;
	
	return _enum;
}

var hasRequiredValidation;

function requireValidation () {
	if (hasRequiredValidation) return validation;
	hasRequiredValidation = 1;
	Object.defineProperty(validation, "__esModule", { value: true });
	const limitNumber_1 = /*@__PURE__*/ requireLimitNumber();
	const multipleOf_1 = /*@__PURE__*/ requireMultipleOf();
	const limitLength_1 = /*@__PURE__*/ requireLimitLength();
	const pattern_1 = /*@__PURE__*/ requirePattern();
	const limitProperties_1 = /*@__PURE__*/ requireLimitProperties();
	const required_1 = /*@__PURE__*/ requireRequired();
	const limitItems_1 = /*@__PURE__*/ requireLimitItems();
	const uniqueItems_1 = /*@__PURE__*/ requireUniqueItems();
	const const_1 = /*@__PURE__*/ require_const();
	const enum_1 = /*@__PURE__*/ require_enum();
	const validation$1 = [
	    // number
	    limitNumber_1.default,
	    multipleOf_1.default,
	    // string
	    limitLength_1.default,
	    pattern_1.default,
	    // object
	    limitProperties_1.default,
	    required_1.default,
	    // array
	    limitItems_1.default,
	    uniqueItems_1.default,
	    // any
	    { keyword: "type", schemaType: ["string", "array"] },
	    { keyword: "nullable", schemaType: "boolean" },
	    const_1.default,
	    enum_1.default,
	];
	validation.default = validation$1;
	
	return validation;
}

var applicator = {};

var additionalItems = {};

var hasRequiredAdditionalItems;

function requireAdditionalItems () {
	if (hasRequiredAdditionalItems) return additionalItems;
	hasRequiredAdditionalItems = 1;
	Object.defineProperty(additionalItems, "__esModule", { value: true });
	additionalItems.validateAdditionalItems = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "additionalItems",
	    type: "array",
	    schemaType: ["boolean", "object"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { parentSchema, it } = cxt;
	        const { items } = parentSchema;
	        if (!Array.isArray(items)) {
	            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
	            return;
	        }
	        validateAdditionalItems(cxt, items);
	    },
	};
	function validateAdditionalItems(cxt, items) {
	    const { gen, schema, data, keyword, it } = cxt;
	    it.items = true;
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    if (schema === false) {
	        cxt.setParams({ len: items.length });
	        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
	    }
	    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
	        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
	        cxt.ok(valid);
	    }
	    function validateItems(valid) {
	        gen.forRange("i", items.length, len, (i) => {
	            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
	            if (!it.allErrors)
	                gen.if((0, codegen_1.not)(valid), () => gen.break());
	        });
	    }
	}
	additionalItems.validateAdditionalItems = validateAdditionalItems;
	additionalItems.default = def;
	
	return additionalItems;
}

var prefixItems = {};

var items = {};

var hasRequiredItems;

function requireItems () {
	if (hasRequiredItems) return items;
	hasRequiredItems = 1;
	Object.defineProperty(items, "__esModule", { value: true });
	items.validateTuple = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "array", "boolean"],
	    before: "uniqueItems",
	    code(cxt) {
	        const { schema, it } = cxt;
	        if (Array.isArray(schema))
	            return validateTuple(cxt, "additionalItems", schema);
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	function validateTuple(cxt, extraItems, schArr = cxt.schema) {
	    const { gen, parentSchema, data, keyword, it } = cxt;
	    checkStrictTuple(parentSchema);
	    if (it.opts.unevaluated && schArr.length && it.items !== true) {
	        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
	    }
	    const valid = gen.name("valid");
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    schArr.forEach((sch, i) => {
	        if ((0, util_1.alwaysValidSchema)(it, sch))
	            return;
	        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
	            keyword,
	            schemaProp: i,
	            dataProp: i,
	        }, valid));
	        cxt.ok(valid);
	    });
	    function checkStrictTuple(sch) {
	        const { opts, errSchemaPath } = it;
	        const l = schArr.length;
	        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
	        if (opts.strictTuples && !fullTuple) {
	            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
	            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
	        }
	    }
	}
	items.validateTuple = validateTuple;
	items.default = def;
	
	return items;
}

var hasRequiredPrefixItems;

function requirePrefixItems () {
	if (hasRequiredPrefixItems) return prefixItems;
	hasRequiredPrefixItems = 1;
	Object.defineProperty(prefixItems, "__esModule", { value: true });
	const items_1 = /*@__PURE__*/ requireItems();
	const def = {
	    keyword: "prefixItems",
	    type: "array",
	    schemaType: ["array"],
	    before: "uniqueItems",
	    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
	};
	prefixItems.default = def;
	
	return prefixItems;
}

var items2020 = {};

var hasRequiredItems2020;

function requireItems2020 () {
	if (hasRequiredItems2020) return items2020;
	hasRequiredItems2020 = 1;
	Object.defineProperty(items2020, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { schema, parentSchema, it } = cxt;
	        const { prefixItems } = parentSchema;
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        if (prefixItems)
	            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
	        else
	            cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	items2020.default = def;
	
	return items2020;
}

var contains = {};

var hasRequiredContains;

function requireContains () {
	if (hasRequiredContains) return contains;
	hasRequiredContains = 1;
	Object.defineProperty(contains, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { min, max } }) => max === undefined
	        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
	        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
	    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
	};
	const def = {
	    keyword: "contains",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        let min;
	        let max;
	        const { minContains, maxContains } = parentSchema;
	        if (it.opts.next) {
	            min = minContains === undefined ? 1 : minContains;
	            max = maxContains;
	        }
	        else {
	            min = 1;
	        }
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        cxt.setParams({ min, max });
	        if (max === undefined && min === 0) {
	            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
	            return;
	        }
	        if (max !== undefined && min > max) {
	            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
	            cxt.fail();
	            return;
	        }
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            let cond = (0, codegen_1._) `${len} >= ${min}`;
	            if (max !== undefined)
	                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
	            cxt.pass(cond);
	            return;
	        }
	        it.items = true;
	        const valid = gen.name("valid");
	        if (max === undefined && min === 1) {
	            validateItems(valid, () => gen.if(valid, () => gen.break()));
	        }
	        else if (min === 0) {
	            gen.let(valid, true);
	            if (max !== undefined)
	                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
	        }
	        else {
	            gen.let(valid, false);
	            validateItemsWithCount();
	        }
	        cxt.result(valid, () => cxt.reset());
	        function validateItemsWithCount() {
	            const schValid = gen.name("_valid");
	            const count = gen.let("count", 0);
	            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
	        }
	        function validateItems(_valid, block) {
	            gen.forRange("i", 0, len, (i) => {
	                cxt.subschema({
	                    keyword: "contains",
	                    dataProp: i,
	                    dataPropType: util_1.Type.Num,
	                    compositeRule: true,
	                }, _valid);
	                block();
	            });
	        }
	        function checkLimits(count) {
	            gen.code((0, codegen_1._) `${count}++`);
	            if (max === undefined) {
	                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
	            }
	            else {
	                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
	                if (min === 1)
	                    gen.assign(valid, true);
	                else
	                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
	            }
	        }
	    },
	};
	contains.default = def;
	
	return contains;
}

var dependencies$1 = {};

var hasRequiredDependencies;

function requireDependencies () {
	if (hasRequiredDependencies) return dependencies$1;
	hasRequiredDependencies = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const code_1 = /*@__PURE__*/ requireCode();
		exports.error = {
		    message: ({ params: { property, depsCount, deps } }) => {
		        const property_ies = depsCount === 1 ? "property" : "properties";
		        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
		    },
		    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
		};
		const def = {
		    keyword: "dependencies",
		    type: "object",
		    schemaType: "object",
		    error: exports.error,
		    code(cxt) {
		        const [propDeps, schDeps] = splitDependencies(cxt);
		        validatePropertyDeps(cxt, propDeps);
		        validateSchemaDeps(cxt, schDeps);
		    },
		};
		function splitDependencies({ schema }) {
		    const propertyDeps = {};
		    const schemaDeps = {};
		    for (const key in schema) {
		        if (key === "__proto__")
		            continue;
		        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
		        deps[key] = schema[key];
		    }
		    return [propertyDeps, schemaDeps];
		}
		function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
		    const { gen, data, it } = cxt;
		    if (Object.keys(propertyDeps).length === 0)
		        return;
		    const missing = gen.let("missing");
		    for (const prop in propertyDeps) {
		        const deps = propertyDeps[prop];
		        if (deps.length === 0)
		            continue;
		        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
		        cxt.setParams({
		            property: prop,
		            depsCount: deps.length,
		            deps: deps.join(", "),
		        });
		        if (it.allErrors) {
		            gen.if(hasProperty, () => {
		                for (const depProp of deps) {
		                    (0, code_1.checkReportMissingProp)(cxt, depProp);
		                }
		            });
		        }
		        else {
		            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
		            (0, code_1.reportMissingProp)(cxt, missing);
		            gen.else();
		        }
		    }
		}
		exports.validatePropertyDeps = validatePropertyDeps;
		function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
		    const { gen, data, keyword, it } = cxt;
		    const valid = gen.name("valid");
		    for (const prop in schemaDeps) {
		        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
		            continue;
		        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
		            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
		            cxt.mergeValidEvaluated(schCxt, valid);
		        }, () => gen.var(valid, true) // TODO var
		        );
		        cxt.ok(valid);
		    }
		}
		exports.validateSchemaDeps = validateSchemaDeps;
		exports.default = def;
		
	} (dependencies$1));
	return dependencies$1;
}

var propertyNames = {};

var hasRequiredPropertyNames;

function requirePropertyNames () {
	if (hasRequiredPropertyNames) return propertyNames;
	hasRequiredPropertyNames = 1;
	Object.defineProperty(propertyNames, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "property name must be valid",
	    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
	};
	const def = {
	    keyword: "propertyNames",
	    type: "object",
	    schemaType: ["object", "boolean"],
	    error,
	    code(cxt) {
	        const { gen, schema, data, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const valid = gen.name("valid");
	        gen.forIn("key", data, (key) => {
	            cxt.setParams({ propertyName: key });
	            cxt.subschema({
	                keyword: "propertyNames",
	                data: key,
	                dataTypes: ["string"],
	                propertyName: key,
	                compositeRule: true,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), () => {
	                cxt.error(true);
	                if (!it.allErrors)
	                    gen.break();
	            });
	        });
	        cxt.ok(valid);
	    },
	};
	propertyNames.default = def;
	
	return propertyNames;
}

var additionalProperties = {};

var hasRequiredAdditionalProperties;

function requireAdditionalProperties () {
	if (hasRequiredAdditionalProperties) return additionalProperties;
	hasRequiredAdditionalProperties = 1;
	Object.defineProperty(additionalProperties, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must NOT have additional properties",
	    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
	};
	const def = {
	    keyword: "additionalProperties",
	    type: ["object"],
	    schemaType: ["boolean", "object"],
	    allowUndefined: true,
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
	        /* istanbul ignore if */
	        if (!errsCount)
	            throw new Error("ajv implementation error");
	        const { allErrors, opts } = it;
	        it.props = true;
	        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
	        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
	        checkAdditionalProperties();
	        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	        function checkAdditionalProperties() {
	            gen.forIn("key", data, (key) => {
	                if (!props.length && !patProps.length)
	                    additionalPropertyCode(key);
	                else
	                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
	            });
	        }
	        function isAdditional(key) {
	            let definedProp;
	            if (props.length > 8) {
	                // TODO maybe an option instead of hard-coded 8?
	                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
	                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
	            }
	            else if (props.length) {
	                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
	            }
	            else {
	                definedProp = codegen_1.nil;
	            }
	            if (patProps.length) {
	                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
	            }
	            return (0, codegen_1.not)(definedProp);
	        }
	        function deleteAdditional(key) {
	            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
	        }
	        function additionalPropertyCode(key) {
	            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
	                deleteAdditional(key);
	                return;
	            }
	            if (schema === false) {
	                cxt.setParams({ additionalProperty: key });
	                cxt.error();
	                if (!allErrors)
	                    gen.break();
	                return;
	            }
	            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	                const valid = gen.name("valid");
	                if (opts.removeAdditional === "failing") {
	                    applyAdditionalSchema(key, valid, false);
	                    gen.if((0, codegen_1.not)(valid), () => {
	                        cxt.reset();
	                        deleteAdditional(key);
	                    });
	                }
	                else {
	                    applyAdditionalSchema(key, valid);
	                    if (!allErrors)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                }
	            }
	        }
	        function applyAdditionalSchema(key, valid, errors) {
	            const subschema = {
	                keyword: "additionalProperties",
	                dataProp: key,
	                dataPropType: util_1.Type.Str,
	            };
	            if (errors === false) {
	                Object.assign(subschema, {
	                    compositeRule: true,
	                    createErrors: false,
	                    allErrors: false,
	                });
	            }
	            cxt.subschema(subschema, valid);
	        }
	    },
	};
	additionalProperties.default = def;
	
	return additionalProperties;
}

var properties$2 = {};

var hasRequiredProperties;

function requireProperties () {
	if (hasRequiredProperties) return properties$2;
	hasRequiredProperties = 1;
	Object.defineProperty(properties$2, "__esModule", { value: true });
	const validate_1 = /*@__PURE__*/ requireValidate();
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const def = {
	    keyword: "properties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
	            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
	        }
	        const allProps = (0, code_1.allSchemaProperties)(schema);
	        for (const prop of allProps) {
	            it.definedProperties.add(prop);
	        }
	        if (it.opts.unevaluated && allProps.length && it.props !== true) {
	            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
	        }
	        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (properties.length === 0)
	            return;
	        const valid = gen.name("valid");
	        for (const prop of properties) {
	            if (hasDefault(prop)) {
	                applyPropertySchema(prop);
	            }
	            else {
	                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
	                applyPropertySchema(prop);
	                if (!it.allErrors)
	                    gen.else().var(valid, true);
	                gen.endIf();
	            }
	            cxt.it.definedProperties.add(prop);
	            cxt.ok(valid);
	        }
	        function hasDefault(prop) {
	            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
	        }
	        function applyPropertySchema(prop) {
	            cxt.subschema({
	                keyword: "properties",
	                schemaProp: prop,
	                dataProp: prop,
	            }, valid);
	        }
	    },
	};
	properties$2.default = def;
	
	return properties$2;
}

var patternProperties = {};

var hasRequiredPatternProperties;

function requirePatternProperties () {
	if (hasRequiredPatternProperties) return patternProperties;
	hasRequiredPatternProperties = 1;
	Object.defineProperty(patternProperties, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const util_2 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "patternProperties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, data, parentSchema, it } = cxt;
	        const { opts } = it;
	        const patterns = (0, code_1.allSchemaProperties)(schema);
	        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (patterns.length === 0 ||
	            (alwaysValidPatterns.length === patterns.length &&
	                (!it.opts.unevaluated || it.props === true))) {
	            return;
	        }
	        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
	        const valid = gen.name("valid");
	        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
	            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
	        }
	        const { props } = it;
	        validatePatternProperties();
	        function validatePatternProperties() {
	            for (const pat of patterns) {
	                if (checkProperties)
	                    checkMatchingProperties(pat);
	                if (it.allErrors) {
	                    validateProperties(pat);
	                }
	                else {
	                    gen.var(valid, true); // TODO var
	                    validateProperties(pat);
	                    gen.if(valid);
	                }
	            }
	        }
	        function checkMatchingProperties(pat) {
	            for (const prop in checkProperties) {
	                if (new RegExp(pat).test(prop)) {
	                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
	                }
	            }
	        }
	        function validateProperties(pat) {
	            gen.forIn("key", data, (key) => {
	                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
	                    const alwaysValid = alwaysValidPatterns.includes(pat);
	                    if (!alwaysValid) {
	                        cxt.subschema({
	                            keyword: "patternProperties",
	                            schemaProp: pat,
	                            dataProp: key,
	                            dataPropType: util_2.Type.Str,
	                        }, valid);
	                    }
	                    if (it.opts.unevaluated && props !== true) {
	                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
	                    }
	                    else if (!alwaysValid && !it.allErrors) {
	                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
	                        // or if all properties were evaluated (props === true)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                    }
	                });
	            });
	        }
	    },
	};
	patternProperties.default = def;
	
	return patternProperties;
}

var not = {};

var hasRequiredNot;

function requireNot () {
	if (hasRequiredNot) return not;
	hasRequiredNot = 1;
	Object.defineProperty(not, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "not",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            cxt.fail();
	            return;
	        }
	        const valid = gen.name("valid");
	        cxt.subschema({
	            keyword: "not",
	            compositeRule: true,
	            createErrors: false,
	            allErrors: false,
	        }, valid);
	        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
	    },
	    error: { message: "must NOT be valid" },
	};
	not.default = def;
	
	return not;
}

var anyOf = {};

var hasRequiredAnyOf;

function requireAnyOf () {
	if (hasRequiredAnyOf) return anyOf;
	hasRequiredAnyOf = 1;
	Object.defineProperty(anyOf, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "anyOf",
	    schemaType: "array",
	    trackErrors: true,
	    code: code_1.validateUnion,
	    error: { message: "must match a schema in anyOf" },
	};
	anyOf.default = def;
	
	return anyOf;
}

var oneOf = {};

var hasRequiredOneOf;

function requireOneOf () {
	if (hasRequiredOneOf) return oneOf;
	hasRequiredOneOf = 1;
	Object.defineProperty(oneOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must match exactly one schema in oneOf",
	    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
	};
	const def = {
	    keyword: "oneOf",
	    schemaType: "array",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        if (it.opts.discriminator && parentSchema.discriminator)
	            return;
	        const schArr = schema;
	        const valid = gen.let("valid", false);
	        const passing = gen.let("passing", null);
	        const schValid = gen.name("_valid");
	        cxt.setParams({ passing });
	        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
	        gen.block(validateOneOf);
	        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	        function validateOneOf() {
	            schArr.forEach((sch, i) => {
	                let schCxt;
	                if ((0, util_1.alwaysValidSchema)(it, sch)) {
	                    gen.var(schValid, true);
	                }
	                else {
	                    schCxt = cxt.subschema({
	                        keyword: "oneOf",
	                        schemaProp: i,
	                        compositeRule: true,
	                    }, schValid);
	                }
	                if (i > 0) {
	                    gen
	                        .if((0, codegen_1._) `${schValid} && ${valid}`)
	                        .assign(valid, false)
	                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
	                        .else();
	                }
	                gen.if(schValid, () => {
	                    gen.assign(valid, true);
	                    gen.assign(passing, i);
	                    if (schCxt)
	                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
	                });
	            });
	        }
	    },
	};
	oneOf.default = def;
	
	return oneOf;
}

var allOf = {};

var hasRequiredAllOf;

function requireAllOf () {
	if (hasRequiredAllOf) return allOf;
	hasRequiredAllOf = 1;
	Object.defineProperty(allOf, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "allOf",
	    schemaType: "array",
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        const valid = gen.name("valid");
	        schema.forEach((sch, i) => {
	            if ((0, util_1.alwaysValidSchema)(it, sch))
	                return;
	            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
	            cxt.ok(valid);
	            cxt.mergeEvaluated(schCxt);
	        });
	    },
	};
	allOf.default = def;
	
	return allOf;
}

var _if = {};

var hasRequired_if;

function require_if () {
	if (hasRequired_if) return _if;
	hasRequired_if = 1;
	Object.defineProperty(_if, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
	    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
	};
	const def = {
	    keyword: "if",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, parentSchema, it } = cxt;
	        if (parentSchema.then === undefined && parentSchema.else === undefined) {
	            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
	        }
	        const hasThen = hasSchema(it, "then");
	        const hasElse = hasSchema(it, "else");
	        if (!hasThen && !hasElse)
	            return;
	        const valid = gen.let("valid", true);
	        const schValid = gen.name("_valid");
	        validateIf();
	        cxt.reset();
	        if (hasThen && hasElse) {
	            const ifClause = gen.let("ifClause");
	            cxt.setParams({ ifClause });
	            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
	        }
	        else if (hasThen) {
	            gen.if(schValid, validateClause("then"));
	        }
	        else {
	            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
	        }
	        cxt.pass(valid, () => cxt.error(true));
	        function validateIf() {
	            const schCxt = cxt.subschema({
	                keyword: "if",
	                compositeRule: true,
	                createErrors: false,
	                allErrors: false,
	            }, schValid);
	            cxt.mergeEvaluated(schCxt);
	        }
	        function validateClause(keyword, ifClause) {
	            return () => {
	                const schCxt = cxt.subschema({ keyword }, schValid);
	                gen.assign(valid, schValid);
	                cxt.mergeValidEvaluated(schCxt, valid);
	                if (ifClause)
	                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
	                else
	                    cxt.setParams({ ifClause: keyword });
	            };
	        }
	    },
	};
	function hasSchema(it, keyword) {
	    const schema = it.schema[keyword];
	    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
	}
	_if.default = def;
	
	return _if;
}

var thenElse = {};

var hasRequiredThenElse;

function requireThenElse () {
	if (hasRequiredThenElse) return thenElse;
	hasRequiredThenElse = 1;
	Object.defineProperty(thenElse, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: ["then", "else"],
	    schemaType: ["object", "boolean"],
	    code({ keyword, parentSchema, it }) {
	        if (parentSchema.if === undefined)
	            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
	    },
	};
	thenElse.default = def;
	
	return thenElse;
}

var hasRequiredApplicator;

function requireApplicator () {
	if (hasRequiredApplicator) return applicator;
	hasRequiredApplicator = 1;
	Object.defineProperty(applicator, "__esModule", { value: true });
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const prefixItems_1 = /*@__PURE__*/ requirePrefixItems();
	const items_1 = /*@__PURE__*/ requireItems();
	const items2020_1 = /*@__PURE__*/ requireItems2020();
	const contains_1 = /*@__PURE__*/ requireContains();
	const dependencies_1 = /*@__PURE__*/ requireDependencies();
	const propertyNames_1 = /*@__PURE__*/ requirePropertyNames();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const properties_1 = /*@__PURE__*/ requireProperties();
	const patternProperties_1 = /*@__PURE__*/ requirePatternProperties();
	const not_1 = /*@__PURE__*/ requireNot();
	const anyOf_1 = /*@__PURE__*/ requireAnyOf();
	const oneOf_1 = /*@__PURE__*/ requireOneOf();
	const allOf_1 = /*@__PURE__*/ requireAllOf();
	const if_1 = /*@__PURE__*/ require_if();
	const thenElse_1 = /*@__PURE__*/ requireThenElse();
	function getApplicator(draft2020 = false) {
	    const applicator = [
	        // any
	        not_1.default,
	        anyOf_1.default,
	        oneOf_1.default,
	        allOf_1.default,
	        if_1.default,
	        thenElse_1.default,
	        // object
	        propertyNames_1.default,
	        additionalProperties_1.default,
	        dependencies_1.default,
	        properties_1.default,
	        patternProperties_1.default,
	    ];
	    // array
	    if (draft2020)
	        applicator.push(prefixItems_1.default, items2020_1.default);
	    else
	        applicator.push(additionalItems_1.default, items_1.default);
	    applicator.push(contains_1.default);
	    return applicator;
	}
	applicator.default = getApplicator;
	
	return applicator;
}

var format$1 = {};

var format = {};

var hasRequiredFormat$1;

function requireFormat$1 () {
	if (hasRequiredFormat$1) return format;
	hasRequiredFormat$1 = 1;
	Object.defineProperty(format, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
	};
	const def = {
	    keyword: "format",
	    type: ["number", "string"],
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt, ruleType) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const { opts, errSchemaPath, schemaEnv, self } = it;
	        if (!opts.validateFormats)
	            return;
	        if ($data)
	            validate$DataFormat();
	        else
	            validateFormat();
	        function validate$DataFormat() {
	            const fmts = gen.scopeValue("formats", {
	                ref: self.formats,
	                code: opts.code.formats,
	            });
	            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
	            const fType = gen.let("fType");
	            const format = gen.let("format");
	            // TODO simplify
	            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
	            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
	            function unknownFmt() {
	                if (opts.strictSchema === false)
	                    return codegen_1.nil;
	                return (0, codegen_1._) `${schemaCode} && !${format}`;
	            }
	            function invalidFmt() {
	                const callFormat = schemaEnv.$async
	                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
	                    : (0, codegen_1._) `${format}(${data})`;
	                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
	                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
	            }
	        }
	        function validateFormat() {
	            const formatDef = self.formats[schema];
	            if (!formatDef) {
	                unknownFormat();
	                return;
	            }
	            if (formatDef === true)
	                return;
	            const [fmtType, format, fmtRef] = getFormat(formatDef);
	            if (fmtType === ruleType)
	                cxt.pass(validCondition());
	            function unknownFormat() {
	                if (opts.strictSchema === false) {
	                    self.logger.warn(unknownMsg());
	                    return;
	                }
	                throw new Error(unknownMsg());
	                function unknownMsg() {
	                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
	                }
	            }
	            function getFormat(fmtDef) {
	                const code = fmtDef instanceof RegExp
	                    ? (0, codegen_1.regexpCode)(fmtDef)
	                    : opts.code.formats
	                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
	                        : undefined;
	                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
	                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
	                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
	                }
	                return ["string", fmtDef, fmt];
	            }
	            function validCondition() {
	                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
	                    if (!schemaEnv.$async)
	                        throw new Error("async format in sync schema");
	                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
	                }
	                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
	            }
	        }
	    },
	};
	format.default = def;
	
	return format;
}

var hasRequiredFormat;

function requireFormat () {
	if (hasRequiredFormat) return format$1;
	hasRequiredFormat = 1;
	Object.defineProperty(format$1, "__esModule", { value: true });
	const format_1 = /*@__PURE__*/ requireFormat$1();
	const format = [format_1.default];
	format$1.default = format;
	
	return format$1;
}

var metadata = {};

var hasRequiredMetadata;

function requireMetadata () {
	if (hasRequiredMetadata) return metadata;
	hasRequiredMetadata = 1;
	Object.defineProperty(metadata, "__esModule", { value: true });
	metadata.contentVocabulary = metadata.metadataVocabulary = void 0;
	metadata.metadataVocabulary = [
	    "title",
	    "description",
	    "default",
	    "deprecated",
	    "readOnly",
	    "writeOnly",
	    "examples",
	];
	metadata.contentVocabulary = [
	    "contentMediaType",
	    "contentEncoding",
	    "contentSchema",
	];
	
	return metadata;
}

var hasRequiredDraft7;

function requireDraft7 () {
	if (hasRequiredDraft7) return draft7;
	hasRequiredDraft7 = 1;
	Object.defineProperty(draft7, "__esModule", { value: true });
	const core_1 = /*@__PURE__*/ requireCore();
	const validation_1 = /*@__PURE__*/ requireValidation();
	const applicator_1 = /*@__PURE__*/ requireApplicator();
	const format_1 = /*@__PURE__*/ requireFormat();
	const metadata_1 = /*@__PURE__*/ requireMetadata();
	const draft7Vocabularies = [
	    core_1.default,
	    validation_1.default,
	    (0, applicator_1.default)(),
	    format_1.default,
	    metadata_1.metadataVocabulary,
	    metadata_1.contentVocabulary,
	];
	draft7.default = draft7Vocabularies;
	
	return draft7;
}

var discriminator = {};

var types = {};

var hasRequiredTypes;

function requireTypes () {
	if (hasRequiredTypes) return types;
	hasRequiredTypes = 1;
	Object.defineProperty(types, "__esModule", { value: true });
	types.DiscrError = void 0;
	var DiscrError;
	(function (DiscrError) {
	    DiscrError["Tag"] = "tag";
	    DiscrError["Mapping"] = "mapping";
	})(DiscrError || (types.DiscrError = DiscrError = {}));
	
	return types;
}

var hasRequiredDiscriminator;

function requireDiscriminator () {
	if (hasRequiredDiscriminator) return discriminator;
	hasRequiredDiscriminator = 1;
	Object.defineProperty(discriminator, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const types_1 = /*@__PURE__*/ requireTypes();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
	        ? `tag "${tagName}" must be string`
	        : `value of tag "${tagName}" must be in oneOf`,
	    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
	};
	const def = {
	    keyword: "discriminator",
	    type: "object",
	    schemaType: "object",
	    error,
	    code(cxt) {
	        const { gen, data, schema, parentSchema, it } = cxt;
	        const { oneOf } = parentSchema;
	        if (!it.opts.discriminator) {
	            throw new Error("discriminator: requires discriminator option");
	        }
	        const tagName = schema.propertyName;
	        if (typeof tagName != "string")
	            throw new Error("discriminator: requires propertyName");
	        if (schema.mapping)
	            throw new Error("discriminator: mapping is not supported");
	        if (!oneOf)
	            throw new Error("discriminator: requires oneOf keyword");
	        const valid = gen.let("valid", false);
	        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
	        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
	        cxt.ok(valid);
	        function validateMapping() {
	            const mapping = getMapping();
	            gen.if(false);
	            for (const tagValue in mapping) {
	                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
	                gen.assign(valid, applyTagSchema(mapping[tagValue]));
	            }
	            gen.else();
	            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
	            gen.endIf();
	        }
	        function applyTagSchema(schemaProp) {
	            const _valid = gen.name("valid");
	            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
	            cxt.mergeEvaluated(schCxt, codegen_1.Name);
	            return _valid;
	        }
	        function getMapping() {
	            var _a;
	            const oneOfMapping = {};
	            const topRequired = hasRequired(parentSchema);
	            let tagRequired = true;
	            for (let i = 0; i < oneOf.length; i++) {
	                let sch = oneOf[i];
	                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
	                    const ref = sch.$ref;
	                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
	                    if (sch instanceof compile_1.SchemaEnv)
	                        sch = sch.schema;
	                    if (sch === undefined)
	                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
	                }
	                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
	                if (typeof propSch != "object") {
	                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
	                }
	                tagRequired = tagRequired && (topRequired || hasRequired(sch));
	                addMappings(propSch, i);
	            }
	            if (!tagRequired)
	                throw new Error(`discriminator: "${tagName}" must be required`);
	            return oneOfMapping;
	            function hasRequired({ required }) {
	                return Array.isArray(required) && required.includes(tagName);
	            }
	            function addMappings(sch, i) {
	                if (sch.const) {
	                    addMapping(sch.const, i);
	                }
	                else if (sch.enum) {
	                    for (const tagValue of sch.enum) {
	                        addMapping(tagValue, i);
	                    }
	                }
	                else {
	                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
	                }
	            }
	            function addMapping(tagValue, i) {
	                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
	                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
	                }
	                oneOfMapping[tagValue] = i;
	            }
	        }
	    },
	};
	discriminator.default = def;
	
	return discriminator;
}

var $schema$1 = "http://json-schema.org/draft-07/schema#";
var $id$1 = "http://json-schema.org/draft-07/schema#";
var title$1 = "Core schema meta-schema";
var definitions$1 = {
	schemaArray: {
		type: "array",
		minItems: 1,
		items: {
			$ref: "#"
		}
	},
	nonNegativeInteger: {
		type: "integer",
		minimum: 0
	},
	nonNegativeIntegerDefault0: {
		allOf: [
			{
				$ref: "#/definitions/nonNegativeInteger"
			},
			{
				"default": 0
			}
		]
	},
	simpleTypes: {
		"enum": [
			"array",
			"boolean",
			"integer",
			"null",
			"number",
			"object",
			"string"
		]
	},
	stringArray: {
		type: "array",
		items: {
			type: "string"
		},
		uniqueItems: true,
		"default": [
		]
	}
};
var type$1 = [
	"object",
	"boolean"
];
var properties$1 = {
	$id: {
		type: "string",
		format: "uri-reference"
	},
	$schema: {
		type: "string",
		format: "uri"
	},
	$ref: {
		type: "string",
		format: "uri-reference"
	},
	$comment: {
		type: "string"
	},
	title: {
		type: "string"
	},
	description: {
		type: "string"
	},
	"default": true,
	readOnly: {
		type: "boolean",
		"default": false
	},
	examples: {
		type: "array",
		items: true
	},
	multipleOf: {
		type: "number",
		exclusiveMinimum: 0
	},
	maximum: {
		type: "number"
	},
	exclusiveMaximum: {
		type: "number"
	},
	minimum: {
		type: "number"
	},
	exclusiveMinimum: {
		type: "number"
	},
	maxLength: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minLength: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	pattern: {
		type: "string",
		format: "regex"
	},
	additionalItems: {
		$ref: "#"
	},
	items: {
		anyOf: [
			{
				$ref: "#"
			},
			{
				$ref: "#/definitions/schemaArray"
			}
		],
		"default": true
	},
	maxItems: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minItems: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	uniqueItems: {
		type: "boolean",
		"default": false
	},
	contains: {
		$ref: "#"
	},
	maxProperties: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minProperties: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	required: {
		$ref: "#/definitions/stringArray"
	},
	additionalProperties: {
		$ref: "#"
	},
	definitions: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	properties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	patternProperties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		propertyNames: {
			format: "regex"
		},
		"default": {
		}
	},
	dependencies: {
		type: "object",
		additionalProperties: {
			anyOf: [
				{
					$ref: "#"
				},
				{
					$ref: "#/definitions/stringArray"
				}
			]
		}
	},
	propertyNames: {
		$ref: "#"
	},
	"const": true,
	"enum": {
		type: "array",
		items: true,
		minItems: 1,
		uniqueItems: true
	},
	type: {
		anyOf: [
			{
				$ref: "#/definitions/simpleTypes"
			},
			{
				type: "array",
				items: {
					$ref: "#/definitions/simpleTypes"
				},
				minItems: 1,
				uniqueItems: true
			}
		]
	},
	format: {
		type: "string"
	},
	contentMediaType: {
		type: "string"
	},
	contentEncoding: {
		type: "string"
	},
	"if": {
		$ref: "#"
	},
	then: {
		$ref: "#"
	},
	"else": {
		$ref: "#"
	},
	allOf: {
		$ref: "#/definitions/schemaArray"
	},
	anyOf: {
		$ref: "#/definitions/schemaArray"
	},
	oneOf: {
		$ref: "#/definitions/schemaArray"
	},
	not: {
		$ref: "#"
	}
};
var require$$3 = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	definitions: definitions$1,
	type: type$1,
	properties: properties$1,
	"default": true
};

var hasRequiredAjv;

function requireAjv () {
	if (hasRequiredAjv) return ajv$1.exports;
	hasRequiredAjv = 1;
	(function (module, exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
		const core_1 = /*@__PURE__*/ requireCore$1();
		const draft7_1 = /*@__PURE__*/ requireDraft7();
		const discriminator_1 = /*@__PURE__*/ requireDiscriminator();
		const draft7MetaSchema = require$$3;
		const META_SUPPORT_DATA = ["/properties"];
		const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
		class Ajv extends core_1.default {
		    _addVocabularies() {
		        super._addVocabularies();
		        draft7_1.default.forEach((v) => this.addVocabulary(v));
		        if (this.opts.discriminator)
		            this.addKeyword(discriminator_1.default);
		    }
		    _addDefaultMetaSchema() {
		        super._addDefaultMetaSchema();
		        if (!this.opts.meta)
		            return;
		        const metaSchema = this.opts.$data
		            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
		            : draft7MetaSchema;
		        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
		        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
		    }
		    defaultMeta() {
		        return (this.opts.defaultMeta =
		            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
		    }
		}
		exports.Ajv = Ajv;
		module.exports = exports = Ajv;
		module.exports.Ajv = Ajv;
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.default = Ajv;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		var validation_error_1 = /*@__PURE__*/ requireValidation_error();
		Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return validation_error_1.default; } });
		var ref_error_1 = /*@__PURE__*/ requireRef_error();
		Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function () { return ref_error_1.default; } });
		
	} (ajv$1, ajv$1.exports));
	return ajv$1.exports;
}

var ajvExports = /*@__PURE__*/ requireAjv();

// The probe's report as a JSON Schema, checked with the library the results
// file is read with (Ajv): the report travels on a channel the measured code
// can write to, so nothing in it is trusted before it has this shape. The
// sample metrics' fields come from the metric table.
const text = { type: 'string' };
const texts = { type: 'array', items: text };
const number = { type: 'number' };
const numberOrNull = { type: ['number', 'null'] };
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
};
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
};
/** probe_functions.py's call graph: finite numbers only (Python's json writes NaN and Infinity). */
const finite = { type: 'number', minimum: -1e300, maximum: 1e300 };
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
};
const INTERPRETER_INFO = {
    type: 'object',
    required: ['mode', 'version'],
    properties: { mode: { const: 'info' }, version: text },
};
const ajv = new ajvExports.Ajv({ strict: false, allErrors: false });
const isProbeReport = ajv.compile(PROBE_REPORT);
const isInterpreterInfo = ajv.compile(INTERPRETER_INFO);
const isFunctionsReport = ajv.compile(FUNCTIONS_REPORT);
/** Where a value failed the last check, in a few words: "/lazy/0/line must be integer". */
const whereItFailed = (check) => (check.errors ?? [])
    .map((e) => `${e.instancePath || 'the report'} ${e.message ?? 'is not valid'}`)
    .join('; ');

// What probe.py reports, and how a report that is not what it should be is
// turned into an error rather than trusted.
const BEGIN_MARK = 'importgate-probe: begin import';
const END_MARK = 'importgate-probe: end import';
/**
 * The report channel held something that is not a probe report: measured code
 * wrote to the descriptor, or the probe was cut short. It fails the arm, not
 * the run.
 */
class BadReportError extends Error {
    name = 'BadReportError';
}
/** Parses the probe's report; throws BadReportError with the raw text when it is malformed. */
function parseProbeReport(raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        throw new BadReportError(`the probe's report is not JSON: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    if (!isProbeReport(value))
        throw new BadReportError(`the probe's report has an unexpected shape (${whereItFailed(isProbeReport)}): ${raw.slice(0, 200)}`);
    return value;
}
function parseInterpreterInfo(raw) {
    const value = JSON.parse(raw);
    if (!isInterpreterInfo(value))
        throw new Error(`unexpected interpreter description: ${raw.slice(0, 200)}`);
    return value;
}

// Finding the interpreter, asking it what it is, and compiling the probe for it.
const MIN_PYTHON = [3, 8];
/**
 * Runs the probe's info mode. The interpreter it reports as sys.executable is
 * the one to sample: a launcher in front of it (a pyenv shim is a shell script)
 * would add its own start-up to every sample.
 */
async function describeInterpreter(python, env, cwd, 
/** The input that named the interpreter, as its user wrote it: --python, input "python". */
input = '--python') {
    const outcome = await runMeasured({
        command: python,
        args: [probePath(), 'info', String(REPORT_FD)],
        env,
        cwd,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    if (!outcome.report) {
        const tail = outcome.stderr.toString('utf8').trim().split('\n').slice(-10).join('\n');
        throw new SetupError(`${input}: ${python} did not start as a Python interpreter (exit status ${outcome.code}${outcome.signal ? `, ${outcome.signal}` : ''})${tail ? `:\n${tail}` : ''}`);
    }
    let info;
    try {
        info = parseInterpreterInfo(outcome.report);
    }
    catch (error) {
        throw new SetupError(`${input}: ${python} did not describe itself as a Python interpreter would: ${error.message}`);
    }
    const [major, minor] = info.version_info;
    if (info.implementation !== 'cpython') {
        // -X importtime and the start-up behaviour we rely on are CPython's.
        throw new SetupError(`${input}: ${python} is ${info.implementation}; importgate measures CPython 3.8 or newer`);
    }
    if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
        throw new SetupError(`${input}: ${python} is Python ${info.version_info.join('.')}; importgate needs 3.8 or newer`);
    }
    return info;
}
/** Lazy imports (PEP 810) came with Python 3.15. */
function hasLazyImports(info) {
    const [major, minor] = info.version_info;
    return major > 3 || (major === 3 && minor >= 15);
}
/**
 * Where probe.py is. In the bundle it sits beside dist/cli.js and dist/index.js;
 * from source (tests, tsx) beside this file. Both resolve from import.meta.url.
 */
function probePath() {
    const path = fileURLToPath(new URL('./probe.py', import.meta.url));
    if (!existsSync(path)) {
        throw new SetupError(`importgate is incomplete: the probe is missing at ${path}; rebuild with npm run bundle`);
    }
    return path;
}
/** probe_functions.py, beside probe.py: the functions mode loads it by path after the import. */
function functionsHelperPath() {
    return join(dirname(probePath()), 'probe_functions.py');
}
const COMPILE = 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)';
/**
 * The probe compiled by `python` into `dir`, ready to run as a script. A
 * script's source is compiled on every start (about 1.3 ms on 3.8, 1.9 ms on
 * 3.13 for the probe); a .pyc given as the script is not. Falls back to the
 * source when compiling fails: slower, equally correct.
 */
async function compiledProbe(python, env, dir) {
    const source = probePath();
    const target = join(dir, 'importgate_probe.pyc');
    const outcome = await runMeasured({
        command: python,
        args: ['-c', COMPILE, source, target],
        env,
        cwd: dir,
        timeoutMs: 60_000,
        stderr: 'tail',
        // Compiled by importgate's own user into a folder the sandbox cannot write:
        // the measured code cannot change the probe that reports on it.
        trusted: true,
    });
    return outcome.code === 0 && existsSync(target) ? target : source;
}

// What a sample in a cache state other than warm needs before it runs.
// no-pyc: PYTHONPYCACHEPREFIX points at a fresh, empty folder (Python then
// neither reads nor writes the __pycache__ folders beside the sources), with
// writing off, so every module is compiled from source, as on a first start
// or a read-only file system. cold: the page cache is emptied before the
// sample: all of it through /proc/sys/vm/drop_caches where we may write it (as
// root, or `sudo -n` as on hosted runners), else each file under the
// interpreter's sys.path through posix_fadvise(DONTNEED), which leaves the
// kernel's directory entries cached (so `stat` calls stay warm).
const DROP = '/proc/sys/vm/drop_caches';
// Walks each path and asks the kernel to drop every file's cached pages.
const EVICT = [
    'import os, sys',
    'for top in sys.argv[1:]:',
    '    tops = [top] if os.path.isfile(top) else []',
    '    files = tops + [os.path.join(r, n) for r, _, ns in os.walk(top) for n in ns]',
    '    for path in files:',
    '        try:',
    '            fd = os.open(path, os.O_RDONLY)',
    '        except OSError:',
    '            continue',
    '        try:',
    '            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)',
    '        except OSError:',
    '            pass',
    '        os.close(fd)',
].join('\n');
const succeeds = (command, args, h) => outputIfOk({ command, args, env: h.env, cwd: h.cwd, timeoutMs: 120_000, signal: h.signal });
/** Dirty pages are not dropped: written .pyc files must reach the disk first. */
async function dropCaches(method, h) {
    await succeeds('sync', [], h);
    if (method === 'sudo-drop-caches')
        return (await succeeds('sudo', ['-n', 'sysctl', '-q', '-w', 'vm.drop_caches=3'], h)) !== null;
    try {
        await writeFile(DROP, '3');
        return true;
    }
    catch {
        return false;
    }
}
/** Empties the cache as `cold` says; throws a SetupError when it no longer can. */
async function evict(cold, h) {
    const done = cold.method === 'fadvise'
        ? (await succeeds(cold.python, ['-I', '-S', '-c', EVICT, ...cold.paths], h)) !== null
        : await dropCaches(cold.method, h);
    if (!done)
        throw new SetupError(`the cold cache state could not empty the page cache (${cold.method})`);
}
/**
 * The best way this machine lets us empty the cache: drop_caches as root, or
 * through `sudo -n`, else fadvise on the files under the interpreter's sys.path.
 */
async function detectColdCache(python, extraPaths, h, input) {
    for (const method of ['drop-caches', 'sudo-drop-caches'])
        if (await dropCaches(method, h))
            return { method, paths: [], python };
    const listed = await succeeds(python, ['-c', 'import sys, json; print(json.dumps(sys.path))'], h);
    let paths = [];
    try {
        paths = JSON.parse(listed?.split('\n')[0] || '[]').filter((p) => typeof p === 'string' && p.length > 0);
    }
    catch {
        paths = [];
    }
    const cold = { method: 'fadvise', paths: [python, ...paths, ...extraPaths], python };
    try {
        await evict(cold, h);
    }
    catch {
        throw new SetupError(`${input}: cold needs to empty the page cache, and neither /proc/sys/vm/drop_caches (root or sudo -n) nor posix_fadvise works here`);
    }
    return cold;
}
/** Runs `run` with the environment a no-pyc sample needs; its folder goes whatever happens. */
async function withoutPyc(env, run) {
    const folder = await mkdtemp(join(tmpdir(), 'importgate-nopyc-'));
    try {
        await giveToSandbox(folder);
        return await run({ ...env, PYTHONPYCACHEPREFIX: folder, PYTHONDONTWRITEBYTECODE: '1' });
    }
    finally {
        await rm(folder, { recursive: true, force: true });
    }
}

// The tools behind the counted metrics: which one this machine has, how a
// probe run is wrapped in it, and how its output becomes a count. Instructions
// come from `perf stat` where the kernel exposes hardware counters (hosted
// runners do not) and from valgrind's cachegrind otherwise (the same count,
// ~50x slower); file-system calls from strace. Runs are made deterministic
// where the tool allows: no address randomisation (setarch -R), one hash seed.
// Every call that takes a path, and those that read files and folders by
// descriptor; `?` lets strace skip a name this architecture does not have.
const TRACED = '%file,?fstat,?newfstatat,?statx,?read,?pread64,?readv,?getdents,?getdents64,?close';
const BEGIN_PATH = '/importgate-probe-marker/begin';
const END_PATH = '/importgate-probe-marker/end';
/** The argv that runs `python args…` under the tool, writing its count to `outFile`. */
function wrappedArgv(spec, outFile, python, args) {
    const tool = {
        perf: ['perf', 'stat', '-x,', '-e', 'instructions:u', '-o', outFile, '--'],
        cachegrind: [
            'valgrind',
            '--tool=cachegrind',
            '--cache-sim=no',
            '--cachegrind-out-file=/dev/null',
            `--log-file=${outFile}`,
            '--',
        ],
        strace: ['strace', '-f', '-qq', '-o', outFile, '-e', `trace=${TRACED}`, '--'],
    }[spec.tool];
    return [...spec.noAslr, ...tool, python, ...args];
}
/** perf's CSV line "123456,,instructions:u,…", cachegrind's "I   refs:  1,234", or strace's calls between the probe's markers. */
function parseCount(tool, text) {
    if (tool === 'perf') {
        const line = text.split('\n').find((l) => l.includes('instructions'));
        const value = Number(line?.split(',')[0]);
        return line && Number.isFinite(value) && value > 0 ? { value } : null;
    }
    if (tool === 'cachegrind') {
        const match = /I\s+refs:\s+([\d,]+)/.exec(text);
        return match ? { value: Number(match[1].replaceAll(',', '')) } : null;
    }
    return straceCalls(text);
}
/** Calls per system call between the probe's begin and end markers, all processes included. */
function straceCalls(text) {
    const lines = text.split('\n');
    const begin = lines.findIndex((l) => l.includes(BEGIN_PATH));
    const end = lines.findLastIndex((l) => l.includes(END_PATH));
    if (begin < 0 || end <= begin)
        return null;
    const byCall = {};
    let value = 0;
    for (const line of lines.slice(begin + 1, end)) {
        // "1234  openat(AT_FDCWD, …) = 3", or its first half "… <unfinished ...>";
        // the "<... openat resumed>" half is the same call, counted once.
        const name = /^(?:\d+\s+)?([a-z_][a-z0-9_]*)\(/.exec(line)?.[1];
        if (!name)
            continue;
        byCall[name] = (byCall[name] ?? 0) + 1;
        value++;
    }
    return { value, byCall };
}
/** Runs `argv` under the tool and reads its count; the temporary folder goes whatever happens. */
async function withCountFile(run) {
    const folder = await mkdtemp(join(tmpdir(), 'importgate-count-'));
    try {
        await giveToSandbox(folder);
        const outFile = join(folder, 'count.txt');
        const result = await run(outFile);
        const text = await readFile(outFile, 'utf8').catch(() => '');
        return { result, text };
    }
    finally {
        await rm(folder, { recursive: true, force: true });
    }
}
const works = (command, args, p) => outputIfOk({
    command,
    args,
    env: p.env,
    cwd: p.cwd,
    timeoutMs: 60_000,
    signal: p.signal,
    // Tried as the counted runs will run: perf may count for root and not for another user.
    sandboxed: true,
});
/** The tool's count of `python -c pass`, or null when it cannot count here. */
async function trial(spec, p) {
    const { result, text } = await withCountFile(async (outFile) => {
        const argv = wrappedArgv(spec, outFile, p.python, ['-c', 'pass']);
        return works(argv[0], argv.slice(1), p);
    });
    if (result === null)
        return null;
    return spec.tool === 'strace' ? (text.trim() ? { value: 0 } : null) : parseCount(spec.tool, text);
}
/**
 * The counter for each counted metric asked for, tried once on `python -c
 * pass`; a SetupError naming the setting when the machine has none.
 */
async function detectCounters(metrics, p) {
    if (!metrics.length)
        return [];
    const machine = (await works('uname', ['-m'], p))?.trim();
    const noAslr = machine && (await works('setarch', [machine, '-R', 'true'], p)) !== null
        ? ['setarch', machine, '-R']
        : [];
    const aslr = noAslr.length ? 'no ASLR' : 'ASLR on (setarch -R is not available)';
    const specs = [];
    for (const metric of metrics) {
        if (metric === 'fs_calls') {
            const spec = {
                metric,
                tool: 'strace',
                noAslr: [],
                slowdown: 20,
                label: 'strace',
                subtractEmpty: false,
            };
            if (!(await trial(spec, p)))
                throw new SetupError(`${p.input}: fs_calls needs strace, which does not run here (install it: apt-get install strace; in a container, ptrace must be allowed)`);
            specs.push(spec);
            continue;
        }
        if (metric !== 'instructions') {
            // A new counted metric must say here how it is counted.
            const unknown = metric;
            throw new Error(`no counter for ${String(unknown)}`);
        }
        const perf = {
            metric,
            tool: 'perf',
            noAslr,
            slowdown: 1.5,
            label: `perf stat (instructions:u), ${aslr}`,
            subtractEmpty: true,
        };
        if (await trial(perf, p)) {
            specs.push(perf);
            continue;
        }
        const version = (await works('valgrind', ['--version'], p))?.trim();
        const cachegrind = {
            metric,
            tool: 'cachegrind',
            noAslr,
            slowdown: 100,
            label: `${version ?? 'valgrind'} (cachegrind, ~50x slower than a plain run), ${aslr}`,
            subtractEmpty: true,
        };
        if (version && (await trial(cachegrind, p))) {
            specs.push(cachegrind);
            continue;
        }
        throw new SetupError(`${p.input}: instructions needs perf with hardware counters or valgrind, and neither counts here (install valgrind: apt-get install valgrind)`);
    }
    return specs;
}

// Pinning both timed runs of a pair to one core, the core moving on with each
// round. On a shared machine the cores are not alike (on this project's 2-core
// one a pair split across them reads +1.3-1.5%), and a run left to the
// scheduler may start on one and be moved to the other; a pair on one core is
// closer, so the procedure decides on fewer pairs (docs/statistics.md).
// Pinned from exec on, through util-linux's taskset: the interpreter's start-up
// runs on the core the import will (pinning from inside the probe, after
// start-up, was measured too and helped less). Linux only; tried once per run.
// With two cores, two rounds may run side by side, each on its own core, while
// nothing else uses the CPUs (measure/rounds.ts): a pair's runs still share
// one, and the pairs come nearly twice as fast (duet benchmarking, base and
// head at once on different cores, was measured and is not used).
/**
 * Lanes at most: measured on this project's 2-core machine only. More runs at
 * once share more of the memory bus and last-level cache, which nobody has
 * measured here, so a bigger runner still runs two.
 */
const MAX_LANES = 2;
/** The argument list of a run on `core` (none: the interpreter's own). */
function pinnedArgv(core, python, args) {
    return core === undefined
        ? [python, ...args]
        : ['taskset', '--cpu-list', String(core), python, ...args];
}
/** The core of a round: rounds take turns on the cores, so neither side keeps the faster one. */
const coreOfRound = (pinning, round) => pinning.cores[round % pinning.cores.length];
/** A kernel CPU list ("0-3,8,10-11") as the cores it names; null when it is not one. */
function parseCpuList(text) {
    const cores = [];
    for (const part of text.trim().split(',')) {
        const range = /^(\d+)(?:-(\d+))?$/.exec(part);
        if (!range)
            return null;
        const first = Number(range[1]);
        const last = Number(range[2] ?? range[1]);
        if (last < first)
            return null;
        for (let core = first; core <= last; core++)
            cores.push(core);
    }
    return cores;
}
/** The cores this process may run on, from /proc/self/status; null where there is no such file. */
async function allowedCores() {
    const status = await readFile('/proc/self/status', 'utf8').catch(() => null);
    const line = status?.split('\n').find((l) => l.startsWith('Cpus_allowed_list:'));
    return line ? parseCpuList(line.slice(line.indexOf(':') + 1)) : null;
}
/** Whether and where timed rounds are pinned here, or why they are not. */
async function detectPinning(p) {
    if (process.platform !== 'linux')
        return { unpinned: `${process.platform} has no core affinity` };
    const cores = await allowedCores();
    if (!cores?.length)
        return { unpinned: 'the cores allowed are not readable' };
    if (cores.length < 2)
        return { unpinned: `one core (${cores[0]}) is all there is` };
    const [command, ...args] = pinnedArgv(cores[0], p.python, ['-c', 'pass']);
    const ran = await outputIfOk({
        command: command,
        args,
        env: p.env,
        cwd: p.cwd,
        timeoutMs: 60_000,
        signal: p.signal,
    });
    return ran === null ? { unpinned: 'taskset (util-linux) does not run here' } : { cores };
}

// What measure and compare set up around the one sequence they share
// (run-sequence.ts): the interpreter, the targets and the run's clock before
// their sides are installed; then each arm's cache state, the counters the
// counted metrics need and the cores the timed rounds are pinned to (below).
// The hint for a target that cannot be found is env/hints.ts; the document is
// results/document.ts.
/** Installs of large projects take minutes; this only stops a hung one. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
/** A seed for the run order when none was given; recorded in the results to reproduce the run. */
function randomSeed() {
    return Math.floor(Math.random() * 2 ** 32);
}
/** The interpreter as given, resolved, and the real executable behind any launcher. */
async function findInterpreter(python, deps, cwd, name) {
    const found = findExecutable(python, deps.env.PATH ?? '', deps.cwd);
    if (!found) {
        throw new SetupError(`${name('python')}: "${python}" was not found (give a path, or a name on PATH)`);
    }
    const info = await describeInterpreter(found, childEnv(deps.env), cwd, name('python'));
    return { info, interpreter: info.executable || found };
}
function requireTargets(targets, where, name, 
/** Where the list came from, as the user wrote it: the flag or input, or the pyproject key. */
from = `targets in ${where}`) {
    if (!targets?.length) {
        throw new UsageError(`no targets: give ${name('target')} MODULE, or set targets = ["mypkg"] under [tool.importgate] in ${where}`);
    }
    if (targets.length > MAX_TARGETS)
        throw new UsageError(`${targets.length} targets (${from}): importgate measures at most ${MAX_TARGETS}, each in fresh interpreters on both sides; list the entry points that matter, or split them over jobs`);
    return targets;
}
/** More targets than this cannot be measured well in one job's budget. */
const MAX_TARGETS = 100;
const startClock = () => ({ started: new Date(), at: performance.now() });
/** The run's timing as the results document records it. */
const timingOf = (clock) => ({
    startedAt: clock.started,
    durationMs: performance.now() - clock.at,
});
/**
 * What each cache state asked for does before a timed sample; the cold
 * state's method is found once, here, and logged.
 */
async function cacheSetups(cache, arm, cwd, deps, name, extraPaths) {
    const setups = {};
    if (cache.includes('no-pyc'))
        setups['no-pyc'] = { kind: 'no-pyc' };
    if (cache.includes('cold')) {
        const cold = await detectColdCache(arm.python, extraPaths, { env: arm.env, cwd, signal: deps.signal }, name('cache'));
        deps.log(`cold cache: ${variantNote('cold', cold.method)}`);
        setups.cold = { kind: 'cold', cold };
    }
    return setups;
}
/** The arms of each target on each side, in each cache state asked for. */
function plannedArms(targets, sides, setups, cache, sideArm) {
    return cache.flatMap((variant) => targets.flatMap((target) => sides(target).map((side) => ({
        key: { side, target, variant },
        ...sideArm(side),
        ...(variant !== 'warm' && setups[variant] ? { cache: setups[variant] } : {}),
    }))));
}
/** Runs a side under each counting tool: a few, since the counts barely vary. */
const COUNTED_RUNS = 3;
/** The counters the counted metrics need, found on this machine; a SetupError naming the setting when one is missing. */
async function countingFor(arms, policy, deps, name) {
    const metrics = policy.metrics ?? [];
    if (metrics.includes('memory') && process.platform !== 'linux')
        throw new SetupError(`${name('metric')}: memory is read from /proc and needs Linux; this is ${process.platform}`);
    const counted = metrics.filter(isCounted);
    const first = arms[0];
    if (!counted.length || !first)
        return undefined;
    const counters = await detectCounters(counted, {
        python: first.python,
        cwd: policy.cwd,
        env: first.env,
        signal: deps.signal,
        input: name('metric'),
    });
    for (const c of counters)
        deps.log(`${c.metric}: counted with ${c.label}`);
    // The counted runs get a budget of their own, the time budget and its
    // overtime: under valgrind they are ~50x slower, and must not eat the timings' time.
    const { maxTimeMs, overtimeMs } = policy.sampling;
    // A count does not depend on the machine's load (nothing is timed, and no
    // timed sample runs meanwhile), so the counted runs use every core.
    return {
        counters,
        runs: COUNTED_RUNS,
        budgetMs: maxTimeMs + overtimeMs,
        parallel: availableParallelism(),
    };
}
/**
 * Where the timed rounds run: each on one core, where this machine lets runs
 * be pinned; with two cores or more, two rounds at once, each on its own,
 * while nothing else uses the CPUs (measure/rounds.ts).
 * Not with cold samples: emptying the page cache for one would empty it under
 * the run beside it.
 */
async function pinningFor(arms, cwd, deps) {
    const first = arms[0];
    if (!first)
        return undefined;
    const found = await detectPinning({
        python: first.python,
        cwd,
        env: first.env,
        signal: deps.signal,
    });
    if ('unpinned' in found) {
        deps.log(`timed pairs are not pinned to a core: ${found.unpinned}`);
        return undefined;
    }
    const cold = arms.some((arm) => arm.cache?.kind === 'cold');
    const lanes = cold ? 1 : Math.min(MAX_LANES, found.cores.length);
    deps.log(`timed pairs: both runs of a round on one core, the cores ${found.cores.join(', ')} in turn` +
        (lanes > 1
            ? `; ${lanes} rounds at a time, each on its own core, while nothing else uses the CPUs`
            : cold
                ? ' (one round at a time: a cold sample empties the page cache)'
                : ''));
    return { cores: found.cores, lanes };
}

// Both sides installed at once, each into its own environment (one failing
// stops the other), the probe compiled once, what the installs differ in
// besides the project, and where each side's logs are saved.
/** Where a side's environment is made, in the run's scratch folder. */
const envDirOf = (scratch, side) => join(scratch, `${side}-venv`);
async function installSides(install, where, { ref, sha }, deps, name) {
    deps.log(`installing base and head (${install.kind})`);
    const started = performance.now();
    const envs = await installBoth((side, signal) => prepareEnvironment({
        label: `${side} (${ref[side]} at ${sha[side].slice(0, 10)})`,
        spec: install,
        projectDir: where.projects[side],
        envDir: envDirOf(where.scratch, side),
        tmpDir: join(where.scratch, `${side}-tmp`),
        python: where.python,
        parentEnv: deps.env,
        timeoutMs: INSTALL_TIMEOUT_MS,
        signal,
        installInput: name('install'),
        commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
    }), deps.signal);
    const installMs = install.kind === 'none' ? null : performance.now() - started;
    const probe = await compiledProbe(envs.base.python, envs.base.env, where.run);
    return { envs, installMs, probe };
}
/** The distributions the two installs differ in, the project's own left out; null when not listed. */
function dependencyDrift(envs, projects) {
    if (!envs.base.distributions || !envs.head.distributions)
        return null;
    return {
        base_strategy: envs.base.strategy,
        head_strategy: envs.head.strategy,
        changed: diffDistributions(envs.base.distributions, envs.head.distributions, SIDES.flatMap((side) => projectName(projects[side]) ?? [])),
    };
}
// Per-side steps of a comparison: installing both at once, and saving their logs.
/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
async function installBoth(install, outer) {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
        const run = (side) => install(side, controller.signal).catch((error) => {
            controller.abort();
            throw error;
        });
        const [base, head] = await Promise.allSettled([run('base'), run('head')]);
        // Report the side that failed first on its own, not the one stopped because of it.
        for (const result of [base, head]) {
            if (result.status === 'rejected' && !(result.reason instanceof CancelledError))
                throw result.reason;
        }
        if (base.status === 'rejected')
            throw base.reason;
        if (head.status === 'rejected')
            throw head.reason;
        return { base: base.value, head: head.value };
    }
    finally {
        outer?.removeEventListener('abort', onAbort);
    }
}
/** Raw -X importtime output of every profile run, and each side's install output. */
async function saveLogs(dir, arms, envs) {
    await mkdir(join(dir, 'importtime'), { recursive: true });
    for (const side of SIDES) {
        if (envs[side].log)
            await writeFile(join(dir, `install-${side}.log`), envs[side].log);
        for (const arm of arms.filter((a) => a.key.side === side)) {
            for (const [i, log] of (arm.profile?.logs ?? []).entries()) {
                await writeFile(join(dir, 'importtime', `${side}-${arm.key.target}-${i + 1}.log`), log);
            }
        }
    }
}

// The CLI's flags (or the action's inputs) → what a command is asked to do,
// with the folders and targets they name checked.
// Settings from [tool.importgate] are merged later, by the command, once the
// project (for compare: the base commit's checkout) is known.
/** How the CLI names its inputs in messages. */
const cliName = (input) => {
    if (input === 'target')
        return '-t/--target';
    if (input === 'repo')
        return '-C/--repo';
    if (input === 'base-ref')
        return 'base ref';
    if (input === 'head-ref')
        return 'head ref';
    return `--${input}`;
};
const COMMAND_RULES = {
    measure: { installModes: INSTALL_MODES.measure, minProfileRuns: 0 },
    compare: { installModes: INSTALL_MODES.compare, minProfileRuns: 1 },
};
function measureRequest(values, cwd, name = cliName) {
    const repoDir = directory(name('repo'), resolve$1(cwd, values.repo ?? '.'));
    // As compare: the project is a folder of the repository, links resolved.
    const sub = projectSubdir(repoDir, values['project-dir'], name('project-dir'));
    const projectDir = directory(name('project-dir'), resolve$1(repoDir, sub));
    insideAfterLinks(repoDir, projectDir, name('project-dir'), values['project-dir'] ?? '.');
    return {
        repoDir,
        projectDir,
        python: values.python ?? 'python3',
        given: partialSettings(values, COMMAND_RULES.measure, name),
        name,
    };
}
function compareRequest(values, revisions, cwd, name = cliName, 
/** The settings the values give, when the caller has parsed them already (the action). */
parsed) {
    if (revisions.length !== 2) {
        throw new UsageError(`compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${revisions.length}: ${JSON.stringify(revisions)}`);
    }
    const [baseRef, headRef] = revisions;
    const repoDir = directory(name('repo'), resolve$1(cwd, values.repo ?? '.'));
    return {
        repoDir,
        projectSubdir: projectSubdir(repoDir, values['project-dir'], name('project-dir')),
        baseRef,
        headRef,
        ...(values.label?.trim() ? { label: values.label.trim() } : {}),
        python: values.python ?? 'python3',
        given: partialSettings(values, COMMAND_RULES.compare, name),
        name,
    };
}
/** The settings among the inputs, typed and checked, each named as its user wrote it. */
function partialSettings(values, rules, name) {
    const partial = {};
    for (const spec of SETTINGS) {
        const value = values[spec.name];
        if (value === undefined || (Array.isArray(value) && !value.length))
            continue;
        Object.assign(partial, { [spec.field]: spec.fromText(value, name(spec.name), rules) });
    }
    // Both given here: say so now, not after the worktrees are built.
    if (partial.minPairs !== undefined && partial.maxPairs !== undefined) {
        if (partial.maxPairs < partial.minPairs)
            throw new UsageError(`${name('max-pairs')} ${partial.maxPairs} is less than ${name('min-pairs')} ${partial.minPairs}`);
    }
    return partial;
}
function directory(input, path) {
    if (!existsSync(path) || !statSync(path).isDirectory()) {
        throw new UsageError(`${input}: ${path} is not a directory`);
    }
    return path;
}
/** --project-dir as a path inside the repository (it is looked up in each worktree). */
function projectSubdir(repoDir, value, input) {
    const sub = relative(repoDir, resolve$1(repoDir, value ?? '.'));
    if (sub.startsWith('..') || isAbsolute(sub)) {
        throw new UsageError(`${input}: "${value}" is outside the repository ${repoDir}; give a folder inside it`);
    }
    return sub;
}
/**
 * Throws unless `dir`, symbolic links resolved, lies inside `root` (resolved
 * too): a link in the tree must not take the project out of the repository.
 */
function insideAfterLinks(root, dir, input, given) {
    let real;
    let realRoot;
    try {
        real = realpathSync(dir);
        realRoot = realpathSync(root);
    }
    catch {
        return; // a missing folder is reported where it is used
    }
    const sub = relative(realRoot, real);
    if (sub.startsWith('..') || isAbsolute(sub)) {
        throw new UsageError(`${input}: "${given}" leads outside the repository (to ${real}, through a symbolic link); give a folder inside it`);
    }
}

// The commits compared: any revision (branch, tag, SHA, HEAD~1) → a commit
// SHA, fetching what a shallow clone lacks; and the files one commit changes
// against another (below). Every git call takes an argument array; a ref never
// reaches a shell, and --end-of-options keeps one from being read as an option.
/** Runs git; a git error (not a cancel) becomes `fallback`. */
async function attempt(run, fallback) {
    try {
        return await run();
    }
    catch (error) {
        if (error instanceof GitError)
            return fallback;
        throw error;
    }
}
const tryResolve = (repo, ref, options) => attempt(async () => (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo, options)) || null, null);
const isShallow = (repo, options) => attempt(async () => (await git(['rev-parse', '--is-shallow-repository'], repo, options)) === 'true', false);
/** How many commits behind its base a relative ref reaches: HEAD~3 → 3, main^^ → 2. */
function relativeDepth(ref) {
    const match = /^(.*?)((?:[~^]\d*)+)$/.exec(ref);
    if (!match || !match[1])
        return null;
    let depth = 0;
    for (const step of match[2].match(/[~^]\d*/g)) {
        const count = step.length > 1 ? Number(step.slice(1)) : 1;
        // ^N picks the Nth parent (one step back); ~N walks N first parents.
        depth += step[0] === '~' ? count : 1;
    }
    return { base: match[1], depth };
}
/** Fetches from origin; returns why it failed, or null. */
async function fetch(repo, args, options) {
    try {
        await git(['fetch', '--no-tags', '--quiet', ...args], repo, options);
        return null;
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        return (error.stderr.trim() || error.message).split('\n').slice(-3).join(' ');
    }
}
const hasOrigin = (repo, options) => attempt(async () => (await git(['remote', 'get-url', 'origin'], repo, options), true), false);
/**
 * Resolves `ref` in `repo`. When it is missing: a relative ref (HEAD~1) in a
 * shallow clone deepens history by as many commits; any other ref is fetched
 * from origin at depth 1 (a PR's base SHA or branch in an actions/checkout clone).
 */
async function resolveCommit(repo, ref, input, options = {}) {
    if (ref.trim() === '' || ref.startsWith('-')) {
        throw new SetupError(`${input}: "${ref}" is not a git revision; give a branch, tag, SHA or HEAD~N`);
    }
    const inRepository = await attempt(async () => (await git(['rev-parse', '--git-dir'], repo, options)).length > 0, false);
    if (!inRepository) {
        throw new SetupError(`${repo} is not in a git repository: compare checks its two revisions out of one; run it in a clone (in a workflow, after actions/checkout)`);
    }
    const found = await tryResolve(repo, ref, options);
    if (found)
        return found;
    const missing = `${input}: "${ref}" does not name a commit in ${repo}`;
    if (!(await hasOrigin(repo, options))) {
        throw new SetupError(`${missing}, and there is no origin remote to fetch it from`);
    }
    const relative = relativeDepth(ref);
    let failure = null;
    if (relative && (await isShallow(repo, options))) {
        failure = await fetch(repo, [`--deepen=${relative.depth}`, 'origin'], options);
    }
    else if (!relative) {
        failure = await fetch(repo, ['--depth=1', 'origin', ref], options);
        if (!failure) {
            const fetched = await tryResolve(repo, ref, options);
            if (fetched)
                return fetched;
            // A branch fetched by name lands in FETCH_HEAD only (single-branch clones).
            const head = await tryResolve(repo, 'FETCH_HEAD', options);
            if (head)
                return head;
        }
    }
    else {
        // A relative ref in a full clone: there is no more history to fetch.
        throw new SetupError(missing);
    }
    const after = await tryResolve(repo, ref, options);
    if (after)
        return after;
    throw new SetupError(failure
        ? `${missing}; fetching it from origin failed: ${failure}`
        : `${missing}, nor in what origin has`);
}
// The files two commits differ in, for "can this change affect importing at all".
/**
 * Repository-relative paths that differ between the two commits' trees
 * (renames as delete + add), each with what it is on either side: a symbolic
 * link or a submodule is no ordinary file, whatever its name.
 */
async function changedFiles(repoDir, base, head, options = {}) {
    // --raw -z: ":<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0" per file.
    const out = await git(['diff', '--raw', '--no-renames', '--no-abbrev', '-z', base, head, '--'], repoDir, options);
    const fields = out.split('\0');
    const files = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const [oldMode, newMode] = fields[i].replace(/^:/, '').split(' ');
        const path = fields[i + 1];
        if (path)
            files.push({ path, modes: [oldMode ?? '', newMode ?? ''] });
    }
    return files;
}
/** Folders holding an `__init__.py` in either commit: importable packages, whose every file may be read at import. */
async function packageFolders(repoDir, commits, options = {}) {
    const folders = new Set();
    for (const commit of commits) {
        const listing = await git(['ls-tree', '-r', '-z', '--name-only', commit], repoDir, options);
        for (const path of listing.split('\0'))
            if (path === '__init__.py' || path.endsWith('/__init__.py'))
                folders.add(path.slice(0, Math.max(0, path.length - '/__init__.py'.length)));
    }
    return folders;
}

// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a PartialSettings; resolveSettings()
// merges them, first given wins, over the defaults the registry declares,
// and groups them as the registry says. Pure: the seed for a run that names
// none is drawn by the caller.
// Overtime, unless set: twice the budget, so it scales with what the user
// chose to spend (a --max-time 10 run does not go on for minutes). At 120 s a
// 2-3 s import gets the ~60 pairs a real +10% needs on a noisy 2-core runner (bench/SLOW.md).
const OVERTIME_RATIO = 2;
const MAX_PAIRS = 2000;
/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
function resolveSettings(sources, seed) {
    const pick = (key) => sources.find((s) => s[key] !== undefined)?.[key];
    const { gate, sampling, run } = grouped$1(pick);
    const { minPairs, maxTimeMs } = sampling;
    sampling.maxPairs = pick('maxPairs') ?? Math.max(minPairs, MAX_PAIRS);
    // The two may come from different places (a flag and pyproject), so the
    // message names the setting, not one source.
    if (sampling.maxPairs < minPairs)
        throw new UsageError(`max-pairs ${sampling.maxPairs} is less than min-pairs ${minPairs}`);
    sampling.overtimeMs = pick('overtimeMs') ?? OVERTIME_RATIO * maxTimeMs;
    sampling.seed = pick('seed') ?? seed;
    // The primary metric is always measured: budgets and the stopping rule use it.
    const chosen = pick('metrics') ?? [];
    run.metrics = METRIC_IDS.filter((id) => id === PRIMARY_METRIC || chosen.includes(id));
    // Warm always (the main row: headlines, causes and budgets go by it), and
    // in a fixed order, so the rows read the same whatever order was written.
    run.cache = VARIANTS.filter((v) => v === 'warm' || (pick('cache') ?? []).includes(v));
    // The targets are resolved per side (commands/), not here.
    const { targets: _targets, install, ...rest } = run;
    return { ...rest, install, gate, sampling };
}
/**
 * Each field as the first source gives it, else its declared default (copied:
 * a default is never shared), in the group the registry places it. The one
 * step from the registry's table to its derived types: the entries declare
 * the fields and groups that setting-values.ts derives the types from.
 */
function grouped$1(pick) {
    const group = (name) => Object.fromEntries(SETTINGS.filter((s) => s.group === name).map((s) => [
        s.field,
        pick(s.field) ?? structuredClone(s.default),
    ]));
    return { gate: group('gate'), sampling: group('sampling'), run: group('run') };
}
/** Every gate and sampling setting at its default (the seed 0): what the benches say they ran with. */
(() => {
    const { gate, sampling } = resolveSettings([], 0);
    return { ...gate, ...sampling };
})();
/** A budget naming something that is not a target is a typo until proven otherwise. */
function checkBudgets(budgetsMs, targets, source) {
    for (const name of Object.keys(budgetsMs)) {
        if (!targets.includes(name)) {
            throw new UsageError(`${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`);
        }
    }
}

/** One-sided level of the pass: a change at the threshold or past it passes at most this often. */
const PASS_BETA = 0.05;
/**
 * Pairs at which the sequences are tightest: where decisions about a
 * few-percent change on a noisy runner typically fall (replayed recordings:
 * 30 to 120 decide alike). The sequences are valid for any value; this only
 * moves where they are narrowest.
 */
const TUNED_PAIRS = 60;
/**
 * The mixture's precision, tuned so that the level-alpha boundary is
 * tightest at TUNED_PAIRS (Howard, Ramdas, McAuliffe and Sekhon, "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 2021, §3.5),
 * on the signs' variance scale of t/4.
 */
function mixturePrecision(alpha) {
    const l = Math.log(1 / alpha);
    return TUNED_PAIRS / 4 / (2 * l + Math.log(1 + 2 * l));
}
/** ln of the half-normal mixture at excess s after t pairs. */
function logMixture(s, t, alpha) {
    const rho = mixturePrecision(alpha);
    const v = t / 4 + rho;
    return (Math.log(2) +
        0.5 * Math.log(rho / v) +
        (s * s) / (2 * v) +
        Math.log(normalCdf(s / Math.sqrt(v))));
}
const aboveCache = new Map();
/**
 * The fewest of t pairs that must lie above m (or below it) to exclude m at
 * one-sided level alpha; Infinity when even all t would not.
 */
function neededBeyond(t, alpha) {
    const key = `${t}|${alpha}`;
    const cached = aboveCache.get(key);
    if (cached !== undefined)
        return cached;
    const bar = Math.log(1 / alpha);
    let lo = Math.ceil(t / 2);
    let hi = t;
    let needed = Infinity;
    if (logMixture(hi - t / 2, t, alpha) >= bar) {
        // The smallest count at which the mixture reaches 1/alpha; it grows with the count.
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (logMixture(mid - t / 2, t, alpha) >= bar)
                hi = mid;
            else
                lo = mid + 1;
        }
        needed = lo;
    }
    aboveCache.set(key, needed);
    return needed;
}
/** The fewest pairs at which the sequence at one-sided level alpha can bound the median at all. */
function fewestPairs(alpha) {
    let t = 1;
    while (neededBeyond(t, alpha) > t)
        t++;
    return t;
}
/** The sequence for the median from pairs sorted ascending, one-sided alpha on each side. */
function medianSequence(sorted, alpha) {
    const t = sorted.length;
    const k = neededBeyond(t, alpha);
    if (k > t)
        return null;
    // Every m below the (t−k+1)-th smallest has k pairs above it; mirrored above.
    return [sorted[t - k], sorted[k - 1]];
}
/** The band (±δ) as log-ratios: δ is the larger of the relative threshold and min-delta over base's median. */
function band(gate, baseMedianMs) {
    const width = Math.max(gate.thresholdPct / 100, baseMedianMs > 0 ? gate.minDeltaMs / baseMedianMs : Number.POSITIVE_INFINITY);
    return {
        width,
        upper: Math.log(1 + width),
        lower: width < 1 ? Math.log(1 - width) : Number.NEGATIVE_INFINITY,
    };
}
/** One look at the log-ratios so far. */
function lookAt(logs, gate, baseMedianMs) {
    const sorted = Float64Array.from(logs).sort();
    const t = sorted.length;
    const estimate = t ? quantileOfSorted(sorted, 0.5) : 0;
    const { width, upper, lower } = band(gate, baseMedianMs);
    // Always-valid p-values: the mixture's value at "no change" is an e-value.
    const pAgainst = (beyond) => beyond > t / 2 ? Math.min(1, Math.exp(-logMixture(beyond - t / 2, t, gate.alpha))) : 1;
    const look = {
        decision: 'continue',
        pairs: t,
        estimate,
        interval: medianSequence(sorted, gate.alpha),
        passInterval: medianSequence(sorted, PASS_BETA),
        pSlower: pAgainst(sorted.filter((d) => d > 0).length),
        pFaster: pAgainst(sorted.filter((d) => d < 0).length),
        bandUpper: upper,
        bandLower: lower,
    };
    // Material: the change is shown to exceed half the band, and is estimated past it.
    const halfUpper = Math.log(1 + width / 2);
    const halfLower = Math.log(1 - Math.min(width, 1) / 2);
    const { interval, passInterval } = look;
    if (interval && interval[0] > halfUpper && estimate > upper)
        look.decision = 'regression';
    else if (interval && interval[1] < halfLower && estimate < lower)
        look.decision = 'improvement';
    else if (passInterval && passInterval[0] > lower && passInterval[1] < upper)
        look.decision = 'pass';
    return look;
}
/** Φ, from erf by Abramowitz and Stegun's 7.1.26 (absolute error under 1.5e-7). */
function normalCdf(x) {
    const z = Math.abs(x) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * z);
    const poly = t *
        (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    const erf = 1 - poly * Math.exp(-z * z);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs(picomatchExports);

// Which changed files can affect importing: a pull request that touches none
// (docs, CI, images) cannot change import time, and is passed in seconds
// without building anything. Pure.
/**
 * A glob as a matcher (picomatch): `*` and `?` within one path segment, `**`
 * across segments, dot files included. A pattern without `/` matches a file's
 * name in any folder; one with `/` matches the path from the repository root.
 */
const globMatcher = (pattern) => picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
const SYMLINK = '120000';
const SUBMODULE = '160000';
/**
 * What can affect importing whatever the patterns say: a symbolic link (one
 * to a package folder is a package), a submodule (its code is imported), and
 * any file inside a folder that is a package on either side (a `data.json`
 * read at import once passed as "nothing to measure", +344 ms). The filter
 * errs towards measuring.
 */
function alwaysAffecting(changed, packages) {
    // In a package folder or below one (`pkg/data/rates.json`).
    const inPackage = (path) => {
        for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1))
            if (packages.has(path.slice(0, at)))
                return true;
        return false;
    };
    return changed
        .filter((c) => c.modes.some((m) => m === SYMLINK || m === SUBMODULE) ||
        (packages.size > 0 && inPackage(c.path)))
        .map((c) => c.path);
}
/**
 * Files no import reads, in practice: documentation, CI and editor settings,
 * images, the tests. A change to anything else that `affects` does not name
 * (a root `conf/rates.json`, a data file in a namespace package, a `.yaml`
 * beside the code) may be read at import wherever it sits, so it is measured:
 * the proof then traces which files the import reads, and passes it in
 * seconds when none changed. The filter errs towards measuring.
 */
const INERT_FILES = [
    '*.md',
    '*.rst',
    '*.adoc',
    'docs/**',
    'doc/**',
    '.github/**',
    '.gitlab-ci.yml',
    '.circleci/**',
    '.pre-commit-config.yaml',
    '.readthedocs.yaml',
    '.readthedocs.yml',
    'mkdocs.yml',
    'codecov.yml',
    '.codecov.yml',
    '.gitignore',
    '.gitattributes',
    '.mailmap',
    '.editorconfig',
    'LICENSE*',
    'LICENCE*',
    'COPYING*',
    'AUTHORS*',
    'CONTRIBUTORS*',
    'CHANGELOG*',
    'CHANGES*',
    'HISTORY*',
    'NEWS*',
    'CODEOWNERS',
    '*.png',
    '*.jpg',
    '*.jpeg',
    '*.gif',
    '*.svg',
    '*.ico',
    '*.webp',
    'tests/**',
    'test/**',
];
/** The changed paths that are not inert: each may be read at import, so each is measured. */
function notInert(paths) {
    const inert = INERT_FILES.map(globMatcher);
    return paths.filter((path) => !inert.some((isMatch) => isMatch(path)));
}
/** The changed paths (repository-relative, `/`-separated) that any pattern matches. */
function affectingFiles(paths, patterns) {
    const globs = patterns.map(globMatcher);
    return paths.filter((path) => globs.some((isMatch) => isMatch(path)));
}

// A comparison's first steps: both commits resolved, each project folder
// checked inside its worktree, the settings read from both sides'
// pyproject.toml under the request's own (base's under the flags, so a pull
// request cannot loosen its own gate unseen), and which changed files can
// affect importing at all.
async function resolveCommits(request, git) {
    const { name } = request;
    return {
        ref: { base: request.baseRef, head: request.headRef },
        sha: {
            base: await resolveCommit(request.repoDir, request.baseRef, name('base-ref'), git),
            head: await resolveCommit(request.repoDir, request.headRef, name('head-ref'), git),
        },
    };
}
/** Each side's project folder in its worktree (`scratch/<side>`), which must exist and stay inside it. */
function projectFolders(request, scratch, { sha }) {
    const { name } = request;
    const projects = {
        base: join(scratch, 'base', request.projectSubdir),
        head: join(scratch, 'head', request.projectSubdir),
    };
    for (const side of SIDES) {
        if (!existsSync(projects[side])) {
            throw new SetupError(`${name('project-dir')}: ${request.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`);
        }
        // A symbolic link committed in the tree must not take the project out of it.
        insideAfterLinks(join(scratch, side), projects[side], `${name('project-dir')} in ${side} (${sha[side].slice(0, 10)})`, request.projectSubdir || '.');
    }
    return projects;
}
/** The request's settings over base's [tool.importgate], with what head changes in it logged. */
function readSettings(request, projects, { sha }, seed, log) {
    const settings = compareSettings(request.given, ...readBothPyprojects(projects, request.projectSubdir, sha, log), seed, request.name);
    if (settings.changes.length) {
        log(`head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`);
    }
    return settings;
}
/**
 * Both sides' pyproject.toml, named by side and commit in messages. A base
 * whose file does not parse must not block the pull request that fixes it:
 * head's settings are used then, and the log says so. A broken head is the
 * pull request's to fix.
 */
function readBothPyprojects(projects, subdir, sha, log) {
    const shown = (side) => `${subdir ? `${subdir}/` : ''}pyproject.toml at ${side} (${sha[side].slice(0, 10)})`;
    const head = readPyproject(projects.head, shown('head'));
    try {
        return [readPyproject(projects.base, shown('base')), head];
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        log(`${error.message}; using head's [tool.importgate] instead, which this pull request fixes`);
        return [head, head];
    }
}
/**
 * The gate and sampling come from base's [tool.importgate] (flags win); what
 * head changes there is reported. Targets are the flags', else the union of
 * both sides' lists.
 */
function compareSettings(given, base, head, seed, name) {
    const resolved = resolveSettings([given, base.settings], seed);
    const fewest = fewestPairs(PASS_BETA);
    if (resolved.sampling.maxPairs < fewest) {
        // Said now, not after the installs: every verdict would be inconclusive.
        throw new UsageError(`max-pairs ${resolved.sampling.maxPairs} is too few for a verdict: the decision needs at least ${fewest} pairs`);
    }
    const baseTargets = base.settings.targets ?? [];
    const headTargets = head.settings.targets ?? [];
    const targets = requireTargets(given.targets ?? [...new Set([...baseTargets, ...headTargets])], 'pyproject.toml', name, given.targets ? name('target') : "targets in base's and head's pyproject.toml");
    checkBudgets(resolved.gate.budgetsMs, targets, base.file ? `${base.file} [tool.importgate]` : name('budget'));
    const newTargets = given.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t));
    // Only when head has a list that leaves them out: no list says nothing.
    const droppedTargets = given.targets || head.settings.targets === undefined
        ? []
        : baseTargets.filter((t) => !headTargets.includes(t));
    const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort();
    const changes = keys
        .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
        .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }));
    return { ...resolved, targets, newTargets, droppedTargets, changes };
}
// Whether a comparison has anything to measure: when no changed file can
// affect importing (docs, CI, images, tests: none matches `affects`, and
// each is inert), it is a pass in seconds, before anything is installed,
// that says why.
/** The changed files, and those of them that can affect importing. */
async function affectingChanges(repoDir, { sha }, affects, git) {
    const changes = await changedFiles(repoDir, sha.base, sha.head, git);
    const changed = changes.map((c) => c.path);
    const packages = await packageFolders(repoDir, [sha.base, sha.head], git);
    return {
        changes,
        changed,
        affecting: [
            ...new Set([
                ...affectingFiles(changed, affects),
                ...alwaysAffecting(changes, packages),
                ...notInert(changed),
            ]),
        ],
    };
}
/** The document's extras for a comparison that measured nothing. */
const skippedExtras = (changed) => ({
    deps: null,
    skipped: {
        reason: 'no-affecting-change',
        changed_count: changed.length,
        changed_files: changed.slice(0, 20),
    },
});
/** The observations and evaluation of a comparison that measured nothing: a pass. */
const nothingMeasured = {
    observations: { arms: [], rounds: 0, truncated: false },
    evaluation: { targets: [], verdict: 'pass' },
};

/** The module a ModuleNotFoundError names: "No module named 'a.b'" → "a.b". */
function missingModule(message) {
    return /No module named '([^']+)'/.exec(message)?.[1] ?? null;
}
/**
 * A hint for the commonest setup mistake: the target, or a dependency of it,
 * is not importable the way the environment was set up.
 */
function notFoundHint(strategy, projectDir, name, target, message) {
    const missing = missingModule(message);
    const isTarget = missing !== null && (target === missing || target.startsWith(`${missing}.`));
    if (!isTarget && missing !== null) {
        if (strategy === 'none')
            return ` (a dependency: with ${name('install')} none nothing is installed; install the project with ${name('install')} auto so that its dependencies are there)`;
        if (strategy === 'current')
            return ` (a dependency, not installed in the interpreter's environment)`;
        return ` (a dependency the project imports but that ${strategy} did not install; is it declared in the project's dependencies?)`;
    }
    if (strategy === 'none') {
        return ` (with ${name('install')} none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and ${name('project-dir')}, or install the project with ${name('install')} auto)`;
    }
    if (strategy === 'current')
        return ` (with ${name('install')} current the target must be installed in the interpreter's environment)`;
    return ` (the project was installed with ${strategy}; does it package this module?)`;
}
/** Adds the not-found hint of each side's environment to a ModuleNotFoundError. */
function withHints(findings, hint) {
    for (const f of findings) {
        if (f.error?.kind === 'ModuleNotFoundError')
            f.error.message += hint(f.error.side, f.target, f.error.message);
    }
    return findings;
}

// Runs import_sites.py: each given module's import statements, read with the
// measured interpreter's own ast (so `lazy import` parses where the language
// has it). `-I -S`: no site-packages, so no `.pth` file of the measured code
// runs; the files are parsed, never imported. Untimed.
const SCOPES = [
    'module',
    'function',
    'getattr',
    'type-checking',
    'conditional',
];
const strings = (value) => Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
function siteOf(value) {
    const v = value;
    const modules = strings(v?.modules);
    const names = strings(v?.names);
    if (!modules ||
        !names ||
        !Number.isInteger(v.line) ||
        (v.kind !== 'import' && v.kind !== 'from') ||
        !SCOPES.includes(v.scope))
        return null;
    return {
        line: v.line,
        kind: v.kind,
        modules,
        names,
        lazy: v.lazy === true,
        scope: v.scope,
        function: typeof v.function === 'string' ? v.function : null,
    };
}
/** The report, file by file; a file that did not parse (or a report that is not one) is left out. */
function parseSites(report) {
    const out = new Map();
    let parsed;
    try {
        parsed = JSON.parse(report);
    }
    catch {
        return out;
    }
    if (!parsed || typeof parsed !== 'object')
        return out;
    for (const [file, entry] of Object.entries(parsed)) {
        const e = entry;
        if (!Array.isArray(e?.sites))
            continue;
        const sites = e.sites.map(siteOf);
        if (sites.some((s) => !s))
            continue;
        const listed = e.lazy_modules;
        const names = strings(listed?.names);
        out.set(file, {
            sites: sites,
            lazyModules: listed && names && Number.isInteger(listed.line)
                ? { line: listed.line, names }
                : null,
        });
    }
    return out;
}
/** The import statements of each file; empty when the interpreter could not run the reader. */
async function readImportSites(request) {
    if (!request.files.length)
        return new Map();
    const outcome = await runMeasured({
        command: request.python,
        args: [
            '-I',
            '-S',
            join(dirname(probePath()), 'import_sites.py'),
            ...request.files.flatMap((f) => [f.module, f.file]),
        ],
        env: request.env,
        cwd: request.cwd,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    return outcome.code === 0 ? parseSites(outcome.report) : new Map();
}

// PEP 810's lazy imports (Python 3.15+), from the probe's two untimed lazy
// runs of head: the project's lazy statements that the import loaded anyway
// (with the line that did), and the project's import lines whose modules no
// code needed during the import (the lines that could be `lazy import`),
// with the import's time when every import is lazy. Pure.
//
// Words: "declared lazy" is a `lazy import` statement or an entry in
// `__lazy_modules__`; "loaded anyway" is a declared-lazy module that the
// import loaded after all; "never needed" is a module that stayed unloaded
// with every import lazy. None of them is "no longer imported".
/**
 * The form for a project whose `requires-python` is `spec`: `lazy-modules`
 * when it admits a Python before 3.15 (or says nothing), else `statement`.
 * Reads the lower bounds of the specifiers (PEP 440): `>=3.10`, `~=3.12`,
 * `==3.15.*`, `>3.14` (3.14.1 passes it).
 */
function lazyFormFor(spec) {
    if (!spec)
        return 'lazy-modules';
    let lowest = null;
    for (const clause of spec.split(',')) {
        const m = /^\s*(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?/.exec(clause);
        if (!m)
            continue;
        const bound = [Number(m[2]), Number(m[3] ?? 0)];
        if (!lowest || bound[0] > lowest[0] || (bound[0] === lowest[0] && bound[1] > lowest[1]))
            lowest = bound;
    }
    if (!lowest)
        return 'lazy-modules';
    // `>3.14` is a bound of 3.14: 3.14.1 passes it.
    const [major, minor] = lowest;
    return major > 3 || (major === 3 && minor >= 15) ? 'statement' : 'lazy-modules';
}
const lineOf = (s) => ({
    module: s.module,
    names: s.names,
    file: s.file,
    line: s.line,
});
/** Each statement once (a module body runs once, but a statement may repeat in a loop). */
function unique(lines) {
    const seen = new Set();
    return lines.filter((l) => {
        const key = `${l.file}\0${l.line}\0${l.module}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * What head's lazy runs say about `target`'s own package (the statements of
 * modules under its top-level name); null when they did not run.
 * `cumulativeMs` gives a module's cumulative -X importtime cost, where known.
 */
function lazyFinding(target, lazy, cumulativeMs, form = 'statement') {
    if (!lazy)
        return null;
    const top = target.split('.')[0];
    const own = (s) => s.importer === top || s.importer.startsWith(`${top}.`);
    const loadedAnyway = unique(lazy.declared
        .filter((s) => own(s) && s.loaded)
        .map((s) => ({
        ...lineOf(s),
        loadedAt: s.loaded_at ? { file: s.loaded_at[0], line: s.loaded_at[1] } : null,
    })));
    // A line already declared lazy needs no suggestion.
    const declared = new Set(lazy.declared.map((s) => `${s.file}\0${s.line}\0${s.module}`));
    const neverNeeded = unique((lazy.allLazy?.statements ?? [])
        .filter((s) => own(s) && !s.loaded && !declared.has(`${s.file}\0${s.line}\0${s.module}`))
        .map((s) => ({ ...lineOf(s), cumulativeMs: cumulativeMs(s.module) }))).sort((a, b) => (b.cumulativeMs ?? 0) - (a.cumulativeMs ?? 0));
    return { loadedAnyway, neverNeeded, allLazyMs: lazy.allLazy?.importMs ?? null, form };
}
/** Rewrites every file a finding names (the statements' and the places that loaded them), in place. */
function rewriteLazyFiles(finding, rewrite) {
    if (!finding)
        return;
    for (const line of [...finding.loadedAnyway, ...finding.neverNeeded])
        line.file = rewrite(line.file);
    for (const line of finding.loadedAnyway)
        if (line.loadedAt)
            line.loadedAt.file = rewrite(line.loadedAt.file);
}

// Import statements read from a line of Python source, by splitting text, not
// by regular expressions built from module names: the names come from the
// measured code (a module named `(a+)+b` once hung a run), and may be of any
// length. Good enough to point at a line; not a parse. Pure.
const IDENT = /^[\w.]+$/;
/** The first word of each comma-separated item: `a.b as c` → `a.b`. */
const heads = (list) => list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((item) => item.trim().split(/\s+/)[0] ?? '')
    .filter((head) => IDENT.test(head));
/** The import statement a line starts (after indentation), or null. */
function importStatement(line) {
    const hash = line.indexOf('#');
    const code = (hash >= 0 ? line.slice(0, hash) : line).trim();
    const [keyword, ...rest] = code.split(/\s+/);
    if (keyword === 'import')
        return { kind: 'import', modules: heads(rest.join(' ')), names: [] };
    if (keyword !== 'from' || rest[1] !== 'import' || !IDENT.test(rest[0] ?? ''))
        return null;
    return { kind: 'from', modules: [rest[0]], names: heads(rest.slice(2).join(' ')) };
}
/** `a.b.c` is `name` or inside it (`a.b` → `a.b`, `a.b.c`; not `a.bc`). */
const within = (module, name) => module === name || module.startsWith(`${name}.`);
/**
 * The lines that call `short` (a bare name: an imported function's last part)
 * or apply it as a decorator, outside comments, at most `limit`, 1-based.
 */
function callSites(source, short, limit) {
    const lines = [];
    const word = /\w/;
    for (const [i, line] of source.split('\n').entries()) {
        const hash = line.indexOf('#');
        const code = hash >= 0 ? line.slice(0, hash) : line;
        const trimmed = code.trimStart();
        const decorator = trimmed.startsWith('@') &&
            (trimmed.slice(1).match(/^[\w.]*/)?.[0] ?? '').split('.').includes(short);
        let call = false;
        for (let at = code.indexOf(short); at >= 0 && !call; at = code.indexOf(short, at + 1)) {
            if (at > 0 && word.test(code[at - 1]))
                continue;
            call = code
                .slice(at + short.length)
                .trimStart()
                .startsWith('(');
        }
        if (decorator || call)
            lines.push(i + 1);
        if (lines.length >= limit)
            break;
    }
    return lines;
}

// From a file the measured interpreter ran to its path in the repository, so a
// report can link the line: the worktree itself for an editable or in-place
// import, else the tracked file whose path ends the same way (an installed copy
// in site-packages of `src/mypkg/log.py` is `.../site-packages/mypkg/log.py`).
// Files outside the repository (the standard library, dependencies) get null:
// there is nothing in the pull request to link to, and an absolute path on the
// runner means nothing to a reviewer. Pure.
const parts = (path) => path.split('/').filter(Boolean);
/** Whether `tail`'s components are the last components of `path`'s. */
function endsWith(path, tail) {
    if (tail.length > path.length)
        return false;
    return tail.every((part, i) => path[path.length - tail.length + i] === part);
}
/**
 * The repository-relative path of `file`, given the worktree `root` it was
 * checked out to and the files the commit tracks; null when it is not one of
 * them or could be several.
 */
function sourcePath(file, root, tracked) {
    if (!file || !file.endsWith('.py'))
        return null;
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (file.startsWith(prefix)) {
        const relative = file.slice(prefix.length);
        return tracked.includes(relative) ? relative : null;
    }
    // An installed copy: the tracked file that shares the longest tail with it,
    // at least its package folder and name (a lone `util.py` could be anyone's).
    const path = parts(file);
    let best = null;
    let bestLength = 0;
    let tie = false;
    for (const candidate of tracked) {
        const own = parts(candidate);
        for (let skip = 0; skip < own.length; skip++) {
            const tail = own.slice(skip);
            if (tail.length < Math.min(2, own.length) || !endsWith(path, tail))
                continue;
            if (tail.length > bestLength) {
                best = candidate;
                bestLength = tail.length;
                tie = false;
            }
            else if (tail.length === bestLength && candidate !== best) {
                tie = true;
            }
            break;
        }
    }
    return tie ? null : best;
}
/** The function changes with every file as a repository path (or null), each from its side. */
function locateFunctions(changes, locate) {
    return changes.map((change) => ({
        ...change,
        file: locate(change.file, change.side),
        mostlyIn: change.mostlyIn && {
            ...change.mostlyIn,
            file: locate(change.mostlyIn.file, change.side),
        },
        callers: change.callers.map((caller) => ({
            ...caller,
            file: locate(caller.file, caller.side),
        })),
    }));
}
/**
 * The lines of a module's source that call `name` (by its last part, as code
 * calls an imported function) or apply it as a decorator, at most `limit`. A
 * textual match: good enough to point at the call, not a parse.
 */
function callLines(source, name, limit = 3) {
    const short = name.split('.').pop().replace(/[^\w]/g, '');
    return short ? callSites(source, short, limit) : [];
}
/**
 * The line of a module's source that imports `imported` (`import x.y`, `from x
 * import y`, `from x.y import z`, by its full or top-level name), or null. A
 * textual match: relative imports and imports built at run time are not found.
 */
function importLine(source, imported) {
    const parts = imported.split('.');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
    for (const [i, line] of source.split('\n').entries()) {
        const statement = importStatement(line);
        if (!statement)
            continue;
        // `import a…` for any module of imported's package; `from p import …` for p imported or a package of it.
        const found = statement.kind === 'import'
            ? statement.modules.some((m) => within(m, parts[0]))
            : prefixes.includes(statement.modules[0]);
        if (found)
            return i + 1;
    }
    return null;
}

// Function changes and the modules a report shows → repository paths and
// lines: the files the measured interpreter ran are mapped to the commit's
// tracked files (an installed copy to its source), and each file is read from
// its side's worktree to find the line that makes the call or the import.
/** Callers per change whose lines are looked up: the reports show no more. */
const CALLERS_WITH_LINES = 5;
async function locateFunctionSources(findings, worktrees, git) {
    if (!findings.some((f) => f.functions?.length || f.modules || f.lazy))
        return;
    const tracked = {
        base: await trackedFiles(worktrees.base, git),
        head: await trackedFiles(worktrees.head, git),
    };
    // Head's lazy-import lines, as the repository has them (an installed copy's path says little).
    const inRepo = (file) => sourcePath(file, worktrees.head, tracked.head) ?? file;
    for (const finding of findings)
        rewriteLazyFiles(finding.lazy, inRepo);
    for (const finding of findings)
        finding.sources = await moduleSources(finding, worktrees, tracked);
    for (const finding of findings) {
        if (!finding.functions)
            continue;
        const located = locateFunctions(finding.functions, (file, side) => sourcePath(file, worktrees[side], tracked[side]));
        for (const change of located) {
            for (const caller of change.callers.slice(0, CALLERS_WITH_LINES)) {
                if (!caller.file)
                    continue;
                const text = await readFile(join(worktrees[caller.side], caller.file), 'utf8').catch(() => '');
                caller.lines = callLines(text, change.calledAs);
            }
        }
        finding.functions = located;
    }
}
/**
 * The repository files of the modules a finding shows: every link of the
 * chains of modules now imported (head) or no longer imported (base), with the line that
 * imports the next link, and the modules whose own time moved.
 */
async function moduleSources(finding, worktrees, tracked) {
    const out = {};
    const files = {
        base: finding.base?.profile?.functions?.files ?? {},
        head: finding.head?.profile?.functions?.files ?? {},
    };
    const place = async (module, side, next) => {
        if (out[module])
            return;
        const path = sourcePath(files[side][module] ?? null, worktrees[side], tracked[side]);
        if (!path)
            return;
        const text = next ? await readFile(join(worktrees[side], path), 'utf8').catch(() => '') : '';
        out[module] = { side, path, line: next ? importLine(text, next) : null };
    };
    const chains = [
        ...(finding.modules?.added ?? []).map((c) => [c.chain, 'head']),
        ...(finding.modules?.removed ?? []).map((c) => [c.chain, 'base']),
    ];
    for (const [chain, side] of chains.slice(0, 40))
        for (const [i, module] of chain.entries())
            await place(module, side, chain[i + 1] ?? null);
    for (const change of finding.modules?.selfTimeChanges ?? [])
        await place(change.name, change.headSelfMs === null ? 'base' : 'head', null);
    return out;
}

/** Whether running `site` loads `module` (itself, or as a package of what it imports). */
function loads(site, module) {
    if (site.modules.some((m) => within(m, module)))
        return true;
    const [from] = site.modules;
    return site.kind === 'from' && site.names.some((name) => `${from}.${name}` === module);
}
/**
 * The importer's statements that load `module`: those that name it, else the
 * from-imports of its package (`from pydantic import BaseModel` loads
 * `pydantic.main` through the package's `__getattr__`, and a submodule that
 * the package loads when its name is imported is that statement's doing).
 */
function sitesLoading(file, module) {
    const named = file.sites.filter((s) => loads(s, module));
    if (named.length)
        return named;
    return file.sites.filter((s) => s.kind === 'from' && module.startsWith(`${s.modules[0]}.`));
}
/**
 * The mechanism by which head's `importer` no longer loads `module` during
 * the import, from the importer's imports on both sides; null when its
 * source does not say (a module-level import that is still there, under a
 * condition or not: something else changed).
 */
function mechanismOf(module, importer, base, head) {
    if (!head)
        return null;
    const at = (mechanism, site, fn = null) => ({
        mechanism,
        importer,
        side: 'head',
        line: site.line,
        function: fn,
    });
    const sites = sitesLoading(head, module);
    const lazy = sites.find((s) => s.lazy);
    if (lazy)
        return at('lazy-statement', lazy);
    const eager = sites.filter((s) => s.scope === 'module');
    if (eager.length) {
        // PEP 810: an import is lazy when the module it names is listed.
        const listed = head.lazyModules;
        const names = new Set(listed?.names ?? []);
        const declared = eager.find((s) => s.modules.some((m) => names.has(m)));
        return declared && listed ? at('lazy-modules', listed) : null;
    }
    const getattr = sites.find((s) => s.scope === 'getattr');
    if (getattr)
        return at('module-getattr', getattr, getattr.function);
    // An import in a function still runs when it is called: with one under
    // TYPE_CHECKING beside it (for annotations), "imported only under if
    // TYPE_CHECKING" told a reviewer the module never loads at run time.
    const inFunction = sites.find((s) => s.scope === 'function');
    if (inFunction)
        return at('function', inFunction, inFunction.function);
    const typing = sites.find((s) => s.scope === 'type-checking');
    if (typing)
        return at('type-checking', typing);
    if (sites.length)
        return null;
    const was = base ? sitesLoading(base, module)[0] : undefined;
    return was ? { ...at('import-removed', was), side: 'base' } : null;
}
/**
 * The mirror, for a module head's `importer` now loads and base's did not:
 * head's module-level import that loads it, and whether base's source had no
 * such import (import-added) or kept it from loading (made-eager, with how:
 * base's side read by mechanismOf with the sides swapped); null when the
 * sources do not say (the same import on both sides: something else changed).
 */
function eagerMechanismOf(module, importer, base, head) {
    if (!base || !head)
        return null;
    const listed = new Set(head.lazyModules?.names ?? []);
    const now = sitesLoading(head, module).find((s) => s.scope === 'module' && !s.lazy && !s.modules.some((m) => listed.has(m)));
    if (!now)
        return null;
    const at = { importer, side: 'head', line: now.line, function: null };
    const was = mechanismOf(module, importer, head, base);
    if (!was)
        return null;
    // Swapped, "removed" means base had no import of it: head added one.
    if (was.mechanism === 'import-removed')
        return { mechanism: 'import-added', ...at };
    return {
        mechanism: 'made-eager',
        ...at,
        before: { mechanism: was.mechanism, line: was.line, function: was.function },
    };
}
/** What each scope that keeps an import from running at module level is called. */
const KEPT = {
    function: 'function',
    getattr: 'module-getattr',
    'type-checking': 'type-checking',
};
/**
 * For a module head imports anew (import-added): where base's own source had
 * an import of it that did not run at import, in another module (the CLI's
 * `main()` importing `rich`, which head's `app.output` now imports at module
 * level). The first such site, in the order given; null when none.
 */
function importedElsewhere(module, files) {
    for (const [file, { importer, imports }] of files) {
        const site = sitesLoading(imports, module).find((s) => KEPT[s.scope] && !s.lazy);
        if (site)
            return {
                mechanism: KEPT[site.scope],
                line: site.line,
                function: site.function,
                importer,
                file,
            };
    }
    return null;
}

// Which newly eager (or no longer imported) module explains the others: the decision of how
// a module diff is grouped, made once, for every report. Pure.
/**
 * Where following leads from `lead` ends: a lead of its own, or, for a cycle,
 * the package the others are under (its import is where the time and the
 * modules are), else the deepest name.
 */
function settled(lead, leadOf) {
    const seen = [];
    let current = lead;
    while (!seen.includes(current)) {
        seen.push(current);
        const next = leadOf.get(current);
        if (next === undefined || next === current)
            return current;
        current = next;
    }
    const cycle = seen.slice(seen.indexOf(current));
    const pkg = cycle.find((p) => cycle.every((m) => m === p || m.startsWith(`${p}.`)));
    if (pkg !== undefined)
        return pkg;
    return cycle.sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
}
/**
 * Each changed module's lead (see grouped): from its own chain alone, the
 * topmost link of the run of changed links that ends in it, then settled
 * where leads point at each other; and, per lead, the leads settled into it.
 * Modules without a chain have none.
 */
function leadsOf(changes) {
    const names = new Set(changes.map((c) => c.name));
    // Judging a module by its importer's chain instead lost whole packages when
    // chains disagree: sklearn 1.9's `narwhals.stable.v2` and `narwhals.stable`
    // each had the other as importer, so neither was a lead and 58 new modules went unnamed.
    const own = new Map();
    for (const c of changes) {
        let lead = null;
        for (let i = c.chain.length - 1; i >= 0 && names.has(c.chain[i]); i--)
            lead = c.chain[i];
        if (lead !== null)
            own.set(c.name, lead);
    }
    // A lead whose own chain leads to another lead that leads back (a package and
    // the submodule requested first: the log nests each in the other) is one
    // group: the package's. fastapi's `from pydantic.version import VERSION` loads
    // all of pydantic under it; naming `pydantic.version` (−177 µs of its own, "30
    // modules") told a reviewer a leaf was the cause (issue 48: 7).
    const leadOf = new Map([...own].map(([name, lead]) => [name, settled(lead, own)]));
    const merged = new Map();
    for (const lead of new Set(own.values())) {
        const into = leadOf.get(lead);
        if (into !== undefined && into !== lead)
            merged.set(into, [...(merged.get(into) ?? []), lead]);
    }
    return { leadOf, merged };
}
/**
 * Groups of modules: the one that pulled the others in, and how many it
 * brought. A module's lead is the topmost link of the run of changed links
 * that ends in it, up its chain: that link's importer did not change, and its
 * import of the link is what appeared or went, so the cause is there. A
 * module belongs to another lead's group only when every link between them
 * changed too: a module loaded on both sides breaks
 * the chain (base reached `inspect` through `pkg.A` → `pkg.B`, head still loads
 * `pkg.B`, which dropped `import inspect`: the cause is `pkg.B`'s import, not
 * `pkg.A`). Modules with no import chain (aliases placed in sys.modules) are
 * left out of the groups and counted by the caller.
 */
function grouped(changes) {
    const { leadOf, merged } = leadsOf(changes);
    const leadNames = new Set(leadOf.values());
    const byName = new Map(changes.map((c) => [c.name, c]));
    const leads = changes.filter((c) => leadNames.has(c.name) && c.chain.length > 0);
    // One pass over the modules, not one per lead: a diff of 5,000 modules took 7 s to group.
    const pulled = new Map();
    // A lead is its own group's, never counted in another's.
    for (const [name, lead] of leadOf)
        if (!leadNames.has(name))
            pulled.set(lead, (pulled.get(lead) ?? 0) + 1);
    return leads.map((lead) => ({
        lead,
        more: pulled.get(lead.name) ?? 0,
        merged: (merged.get(lead.name) ?? []).map((name) => byName.get(name)),
    }));
}

/** Leads read per target and direction: the reports show no more. */
const LEADS = 20;
/**
 * The changed modules whose importer both sides load: where the import changed.
 * A lead whose chain runs through changed modules of its own group (a package
 * its importer reached through a submodule, `from pydantic.version import …`)
 * is imported by the first link above them that both sides load.
 */
function leads(changes) {
    const changed = new Set(changes.map((c) => c.name));
    const { leadOf } = leadsOf(changes);
    return changes.flatMap((change) => {
        let at = change.chain.length - 2;
        if (leadOf.get(change.name) === change.name)
            while (at >= 0 &&
                changed.has(change.chain[at]) &&
                leadOf.get(change.chain[at]) === change.name)
                at--;
        const importer = change.chain[at];
        return importer !== undefined && !changed.has(importer) ? [{ change, importer }] : [];
    });
}
async function explainImportChanges(findings, worktrees, git, read) {
    const work = findings.flatMap((finding) => {
        const files = {
            base: finding.base?.profile?.functions?.files ?? {},
            head: finding.head?.profile?.functions?.files ?? {},
        };
        const directions = [
            { changes: finding.modules?.removed ?? [], of: mechanismOf },
            { changes: finding.modules?.added ?? [], of: eagerMechanismOf },
        ];
        return directions.flatMap(({ changes, of }) => leads(changes)
            .slice(0, LEADS)
            .map((lead) => ({
            ...lead,
            of,
            base: files.base[lead.importer],
            head: files.head[lead.importer],
        }))
            .filter((lead) => lead.head));
    });
    if (!work.length)
        return;
    const wanted = new Map();
    for (const lead of work)
        for (const file of [lead.base, lead.head])
            if (file)
                wanted.set(file, lead.importer);
    const sites = await read([...wanted].map(([file, module]) => ({ module, file })));
    const tracked = {
        base: await trackedFiles(worktrees.base, git),
        head: await trackedFiles(worktrees.head, git),
    };
    for (const lead of work) {
        const how = lead.of(lead.change.name, lead.importer, (lead.base && sites.get(lead.base)) || null, sites.get(lead.head) ?? null);
        if (!how)
            continue;
        const file = how.side === 'head' ? lead.head : lead.base;
        lead.change.how = { ...how, path: sourcePath(file, worktrees[how.side], tracked[how.side]) };
    }
    const added = work.flatMap((lead) => lead.change.how?.mechanism === 'import-added'
        ? [{ module: lead.change.name, how: lead.change.how }]
        : []);
    if (added.length)
        await whereBaseHadIt(added, findings, worktrees.base, tracked.base, read);
}
/** The project's own files base loads, read at most: the place is a hint, not a search. */
const BASE_FILES = 200;
/**
 * For each module head imports anew: where base's own source had an import of
 * it that did not run at import, in another module (the mirror of "its import
 * … in base was removed"). Reads the project's files that base's import loads.
 */
async function whereBaseHadIt(added, findings, worktree, tracked, read) {
    const own = new Map();
    for (const finding of findings)
        for (const [module, file] of Object.entries(finding.base?.profile?.functions?.files ?? {}))
            if (own.size < BASE_FILES && sourcePath(file, worktree, tracked))
                own.set(file, module);
    if (!own.size)
        return;
    const sites = await read([...own].map(([file, module]) => ({ module, file })));
    const files = new Map([...own].flatMap(([file, importer]) => {
        const imports = sites.get(file);
        return imports ? [[file, { importer, imports }]] : [];
    }));
    for (const { module, how } of added) {
        const found = importedElsewhere(module, files);
        if (!found || found.importer === how.importer)
            continue;
        how.before = {
            mechanism: found.mechanism,
            line: found.line,
            function: found.function,
            importer: found.importer,
            path: sourcePath(found.file, worktree, tracked),
        };
    }
}

// Tracebacks, messages and lazy-import lines name files in the run's scratch folder (the
// worktrees and the environments installed into), which is gone by the time
// anyone reads them. They are shown relative to the commit's root instead
// ("src/shop/orders.py"), or to the side's environment ("<head venv>/lib/…").
/** Rewrites every path under `scratch` in the targets' errors and lazy-import lines, in place. */
function forgetScratch(targets, scratch) {
    const roots = [...new Set([scratch, canonical(scratch)])];
    const rewrite = (text) => {
        let out = text;
        for (const root of roots) {
            for (const side of SIDES) {
                out = out.split(`${root}/${side}-venv/`).join(`<${side} venv>/`);
                out = out.split(`${root}/${side}/`).join('');
            }
            out = out.split(`${root}/venv/`).join('<venv>/'); // measure's one environment
            out = out.split(`${root}/`).join('');
        }
        return out;
    };
    for (const target of targets) {
        const error = target.error;
        if (error) {
            error.message = rewrite(error.message);
            error.traceback = error.traceback.map(rewrite);
            if (error.stderr_tail)
                error.stderr_tail = rewrite(error.stderr_tail);
        }
        rewriteLazyFiles(target.lazy, rewrite);
    }
}
function canonical(path) {
    try {
        return realpathSync(path);
    }
    catch {
        return path;
    }
}

// After the verdict: what the findings need from the checkouts to explain
// themselves. Changed functions get their files and lines, modules no longer
// imported the import statement that stopped it, paths in the scratch folder
// become paths in the commit, and a target that cannot be found a hint.
async function explainFindings(targets, where, envs, git, name) {
    const trees = { base: join(where.scratch, 'base'), head: join(where.scratch, 'head') };
    await locateFunctionSources(targets, trees, git);
    await explainImportChanges(targets, trees, git, (files) => readImportSites({ python: envs.head.python, env: envs.head.env, cwd: where.run, files }));
    forgetScratch(targets, where.scratch);
    withHints(targets, (side, target, message) => notFoundHint(envs[side].strategy, where.projects[side], name, target, message));
}

/**
 * A time budget, in whole tens of seconds, that fits the warm-ups, the profile
 * runs (slower under -X importtime), min-pairs rounds and, for a comparison,
 * twice as many again (what the sequential procedure typically takes to decide
 * a change near the thresholds), at `roundMs` per round of every arm, with
 * a fifth more for start-up and the machine's bad moments.
 */
function suggestedBudgetS(roundMs, sampling, comparison) {
    const rounds = sampling.warmups + 1.5 * sampling.profileRuns + sampling.minPairs * (comparison ? 3 : 1);
    return Math.ceil((rounds * roundMs * 1.2) / 10_000) * 10;
}
/**
 * The budget of the explanation after sampling (the profile runs a slow
 * import's budget deferred, when a change was found): a quarter of max-time,
 * at least 30 s. At 120 s that fits the function profile of a ~3 s import on
 * both sides (cProfile doubles it) and a few more -X importtime runs; it never
 * delays a pass, which has nothing to explain.
 */
const explanationBudgetMs = (maxTimeMs) => Math.max(30_000, maxTimeMs / 4);

// A small seeded generator, so a run's interleaving order can be reproduced
// from the seed recorded in its results.
/** mulberry32: 32-bit state, fast, good enough for shuffling run orders. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Fisher-Yates shuffle into a new array. */
function shuffled(items, random) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

/** The arm of `target` on `side`, if the plan had one. */
function armOf(arms, side, target, variant) {
    return (arms.find((a) => a.key.side === side && a.key.target === target && a.key.variant === variant) ??
        null);
}
/** Base and head arms of one target and variant, as pairs line up. */
function pairOf(arms, target, variant) {
    return { base: armOf(arms, 'base', target, variant), head: armOf(arms, 'head', target, variant) };
}
/** The primary metric of each sample: what stopping goes by. */
const primaryTimes = (samples) => samples.map(readPrimary);
/** Each group with both a base and a head arm (see groupId), in head order. */
function comparedGroups(arms) {
    return arms.flatMap((head) => {
        if (head.key.side !== 'head')
            return [];
        const group = groupId(head.key);
        const base = arms.find((a) => a.key.side === 'base' && groupId(a.key) === group);
        return base ? [{ group, base, head }] : [];
    });
}

// The Hodges-Lehmann estimate of paired differences (the median of their
// Walsh averages): what a change is in milliseconds. Pure.
/** All pairwise means (d_i + d_j)/2 for i ≤ j, in no particular order. */
function walshAverages(d) {
    const out = new Float64Array((d.length * (d.length + 1)) / 2);
    let k = 0;
    for (let i = 0; i < d.length; i++)
        for (let j = i; j < d.length; j++)
            out[k++] = (d[i] + d[j]) / 2;
    return out;
}
/**
 * The k-th smallest (0-based) of `values`, which it reorders (quickselect):
 * linear on average, where sorting 500,000 Walsh averages (1,000 pairs) took
 * ~60 ms, several times a round.
 */
function orderStatistic(values, k) {
    let lo = 0;
    let hi = values.length - 1;
    while (hi > lo) {
        const pivot = medianOf3(values[lo], values[(lo + hi) >> 1], values[hi]);
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (values[i] < pivot)
                i++;
            while (values[j] > pivot)
                j--;
            if (i <= j) {
                const t = values[i];
                values[i++] = values[j];
                values[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return values[k];
    }
    return values[k];
}
const medianOf3 = (a, b, c) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
function hodgesLehmann(d) {
    return medianOf(walshAverages(d));
}
/** The median (type 7, as summary.ts's), reordering `values`. */
function medianOf(values) {
    const m = values.length;
    if (m === 0)
        return Number.NaN;
    const upper = orderStatistic(values, m >> 1);
    return m % 2 ? upper : (orderStatistic(values, (m >> 1) - 1) + upper) / 2;
}

const toPct = (log) => (Math.exp(log) - 1) * 100;
/** The log-ratios of aligned pairs: base[i] and head[i] come from the same round. */
const logRatios = (base, head) => Array.from({ length: Math.min(base.length, head.length) }, (_, i) => Math.log(head[i] / base[i]));
/** One look of the procedure at aligned pairs: the cheap part of comparePairs, what the engine asks after each round. */
function lookAtPairs(base, head, gate) {
    const n = Math.min(base.length, head.length);
    return lookAt(logRatios(base, head), gate, median(base.slice(0, n)));
}
/** Compares paired samples, and decides. */
function comparePairs(base, head, gate) {
    const n = Math.min(base.length, head.length);
    const look = lookAtPairs(base, head, gate);
    const interval = look.interval;
    return {
        pairs: n,
        baseMedianMs: median(base.slice(0, n)),
        headMedianMs: median(head.slice(0, n)),
        logEstimate: look.estimate,
        logInterval: interval,
        ciLevel: 1 - 2 * gate.alpha,
        pSlower: look.pSlower,
        pFaster: look.pFaster,
        pct: toPct(look.estimate),
        // Estimated directly on differences: a ratio times the base median drifts
        // from head − base when the ratio is large.
        ms: n > 0 ? hodgesLehmann(Array.from({ length: n }, (_, i) => head[i] - base[i])) : 0,
        ciPct: interval ? [toPct(interval[0]), toPct(interval[1])] : null,
        passCiPct: look.passInterval
            ? [toPct(look.passInterval[0]), toPct(look.passInterval[1])]
            : null,
        passCiLevel: 1 - 2 * PASS_BETA,
        decision: look.decision,
        neededPairs: Math.min(fewestPairs(gate.alpha), fewestPairs(PASS_BETA)),
    };
}
/**
 * The outcome a decision stands for. Undecided is inconclusive for a metric
 * that gates (its verdict has not been reached), and no change for one that
 * only informs.
 */
const outcomeOf = (c, gating) => c.decision === 'continue' ? (gating ? 'inconclusive' : 'pass') : c.decision;

// What the engine asks the sequential procedure while it samples, and after:
// which groups are still undecided (they sample on; decided ones stop), and in
// which a change was found (they are explained). Pure.
/** The comparison of one group's pairs so far on a metric (the primary one unless told), with its decision. */
function groupComparison(base, head, settings, read = readPrimary) {
    return comparePairs(base.samples.map(read), head.samples.map(read), settings.gate);
}
/** The look at a group's pairs of the primary metric: cheap, for the engine's every round. */
const lookOf = (base, head, settings) => lookAtPairs(primaryTimes(base.samples), primaryTimes(head.samples), settings.gate);
/** The groups (see groupId) whose procedure has not decided yet: they need more pairs. Failed groups are done. */
function undecidedGroups(settings) {
    return (arms) => comparedGroups(arms).flatMap(({ group, base, head }) => {
        if (base.failure || head.failure)
            return [];
        return lookOf(base, head, settings).decision === 'continue' ? [group] : [];
    });
}
/**
 * The groups where a change was found, to be explained: decided a regression
 * or an improvement, or left undecided with an estimate past half the band
 * (a change may be there; the explanation says where it would come from).
 */
function changedGroups(settings) {
    return (arms) => comparedGroups(arms).flatMap(({ group, base, head }) => {
        if (base.failure || head.failure)
            return [];
        const look = lookOf(base, head, settings);
        if (look.decision === 'regression' || look.decision === 'improvement')
            return [group];
        const halfUp = Math.log1p((Math.exp(look.bandUpper) - 1) / 2);
        return look.decision === 'continue' && Math.abs(look.estimate) > halfUp ? [group] : [];
    });
}

// The verdicts a target or a whole run can get, and how several combine.
/**
 * Most serious first: the documented precedence of verdicts. `inconclusive`
 * (too few samples for the test to find anything) outranks a pass and an
 * improvement: a green check must be earned.
 */
const PRECEDENCE = [
    'error',
    'forbidden',
    'budget',
    'regression',
    'inconclusive',
    'improvement',
    'pass',
];
function mostSerious(verdicts) {
    return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'pass';
}

const under = (name, rule) => name === rule || name.startsWith(`${rule}.`);
/**
 * Forbidden modules among those importing a target loaded. "paramiko" forbids
 * paramiko.client too. One hit per rule: the rule's own module when it was
 * imported, else the first of its submodules by name.
 */
function forbiddenImports(loaded, costs, forbid, baseLoaded = null) {
    const hits = [];
    for (const rule of forbid) {
        const matches = loaded.filter((name) => under(name, rule)).sort();
        if (matches.length === 0)
            continue;
        const name = matches.includes(rule) ? rule : matches[0];
        const baseCount = baseLoaded ? baseLoaded.filter((m) => under(m, rule)).length : null;
        hits.push({ name, chain: costs.get(name)?.chain ?? [], rule, count: matches.length, baseCount });
    }
    return hits;
}
function budgetStatus(medianMs, moduleCount, timeBudgetMs, maxModules) {
    return {
        time: timeBudgetMs === undefined || medianMs === null
            ? null
            : { limit: timeBudgetMs, actual: medianMs, ok: medianMs <= timeBudgetMs },
        modules: maxModules === null || moduleCount === null
            ? null
            : { limit: maxModules, actual: moduleCount, ok: moduleCount <= maxModules },
    };
}
function isBreached(status) {
    return status.time?.ok === false || status.modules?.ok === false;
}

/** At least this many runs a side: two agreeing runs are the least that shows the count is stable. */
const MIN_COUNTED_RUNS = 2;
/** A change must exceed the runs' spread this many times over to be more than their disagreement. */
const SPREAD_FACTOR = 3;
/** The counts of the import alone: each run less the median of the empty runs, when there are any. */
function importCounts(runs) {
    const floor = runs.empty.length ? median(runs.empty) : 0;
    return runs.runs.map((value) => value - floor);
}
/** (max − min) / median in percent; 0 for a single value or a zero median. */
function spreadPct(values) {
    if (values.length < 2)
        return 0;
    const mid = median(values);
    return mid === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / Math.abs(mid)) * 100;
}
function compareCounts(baseRuns, headRuns, thresholdPct) {
    const base = importCounts(baseRuns);
    const head = importCounts(headRuns);
    const baseMedian = base.length ? median(base) : 0;
    const headMedian = head.length ? median(head) : 0;
    const delta = headMedian - baseMedian;
    const pct = baseMedian === 0 ? 0 : (delta / Math.abs(baseMedian)) * 100;
    const spread = Math.max(spreadPct(base), spreadPct(head));
    const result = (outcome, reason = null) => ({
        base,
        head,
        baseMedian,
        headMedian,
        delta,
        pct,
        spreadPct: spread,
        thresholdPct,
        outcome,
        reason,
    });
    const short = [baseRuns, headRuns].find((r) => r.runs.length < MIN_COUNTED_RUNS);
    if (short) {
        const why = short.failure ?? 'no runs were planned';
        return result('inconclusive', `${short.runs.length} of the ${MIN_COUNTED_RUNS} runs a side needs (${why})`);
    }
    if (baseMedian <= 0)
        return result('inconclusive', 'the base counts nothing for the import itself');
    const beyond = Math.abs(pct) >= thresholdPct;
    if (!beyond) {
        // A small change is a pass only if the runs are steady enough to see a threshold-sized one.
        return spread * SPREAD_FACTOR < thresholdPct || Math.abs(pct) + spread < thresholdPct
            ? result('pass')
            : result('inconclusive', `the runs vary by ${spread.toFixed(2)}%, too much to tell a ${thresholdPct}% change`);
    }
    const separated = delta > 0 ? Math.min(...head) > Math.max(...base) : Math.max(...head) < Math.min(...base);
    if (separated && Math.abs(pct) > SPREAD_FACTOR * spread)
        return result(delta > 0 ? 'regression' : 'improvement');
    return result('inconclusive', `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}% is past the ${thresholdPct}% threshold, but the runs vary by ${spread.toFixed(2)}% and overlap`);
}

// One target's findings per metric, and each side's: the sequential procedure
// over the pairs of a sampled metric, the counts compared for a counted one.
// Pure; evaluate.ts puts them into the target's finding.
function sideFinding(arm) {
    const samples = arm ? arm.samples : [];
    if (!arm || samples.length === 0)
        return null;
    const profile = arm.profile;
    const finding = {
        samples,
        profile,
        medianMs: median(samples.map(readPrimary)),
        moduleCount: profile?.moduleCount || samples[samples.length - 1].moduleCount,
    };
    if (arm.counted) {
        finding.counted = Object.fromEntries(Object.entries(arm.counted).map(([id, runs]) => [
            id,
            {
                counts: importCounts(runs),
                tool: runs.tool,
                byCall: runs.byCall,
                failure: runs.failure,
                ms: runs.ms,
            },
        ]));
    }
    return finding;
}
/** A counted metric's finding: the counts compared, or (one side only) a pass that shows head's counts. */
function countedFinding(id, base, head, gate) {
    const metric = METRICS[id];
    const gating = metric.gates;
    if (!base)
        return { metric: id, gating, outcome: 'pass', comparison: null };
    const missing = { tool: '', runs: [], empty: [], failure: 'not counted', ms: 0 };
    const counted = compareCounts(base.counted?.[id] ?? missing, head.counted?.[id] ?? missing, metric.thresholdSetting ? gate[metric.thresholdSetting] : metric.thresholdPct);
    return {
        metric: id,
        gating,
        outcome: counted.outcome,
        comparison: null,
        counted,
    };
}
function metricFindings(base, head, spec) {
    return spec.metrics.flatMap((id) => {
        if (METRICS[id].kind === 'counted') {
            // Not counted on either side (a command target: no probe marks its import): no row.
            const planned = base?.counted?.[id] ?? head.counted?.[id];
            return planned ? [countedFinding(id, base, head, spec.gate)] : [];
        }
        const metric = METRICS[id];
        const known = (arm) => arm.samples.every((s) => readMetric(metric.id, s) !== null);
        // What a sample cannot say (a command's CPU time or memory) is no row, rather than a row of nothing.
        if (!known(head) || (base && !known(base)))
            return [];
        if (!base) {
            return [
                {
                    metric: id,
                    gating: metric.gates,
                    outcome: 'pass',
                    comparison: null,
                },
            ];
        }
        // Every metric gets the sequential procedure over its pairs; one that only informs
        // shows an undecided look as no change, where the gating one is inconclusive.
        const settings = { gate: spec.gate, maxPairs: spec.sampling.maxPairs };
        const comparison = groupComparison(base, head, settings, (s) => readMetric(metric.id, s));
        const outcome = outcomeOf(comparison, metric.gates);
        return [{ metric: id, gating: metric.gates, outcome, comparison }];
    });
}
/** How many pairs (or samples, on one side) the verdict rests on. */
function pairsTaken(base, head, metrics) {
    const comparison = metrics[0]?.comparison;
    if (comparison)
        return comparison.pairs;
    return head && !base ? head.samples.length : 0;
}

/** Nodes by name (same-named functions of one module merged), and who each calls. */
function graphOf(profile) {
    const nodes = new Map();
    for (const node of profile.functions) {
        const seen = nodes.get(node.name);
        if (!seen)
            nodes.set(node.name, { ...node, callers: [...node.callers] });
        else {
            seen.calls += node.calls;
            seen.ms += node.ms;
            seen.importMs = (seen.importMs ?? 0) + (node.importMs ?? 0);
            seen.callers.push(...node.callers);
        }
    }
    const callees = new Map();
    for (const node of nodes.values()) {
        for (const caller of node.callers) {
            if (!callees.has(caller.name))
                callees.set(caller.name, []);
            callees.get(caller.name).push({ name: node.name, ms: caller.ms });
        }
    }
    return { nodes, callees };
}
const top$1 = (name) => name.split('.')[0];
/**
 * How a class statement runs (its body, then the class-creation hooks). It is
 * the way from a hook to the modules whose class statements ran it, never a
 * cause itself: "`builtins.__build_class__` 11 → 31 calls" says only that
 * there are more classes, where the hook they run is what costs.
 */
const CLASS_STATEMENT = 'builtins.__build_class__';
/** Calls along one edge of the call graph on one side. */
const edgeCalls = (graph, caller, callee) => (graph.nodes.get(callee)?.callers ?? [])
    .filter((c) => c.name === caller)
    .reduce((sum, c) => sum + c.calls, 0);
/**
 * From a changed function up to the module code that leads to it: along the
 * callers whose calls to it changed (the heaviest first), until a function
 * that modules both sides load call from their bodies. Null when the change
 * leads only to the bodies of modules one side loads (the module diff tells
 * that story) or to nothing (only the import system called it).
 */
function pathToModuleCode(graphs, side, name, common) {
    const graph = graphs[side];
    const other = graphs[side === 'base' ? 'head' : 'base'];
    const via = [];
    let current = name;
    const seen = new Set([name]);
    for (let depth = 0; depth < 12; depth++) {
        const callers = (graph.nodes.get(current)?.callers ?? []).map((edge) => ({
            edge,
            node: graph.nodes.get(edge.name),
            changed: edgeCalls(graph, edge.name, current) !== edgeCalls(other, edge.name, current),
        }));
        const levels = callers.filter((c) => c.node?.level);
        // Class statements of modules one side loads ran some of the hook's calls,
        // and one C frame holds them all: they cannot be told apart from the rest,
        // and the module diff explains the change (sklearn 1.9's new narwhals
        // modules made `typing._ProtocolMeta.__new__` 25 → 131 calls).
        if (current === CLASS_STATEMENT && levels.some((c) => c.changed && !common(c.node.module)))
            return null;
        if (levels.some((c) => c.changed && common(c.node.module)))
            return { via, entry: current };
        const next = callers
            .filter((c) => c.changed && c.node && !c.node.level && !seen.has(c.edge.name))
            .sort((x, y) => y.edge.ms - x.edge.ms)[0];
        if (!next) {
            // Module code both sides load calls it: that is where the path starts,
            // whatever a module one side loads adds (tractor's `get_logger()`, called
            // by 38 modules on both sides and by one that only base loads).
            if (levels.some((c) => common(c.node.module)))
                return { via, entry: current };
            // Only a module one side loads calls it, and that changed: the module diff tells that story.
            return levels.some((c) => c.changed)
                ? null
                : upThroughUnchanged(graph, current, via, seen, common);
        }
        current = next.edge.name;
        seen.add(current);
        via.push(current);
    }
    return null;
}
/**
 * No changed call leads further up from `current`: the change is inside it.
 * Module code may still reach it through helpers whose calls did not change
 * (a logger's `get_logger()` calling a nested `get_caller_mod()` that calls
 * `inspect.stack()`), so the path goes on up the heaviest unchanged caller to
 * the first function that module code both sides load calls. Null when only
 * the bodies of modules one side loads lead to it, or nothing does.
 */
function upThroughUnchanged(graph, from, via, seen, common) {
    let current = from;
    for (let depth = 0; depth < 12; depth++) {
        const callers = (graph.nodes.get(current)?.callers ?? []).map((edge) => ({
            edge,
            node: graph.nodes.get(edge.name),
        }));
        const levels = callers.filter((c) => c.node?.level);
        if (levels.some((c) => common(c.node.module)))
            return { via, entry: current };
        const next = callers
            .filter((c) => c.node && !c.node.level && !seen.has(c.edge.name))
            .sort((x, y) => y.edge.ms - x.edge.ms)[0];
        if (!next)
            return null;
        current = next.edge.name;
        seen.add(current);
        via.push(current);
    }
    return null;
}
/**
 * The modules whose code calls `entry` at import, on both sides, the largest
 * change first. Only modules `common` accepts (loaded on both sides or on
 * neither): the calls a change counts. pydantic's 40-odd new modules calling
 * `dataclasses.dataclass` were listed under "1 → 0 calls" (the project's own
 * module dropping `@dataclass`), burying the one caller the count was about.
 */
function moduleCallers(graphs, entry, side, common = () => true) {
    const byModule = new Map();
    for (const s of ['base', 'head']) {
        const graph = graphs[s];
        for (const caller of graph.nodes.get(entry)?.callers ?? []) {
            const node = graph.nodes.get(caller.name);
            if (!node?.level || node.module === null || !common(node.module))
                continue;
            const change = byModule.get(node.module) ?? {
                module: node.module,
                baseCalls: 0,
                headCalls: 0,
                file: null,
                lines: [],
                side,
            };
            if (s === 'base')
                change.baseCalls += caller.calls;
            else
                change.headCalls += caller.calls;
            if (s === side || change.file === null) {
                change.file = node.file;
                change.side = s;
            }
            byModule.set(node.module, change);
        }
    }
    return [...byModule.values()].sort((x, y) => Math.abs(y.headCalls - y.baseCalls) - Math.abs(x.headCalls - x.baseCalls) ||
        Math.max(y.headCalls, y.baseCalls) - Math.max(x.headCalls, x.baseCalls) ||
        x.module.localeCompare(y.module));
}
function mostlyIn(graph, name) {
    const total = graph.nodes.get(name)?.ms ?? 0;
    let current = name;
    let found = null;
    const seen = new Set([name]);
    for (let depth = 0; depth < 12; depth++) {
        const next = (graph.callees.get(current) ?? [])
            .filter((c) => !seen.has(c.name))
            .sort((x, y) => y.ms - x.ms)[0];
        if (!next || next.ms < 0.6 * total)
            break;
        found = graph.nodes.get(next.name) ?? null;
        current = next.name;
        seen.add(current);
        if (top$1(current) !== top$1(name))
            break;
    }
    if (!found)
        return null;
    return { name: found.name, file: found.file, line: found.line, ms: found.ms };
}

// How many of a function's calls the bodies of modules one side loads could
// have made, through the functions between. Pure.
//
// cProfile keeps one edge per caller and callee, not the path that led there,
// so a helper that modules of both kinds call passes its calls on without
// saying for whom. `dataclass()` is called by pydantic's modules (base only)
// and by `pycares` (both sides); the `wrap` it calls went from 64 to 40 calls
// when pydantic went, and the mix of `@dataclass` and `@dataclass(...)` moved
// the helper's per-call rate, so `wrap` read as a cause although no module
// both sides load called it differently (runpod #466, issue 48: 4). The bound
// lets a one-sided caller pass on at most one call per call, or as many as
// that edge makes on average on either side when more; a change these could
// make up is the module diff's.
/** For one side and function, how many of its calls through other functions may have come from modules one side loads. */
function oneSidedCalls(graphs, common) {
    const memo = { base: new Map(), head: new Map() };
    // At least one call per call: an average hides callers that pass on more
    // than others (fastapi's class bodies reach `Annotated[...]` through
    // typing's cache wrapper at every call, the project's modules at a tenth).
    const rate = (caller, callee) => Math.max(1, ...[graphs.base, graphs.head].map((g) => perCall(g, caller, callee)));
    const bound = (side, name, visiting) => {
        const known = memo[side].get(name);
        if (known !== undefined)
            return known;
        const graph = graphs[side];
        let total = 0;
        for (const caller of graph.nodes.get(name)?.callers ?? []) {
            if (caller.name === name)
                continue;
            const node = graph.nodes.get(caller.name);
            if (node?.level) {
                if (!common(node.module))
                    total += caller.calls;
                continue;
            }
            // Round a cycle (mutual recursion), nothing bounds what it passes on.
            if (visiting.has(caller.name)) {
                total += caller.calls;
                continue;
            }
            visiting.add(caller.name);
            const upstream = bound(side, caller.name, visiting);
            visiting.delete(caller.name);
            total += Math.min(caller.calls, upstream * rate(caller.name, name));
        }
        memo[side].set(name, total);
        return total;
    };
    // The calls a function diff counts leave out those the bodies of modules one
    // side loads make directly: what is left is what came through functions.
    return (side, name) => {
        const direct = (graphs[side].nodes.get(name)?.callers ?? [])
            .filter((c) => {
            const node = graphs[side].nodes.get(c.name);
            return node?.level && !common(node.module);
        })
            .reduce((sum, c) => sum + c.calls, 0);
        return bound(side, name, new Set([name])) - direct;
    };
}
/** Calls along an edge per call of its caller, on one side (0 where the caller never runs). */
function perCall(graph, caller, callee) {
    const of = graph.nodes.get(caller)?.calls ?? 0;
    return of ? edgeCalls(graph, caller, callee) / of : 0;
}

// Which functions the import now calls more or less often, and through which
// calls from module code: the reason behind a change at the level a developer
// fixes it ("`inspect.stack`, 30 → 0 calls, via `mypkg.log.get_logger`, which
// 30 modules call at import"). Pure.
//
// Input: the call graph of one cProfile run of the import per side. Its times
// are slowed by the profiler, so they show the size of a cause, not a
// measurement; its call counts are exact, so a change is recognised by them.
// Calls made by the body of a module only one side loads do not count: they
// are explained by that module being newly imported or no longer imported (the module diff). Of a
// chain of functions whose calls all changed, the outermost is named, since
// the rest follow from it, with the path of calls that changed up to the
// module code that makes them.
function diffFunctions(base, head, baseModules, headModules, floorMs, limit = 5) {
    const graphs = { base: graphOf(base), head: graphOf(head) };
    const common = (module) => module === null || baseModules.has(module) === headModules.has(module);
    /** Calls to `name` (and their time), except from the bodies of modules one side loads. */
    const counted = (graph, name) => {
        let calls = 0;
        let ms = 0;
        for (const caller of graph.nodes.get(name)?.callers ?? []) {
            const node = graph.nodes.get(caller.name);
            if (node?.level && !common(node.module))
                continue;
            calls += caller.calls;
            ms += caller.ms;
        }
        return { calls, ms };
    };
    const oneSided = oneSidedCalls(graphs, common);
    const names = new Set([...graphs.base.nodes.keys(), ...graphs.head.nodes.keys()]);
    const changed = new Map();
    for (const name of names) {
        const node = graphs.head.nodes.get(name) ?? graphs.base.nodes.get(name);
        if (node.level || name === CLASS_STATEMENT)
            continue;
        const b = counted(graphs.base, name);
        const h = counted(graphs.head, name);
        if (b.calls === h.calls)
            continue;
        // Through helpers, modules one side loads may account for the change
        // (`dataclass.<locals>.wrap` 64 → 40 when pydantic went): it is a cause
        // only when the calls from modules both sides load must differ, however
        // many of each side's calls the others could have made.
        const gap = Math.abs(h.calls - b.calls);
        const more = h.calls > b.calls ? 'head' : 'base';
        if (gap - oneSided(more, name) < 1)
            continue;
        changed.set(name, { b, h });
    }
    const sameCalls = (name) => counted(graphs.base, name).calls === counted(graphs.head, name).calls;
    const out = [];
    for (const [name, { b, h }] of changed) {
        const deltaMs = h.ms * workShare(graphs.head, name, sameCalls) -
            b.ms * workShare(graphs.base, name, sameCalls);
        if (Math.abs(deltaMs) < floorMs)
            continue;
        const side = h.calls > b.calls ? 'head' : 'base';
        // Fewer calls yet more time (or the reverse): the profiled run's noise
        // outweighs the calls' cost, so there is no cause to name ("re.compile
        // 32 → 31 calls, +2.67 ms" in a comment on a pass).
        if ((side === 'head') !== deltaMs > 0)
            continue;
        const graph = graphs[side];
        const node = graph.nodes.get(name);
        // A function whose calls changed only because its callers' did, in the same
        // proportion, follows from them; one whose callers now call it more or less
        // often per call (`get_caller_mod()` 55 → 54 calls, `inspect.stack()` from it
        // 55 → 0) is a cause of its own.
        if (!ownChange(graphs, name, common))
            continue;
        const path = pathToModuleCode(graphs, side, name, common);
        if (!path)
            continue;
        out.push({
            name,
            file: node.file,
            line: node.line,
            side,
            baseCalls: b.calls,
            headCalls: h.calls,
            deltaMs,
            via: path.via,
            calledAs: path.entry,
            callers: moduleCallers(graphs, path.entry, side, common),
            mostlyIn: mostlyIn(graph, name),
        });
    }
    // A cause below another cause follows from it (`inspect.getmodule()`, which
    // `inspect.stack()` calls thousands of times): the outermost is named.
    const causes = new Set(out.map((c) => c.name));
    return out
        .filter((c) => !underAnother(graphs[c.side], c.name, causes))
        .sort((x, y) => Math.abs(y.deltaMs) - Math.abs(x.deltaMs) || x.name.localeCompare(y.name))
        .slice(0, limit);
}
/**
 * The part of a function's profiled time that is work it brought: less the
 * modules it loaded (the module diff's), and less the calls it makes that the
 * import makes as often on both sides. Those are relocated, not new: head's
 * `_load_api_key()` wraps the `get_credentials()` call and the module import
 * that base made at module level, and its +26 ms was all theirs (runpod
 * `68df2cee`, issue 48: 5).
 */
function workShare(graph, name, sameCalls) {
    const node = graph.nodes.get(name);
    if (!node || node.ms <= 0)
        return 1;
    const relocated = (graph.callees.get(name) ?? [])
        .filter((c) => c.name !== name && !graph.nodes.get(c.name)?.level && sameCalls(c.name))
        .reduce((sum, c) => sum + c.ms, 0);
    return Math.max(0, 1 - ((node.importMs ?? 0) + relocated) / node.ms);
}
/** Calls along one edge, and its caller's calls in all, on one side. */
const edge = (graph, caller, callee) => ({
    calls: edgeCalls(graph, caller, callee),
    of: graph.nodes.get(caller)?.calls ?? 0,
});
/** How far two per-call rates may differ and still be the same proportion (call counts are exact; rates of deep frames vary a little). */
const SAME_RATE = 0.1;
/**
 * Whether `name`'s change in calls is its own: module code both sides load
 * calls it more or less often, or a function calls it more or less often per
 * call of its own. Not when the change comes only from changed callers in the
 * same proportion, or from the bodies of modules one side loads.
 */
function ownChange(graphs, name, common) {
    const callers = new Set([graphs.base, graphs.head].flatMap((g) => (g.nodes.get(name)?.callers ?? []).map((c) => c.name)));
    for (const caller of callers) {
        const node = graphs.head.nodes.get(caller) ?? graphs.base.nodes.get(caller);
        const b = edge(graphs.base, caller, name);
        const h = edge(graphs.head, caller, name);
        if (b.calls === h.calls)
            continue;
        if (node?.level) {
            if (common(node.module))
                return true;
            continue;
        }
        // Class statements stand for the module code that runs them: the path from
        // a hook through them to those modules tells whose classes they are.
        if (caller === CLASS_STATEMENT)
            return true;
        // A caller one side never calls follows its own change.
        if (!b.of || !h.of)
            continue;
        const rb = b.calls / b.of;
        const rh = h.calls / h.of;
        if (Math.abs(rb - rh) > SAME_RATE * Math.max(rb, rh))
            return true;
    }
    return false;
}
/** Whether another of `causes` calls `name`, directly or through other functions. */
function underAnother(graph, name, causes) {
    const seen = new Set([name]);
    let frontier = [name];
    for (let depth = 0; depth < 12 && frontier.length; depth++) {
        const next = [];
        for (const at of frontier)
            for (const caller of graph.nodes.get(at)?.callers ?? []) {
                if (seen.has(caller.name))
                    continue;
                if (causes.has(caller.name))
                    return true;
                seen.add(caller.name);
                next.push(caller.name);
            }
        frontier = next;
    }
    return false;
}

function change(name, costs, loaded) {
    const cost = costs.get(name);
    return {
        name,
        // No -X importtime record: put in sys.modules directly (as importlib does
        // for importlib._bootstrap), so there is no import chain to show.
        // A link the side tried and failed to import (an optional dependency's
        // probe: requests.adapters → urllib3.contrib.socks, without PySocks) is
        // in neither side's modules; left in, it read as a module both sides load
        // and split what it loaded on the way (urllib3.contrib) into a cause of
        // its own, apart from the import that brought it.
        chain: (cost?.chain ?? []).filter((link, i) => i === 0 || link === name || loaded.has(link)),
        selfMs: cost?.selfMs ?? 0,
        cumulativeMs: cost?.cumulativeMs ?? 0,
        groupMs: cost?.cumulativeMs ?? 0,
    };
}
/**
 * Takes off each changed module's `groupMs` the cumulative time of the
 * unchanged modules first loaded under it through changed modules only (their
 * subtrees hold whatever else they load, changed or not, which are causes of
 * their own). One pass over the side's modules and their chains.
 */
function subtractUnchanged(changes, costs, isChanged) {
    const byName = new Map(changes.map((c) => [c.name, c]));
    for (const cost of costs.values()) {
        if (isChanged(cost.name))
            continue;
        // The nearest link above it; it counts against that link if it is changed.
        const importer = cost.chain[cost.chain.length - 2];
        const change = importer === undefined ? undefined : byName.get(importer);
        if (!change)
            continue;
        // Every changed link above, up to the first unchanged one, loaded it within its subtree.
        for (let i = cost.chain.length - 2; i >= 0; i--) {
            const link = byName.get(cost.chain[i]);
            if (!link)
                break;
            link.groupMs = Math.max(0, link.groupMs - cost.cumulativeMs);
        }
    }
}
/**
 * Modules that became eager or stopped being imported as a group are listed under the module
 * that pulled them in too; sorting by cumulative time puts that one first.
 */
const costliest = (a, b) => b.cumulativeMs - a.cumulativeMs || a.name.localeCompare(b.name);
/**
 * The fewest untimed runs a side whose spread can tell a change from noise.
 * Two cannot: under load, two runs of runpod #466 put `fcntl` (one C module)
 * at 181 µs → 116 ms, "beyond" a spread two runs cannot know.
 */
const MIN_RUNS = 3;
/**
 * The spread of a module's own time over the runs of both sides. With fewer
 * than MIN_RUNS runs on a side there is no spread to go by: nothing can be
 * told from noise, so no change of a module both sides load is listed. Costs without run counts
 * (hand-made) carry no noise estimate.
 */
function noise(b, h) {
    if (b.runs === undefined || h.runs === undefined)
        return null;
    if (b.runs < MIN_RUNS || h.runs < MIN_RUNS)
        return Number.POSITIVE_INFINITY;
    return (b.selfSpreadMs ?? 0) + (h.selfSpreadMs ?? 0);
}
/**
 * `floorMs`: own-time changes smaller than this are not listed whatever the
 * noise (the gate's min-delta: nothing smaller can matter to the verdict).
 */
function diffModules(base, head, topChanges = 10, floorMs = 0) {
    const inBase = new Set(base.added);
    const inHead = new Set(head.added);
    const added = [...inHead].filter((m) => !inBase.has(m)).map((m) => change(m, head.costs, inHead));
    const removed = [...inBase]
        .filter((m) => !inHead.has(m))
        .map((m) => change(m, base.costs, inBase));
    subtractUnchanged(added, head.costs, (m) => !inBase.has(m));
    subtractUnchanged(removed, base.costs, (m) => !inHead.has(m));
    const names = new Set([...base.costs.keys(), ...head.costs.keys()]);
    const selfTimeChanges = [...names]
        .map((name) => {
        const b = base.costs.get(name);
        const h = head.costs.get(name);
        const deltaMs = (h?.selfMs ?? 0) - (b?.selfMs ?? 0);
        const noiseMs = b && h ? noise(b, h) : null;
        return {
            name,
            baseSelfMs: b?.selfMs ?? null,
            headSelfMs: h?.selfMs ?? null,
            deltaMs,
            noiseMs,
        };
    })
        .filter((c) => c.deltaMs !== 0 &&
        Math.abs(c.deltaMs) >= floorMs &&
        (c.noiseMs === null || Math.abs(c.deltaMs) > c.noiseMs))
        .sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs) || a.name.localeCompare(b.name))
        .slice(0, topChanges);
    return { added: added.sort(costliest), removed: removed.sort(costliest), selfTimeChanges };
}

// Own (-X importtime self) time summed by top-level package, base against
// head: the project's own modules together, and each dependency. Ten modules
// each a little cheaper add up to the change a reviewer wants named. Pure.
const NOTABLE_MS = 1;
/** The share of a decided change a row must carry to be notable on that ground alone. */
const DECIDED_SHARE = 0.5;
const NOTABLE_FRACTION = 0.05;
const top = (module) => module.split('.')[0];
function sums(costs) {
    const out = new Map();
    for (const cost of costs.values()) {
        const entry = out.get(top(cost.name)) ?? { ms: 0, modules: 0, spread: 0 };
        entry.ms += cost.selfMs;
        entry.modules++;
        entry.spread =
            entry.spread === null || cost.selfSpreadMs === undefined
                ? null
                : // Too few runs to know the spread: no change can stand out from it.
                    cost.runs !== undefined && cost.runs < MIN_RUNS
                        ? Number.POSITIVE_INFINITY
                        : entry.spread + cost.selfSpreadMs;
        out.set(top(cost.name), entry);
    }
    return out;
}
/** Every top-level package either side loaded: the target's own first, then the largest changes. */
function rollUpByPackage(target, base, head, 
/**
 * The change the timed samples decided (head − base median, ms), or null.
 * A row that moved the same way by at least DECIDED_SHARE of it is notable
 * whatever its untimed runs' spread: under heavy load two profile runs a
 * side spread widely, and tractor's own −1.54 s of a decided −71% was
 * called noise.
 */
decidedMs = null) {
    const b = sums(base);
    const h = sums(head);
    const own = top(target);
    const rows = [...new Set([...b.keys(), ...h.keys()])].map((name) => {
        const x = b.get(name);
        const y = h.get(name);
        const deltaMs = (y?.ms ?? 0) - (x?.ms ?? 0);
        return {
            name,
            own: name === own,
            notable: !x ||
                !y ||
                (decidedMs !== null &&
                    Math.sign(deltaMs) === Math.sign(decidedMs) &&
                    Math.abs(deltaMs) >= DECIDED_SHARE * Math.abs(decidedMs)) ||
                (Math.abs(deltaMs) >= NOTABLE_MS &&
                    (x.spread === null || y.spread === null
                        ? Math.abs(deltaMs) >= NOTABLE_FRACTION * x.ms
                        : Math.abs(deltaMs) > x.spread + y.spread)),
            baseMs: x?.ms ?? null,
            headMs: y?.ms ?? null,
            deltaMs,
            baseModules: x?.modules ?? 0,
            headModules: y?.modules ?? 0,
        };
    });
    return rows.sort((p, q) => Number(q.own) - Number(p.own) ||
        Math.abs(q.deltaMs) - Math.abs(p.deltaMs) ||
        p.name.localeCompare(q.name));
}

function missingTarget(failure, target) {
    // A command target's program that one side's environment does not have: new in head, or removed.
    if (failure?.kind === 'CommandNotFound')
        return true;
    if (!failure || failure.kind !== 'ModuleNotFoundError')
        return false;
    const missing = /^No module named '([^']+)'$/.exec(failure.message.trim())?.[1];
    return missing !== undefined && (missing === target || target.startsWith(`${missing}.`));
}

/** compare: why a target has no verdict, or null when the procedure decided. */
function undecidedShortfall(comparison, context) {
    if (comparison.decision !== 'continue')
        return null;
    const { pairs, neededPairs: needed } = comparison;
    const reason = pairs < needed ? 'pairs' : 'unsettled';
    if (pairs >= context.maxPairs)
        return {
            reason,
            pairs,
            needed,
            suggestedMaxTimeS: null,
            suggestedMaxPairs: 2 * context.maxPairs,
        };
    // A procedure that has not decided needs more pairs; twice the budget, or what the steps need.
    return {
        reason,
        pairs,
        needed,
        suggestedMaxTimeS: Math.max(doubledBudgetS(context.maxTimeMs), context.suggestion ?? 0),
        suggestedMaxPairs: null,
    };
}
/** Twice the budget, in whole tens of seconds: what to try when nothing better is known. */
const doubledBudgetS = (maxTimeMs) => Math.ceil((2 * maxTimeMs) / 10_000) * 10;
/** measure: fewer samples than min-pairs, or null. */
function samplesShortfall(samples, minPairs, suggestion) {
    if (samples >= minPairs)
        return null;
    return {
        reason: 'pairs',
        pairs: samples,
        needed: minPairs,
        suggestedMaxTimeS: suggestion,
        suggestedMaxPairs: null,
    };
}
/** What one round of every arm costs, from the samples' spawn-to-exit times, and so a budget. */
function suggestedMaxTimeS(observations, sampling) {
    const walls = observations.arms
        .filter((a) => a.samples.length)
        .map((a) => median(a.samples.map((s) => s.wallMs)));
    if (!walls.length)
        return null;
    const roundMs = walls.reduce((sum, w) => sum + w, 0);
    const twoSided = observations.arms.some((a) => a.key.side === 'base');
    return suggestedBudgetS(roundMs, sampling, twoSided);
}

function sideOf(profile, name) {
    if (!profile?.runs)
        return null;
    if (!profile.added.includes(name))
        return { loaded: false, chain: [], cumulativeMs: null };
    const cost = profile.costs.get(name);
    return { loaded: true, chain: cost?.chain ?? [], cumulativeMs: cost?.cumulativeMs ?? null };
}
function watchModules(watch, base, head) {
    return watch.map((name) => ({ name, base: sideOf(base, name), head: sideOf(head, name) }));
}

/**
 * enforce-lazy's gap on a warm module target, if any: the interpreter has no
 * lazy imports, or head's lazy run failed or never ran (its import failed, or
 * no profile run came first).
 */
function lazyGap(head, supported) {
    if (!head || head.failure)
        return [];
    if (!supported)
        return [{ missing: 'lazy', reason: 'unsupported' }];
    const lazy = head.profile?.lazy;
    if (lazy)
        return [];
    return [
        {
            missing: 'lazy',
            reason: lazy === null ? 'failed' : head.profile?.runs ? 'budget' : 'not-run',
        },
    ];
}
/** The gaps of one compared (or measured) target, from its arms' profiles. */
function explanationGaps(base, head, gate, watch, profileRuns) {
    const gaps = [];
    const gatesOnModules = gate.forbid.length > 0 || gate.maxModules !== null || watch.length > 0;
    // Arms never profiled (other cache states, commands) have no profile at all: nothing was due.
    const unknown = (arm) => !!arm && !arm.failure && !!arm.profile && arm.profile.runs === 0 && !arm.profile.failure;
    // The first profile run always runs when any is asked for; cut, it is the budget's doing.
    if ((gatesOnModules && unknown(head)) || (base && (unknown(base) || unknown(head))))
        gaps.push({ missing: 'modules', reason: profileRuns > 0 ? 'budget' : 'not-run' });
    // Function-level causes are a comparison's: both sides need their profile.
    if (!base || !head || base.failure || head.failure)
        return gaps;
    const profiles = [base.profile, head.profile];
    if (profiles.some((p) => !p?.runs || p.failure))
        return gaps;
    const deferred = profiles.map((p) => p.deferred).find(Boolean);
    if (deferred)
        gaps.push({ missing: 'functions', reason: deferred });
    else if (profiles.some((p) => p.functions === null))
        gaps.push({ missing: 'functions', reason: 'failed' });
    return gaps;
}

// What a target still undecided when its budget and overtime end is given.
// The sequential procedure has not decided. With `undecided = "fail"` that is
// inconclusive, which fails the check. With `"warn"` (the default) it passes,
// with a warning, when its pass interval (one-sided β, valid however long
// sampling ran) lies below twice the band: a regression of twice the band or
// more passes this way with probability at most β; one between the band and
// twice it may slip through, which the comment says, and which the drift check
// catches when such changes add up. docs/statistics.md has the figures. Pure.
/** How far past the band an undecided target's interval may reach and still pass with a warning. */
const WARN_BAND_FACTOR = 2;
/**
 * An undecided look's pass at the end, or null: its pass interval's upper end
 * (a log-ratio) must lie below twice the band. `decision` is the procedure's.
 */
function endOfBudget(look, gate, baseMedianMs) {
    if (look.decision !== 'continue' || !look.passInterval)
        return null;
    const { width } = band(gate, baseMedianMs);
    const upper = look.passInterval[1];
    if (!(upper < Math.log(1 + WARN_BAND_FACTOR * width)))
        return null;
    return {
        ruledOutPct: 100 * WARN_BAND_FACTOR * width,
        bandPct: 100 * width,
        upperPct: 100 * Math.expm1(upper),
    };
}

/** The proof decides this target in this cache state: no loaded source changed, or the state is warm. */
const provedIn = (proof, variant) => !!proof?.holds && (variant === DEFAULT_VARIANT || proof.sourcesUnchanged);
const withSide = (side, failure) => failure ? { side, ...failure } : null;
function errorOf(base, head) {
    return (withSide('base', base?.failure) ??
        withSide('head', head?.failure) ??
        withSide('base', base?.profile?.failure) ??
        withSide('head', head?.profile?.failure));
}
function modulesOf(base, head, floorMs) {
    const b = base?.profile;
    const h = head?.profile;
    if (!base || !b?.runs || !h?.runs)
        return null;
    return diffModules({ added: b.added, costs: b.costs }, { added: h.added, costs: h.costs }, 10, floorMs);
}
function functionsOf(base, head, floorMs) {
    const b = base?.profile;
    const h = head?.profile;
    if (!b?.functions || !h?.functions)
        return null;
    return diffFunctions(b.functions, h.functions, new Set(b.added), new Set(h.added), floorMs);
}
function evaluateTarget(observations, configured, spec, ended) {
    const arms = pairOf(observations.arms, configured.name, spec.variant);
    // A module base does not have is new in head, whoever listed it (a -t flag, say).
    const baseLacksIt = !!arms.base && missingTarget(arms.base.failure, configured.name);
    const target = { ...configured, isNew: configured.isNew || baseLacksIt };
    // Removed by head, and dropped from head's targets: nothing to measure, and nothing wrong.
    if (configured.droppedInHead &&
        arms.base &&
        !arms.base.failure &&
        missingTarget(arms.head?.failure, configured.name))
        return goneInHead(configured.name, spec, sideFinding(arms.base));
    const proof = target.isNew ? undefined : spec.proofs?.get(target.name);
    // Proved: nothing to time, so base was not run again; head may have a short sample for its budget.
    const proved = provedIn(proof, spec.variant);
    const base = target.isNew || proved ? null : arms.base;
    const head = arms.head;
    const error = errorOf(base, head);
    const headSide = sideFinding(head);
    const measured = !error && !!head?.samples.length && (!base || base.samples.length > 0);
    const metrics = measured && head && !proved ? metricFindings(base, head, spec) : [];
    const baseSide = sideFinding(base);
    const pairs = pairsTaken(base ? baseSide : null, headSide, metrics);
    const gatingMetric = metrics.find((m) => m.gating);
    const context = {
        maxTimeMs: spec.sampling.maxTimeMs,
        maxPairs: spec.sampling.maxPairs,
        suggestion: ended.suggestion,
    };
    // A decided change on any gating metric is evidence on its own (an instruction
    // count's regression stands whatever the few timed pairs say).
    const found = mostSerious(metrics.filter((m) => m.gating).map((m) => m.outcome));
    // Compared: undecided is inconclusive. On one side (a new target, measure): too few samples is.
    const shortfall = error || proved || (found !== 'pass' && found !== 'inconclusive')
        ? null
        : gatingMetric?.comparison
            ? undecidedShortfall(gatingMetric.comparison, context)
            : base
                ? // Compared, and no pair taken (the budget ran out before the first round): never a
                    // pass. With no sample to size a round by, the advice is twice the budget.
                    samplesShortfall(0, fewestPairs(PASS_BETA), ended.suggestion ?? doubledBudgetS(spec.sampling.maxTimeMs))
                : samplesShortfall(pairs, spec.sampling.minPairs, ended.suggestion);
    const undecidedPass = passAtTheEnd(shortfall, gatingMetric, metrics, spec.gate);
    const statistical = error
        ? 'error'
        : undecidedPass
            ? 'pass'
            : shortfall
                ? 'inconclusive'
                : found;
    const headProfile = head?.profile;
    const forbidden = headProfile?.runs
        ? forbiddenImports(headProfile.added, headProfile.costs, spec.gate.forbid, base?.profile?.runs ? base.profile.added : null)
        : [];
    const budget = budgetStatus(headSide?.medianMs ?? null, 
    // A proved target has no timed samples unless it has a time budget; its module-set run still counts.
    headSide?.moduleCount ?? (headProfile?.runs ? headProfile.moduleCount : null), spec.gate.budgetsMs[target.name], spec.gate.maxModules);
    // Proved: there is no change to explain.
    const gaps = proved
        ? []
        : explanationGaps(base, head, spec.gate, spec.watch, spec.sampling.profileRuns);
    if (spec.gate.enforceLazy && spec.variant === 'warm' && traitsOf(target.name).lazyRuns)
        gaps.push(...lazyGap(head, spec.lazyImports === true));
    const lazy = lazyFinding(target.name, headProfile?.lazy, (module) => headProfile?.costs.get(module)?.cumulativeMs ?? null, spec.lazyForm);
    const findings = [statistical];
    if (forbidden.length)
        findings.push('forbidden');
    // enforce-lazy: a module the project declares lazy is one the import must not load.
    if (spec.gate.enforceLazy && lazy?.loadedAnyway.length)
        findings.push('forbidden');
    if (isBreached(budget))
        findings.push('budget');
    return {
        target: target.name,
        variant: spec.variant,
        isNew: target.isNew,
        base: baseSide,
        head: headSide,
        metrics,
        modules: modulesOf(base, head, spec.gate.minDeltaMs),
        packages: base?.profile?.runs && head?.profile?.runs
            ? rollUpByPackage(target.name, base.profile.costs, head.profile.costs, 
            // The timed samples' decided change: a row that carries most of it is no noise.
            (found === 'regression' || found === 'improvement') &&
                gatingMetric?.metric === 'import_ms' &&
                baseSide &&
                headSide
                ? headSide.medianMs - baseSide.medianMs
                : null)
            : null,
        functions: functionsOf(base, head, spec.gate.minDeltaMs),
        forbidden,
        budget,
        watched: watchModules(spec.watch, base?.profile, head?.profile),
        ...(gaps.length ? { gaps } : {}),
        ...(lazy ? { lazy } : {}),
        ...(proof ? { proof: { ...proof, decided: proved } } : {}),
        error,
        shortfall: undecidedPass ? null : shortfall,
        ...(undecidedPass ? { undecidedPass } : {}),
        verdict: mostSerious(findings),
    };
}
/**
 * `undecided = "warn"`: a target the procedure left undecided with enough
 * pairs passes, with a warning, when its pass interval rules out twice the
 * band (end-of-budget.ts); null otherwise, and whenever another gating metric
 * is not a pass.
 */
function passAtTheEnd(shortfall, gating, metrics, gate) {
    const c = gating?.comparison;
    if (gate.undecided !== 'warn' || shortfall?.reason !== 'unsettled' || !c?.passCiPct)
        return null;
    if (metrics.some((m) => m.gating && m !== gating && m.outcome !== 'pass'))
        return null;
    const [lo, hi] = c.passCiPct;
    return endOfBudget({ decision: c.decision, passInterval: [Math.log1p(lo / 100), Math.log1p(hi / 100)] }, gate, c.baseMedianMs);
}
/** A target base had and head removed (and dropped from its targets): reported, never failed. */
function goneInHead(name, spec, base) {
    return {
        target: name,
        variant: spec.variant,
        isNew: false,
        gone: true,
        base,
        head: null,
        metrics: [],
        modules: null,
        packages: null,
        functions: null,
        forbidden: [],
        budget: budgetStatus(null, null, undefined, null),
        watched: [],
        error: null,
        shortfall: null,
        verdict: 'pass',
    };
}
/**
 * The spec for one cache state. Budgets, the module budget, the watch list
 * and the counted metrics are about the warm import (what a budget of "300 ms" means); other states
 * are judged on their own change alone, and have no profile runs to watch in.
 */
function forVariant(spec, variant) {
    if (variant === DEFAULT_VARIANT)
        return { ...spec, variant };
    return {
        ...spec,
        variant,
        // Counted metrics are counted in the warm state only: the counts do not depend on the cache.
        metrics: spec.metrics.filter((id) => METRICS[id].kind === 'sample'),
        watch: [],
        gate: { ...spec.gate, budgetsMs: {}, maxModules: null },
    };
}
function evaluate(observations, spec) {
    const ended = { suggestion: suggestedMaxTimeS(observations, spec.sampling) };
    const variants = spec.variants ?? [spec.variant];
    const targets = spec.targets.flatMap((t) => variants.map((variant) => evaluateTarget(observations, t, forVariant(spec, variant), ended)));
    return { targets, verdict: mostSerious(targets.map((t) => t.verdict)) };
}

// When sampling may stop before its maximum: the stopping rules the engine is
// handed. Each looks at the samples so far and names the groups (see groupId)
// that still need samples; the others stop. Pure.
/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01;
/** measure: the groups whose median is not yet known to within ±1% (95% interval). Failed arms are done. */
const medianUnsettled = (arms) => arms.flatMap((arm) => {
    if (arm.failure)
        return [];
    const values = primaryTimes(arm.samples);
    const interval = medianInterval(values);
    const settled = interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(values);
    return settled ? [] : [groupId(arm.key)];
});
/** compare: the groups the sequential procedure has not decided (analysis/verdict/decision.ts). */
const undecided = (settings) => undecidedGroups(settings);

class ArmStates {
    arms;
    onEvent;
    byId = new Map();
    constructor(arms, onEvent) {
        this.arms = arms;
        this.onEvent = onEvent;
        for (const arm of arms) {
            this.byId.set(armId(arm.key), {
                key: arm.key,
                samples: [],
                failure: null,
                profile: null,
            });
        }
    }
    of(arm) {
        return this.byId.get(armId(arm.key));
    }
    fail(arm, failure) {
        const observation = this.of(arm);
        if (observation.failure)
            return;
        observation.failure = failure;
        this.onEvent?.({ phase: 'failed', key: arm.key, failure });
    }
    /** Arms of `among` that have not failed, in groups where no arm failed for another reason than a missing target. */
    live(among = this.arms) {
        const failed = new Set(this.arms
            .filter((arm) => {
            const failure = this.of(arm).failure;
            return failure && !missingTarget(failure, arm.key.target);
        })
            .map((arm) => groupId(arm.key)));
        return among.filter((arm) => !this.of(arm).failure && !failed.has(groupId(arm.key)));
    }
    setProfile(arm, profile) {
        this.of(arm).profile = profile;
    }
    observations() {
        return this.arms.map((arm) => this.of(arm));
    }
}

// One probe run: builds the interpreter's argument list, runs it through the
// process layer and turns what came back into a report or a structured failure.
/** The failure kind of a run the time budget stopped: the engine ends the phase, nothing failed. */
const OUT_OF_TIME = 'OutOfTime';
/** The interpreter's argument list for a probe run; exported for tests. */
function probeArgs(mode, target, probe = probePath()) {
    const flags = mode === 'profile' ? ['-X', 'importtime'] : [];
    const helper = mode === 'functions' ? [functionsHelperPath()] : [];
    return [...flags, probe, mode, String(REPORT_FD), target, ...helper];
}
/**
 * Why a well-formed report cannot be the probe's, or null. The measured code
 * shares the probe's process and can write to its descriptor; what it cannot
 * easily do is fake times that agree with each other and with the run as the
 * parent clocked it (both clocks are CLOCK_MONOTONIC on Linux). This catches a
 * forged "1 µs" report; a forger that reads the clock too is not caught.
 */
function implausible(report, outcome) {
    const { start_ns: start, end_ns: end, import_ns: took } = report;
    if (![start, end, took].every((x) => typeof x === 'number' && Number.isFinite(x)))
        return 'its times are not numbers';
    // Doubles hold nanoseconds exactly up to 104 days of uptime; allow a microsecond after that.
    const tolerance = Math.abs(end) > Number.MAX_SAFE_INTEGER ? 1_000 : 0;
    if (end < start || Math.abs(end - start - took) > tolerance)
        return `its import time (${took} ns) is not its end minus its start (${end} − ${start})`;
    if (process.platform !== 'linux')
        return null;
    const slack = 1_000_000;
    if (start < Number(outcome.spawnNs) - slack || end > Number(outcome.exitNs) + slack)
        return "its import did not happen between the interpreter's start and exit";
    return null;
}
function lastLines(text, count) {
    return text.trimEnd().split(/\r?\n/).slice(-20).join('\n');
}
/** One run of the probe; a cache state's set-up is the caller's (run-target.ts). */
async function runProbe(request) {
    const args = probeArgs(request.mode, request.target, request.probe);
    const spec = {
        env: request.env,
        cwd: request.cwd,
        timeoutMs: request.timeoutMs,
        stderr: request.mode === 'profile' ? 'full' : 'tail',
    };
    const counter = request.counter;
    if (!counter) {
        const [command, ...rest] = pinnedArgv(request.core, request.python, args);
        return probeRunOf(request, await runMeasured({ command: command, args: rest, ...spec }));
    }
    const { result, text } = await withCountFile((outFile) => {
        const [command, ...rest] = wrappedArgv(counter, outFile, request.python, args);
        return runMeasured({ command: command, args: rest, ...spec });
    });
    const run = probeRunOf(request, result);
    return { ...run, count: run.failure ? null : parseCount(counter.tool, text) };
}
/**
 * Why a run ended without what it owed: the time budget, its own timeout, a
 * signal, or its exit status, with the tail of its stderr.
 */
function endedWithoutReport(request, outcome, stderr, words) {
    const tail = lastLines(stderr);
    if (outcome.timedOut && request.budgetCut)
        return {
            kind: OUT_OF_TIME,
            message: `the time budget ended while ${words.during}`,
            traceback: [],
        };
    if (outcome.timedOut)
        return {
            kind: 'Timeout',
            message: `${words.unfinished} did not finish within ${request.timeoutMs / 1000} s; its process group was killed`,
            traceback: [],
            stderr_tail: tail,
        };
    if (outcome.signal)
        return {
            kind: 'Signal',
            message: words.killed(outcome.signal),
            traceback: [],
            stderr_tail: tail,
        };
    return {
        kind: 'ProcessExit',
        message: words.exited(outcome.code),
        traceback: [],
        exit_code: outcome.code,
        stderr_tail: tail,
    };
}
/**
 * What a finished process says about the import: the probe's report, or why
 * there is none. Never throws for anything the measured code can do.
 */
function probeRunOf(request, outcome) {
    // Measured code may write any bytes; invalid UTF-8 becomes U+FFFD here.
    const stderr = outcome.stderr.toString('utf8');
    const wallNs = outcome.exitNs - outcome.spawnNs;
    const wallMs = Number(wallNs) / 1e6;
    let report = null;
    let failure = null;
    if (outcome.report.length > 0 && !outcome.timedOut) {
        try {
            report = parseProbeReport(outcome.report);
            const odd = implausible(report, outcome);
            if (odd)
                throw new BadReportError(`the probe's report does not fit the run: ${odd}`);
            failure = report.error;
        }
        catch (error) {
            report = null;
            if (!(error instanceof BadReportError))
                throw error;
            failure = {
                kind: 'BadReport',
                message: `${error.message} (importing ${request.target}; something wrote to the probe's report descriptor)`,
                traceback: [],
                stderr_tail: lastLines(stderr),
            };
        }
    }
    else {
        const target = request.target;
        failure = endedWithoutReport(request, outcome, stderr, {
            during: `importing ${target}`,
            unfinished: `importing ${target}`,
            killed: (signal) => `the interpreter was killed by ${signal} while importing ${target}`,
            exited: (code) => `the interpreter exited with status ${code} while importing ${target}, before the probe could report (os._exit() or a crash in the imported code)`,
        });
    }
    let startupMs = null;
    if (report) {
        const startup = BigInt(report.start_ns) - outcome.spawnNs;
        // Both clocks are CLOCK_MONOTONIC on Linux and macOS; elsewhere the figure
        // would be meaningless, and a value outside the run says so.
        if (startup >= 0n && startup <= wallNs)
            startupMs = Number(startup) / 1e6;
    }
    return { report, failure, wallMs, startupMs, stderr };
}

// From a planned arm to a probe request, and from a probe run to a sample.
/**
 * The request for one run of `arm`. Given the clock's `now`, the run may not
 * outlast the deadline: a hanging import under `--max-time 20` is stopped at
 * 20 s, not at the sample timeout (never below a second, so a run started
 * just before the deadline can still end). Runs in overtime are cut at its end instead.
 */
function probeRequest(arm, mode, plan, now, deadline = plan.deadline) {
    const timeoutMs = now === undefined
        ? plan.sampling.sampleTimeoutMs
        : Math.min(plan.sampling.sampleTimeoutMs, Math.max(1_000, deadline - now));
    return {
        python: arm.python,
        probe: arm.probe,
        target: arm.key.target,
        mode,
        env: arm.env,
        cwd: plan.cwd,
        timeoutMs,
        budgetCut: timeoutMs < plan.sampling.sampleTimeoutMs,
        ...(mode === 'time' && arm.cache ? { cache: arm.cache } : {}),
    };
}
/** The run was stopped by the time budget, not by the sample timeout: out of time, not a failure of the import. */
const cutByBudget = (run) => run.failure?.kind === OUT_OF_TIME;
/** The sample metrics read from a report's own fields: all but the primary figure. */
const OTHER_SAMPLE_METRICS = SAMPLE_METRICS.filter((m) => m.id !== PRIMARY_METRIC);
/** A completed timed run as a sample; the caller has checked that it reported. */
function toSample(run) {
    const report = run.report;
    // Each other sample metric from the report's field its table entry names
    // (parseProbeReport has checked each is a number or null).
    const fields = { ...report };
    const values = Object.fromEntries(OTHER_SAMPLE_METRICS.map((m) => {
        const raw = fields[m.probe.field];
        return [m.id, typeof raw === 'number' ? raw / m.probe.per : null];
    }));
    return {
        importMs: report.import_ns / 1e6,
        wallMs: run.wallMs,
        startupMs: run.startupMs,
        moduleCount: report.modules_after,
        modulesAdded: report.modules_after - report.modules_before,
        values,
    };
}

// Module costs from the -X importtime lines of an untimed run: the engine's
// profile runs and the proof's traced imports print the same markers around
// the import, so both read their logs here.
/**
 * Module costs from -X importtime logs whose import sits between the probe's
 * markers (profile runs, and the proof's traced imports), and a failure when
 * they nest deeper than any real import does: forged output, whose
 * explanation cannot be trusted.
 */
function importTimeCosts(logs, target) {
    const trees = logs.map((log) => parseImportTime(log, { markers: { begin: BEGIN_MARK, end: END_MARK } }));
    return {
        costs: moduleCosts(trees),
        failure: trees.some((t) => t.tooDeep)
            ? {
                kind: 'BadReport',
                message: `the -X importtime output nests deeper than ${MAX_IMPORT_DEPTH} levels, which no real import does (importing ${target})`,
                traceback: [],
            }
            : null,
    };
}

const emptyProfile = () => ({
    runs: 0,
    added: [],
    moduleCount: 0,
    unstableModules: false,
    costs: new Map(),
    logs: [],
    failure: null,
});
/** The warm module arms: attribution comes from the warm state, and commands run no probe to profile. */
const profiledArms = (states, among) => states
    .live(among)
    .filter((arm) => arm.key.variant === DEFAULT_VARIANT && traitsOf(arm.key.target).profiles);
const overtimeEnd = (plan) => plan.overtime?.deadline ?? plan.deadline;
/**
 * `profileRuns` rounds of untimed -X importtime runs over the live warm module
 * arms, then their function profiles. The first round always runs, whatever
 * the budget: it is the module set that `forbid`, the module budget and the
 * watch list are checked on, and the chains that explain them, and a gate must
 * never be skipped for want of time (a 3 s import once passed with a forbidden
 * module loaded, its profile runs skipped). Later runs start only if the
 * slowest so far would end by the deadline with `keepMs` to spare for the
 * timed rounds; the function profiles that do not fit are deferred
 * (`ProfileObservation.deferred`): the engine runs them after sampling when
 * a change was found (measure/explain.ts).
 */
async function runProfiles(plan, states, deps, budget) {
    const arms = profiledArms(states);
    for (const arm of arms)
        states.setProfile(arm, emptyProfile());
    if (arms.length && plan.sampling.profileRuns > 0)
        deps.onEvent?.({ phase: 'profile', runs: plan.sampling.profileRuns });
    const rounds = await importTimeRounds(arms, plan.sampling.profileRuns, plan, states, deps, {
        deadline: plan.deadline,
        keepMs: budget.keepMs,
        slowest: budget.firstEstimateMs,
    });
    let { done, outOfTime } = rounds;
    if (!outOfTime && done > 0 && plan.profileFunctions !== false) {
        const functions = await runFunctionProfiles(arms, plan, states, deps, {
            deadline: plan.deadline,
            keepMs: budget.keepMs,
            slowest: rounds.slowest,
        });
        outOfTime = functions.outOfTime;
        done += functions.done;
    }
    for (const arm of arms) {
        const profile = states.of(arm).profile;
        if (profile.functions === undefined && profile.runs > 0 && !profile.failure)
            profile.deferred = 'budget';
    }
    if (plan.lazyImports)
        done += await runLazyWatches(arms, plan, states, deps);
    return { done, outOfTime, slowest: rounds.slowest };
}
/**
 * Python 3.15+: head's two untimed lazy runs per warm module arm (the import
 * as written, then with every import lazy). Like the first profile run they
 * are evidence, not refinement: they start while the overtime lasts; under
 * enforce-lazy the run as written is a gate's evidence and always runs (a
 * gate is never skipped for want of time), within the sample timeout.
 */
async function runLazyWatches(arms, plan, states, deps) {
    let done = 0;
    const deadline = Math.max(plan.deadline, overtimeEnd(plan));
    for (const arm of arms) {
        const profile = states.of(arm).profile;
        if (arm.key.side !== 'head' || profile.runs === 0 || profile.failure)
            continue;
        if (plan.signal?.aborted)
            break;
        const gate = plan.enforceLazy === true;
        if (!gate && deps.now() > deadline)
            break;
        const written = await deps.runProbe(gate
            ? probeRequest(arm, 'lazy', plan)
            : probeRequest(arm, 'lazy', plan, deps.now(), deadline));
        done++;
        if (cutByBudget(written))
            break;
        // The headroom run is an explanation: only within the budget and its overtime.
        const all = deps.now() > deadline
            ? null
            : await deps.runProbe(probeRequest(arm, 'all-lazy', plan, deps.now(), deadline));
        if (all)
            done++;
        // A failed or malformed lazy run costs only what it would have said.
        const declared = written.report?.lazy;
        profile.lazy = declared
            ? {
                declared,
                allLazy: all && !cutByBudget(all) && all.report?.ok && all.report.lazy
                    ? { importMs: all.report.import_ns / 1e6, statements: all.report.lazy }
                    : null,
            }
            : null;
    }
    return done;
}
/**
 * Rounds of -X importtime runs of `arms` until each has `upTo` runs. A run of
 * an arm with none yet always starts (the module set is a gate's evidence);
 * others only when the slowest so far fits the budget. Costs are recomputed
 * from every run's tree.
 */
async function importTimeRounds(arms, upTo, plan, states, deps, budget) {
    let slowest = budget.slowest;
    let done = 0;
    let outOfTime = false;
    rounds: for (let round = 0; round < upTo; round++) {
        for (const arm of shuffled([...arms], plan.random)) {
            if (plan.signal?.aborted)
                break rounds;
            const profile = states.of(arm).profile;
            if (profile.failure || profile.runs > round)
                continue;
            const first = profile.runs === 0;
            if (!first && deps.now() + slowest + budget.keepMs > budget.deadline) {
                outOfTime = true;
                break rounds;
            }
            // Even the first run of each arm waits for no one past the overtime: with many targets it
            // is the overtime, not the number of arms, that bounds the round (their gates say "not run").
            if (first && deps.now() > Math.max(budget.deadline, overtimeEnd(plan))) {
                outOfTime = true;
                break rounds;
            }
            const started = deps.now();
            // The first run may use the overtime; the rest end by the deadline.
            const deadline = first ? Math.max(budget.deadline, overtimeEnd(plan)) : budget.deadline;
            const run = await deps.runProbe(probeRequest(arm, 'profile', plan, deps.now(), deadline));
            if (cutByBudget(run)) {
                outOfTime = true;
                break rounds;
            }
            slowest = Math.max(slowest, deps.now() - started);
            done++;
            if (run.failure || !run.report) {
                profile.failure = run.failure;
                continue;
            }
            const added = [...(run.report.added ?? [])].sort();
            if (profile.runs === 0) {
                profile.added = added;
                profile.moduleCount = run.report.modules_after;
            }
            else if (added.join('\n') !== profile.added.join('\n')) {
                profile.unstableModules = true;
            }
            profile.runs++;
            profile.logs.push(run.stderr);
        }
    }
    for (const arm of arms) {
        const profile = states.of(arm).profile;
        const { costs, failure } = importTimeCosts(profile.logs, arm.key.target);
        if (failure && !profile.failure)
            profile.failure = failure;
        profile.costs = costs;
    }
    return { done, outOfTime, slowest };
}
/**
 * One functions-mode run per arm that has a profile and no function profile
 * yet, each when it fits the budget (cProfile slows Python code about twice:
 * two profile runs are budgeted for one).
 */
async function runFunctionProfiles(arms, plan, states, deps, budget) {
    let done = 0;
    for (const arm of shuffled([...arms], plan.random)) {
        if (plan.signal?.aborted)
            break;
        const profile = states.of(arm).profile;
        if (!profile || profile.failure || profile.runs === 0 || profile.functions !== undefined)
            continue;
        if (deps.now() + 2 * budget.slowest + budget.keepMs > budget.deadline)
            return { done, outOfTime: true };
        const request = probeRequest(arm, 'functions', plan, deps.now(), budget.deadline);
        // Both sides hash alike, so set and dict orders (and the calls that
        // depend on them) are the same: call counts are what the diff compares.
        const run = await deps.runProbe({ ...request, env: { ...request.env, PYTHONHASHSEED: '0' } });
        if (cutByBudget(run))
            return { done, outOfTime: true };
        done++;
        // A failed or malformed functions run costs only the function-level explanation.
        profile.functions = functionProfile(run.report?.functions);
    }
    return { done, outOfTime: false };
}
/**
 * The probe's call graph, callers by name rather than by index; null when the
 * report has not got its shape (it travels on the channel the measured code
 * could write to, and must never take the run down).
 */
function functionProfile(report) {
    if (!isFunctionsReport(report))
        return null;
    const names = report.functions.map((f) => f.name);
    return {
        functions: report.functions.map((f) => ({
            name: f.name,
            module: f.module,
            file: f.file,
            line: f.line,
            level: f.level,
            calls: f.calls,
            ms: f.ms,
            importMs: Math.min(Math.max(f.import_ms ?? 0, 0), f.ms),
            callers: f.callers.flatMap(([index, calls, ms]) => names[index] === undefined ? [] : [{ name: names[index], calls, ms }]),
        })),
        files: report.files,
    };
}

function request(arm, mode, counter, plan, now, deadline) {
    const ownTimeout = plan.sampling.sampleTimeoutMs * counter.slowdown;
    const timeoutMs = Math.min(ownTimeout, Math.max(1_000, deadline - now));
    return {
        python: arm.python,
        probe: arm.probe,
        target: arm.key.target,
        mode,
        // Both sides hash alike: set and dict orders, and the work that depends on them, agree.
        env: { ...arm.env, PYTHONHASHSEED: '0' },
        cwd: plan.cwd,
        timeoutMs,
        budgetCut: timeoutMs < ownTimeout,
        counter,
    };
}
/**
 * Each counter's rounds over the arms that have not failed, up to `parallel`
 * runs at a time (a count does not depend on the load; nothing is timed
 * meanwhile). A run starts only if the slowest so far would end within the
 * phase's budget; an arm whose run fails (or whose tool printed no count)
 * keeps what it has and says why.
 */
async function runCounts(plan, states, deps) {
    const counting = plan.counting;
    if (!counting?.counters.length)
        return;
    const deadline = deps.now() + counting.budgetMs;
    let slowest = 0;
    let done = 0;
    // Counts do not depend on the cache state: the warm arms are counted (module targets: the probe marks the import).
    const arms = plan.arms.filter((arm) => !states.of(arm).failure &&
        arm.key.variant === DEFAULT_VARIANT &&
        traitsOf(arm.key.target).countedRuns);
    let spent = false;
    const outOfTime = (runs) => `out of time: ${runs.runs.length} of ${counting.runs} runs fitted the counting budget`;
    // The cheaper tools first: strace's count must not wait behind cachegrind's budget.
    for (const counter of [...counting.counters].sort((a, b) => a.slowdown - b.slowdown)) {
        deps.onEvent?.({
            phase: 'count',
            metric: counter.metric,
            tool: counter.label,
            runs: counting.runs,
        });
        const runsOf = new Map();
        for (const arm of arms) {
            const runs = { tool: counter.label, runs: [], empty: [], failure: null, ms: 0 };
            runsOf.set(arm, runs);
            (states.of(arm).counted ??= {})[counter.metric] = runs;
        }
        if (spent) {
            for (const r of runsOf.values())
                r.failure = 'not run: the counting budget was spent';
            continue;
        }
        // Start-up is as deterministic as the import: one empty run an arm is enough to take off.
        const modesOf = (round) => counter.subtractEmpty && round === 0 ? ['empty', 'count'] : ['count'];
        const jobs = [];
        for (let round = 0; round < counting.runs; round++)
            for (const arm of shuffled(arms, plan.random))
                for (const mode of modesOf(round))
                    jobs.push({ arm, mode });
        let next = 0;
        const worker = async () => {
            while (next < jobs.length && !spent) {
                const { arm, mode } = jobs[next++];
                const runs = runsOf.get(arm);
                if (runs.failure)
                    continue;
                if (plan.signal?.aborted)
                    return;
                if (deps.now() + slowest > deadline) {
                    spent = true;
                    for (const r of runsOf.values())
                        r.failure ??= outOfTime(r);
                    deps.onEvent?.({ phase: 'out-of-time', step: 'counted runs', done });
                    return;
                }
                const started = deps.now();
                const run = await deps.runProbe(request(arm, mode, counter, plan, started, deadline));
                const took = deps.now() - started;
                slowest = Math.max(slowest, took);
                runs.ms += took;
                done++;
                if (runs.failure)
                    continue;
                if (cutByBudget(run))
                    runs.failure = outOfTime(runs);
                else if (run.failure || !run.count)
                    runs.failure = run.failure
                        ? `${run.failure.kind}: ${run.failure.message}`
                        : `${counter.label} printed no count`;
                else if (mode === 'empty')
                    runs.empty.push(run.count.value);
                else {
                    runs.runs.push(run.count.value);
                    runs.byCall ??= run.count.byCall;
                }
            }
        };
        const workers = Math.max(1, Math.min(counting.parallel, jobs.length));
        await Promise.all(Array.from({ length: workers }, worker));
    }
}

// Interleaved rounds of timed samples. Each round runs every live arm once, in
// an order shuffled anew and on one core (where runs are pinned), so that
// drift of the machine (another job starting, thermal throttling, a cache
// going cold) lands on all arms alike, and a pair (base and head of one target
// in one round) shares whatever the machine was doing then. Where the plan
// allows lanes and nothing else is using the CPUs, a step runs that many
// rounds at once, each on its own core, in lockstep (measure/machine-load.ts).
/** Other work below this many cores' worth counts as none: two rounds may then run at once. */
const QUIET_BELOW_CORES = 0.25;
async function runRounds(spec, plan, states, deps, 
/** Rounds of this batch already run, for the progress events of a batch run on. */
before = 0) {
    const stepMs = [];
    let rounds = 0;
    let steps = 0;
    let alongside = 0;
    let arms = spec.arms;
    const most = plan.pinning?.lanes ?? 1;
    const meter = most > 1 ? deps.loadElsewhere : undefined;
    await meter?.();
    while (rounds < spec.maxRounds && !plan.signal?.aborted) {
        const live = states.live(arms);
        if (live.length === 0)
            break;
        const expected = stepMs.length ? Math.max(...stepMs) : 0;
        if (deps.now() + expected > spec.deadline)
            return endedByBudget();
        // Two rounds at once only while nothing else is using the CPUs (measure/machine-load.ts).
        const elsewhere = (await meter?.()) ?? null;
        const width = elsewhere !== null && elsewhere < QUIET_BELOW_CORES
            ? Math.min(most, spec.maxRounds - rounds)
            : 1;
        const started = deps.now();
        const step = steps++;
        const cores = plan.pinning
            ? Array.from({ length: width }, (_, lane) => coreOfRound(plan.pinning, before + step * width + lane + 1))
            : [undefined];
        for (let lane = 0; lane < width; lane++)
            deps.onEvent?.({ phase: 'sample', round: before + rounds + lane + 1 });
        const taken = await oneStep(live, cores);
        if (taken === 'cut')
            return endedByBudget();
        for (const pending of taken)
            for (const [arm, sample] of pending)
                spec.into(arm).push(sample);
        const prior = rounds;
        rounds += taken.length;
        if (taken.length > 1)
            alongside += taken.length;
        stepMs.push(deps.now() - started);
        if (spec.stopping && rounds >= spec.minRounds && looked(prior, rounds, before)) {
            const undecided = new Set(spec.stopping(states.observations()));
            arms = arms.filter((arm) => undecided.has(groupId(arm.key)));
            if (!arms.length)
                break;
        }
    }
    return { rounds, truncated: false, outOfTime: false, alongside };
    function endedByBudget() {
        return { rounds, truncated: rounds < spec.minRounds, outOfTime: true, alongside };
    }
    /**
     * One round on each of `cores` at once, in lockstep: every live arm in one
     * shuffled order, each arm's runs on all cores together, so that every run
     * has the same arm's run beside it. A step the budget cuts short is dropped
     * whole ('cut'), so that pairs stay aligned.
     */
    async function oneStep(live, cores) {
        const pending = cores.map(() => []);
        for (const arm of shuffled(live, plan.random)) {
            if (plan.signal?.aborted)
                break;
            // Many targets make one round long: a round the budget ends midway is dropped whole.
            if (deps.now() > (spec.cutAt ?? spec.deadline))
                return 'cut';
            // A partner failed earlier in this round: stop, so pairs stay aligned.
            if (!states.live([arm]).length)
                continue;
            const request = probeRequest(arm, 'time', plan, deps.now(), spec.cutAt);
            const runs = await Promise.all(cores.map((core) => deps.runProbe(core === undefined ? request : { ...request, core })));
            if (runs.some(cutByBudget))
                return 'cut';
            for (const [lane, run] of runs.entries()) {
                if (run.failure || !run.report)
                    states.fail(arm, run.failure ?? noReport());
                else
                    pending[lane].push([arm, toSample(run)]);
            }
        }
        return pending;
    }
}
/** Whether the stopping rule looks after a step took the rounds from `prior` to `now`. */
const looked = (prior, now, before) => {
    for (let r = prior + 1; r <= now; r++)
        if (looksAt(before + r))
            return true;
    return false;
};
/**
 * Whether the stopping rule looks after this many rounds: every round up to
 * 100, then every 1% more. The procedure may look as often as it likes (its
 * intervals hold at every look), but a look reads every group's pairs, which
 * past a few hundred pairs of a fast import costs more than a round.
 */
const looksAt = (rounds) => rounds % Math.max(1, Math.floor(rounds / 100)) === 0;
function noReport() {
    return { kind: 'NoReport', message: 'the probe did not report', traceback: [] };
}

// The explanation after sampling: the profile runs that did not fit the budget
// before it (a slow import's function profile, its further -X importtime runs)
// run now, for the groups where a change was found, within a budget of their
// own. The explanation is part of the verdict: a change found on a 2 s import
// must still say why. Groups with no change to explain skip them, and say so.
/**
 * Runs what was deferred for the groups the plan says changed,
 * function profiles first (call counts name the cause), then -X importtime
 * runs up to profile-runs (own times settle with more runs). Returns how long it took.
 */
async function explainChanges(plan, states, deps, slowest) {
    const started = deps.now();
    const deferred = profiledArms(states).filter((arm) => states.of(arm).profile?.deferred);
    if (!deferred.length || !plan.explain || plan.signal?.aborted)
        return 0;
    const changed = new Set(plan.changed(states.observations()));
    const arms = deferred.filter((arm) => changed.has(groupId(arm.key)));
    for (const arm of deferred)
        if (!changed.has(groupId(arm.key)))
            states.of(arm).profile.deferred = 'no-change';
    if (!arms.length)
        return 0;
    const budget = { deadline: deps.now() + plan.explain.budgetMs, keepMs: 0, slowest };
    deps.onEvent?.({
        phase: 'explain',
        groups: [...new Set(arms.map((arm) => groupId(arm.key)))],
        budgetMs: plan.explain.budgetMs,
    });
    await runFunctionProfiles(arms, plan, states, deps, budget);
    await importTimeRounds(arms, plan.sampling.profileRuns, plan, states, deps, budget);
    for (const arm of arms) {
        const profile = states.of(arm).profile;
        if (profile.functions === undefined)
            profile.deferred = 'budget';
        else
            delete profile.deferred;
    }
    return deps.now() - started;
}

/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. The first round times a round of every arm; later rounds start
 * only if they leave time for min-pairs rounds at that pace (the evidence
 * comes first). Returns how long each round took.
 */
async function warmUp(plan, states, deps) {
    const durations = [];
    for (let round = 1; round <= plan.sampling.warmups; round++) {
        if (plan.signal?.aborted)
            break;
        const expected = durations.length ? Math.max(...durations) : 0;
        const keep = keepForSampling(plan, durations) + moduleSetRound(plan, durations);
        if (deps.now() + expected + keep > plan.deadline) {
            deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 });
            break;
        }
        deps.onEvent?.({ phase: 'warmup', round, of: plan.sampling.warmups });
        const started = deps.now();
        for (const arm of shuffled(states.live(), plan.random)) {
            if (plan.signal?.aborted)
                break;
            // Many targets make one round long: the budget bounds it, not the round's end.
            if (deps.now() > plan.deadline) {
                deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 });
                return durations;
            }
            const run = await deps.runProbe(probeRequest(arm, 'time', plan, deps.now()));
            if (cutByBudget(run)) {
                deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 });
                return durations;
            }
            if (run.failure)
                states.fail(arm, run.failure);
        }
        durations.push(deps.now() - started);
        if (round === 1)
            forecast(plan, durations[0], deps);
    }
    return durations;
}
/**
 * Rounds vary by a tenth or so from the warm-ups' pace on a busy runner; kept
 * at the bare pace, a 2 s import ended its 120 s budget at 19 of 20 pairs
 * (bench:slow), inconclusive for want of one round.
 */
const PACE_MARGIN = 1.15;
/** Time that min-pairs rounds take at the pace of the warm-ups, with a margin (0 before any was timed). */
function keepForSampling(plan, warmRounds) {
    // At one round at a time: whether two may run at once depends on the machine's load then.
    return warmRounds.length ? plan.sampling.minPairs * Math.max(...warmRounds) * PACE_MARGIN : 0;
}
/**
 * The profile round that always runs (the module set the gates need, see
 * measure/profiles.ts), at the pace of the warm-ups: -X importtime adds a few
 * percent. 0 when no profile run is asked for, or before any round was timed.
 */
function moduleSetRound(plan, warmRounds) {
    return plan.sampling.profileRuns > 0 && warmRounds.length ? 1.1 * Math.max(...warmRounds) : 0;
}
/** Says up front when the budget cannot fit min-pairs rounds at the pace of the first one. */
function forecast(plan, roundMs, deps) {
    if (roundMs <= 0)
        return;
    // Overtime may bring the rounds a verdict needs: only a budget that cannot fit them even so is worth a warning.
    const left = (plan.overtime?.deadline ?? plan.deadline) - deps.now();
    // The profile round that always runs takes about a round (a margin is for what is kept, not told).
    const fits = Math.floor((left - (plan.sampling.profileRuns > 0 ? roundMs : 0)) / roundMs);
    if (fits >= plan.sampling.minPairs)
        return;
    const comparison = plan.arms.some((arm) => arm.key.side === 'base');
    deps.onEvent?.({
        phase: 'forecast',
        roundMs,
        fits,
        needed: plan.sampling.minPairs,
        suggestedS: suggestedBudgetS(roundMs, plan.sampling, comparison),
        overtime: (plan.overtime?.deadline ?? plan.deadline) > plan.deadline,
    });
}
/** Some compared (or measured) arm still has fewer than `minPairs` samples. */
function short(states, minPairs) {
    return states.observations().some((a) => !a.failure && a.samples.length < minPairs);
}
/**
 * Past the budget, the groups still undecided sample on, up to the end of the
 * overtime: the procedure's intervals hold whenever sampling stops, so more
 * pairs cost time, never its error rates. Returns the rounds run, and how
 * many of them beside another.
 */
async function overtime(plan, before, states, deps) {
    const none = { rounds: 0, alongside: 0 };
    if (!plan.overtime)
        return none;
    const end = plan.overtime.deadline;
    if (plan.signal?.aborted || deps.now() >= end || before >= plan.sampling.maxPairs)
        return none;
    const groups = new Set(plan.stopping(states.observations()));
    if (!groups.size)
        return none;
    deps.onEvent?.({ phase: 'overtime', groups: [...groups], untilMs: end - deps.now() });
    const outcome = await runRounds({
        arms: plan.arms.filter((arm) => groups.has(groupId(arm.key))),
        // min-pairs is a minimum still: the first look comes no earlier in overtime.
        minRounds: Math.max(0, plan.sampling.minPairs - before),
        maxRounds: plan.sampling.maxPairs - before,
        deadline: end,
        cutAt: end,
        into: (arm) => states.of(arm).samples,
        stopping: plan.stopping,
    }, plan, states, deps, before);
    return { rounds: outcome.rounds, alongside: outcome.alongside };
}
async function runPlan(plan, deps) {
    const states = new ArmStates(plan.arms, deps.onEvent);
    const started = deps.now();
    const warmRounds = await warmUp(plan, states, deps);
    const warmed = deps.now();
    const profiles = await runProfiles(plan, states, deps, {
        keepMs: keepForSampling(plan, warmRounds),
        // One profile run of one arm, before any was timed: a warm-up run of it, and then some.
        firstEstimateMs: warmRounds.length ? (1.5 * warmRounds[0]) / Math.max(1, plan.arms.length) : 0,
    });
    if (profiles.outOfTime)
        deps.onEvent?.({ phase: 'out-of-time', step: 'profile runs', done: profiles.done });
    const profiled = deps.now();
    const first = await runRounds({
        arms: plan.arms,
        minRounds: plan.sampling.minPairs,
        maxRounds: plan.sampling.maxPairs,
        deadline: plan.deadline,
        into: (arm) => states.of(arm).samples,
        stopping: plan.stopping,
    }, plan, states, deps);
    const more = first.outOfTime
        ? await overtime(plan, first.rounds, states, deps)
        : { rounds: 0, alongside: 0 };
    const sampled = deps.now();
    const explainMs = await explainChanges(plan, states, deps, profiles.slowest);
    const explained = deps.now();
    await runCounts(plan, states, deps);
    return {
        arms: states.observations(),
        rounds: first.rounds + more.rounds,
        warmups: warmRounds.length,
        pinnedCores: plan.pinning?.cores ?? null,
        ...(plan.pinning && plan.pinning.lanes > 1
            ? { alongside: { lanes: plan.pinning.lanes, rounds: first.alongside + more.alongside } }
            : {}),
        // Short of min-pairs only if the overtime did not make it up.
        truncated: first.truncated && short(states, plan.sampling.minPairs),
        phasesMs: {
            warmup: warmed - started,
            profile: profiled - warmed,
            sampling: sampled - profiled,
            ...(explainMs ? { explain: explainMs } : {}),
            ...(plan.counting?.counters.length ? { counting: deps.now() - explained } : {}),
        },
    };
}

// How much of the machine other work is using: the CPUs' busy time
// (/proc/stat) less this process's own and its finished children's
// (/proc/self/stat), over the time since the last reading, in cores. Two timed
// rounds run at once only while this is near zero: on a quiet 2-core machine
// the pairs then come nearly twice as fast with no wider spread, but while
// other jobs' work comes and goes on both cores, two rounds at once spread
// their pairs so much wider that verdicts take longer (docs/statistics.md).
// Linux only; elsewhere (or unreadable) the reading is null and one round runs
// at a time. Read between steps of rounds, when no timed child is running, so
// none of our own work is counted as another's.
/** Clock ticks a second in /proc (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS_PER_S = 100;
/** Busy ticks of all CPUs from /proc/stat's first line: user, nice, system, irq, softirq (not idle, iowait or steal). */
function busyTicks(stat) {
    const line = stat.split('\n', 1)[0] ?? '';
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== 'cpu' || fields.length < 8)
        return null;
    const [user, nice, system, , , irq, softirq] = fields.slice(1, 8).map(Number);
    const busy = user + nice + system + irq + softirq;
    return Number.isFinite(busy) ? busy : null;
}
/** This process's and its reaped children's CPU ticks, from /proc/self/stat (utime, stime, cutime, cstime). */
function ownTicks(stat) {
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const rest = stat
        .slice(stat.lastIndexOf(')') + 2)
        .trim()
        .split(/\s+/);
    // rest[0] is field 3 (state): utime is field 14.
    const own = [11, 12, 13, 14].map((i) => Number(rest[i]));
    const total = own.reduce((a, b) => a + b, 0);
    return own.length === 4 && Number.isFinite(total) ? total : null;
}
/** Readings closer than this tell nothing: a tick is 10 ms. */
const SHORTEST_WINDOW_MS = 200;
/** Cores' worth of other work between two readings; null when they are too close to tell. */
function coresElsewhere(from, to) {
    const ms = to.atMs - from.atMs;
    if (ms < SHORTEST_WINDOW_MS)
        return null;
    return Math.max(0, (to.busy - from.busy - (to.own - from.own)) / TICKS_PER_S / (ms / 1000));
}
async function read(nowMs) {
    const [stat, self] = await Promise.all([
        readFile('/proc/stat', 'utf8').catch(() => null),
        readFile('/proc/self/stat', 'utf8').catch(() => null),
    ]);
    const busy = stat === null ? null : busyTicks(stat);
    const own = self === null ? null : ownTicks(self);
    return busy === null || own === null ? null : { atMs: nowMs, busy, own };
}
/**
 * A meter: each call returns the cores' worth of other work over the window
 * since the last reading at least SHORTEST_WINDOW_MS old (rounds of a fast
 * import are shorter: their steps share the window's answer until the next
 * one is due); null until the first window closes, or where /proc cannot tell.
 */
function machineLoadMeter(now) {
    let from = null;
    let latest = null;
    return async () => {
        const reading = await read(now());
        if (!reading)
            return null;
        if (!from) {
            from = reading;
            return latest;
        }
        const cores = coresElsewhere(from, reading);
        if (cores === null)
            return latest;
        from = reading;
        return (latest = cores);
    };
}

/** Why the command did not end well, or null: it must exit 0 to be timed. */
function failureOf(request, outcome, stderr) {
    if (!outcome.timedOut && !outcome.signal && outcome.code === 0)
        return null;
    const name = request.target;
    return endedWithoutReport(request, outcome, stderr, {
        during: `running ${name}`,
        unfinished: name,
        killed: (signal) => `${name} was killed by ${signal}`,
        exited: (code) => `${name} exited with status ${code}: a command target must exit 0 to be timed`,
    });
}
async function runCommandTarget(request) {
    const target = targetOf(request.target);
    const argv = target.kind === 'command' ? target.argv : [];
    const program = argv[0] ? findExecutable(argv[0], request.env.PATH ?? '', request.cwd) : null;
    if (!program) {
        return {
            report: null,
            failure: {
                kind: 'CommandNotFound',
                message: `${argv[0] ?? '(nothing)'} was not found in this side's environment (its console scripts, then PATH)`,
                traceback: [],
            },
            wallMs: 0,
            startupMs: null,
            stderr: '',
        };
    }
    const outcome = await runMeasured({
        command: program,
        args: argv.slice(1),
        env: request.env,
        cwd: request.cwd,
        timeoutMs: request.timeoutMs,
        stderr: 'tail',
    });
    const stderr = outcome.stderr.toString('utf8');
    const wallNs = Number(outcome.exitNs - outcome.spawnNs);
    const failure = failureOf(request, outcome, stderr);
    return {
        report: failure
            ? null
            : {
                protocol: 1,
                mode: 'time',
                target: request.target,
                ok: true,
                // The whole process is what a command target measures.
                import_ns: wallNs,
                import_cpu_ns: null,
                start_ns: Number(outcome.spawnNs),
                end_ns: Number(outcome.exitNs),
                modules_before: 0,
                modules_after: 0,
                probe_preloaded: [],
                memory_kib: null,
                error: null,
            },
        failure,
        wallMs: wallNs / 1e6,
        startupMs: null,
        stderr,
    };
}

// The runner the engine is given: a command target's whole process, or the
// probe importing a module; either in its cache state (no-pyc, cold).
/** How each kind of target is started: a new kind fails to compile until it says how. */
const RUNNERS = {
    module: runProbe,
    command: runCommandTarget,
};
const runOne = (request) => RUNNERS[kindOf(request.target)](request);
async function runTarget(request) {
    const cache = request.cache;
    if (cache?.kind === 'cold')
        await evict(cache.cold, { env: request.env, cwd: request.cwd });
    if (cache?.kind === 'no-pyc')
        return withoutPyc(request.env, (env) => runOne({ ...request, env }));
    return runOne(request);
}

/** A progress line for an engine event, or null for none; `name` says a setting as its user wrote it. */
function progressLine(event, sides, name) {
    switch (event.phase) {
        case 'warmup':
            return `warming up (${event.round}/${event.of})`;
        case 'profile':
            return `profiling with -X importtime (${event.runs} run(s) per target${sides > 1 ? ' and side' : ''})`;
        case 'sample':
            return event.round === 1 ? `sampling interleaved ${sides > 1 ? 'pairs' : 'rounds'}` : null;
        case 'overtime':
            return `the time budget (${name('max-time')}) is spent before ${event.groups.join(', ')} reached a verdict: sampling on for up to ${Math.round(event.untilMs / 1000)} s more (${name('overtime')})`;
        case 'count':
            return `counting ${event.metric} with ${event.tool}: ${event.runs} run(s) per target${sides > 1 ? ' and side' : ''}`;
        case 'forecast':
            return `at ${(event.roundMs / 1000).toFixed(1)} s a round, the time budget (${name('max-time')}${event.overtime ? ` with ${name('overtime')}` : ''}) fits about ${event.fits} of the ${event.needed} rounds a verdict needs: expect an inconclusive verdict, or raise it to about ${event.suggestedS} s`;
        case 'out-of-time':
            return event.step === 'profile runs'
                ? `the time budget (${name('max-time')}) leaves no room for more profile runs after ${event.done} (the module set of each target and side was taken): the function profile runs after sampling if a change is found`
                : `the time budget (${name('max-time')}) ran out after ${event.done} ${event.step}`;
        case 'explain':
            return `explaining the change in ${event.groups.join(', ')}: the profile runs the budget deferred, within ${Math.round(event.budgetMs / 1000)} s`;
        case 'failed':
            return `${armId(event.key)}: ${event.failure.kind}: ${event.failure.message}`;
    }
}

// The one sequence measure and compare share, from the installed sides to the
// verdict: each cache state's set-up, the arms, one plan built from the
// settings and the command (compare stops a target once its change is
// decided, samples the undecided into overtime and explains a change after
// sampling; measure samples until the median settles), the engine with
// progress lines, and the evaluation. measure is a run of one side, head (the
// working tree). Targets a proof decided (compare) skip the timing: head's
// module set, and a short sample where a budget is set, still run.
function planBase(run) {
    const { gate, sampling, metrics } = run.settings;
    const compare = run.command === 'compare';
    return {
        cwd: run.cwd,
        sampling,
        metrics,
        lazyImports: hasLazyImports(run.interpreter),
        enforceLazy: gate.enforceLazy,
        // measure compares nothing: no change is found, and nothing deferred runs.
        stopping: compare ? undecided({ gate }) : medianUnsettled,
        changed: compare ? changedGroups({ gate }) : () => [],
        overtimeMs: compare ? sampling.overtimeMs : 0,
        explain: compare ? { budgetMs: explanationBudgetMs(sampling.maxTimeMs) } : undefined,
    };
}
async function measureSides(run, deps, name, 
/** Called with the observations before they are judged (compare saves the runs' logs). */
observed) {
    const { settings } = run;
    const { gate, sampling } = settings;
    const sides = SIDES.filter((side) => run.sides[side]);
    const head = run.sides.head;
    const setups = await cacheSetups(settings.cache, head, run.cwd, deps, name, run.trees);
    const isNew = (target) => run.targets.some((t) => t.name === target && t.isNew);
    const arms = plannedArms(run.targets.map((t) => t.name), (target) => sides.filter((side) => side === 'head' || !isNew(target)), setups, settings.cache, (side) => ({ ...run.sides[side], probe: run.probe }));
    const base = planBase(run);
    const targetProofs = run.proofs ?? new Map();
    const proofs = new Map([...targetProofs].map(([target, { proof }]) => [target, proof]));
    const proved = (arm) => provedIn(proofs.get(arm.key.target), arm.key.variant);
    const timed = arms.filter((arm) => !proved(arm));
    const timedTargets = [...new Set(timed.map((arm) => arm.key.target))];
    if (timedTargets.length)
        deps.log(`measuring ${timedTargets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} ${sides.length > 1 ? 'interleaved pairs' : 'rounds'}, at most ${sampling.maxTimeMs / 1000} s${base.overtimeMs > 0 ? ` (${base.overtimeMs / 1000} s more for a target still undecided)` : ''}`);
    const observations = mergeObservations([
        timed.length ? await runEngine(timed, base, deps, name) : null,
        ...(await provedRuns(arms.filter(proved), base, gate.budgetsMs, deps, name, targetProofs)),
    ]);
    await observed?.(observations);
    const evaluation = evaluate(observations, {
        targets: run.targets,
        variant: DEFAULT_VARIANT,
        variants: settings.cache,
        gate,
        metrics: settings.metrics,
        watch: settings.watch,
        sampling,
        lazyImports: base.lazyImports === true,
        lazyForm: lazyFormFor(requiresPython(run.projectDir)),
        proofs,
    });
    return { observations, evaluation, coldMethod: setups.cold?.cold.method };
}
/** The plan completed as the engine starts, then run with the real probe runner, logging progress; throws when cancelled. */
async function runEngine(arms, base, deps, name) {
    const { overtimeMs, metrics, ...fixed } = base;
    const sides = new Set(arms.map((arm) => arm.key.side)).size;
    const counting = await countingFor(arms, { metrics, sampling: base.sampling, cwd: base.cwd }, deps, name);
    // Nothing timed (a proved target's module-set run): no cores to choose, nothing to say of them.
    const pinning = base.sampling.maxPairs > 0 ? await pinningFor(arms, base.cwd, deps) : undefined;
    const deadline = performance.now() + base.sampling.maxTimeMs;
    const plan = {
        ...fixed,
        arms,
        deadline,
        overtime: overtimeMs > 0 ? { deadline: deadline + overtimeMs } : undefined,
        random: seededRandom(base.sampling.seed),
        counting,
        pinning,
        signal: deps.signal,
    };
    const observations = await runPlan(plan, {
        runProbe: runTarget,
        now: () => performance.now(),
        loadElsewhere: machineLoadMeter(() => performance.now()),
        onEvent: (event) => {
            const line = progressLine(event, sides, name);
            if (line)
                deps.log(line);
        },
    });
    // Each sample's escapees went with it; this sweeps up any that forked in the
    // moment between a sweep's look and its kill (a double fork under load).
    killTagged();
    if (deps.signal?.aborted)
        throw new CancelledError();
    return observations;
}
/** A proved target with a budget gets this many timed imports of head: its median is what the budget is about. */
const BUDGET_SAMPLES = 5;
/**
 * What still runs for proved targets: head's warm arm, its first profile run
 * (the module set that forbid, max-modules, the watch list and enforce-lazy
 * are checked on), and where a budget is set a short sample of head alone.
 * Base is not run again: the proof showed it does the same work.
 */
async function provedRuns(arms, base, budgetsMs, deps, name, proofs) {
    const heads = arms.filter((arm) => arm.key.side === 'head' && arm.key.variant === DEFAULT_VARIANT);
    const budgeted = heads.filter((arm) => budgetsMs[arm.key.target] !== undefined);
    // Head's traced import was a module-set run already (under -X importtime): the
    // engine adds one only where the trace's is missing, or for 3.15's lazy runs.
    const traced = (arm) => !base.lazyImports ? (proofs.get(arm.key.target)?.headProfile ?? null) : null;
    const fromTrace = heads.filter((arm) => budgetsMs[arm.key.target] === undefined && traced(arm));
    const plain = heads.filter((arm) => budgetsMs[arm.key.target] === undefined && !fromTrace.includes(arm));
    const runs = fromTrace.length
        ? [
            {
                arms: fromTrace.map((arm) => ({
                    key: arm.key,
                    samples: [],
                    failure: null,
                    profile: traced(arm),
                })),
                rounds: 0,
                truncated: false,
                phasesMs: { warmup: 0, profile: 0, sampling: 0 },
            },
        ]
        : [];
    for (const [group, pairs] of [
        [plain, 0],
        [budgeted, BUDGET_SAMPLES],
    ]) {
        if (!group.length)
            continue;
        // Nothing to decide or explain: a fixed sample, no counters, no function profiles.
        const short = {
            ...base,
            sampling: {
                ...base.sampling,
                warmups: pairs ? 1 : 0,
                profileRuns: 1,
                minPairs: pairs,
                maxPairs: pairs,
            },
            metrics: [],
            stopping: () => [],
            changed: () => [],
            overtimeMs: 0,
            explain: undefined,
            profileFunctions: false,
        };
        runs.push(await runEngine([...group], short, deps, name));
    }
    return runs;
}
/** The observations of several engine runs as one: the timed run's rounds, every arm, the phases summed. */
function mergeObservations(runs) {
    const present = runs.filter((r) => r !== null);
    const [first] = present;
    if (!first)
        return { arms: [], rounds: 0, truncated: false };
    const sum = (pick) => present.reduce((total, r) => total + (r.phasesMs ? (pick(r) ?? 0) : 0), 0);
    return {
        ...first,
        arms: present.flatMap((r) => r.arms),
        phasesMs: {
            ...first.phasesMs,
            warmup: sum((r) => r.phasesMs?.warmup),
            profile: sum((r) => r.phasesMs?.profile),
            sampling: sum((r) => r.phasesMs?.sampling),
        },
    };
}

// What an environment holds, file by file, for the proof: every file's hash
// (relative to the environment), and the installed distribution each belongs
// to. Two sides' snapshots compared give the files that differ, and whether
// each is the project's own (the code under review) or a dependency's.
/**
 * Files that differ between two installs of the same code for reasons of
 * their own: the console scripts (their first line names the environment's
 * interpreter), the environment's own configuration, the bytecode caches
 * (compared as code by the proof, not as bytes), and the records of an install (hashes,
 * the folder it came from, the installer).
 */
function skipped$1(path) {
    const parts = path.split(sep);
    const name = parts[parts.length - 1];
    if (parts[0] === 'bin' || parts[0] === 'Scripts')
        return true;
    if (parts.length === 1 && (name === 'pyvenv.cfg' || name.startsWith('importgate-')))
        return true;
    // Bytecode caches, compared as code by the proof; a .pyc outside one is a module of its own.
    if (parts.includes('__pycache__'))
        return true;
    const inDistInfo = parts.length > 1 && parts[parts.length - 2].endsWith('.dist-info');
    return inDistInfo && ['RECORD', 'direct_url.json', 'INSTALLER', 'REQUESTED'].includes(name);
}
/** The first field of a RECORD line: a path, quoted when it holds a comma. */
function recordPath(line) {
    if (!line.startsWith('"'))
        return line.split(',')[0];
    const end = line.indexOf('",');
    return (end < 0 ? line.slice(1) : line.slice(1, end)).replace(/""/g, '"');
}
async function distributionAt(envDir, distInfo, checkout) {
    const folder = distInfo
        .split(sep)
        .pop()
        .replace(/\.dist-info$/, '');
    const dash = folder.indexOf('-');
    let project = false;
    try {
        const url = JSON.parse(await readFile(join(envDir, distInfo, 'direct_url.json'), 'utf8')).url;
        if (typeof url === 'string' && url.startsWith('file:')) {
            const from = fileURLToPath(url);
            project = from === checkout || from.startsWith(checkout + sep);
        }
    }
    catch {
        /* no direct_url.json: installed from an index, not from the checkout */
    }
    return {
        name: dash < 0 ? folder : folder.slice(0, dash),
        version: dash < 0 ? '' : folder.slice(dash + 1),
        project,
    };
}
/** Every file of the environment at `envDir`, hashed, with its owner; `checkout` is the side's worktree. */
async function environmentFiles(envDir, checkout) {
    const hashes = new Map();
    const owners = new Map();
    const distributions = new Map();
    const entries = await readdir(envDir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
        const path = relative(envDir, join(entry.parentPath, entry.name));
        if (entry.isDirectory() && entry.name.endsWith('.dist-info')) {
            const dist = await distributionAt(envDir, path, checkout);
            distributions.set(dist.name, dist);
            const record = join(envDir, path, 'RECORD');
            if (!existsSync(record))
                continue;
            for (const line of (await readFile(record, 'utf8')).split('\n')) {
                if (!line.trim())
                    continue;
                const file = normalize(join(dirname(path), recordPath(line)));
                if (!file.startsWith('..'))
                    owners.set(file, dist);
            }
            continue;
        }
        if (!entry.isFile() || skipped$1(path))
            continue;
        hashes.set(path, createHash('sha256')
            .update(await readFile(join(envDir, path)))
            .digest('hex'));
    }
    return { hashes, owners, distributions };
}

class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

// One traced import (trace_import.py): untimed, in a fresh interpreter like a
// sample, reporting on fd 3 the modules it loaded with their files, the lines
// it ran in the files that differ between the sides, and the paths its code
// opened, listed or looked up. The proof (analysis/verdict/proof.ts) reads it.
const isStringMap = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
/** The report, or why there is none. Shape-checked: the measured code shares the process. */
function readTraceReport(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return 'the traced import wrote no report';
    }
    if (!isStringMap(parsed) || parsed.mode !== 'trace')
        return 'the traced import wrote no report';
    const { modules, lines, touched } = parsed;
    if (!isStringMap(modules) || !isStringMap(lines) || !Array.isArray(touched))
        return 'the traced import wrote a malformed report';
    const okModules = Object.values(modules).every((f) => f === null || typeof f === 'string');
    const okLines = Object.values(lines).every((l) => Array.isArray(l) && l.every((n) => Number.isInteger(n)));
    const okTouched = touched.every((t) => Array.isArray(t) && t.length === 2 && t.every((s) => typeof s === 'string'));
    if (!okModules || !okLines || !okTouched)
        return 'the traced import wrote a malformed report';
    const error = parsed.error;
    return {
        ok: parsed.ok === true,
        error: error ? `${String(error.kind)}: ${String(error.message)}` : null,
        how: typeof parsed.how === 'string' ? parsed.how : 'unknown',
        modules: modules,
        lines: lines,
        touched: touched,
        overflow: parsed.touched_overflow === true,
        threads: Number.isInteger(parsed.threads) ? parsed.threads : 0,
        added: Array.isArray(parsed.added)
            ? parsed.added.filter((m) => typeof m === 'string')
            : [],
        startupFiles: Array.isArray(parsed.startup_files)
            ? parsed.startup_files.filter((f) => typeof f === 'string')
            : [],
        modulesAfter: Number.isInteger(parsed.modules_after) ? parsed.modules_after : 0,
        stderr: '',
    };
}
async function traceImport(request) {
    await writeFile(request.listFile, request.watched.map((p) => `${p}\n`).join(''));
    const outcome = await runMeasured({
        command: request.python,
        args: [
            '-X',
            'importtime',
            join(dirname(probePath()), 'trace_import.py'),
            '3',
            request.target,
            request.listFile,
        ],
        env: request.env,
        cwd: request.cwd,
        timeoutMs: request.timeoutMs,
        stderr: 'full',
    });
    if (outcome.timedOut)
        return `the traced import ran past ${request.timeoutMs / 1000} s`;
    const report = readTraceReport(outcome.report);
    return typeof report === 'string'
        ? report
        : { ...report, stderr: outcome.stderr.toString('utf8') };
}
/** Which of each file's changed lines ran at import, judged by proof_lines.py under `python -I -S`. */
async function judgeLines(python, env, cwd, files, requestFile) {
    const out = new Map();
    if (!files.length)
        return out;
    await writeFile(requestFile, JSON.stringify({ files }));
    const outcome = await runMeasured({
        command: python,
        args: ['-I', '-S', join(dirname(probePath()), 'proof_lines.py'), '3', requestFile],
        env,
        cwd,
        timeoutMs: 120_000,
        stderr: 'tail',
    });
    let parsed = {};
    try {
        parsed = JSON.parse(outcome.report);
    }
    catch {
        /* no verdicts: every file is unproved */
    }
    for (const entry of Array.isArray(parsed.files) ? parsed.files : []) {
        const e = entry;
        if (typeof e.path !== 'string' || !Array.isArray(e.runs))
            continue;
        out.set(e.path, {
            path: e.path,
            runs: e.runs.filter((n) => Number.isInteger(n)),
            codeBytes: Number.isInteger(e.code_bytes) ? e.code_bytes : null,
            error: typeof e.error === 'string' ? e.error : null,
        });
    }
    return out;
}

// What the proof reads of the change. First the files that differ between the
// two sides, side-neutral: the commits' diff (a submodule or a symbolic link is
// opaque to the proof) and every file of the two environments, each with the
// distribution that installed it; then which changed lines of each ran at import.
const ABSENT = '0000000';
const presenceOf = (change) => /^0+$/.test(change.modes[0] || ABSENT)
    ? 'head'
    : /^0+$/.test(change.modes[1] || ABSENT)
        ? 'base'
        : 'both';
/** A side's absolute path, side-neutral; paths outside its tree and environment stay as they are. */
function neutralizer(root) {
    const prefixes = [];
    for (const [dir, as] of [
        [root.env, '{env}'],
        [root.tree, '{tree}'],
    ]) {
        if (!dir)
            continue;
        prefixes.push([dir, as]);
        try {
            const real = realpathSync(dir);
            if (real !== dir)
                prefixes.push([real, as]);
        }
        catch {
            /* not there: nothing can be under it */
        }
    }
    return (path) => {
        for (const [dir, as] of prefixes)
            if (path === dir || path.startsWith(dir + sep))
                return as + path.slice(dir.length);
        return path;
    };
}
/** Where a side-neutral path is on a side's disk; null outside its tree and environment. */
const onDisk = (root, path) => {
    if (path.startsWith('{tree}/'))
        return join(root.tree, path.slice(7));
    if (path.startsWith('{env}/') && root.env)
        return join(root.env, path.slice(6));
    return null;
};
function environmentDiff(files) {
    const paths = new Set([...files.base.hashes.keys(), ...files.head.hashes.keys()]);
    const out = [];
    for (const path of [...paths].sort()) {
        const [b, h] = [files.base.hashes.get(path), files.head.hashes.get(path)];
        if (b === h)
            continue;
        const owner = files.head.owners.get(path) ?? files.base.owners.get(path) ?? null;
        out.push({
            path: `{env}/${path}`,
            presence: b === undefined ? 'head' : h === undefined ? 'base' : 'both',
            owner: owner && {
                name: owner.name,
                versions: {
                    base: files.base.distributions.get(owner.name)?.version ?? null,
                    head: files.head.distributions.get(owner.name)?.version ?? null,
                },
                project: owner.project,
            },
        });
    }
    return out;
}
/** Every file that differs between the sides: the commits' changed files, then the environments'. */
async function differingFiles(changes, roots) {
    const differing = changes.map((change) => {
        const opaque = change.modes.includes('160000')
            ? 'submodule'
            : change.modes.includes('120000')
                ? 'symlink'
                : null;
        return {
            path: `{tree}/${change.path}`,
            presence: presenceOf(change),
            ...(opaque ? { opaque } : {}),
        };
    });
    if (roots.base.env && roots.head.env) {
        const files = {
            base: await environmentFiles(roots.base.env, roots.base.tree),
            head: await environmentFiles(roots.head.env, roots.head.tree),
        };
        differing.push(...environmentDiff(files));
    }
    return differing;
}
// Which changed lines of each differing Python file ran at import: the two
// sides' contents diffed line by line (what was installed, so generated files
// count), and each changed line judged by proof_lines.py against the lines the
// traced imports ran.
/** Larger Python files are not diffed (the measured code's, and a diff can be slow): every line counts as changed. */
const MAX_DIFFED_CHARS = 2_000_000;
/** Base's removed and head's added lines of one file; every line of a side that alone has it. */
async function changedLines(paths) {
    const text = async (p) => (p && existsSync(p) ? await readFile(p, 'utf8') : null);
    const [base, head] = [await text(paths.base), await text(paths.head)];
    const all = (t) => (t === null ? [] : t.split('\n').map((_, i) => i + 1));
    // A diff is quadratic at worst: a file this large counts as changed throughout.
    const huge = (t) => (t?.length ?? 0) > MAX_DIFFED_CHARS;
    if (base === null || head === null || huge(base) || huge(head))
        return { base: all(base), head: all(head) };
    const changed = { base: [], head: [] };
    for (const hunk of structuredPatch('base', 'head', base, head, '', '', { context: 0 }).hunks) {
        for (let n = 0; n < hunk.oldLines; n++)
            changed.base.push(hunk.oldStart + n);
        for (let n = 0; n < hunk.newLines; n++)
            changed.head.push(hunk.newStart + n);
    }
    return changed;
}
async function linesFacts(files, traces, places) {
    const asked = new Map();
    for (const file of files) {
        const paths = {
            base: onDisk(places.roots.base, file.path),
            head: onDisk(places.roots.head, file.path),
        };
        asked.set(file.path, await changedLines(paths));
    }
    const judged = Object.fromEntries(await Promise.all(SIDES.map(async (side) => {
        const hits = (path) => [
            ...new Set(traces[side].flatMap((t) => t.lines[path] ?? [])),
        ];
        const request = files.flatMap((file) => {
            const disk = onDisk(places.roots[side], file.path);
            return disk && existsSync(disk)
                ? [{ path: disk, hits: hits(file.path), asked: asked.get(file.path)[side] }]
                : [];
        });
        const verdicts = await judgeLines(places.envs[side].python, places.envs[side].env, places.run, request, join(places.run, `importgate-proof-lines-${side}.json`));
        return [side, verdicts];
    })));
    return files.map((file) => {
        const of = (side) => {
            const disk = onDisk(places.roots[side], file.path);
            return disk ? judged[side].get(disk) : undefined;
        };
        const [b, h] = [of('base'), of('head')];
        const missing = (b === undefined && file.presence !== 'head') || (h === undefined && file.presence !== 'base');
        return {
            path: file.path,
            ran: { base: b?.runs ?? [], head: h?.runs ?? [] },
            codeBytes: { base: b?.codeBytes ?? null, head: h?.codeBytes ?? null },
            error: b?.error ?? h?.error ?? (missing ? 'its lines were not judged' : null),
        };
    });
}

/**
 * Loading bytecode is reading it and unmarshalling it: 6 ns a byte measured on
 * this project's machine over 18 MB of the standard library's .pyc files; five
 * times that bounds it on a loaded runner.
 */
const LOAD_NS_PER_BYTE = 30;
/** How a side-neutral path reads in a report: the worktree's path, or the path inside site-packages. */
function shownPath(path) {
    if (path.startsWith('{tree}/'))
        return path.slice('{tree}/'.length);
    const site = path.indexOf('/site-packages/');
    if (path.startsWith('{env}/') && site >= 0)
        return path.slice(site + '/site-packages/'.length);
    return path.replace(/^\{env\}\//, '');
}
const parentOf = (path) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const code$1 = (text) => `\`${text}\``;
/** How the traced imports of one side differ, in a few words naming the first difference; null when they agree. */
function sameTraces(traces) {
    const [first, ...rest] = traces;
    if (!first)
        return null;
    for (const other of rest) {
        const names = new Set([...Object.keys(first.modules), ...Object.keys(other.modules)]);
        const module = [...names].sort().find((n) => first.modules[n] !== other.modules[n]);
        if (module !== undefined)
            return `modules (${code$1(module)} loaded in one run only, or from another file)`;
        const paths = (t) => new Set(t.touched.map((x) => `${x.event} ${x.path}`));
        const [a, b] = [paths(first), paths(other)];
        const path = [...a].find((p) => !b.has(p)) ?? [...b].find((p) => !a.has(p));
        if (path !== undefined)
            return `paths (${code$1(shownPath(path.slice(path.indexOf(' ') + 1)))} in one run only)`;
        const files = new Set([...Object.keys(first.lines), ...Object.keys(other.lines)]);
        const file = [...files]
            .sort()
            .find((f) => (first.lines[f] ?? []).join(',') !== (other.lines[f] ?? []).join(','));
        if (file !== undefined)
            return `lines (in ${code$1(shownPath(file))})`;
    }
    return null;
}
function moduleDifference(base, head) {
    const names = new Set([...Object.keys(base.modules), ...Object.keys(head.modules)]);
    const onlyHead = [...names].filter((n) => !(n in base.modules)).sort();
    const onlyBase = [...names].filter((n) => !(n in head.modules)).sort();
    if (onlyHead.length)
        return `head loads ${onlyHead.length} module${onlyHead.length === 1 ? '' : 's'} base does not (${onlyHead.slice(0, 3).map(code$1).join(', ')}${onlyHead.length > 3 ? ', …' : ''})`;
    if (onlyBase.length)
        return `base loads ${onlyBase.length} module${onlyBase.length === 1 ? '' : 's'} head does not (${onlyBase.slice(0, 3).map(code$1).join(', ')}${onlyBase.length > 3 ? ', …' : ''})`;
    const moved = [...names].sort().find((n) => base.modules[n] !== head.modules[n]);
    return moved ? `${code$1(moved)} loads from another file in head` : null;
}
/** Why a differing file the import touched or loaded breaks the proof, or null when it does not. */
function fileReason(file, traces, loadedFiles, lines) {
    const shown = code$1(shownPath(file.path));
    if (file.opaque === 'submodule')
        return `the submodule ${shown} changed, and the proof does not look inside submodules`;
    if (file.opaque === 'symlink')
        return `the symbolic link ${shown} changed, and the proof does not follow links`;
    if (file.owner === null)
        return `${shown} changed, and no installed distribution lists it`;
    // Start-up runs these before any tracer: a change to one is never proved.
    if (file.path.endsWith('.pth'))
        return `${shown} changed, and Python runs .pth files at start-up`;
    if (traces.base.startup.includes(file.path) || traces.head.startup.includes(file.path))
        return `${shown} runs at start-up, before the import, and changed`;
    if (file.owner && !file.owner.project) {
        const { base, head } = file.owner.versions;
        const versions = base === head ? `its files differ at ${base}` : `${base ?? 'none'} → ${head ?? 'none'}`;
        return `the dependency ${code$1(file.owner.name)} changed (${versions})`;
    }
    for (const side of ['base', 'head']) {
        for (const { event, path } of traces[side].touched) {
            // A module's own file, opened to load it: its lines are judged below.
            if (event === 'load' && path === file.path && loadedFiles.has(path))
                continue;
            if (path === file.path)
                return event === 'stat'
                    ? `${shown} is looked up at import and changed`
                    : `${shown} is read at import and changed`;
            const listing = event === 'os.listdir' || event === 'os.scandir' || event === 'glob';
            if (listing && path === parentOf(file.path))
                return `${code$1(shownPath(path))} is listed at import, and ${shown} ${file.presence === 'both' ? 'changed' : file.presence === 'head' ? 'is new in head' : 'is gone in head'}`;
        }
    }
    if (!loadedFiles.has(file.path))
        return null;
    if (!file.path.endsWith('.py'))
        return `${shown} is loaded at import and changed`;
    const judged = lines.get(file.path);
    if (!judged)
        return `${shown} is loaded at import and its lines could not be judged`;
    if (judged.error)
        return `${shown} could not be read (${judged.error})`;
    if (judged.ran.head.length)
        return `${code$1(`${shownPath(file.path)}:${judged.ran.head[0]}`)} runs at import and changed`;
    if (judged.ran.base.length)
        return `${code$1(`${shownPath(file.path)}:${judged.ran.base[0]}`)} (base's line) ran at import and changed`;
    return null;
}
function prove(facts) {
    const base = facts.traces.base[0];
    const head = facts.traces.head[0];
    const loadedFiles = new Set([base, head].flatMap((t) => Object.values(t?.modules ?? {}).filter((f) => !!f)));
    const loaded = facts.differing.map((f) => f.path).filter((p) => loadedFiles.has(p));
    const codeBytesDelta = facts.lines.reduce((sum, l) => sum + Math.abs((l.codeBytes.head ?? 0) - (l.codeBytes.base ?? 0)), 0);
    const loadBoundMs = (codeBytesDelta * LOAD_NS_PER_BYTE) / 1e6;
    const proof = (reason) => ({
        holds: reason === null,
        reason,
        how: head?.how ?? base?.how ?? 'none',
        traced: Math.min(facts.traces.base.length, facts.traces.head.length),
        changed: facts.differing.filter((f) => f.path.startsWith('{tree}/')).length,
        differing: facts.differing.length,
        loaded: loaded.map(shownPath),
        modules: Object.keys(head?.modules ?? {}).length,
        codeBytesDelta,
        loadBoundMs,
        sourcesUnchanged: loaded.length === 0,
    });
    if (!base || !head)
        return proof('the import was not traced on both sides');
    for (const side of ['base', 'head']) {
        const failed = facts.traces[side].find((t) => !t.ok);
        if (failed)
            return proof(`the traced import failed on ${side} (${failed.error ?? 'no report'})`);
        if (facts.traces[side].some((t) => t.overflow))
            return proof(`the import touched too many paths on ${side} to check`);
        if (facts.traces[side].some((t) => t.threads > 0 && t.how !== 'sys.monitoring'))
            return proof(`the import left a thread running on ${side}, and before Python 3.12 lines other threads run are not traced`);
        const differ = sameTraces(facts.traces[side]);
        if (differ)
            return proof(`two traced imports of ${side} differed in their ${differ}: the import does not do the same work each time`);
    }
    // A changed file that matters names the cause better than the modules it makes differ.
    const lines = new Map(facts.lines.map((l) => [l.path, l]));
    for (const file of facts.differing) {
        const reason = fileReason(file, { base, head }, loadedFiles, lines);
        if (reason)
            return proof(reason);
    }
    const modules = moduleDifference(base, head);
    if (modules)
        return proof(modules);
    if (loadBoundMs >= facts.minDeltaMs)
        return proof(`the code the import loads changed by ${codeBytesDelta} bytes; loading it could cost up to ${loadBoundMs.toFixed(2)} ms, not under min-delta (${facts.minDeltaMs} ms)`);
    return proof(null);
}

// Before any timing: can this pull request change what the import does? The
// files that differ (the worktrees' diff and the two environments' files), two
// traced imports a side (base and head at once: nothing is timed), and which
// changed lines ran, gathered here with every path made side-neutral; the
// decision is analysis/verdict/proof.ts.
/** Traced imports a side: two that disagree mean the import does not do the same work each time. */
const TRACES_PER_SIDE = 2;
function neutralTrace(report, neutral) {
    if (typeof report === 'string')
        return {
            ok: false,
            error: report,
            startup: [],
            how: 'none',
            modules: {},
            lines: {},
            touched: [],
            overflow: false,
            threads: 0,
        };
    return {
        ok: report.ok,
        error: report.error,
        how: report.how,
        overflow: report.overflow,
        threads: report.threads,
        modules: Object.fromEntries(Object.entries(report.modules).map(([name, file]) => [name, file && neutral(file)])),
        lines: Object.fromEntries(Object.entries(report.lines).map(([f, l]) => [neutral(f), l])),
        touched: report.touched.map(([event, path]) => ({ event, path: neutral(path) })),
        startup: report.startupFiles.map(neutral),
    };
}
/** Head's last traced import as a profile run: the module set, its chains and costs. */
function profileOf(target, reports) {
    const runs = reports.filter((r) => typeof r !== 'string' && r.ok);
    const last = runs[runs.length - 1];
    if (!last || runs.length < reports.length)
        return null;
    const { costs, failure } = importTimeCosts([last.stderr], target);
    return {
        runs: 1,
        added: last.added,
        moduleCount: last.modulesAfter,
        unstableModules: runs.some((r) => r.added.join('\n') !== last.added.join('\n')),
        costs,
        logs: [last.stderr],
        failure,
    };
}
/** The facts and the proof for each module target, in their order. */
async function proveTargets(targets, places) {
    const { roots, envs } = places;
    const neutral = { base: neutralizer(roots.base), head: neutralizer(roots.head) };
    const differing = await differingFiles(places.changes, roots);
    const python = differing.filter((f) => f.path.endsWith('.py'));
    const watched = Object.fromEntries(SIDES.map((side) => [
        side,
        python.flatMap((f) => onDisk(roots[side], f.path) ?? []).filter((p) => existsSync(p)),
    ]));
    const proofs = new Map();
    for (const target of targets) {
        const traces = { base: [], head: [] };
        const headReports = [];
        for (let round = 0; round < TRACES_PER_SIDE; round++) {
            if (places.signal?.aborted)
                break;
            const reports = await Promise.all(SIDES.map((side) => traceImport({
                python: envs[side].python,
                env: envs[side].env,
                cwd: places.run,
                target,
                watched: watched[side],
                listFile: join(places.run, `importgate-trace-${side}.txt`),
                timeoutMs: places.timeoutMs,
            })));
            SIDES.forEach((side, i) => traces[side].push(neutralTrace(reports[i], neutral[side])));
            headReports.push(reports[SIDES.indexOf('head')]);
        }
        const loaded = new Set(SIDES.flatMap((side) => Object.values(traces[side][0]?.modules ?? {})).filter(Boolean));
        const lines = await linesFacts(python.filter((f) => loaded.has(f.path)), traces, places);
        proofs.set(target, {
            proof: prove({ traces, differing, lines, minDeltaMs: places.minDeltaMs }),
            headProfile: profileOf(target, headReports),
        });
    }
    return proofs;
}
// Which targets the proof is tried for, and what the log says of each: module
// targets both sides list, when `proof` is on and no gating count is asked for.
async function tryProofs(settings, places, deps, name) {
    if (!settings.sampling.proof)
        return new Map();
    // A gating count (instructions) is a gate of its own: it is compared, never proved.
    const counted = settings.metrics.find((id) => METRICS[id].kind === 'counted' && METRICS[id].gates);
    if (counted) {
        deps.log(`proof not tried: ${name('metric')} ${counted} asks for counts on both sides`);
        return new Map();
    }
    const targets = settings.targets.filter((t) => traitsOf(t).profiles &&
        !settings.newTargets.includes(t) &&
        !settings.droppedTargets.includes(t));
    if (!targets.length)
        return new Map();
    deps.log(`proof: tracing one import a side, twice, of ${targets.join(', ')}`);
    const proofs = await proveTargets(targets, places);
    for (const [target, { proof }] of proofs)
        deps.log(proof.holds
            ? `proof: ${target} does the same work on both sides (${proof.differing} differing file(s), none run at import): nothing to time`
            : `proof: ${target} is timed: ${proof.reason?.replace(/`/g, '')}`);
    return proofs;
}

// The identity the measured code runs as: a system user of its own, so that
// the kernel, not importgate, keeps it away from importgate's environment,
// signals and files (docs/robustness.md). Only root can switch identity
// without asking anyone; elsewhere there is no sandbox user and the run says
// which protections that leaves out.
/** The user the measured code runs as. A dedicated one: no other process on the machine shares it. */
const SANDBOX_USER = 'importgate';
/** Where useradd puts its home: pip's and uv's caches live there between runs on one machine. */
const SANDBOX_HOME = '/var/lib/importgate';
/** The account's passwd entry, or null when there is none. */
function passwdEntry(name, passwd = '/etc/passwd') {
    let text;
    try {
        text = readFileSync(passwd, 'utf8');
    }
    catch {
        return null;
    }
    for (const line of text.split('\n')) {
        const [user, , uid, gid, , home] = line.split(':');
        if (user === name && uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid))
            return { name, uid: Number(uid), gid: Number(gid), home: home || '/' };
    }
    return null;
}
/**
 * The sandbox user, created when missing, or why there is none. `uid` is
 * ours: only root (0) may switch to another user, so anyone else gets the
 * reason. A sandbox user with uid 0 is refused: it would be no boundary.
 */
async function sandboxUser(uid, pathVar) {
    if (process.platform !== 'linux')
        return { missing: 'the measured code runs as your user: the separate user is Linux only' };
    if (uid !== 0)
        return {
            missing: 'the measured code runs as your user, because importgate is not root and cannot switch to another (run the step as root, with sudo, to have it run as the user importgate)',
        };
    let user = passwdEntry(SANDBOX_USER);
    if (!user) {
        const useradd = findExecutable('useradd', `${pathVar}:/usr/sbin:/sbin`, '/');
        if (!useradd)
            return {
                missing: `the measured code runs as root: there is no user ${SANDBOX_USER}, and no useradd to create it`,
            };
        const created = await runCommand({
            command: useradd,
            args: [
                '--system',
                '--user-group',
                '--create-home',
                '--home-dir',
                SANDBOX_HOME,
                '--shell',
                '/usr/sbin/nologin',
                SANDBOX_USER,
            ],
            env: { PATH: pathVar },
            cwd: '/',
            timeoutMs: 60_000,
        });
        user = passwdEntry(SANDBOX_USER);
        if (!user)
            return {
                missing: `the measured code runs as root: creating the user ${SANDBOX_USER} failed (${created.stderr.trim().split('\n').pop() || `exit status ${created.code}`})`,
            };
    }
    if (user.uid === 0 || user.gid === 0)
        return {
            missing: `the measured code runs as root: the user ${SANDBOX_USER} has uid or gid 0, which would be no boundary`,
        };
    return { user };
}

// Before compare installs anything: the sandbox user takes over the worktrees
// the measured code builds in (each side's environment and temporary folder
// are given to it as they are made), the scratch folder and the probe's folder stay
// importgate's, and one run as that user checks that it can start the
// interpreter and read the probe. When any of that cannot be, the run goes on
// without the boundary and says once what that leaves out.
/** Set (to anything) to run the measured code as importgate's own user: for a machine where the sandbox user cannot work. */
const NO_SANDBOX = 'IMPORTGATE_NO_SANDBOX';
/** Can the sandbox user start `python` and read the probe? Null when it can, else what went wrong. */
async function sandboxCannotRun(python, env, cwd) {
    const check = 'import sys; open(sys.argv[1], "rb").close()';
    try {
        const outcome = await runMeasured({
            command: python,
            args: ['-I', '-S', '-c', check, probePath()],
            env,
            cwd,
            timeoutMs: 60_000,
            stderr: 'tail',
        });
        if (outcome.code === 0)
            return null;
        const said = outcome.stderr.toString('utf8').trim().split('\n').pop();
        return `${python} could not read importgate's probe (${said || `exit status ${outcome.code ?? outcome.signal}`})`;
    }
    catch (error) {
        const closed = closedFolder(python);
        const why = closed
            ? `${closed.path} is closed to other users (mode ${closed.mode.toString(8)}); use an interpreter outside it (actions/setup-python's, or the system's), or set ${NO_SANDBOX}=1 to run the measured code as importgate's user`
            : error.message.replace(/^cannot run the Python interpreter "[^"]*": /, '');
        return `it cannot start ${python}: ${why}`;
    }
}
/** The first folder on the way to `path` that other users cannot pass through (a home folder of mode 700). */
function closedFolder(path) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
        const folder = `/${parts.slice(0, i).join('/')}`;
        try {
            const mode = statSync(folder).mode & 0o777;
            if (!(mode & 0o001))
                return { path: folder, mode };
        }
        catch {
            return null;
        }
    }
    return null;
}
/**
 * Sets up the boundary for a compare run, or says why there is none.
 * `owned`: the folders the measured code writes (created when missing).
 */
async function setUpBoundary(where, env) {
    setSandbox(null);
    if (env[NO_SANDBOX])
        return { user: null, missing: `the measured code runs as your user: ${NO_SANDBOX} is set` };
    const found = await sandboxUser(process.getuid?.() ?? null, env.PATH ?? '');
    if ('missing' in found)
        return { user: null, missing: found.missing };
    const { user } = found;
    setSandbox(user);
    await passThroughOnly(where.scratch);
    await chmod(where.run, 0o755);
    const cannot = await sandboxCannotRun(where.python, childEnv(env), where.run);
    if (cannot) {
        setSandbox(null);
        return {
            user: null,
            missing: `the measured code runs as root: the user ${user.name} was to run it, but ${cannot}`,
        };
    }
    for (const path of where.owned)
        await giveToSandbox(path);
    return { user };
}
/** After the run: later processes of this one run as its own user again. */
function tearDownBoundary() {
    setSandbox(null);
}
/** The boundary as the results record it: the user the measured code ran as, or what was missing. */
function boundaryJson(state) {
    return state.user ? { user: state.user.name } : { user: null, missing: state.missing ?? '' };
}

// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained. Each
// step is its own file: compare-checkout (commits, folders, settings, anything
// to measure?), compare-install, compare-proof (decided without timing?),
// run-sequence (the engine, then the verdict: the sequence measure shares),
// compare-explain.
async function compare(request, deps) {
    const clock = startClock();
    const { name } = request;
    const git = { signal: deps.signal };
    const commits = await resolveCommits(request, git);
    const { ref, sha } = commits;
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        // An empty folder for the children's cwd: nothing in it can shadow a module.
        const run = join(scratch, 'run');
        await mkdir(run);
        const { info, interpreter } = await findInterpreter(request.python, deps, run, name);
        const trees = SIDES.map((side) => ({ path: join(scratch, side), sha: sha[side] }));
        return await withWorktrees(request.repoDir, trees, git, async () => {
            const projects = projectFolders(request, scratch, commits);
            const settings = readSettings(request, projects, commits, randomSeed(), deps.log);
            const { targets, sampling } = settings;
            const install = settings.install ?? { kind: 'auto' };
            // What every results document of this comparison starts from; the cold
            // method joins `where` once the cache states are set up.
            const where = {
                install: install.kind === 'command' ? install.command : install.kind,
                python: interpreter,
                projectDir: request.projectSubdir || '.',
            };
            const identity = {
                command: 'compare',
                ...(request.label ? { label: request.label } : {}),
                base: { ref: ref.base, sha: sha.base },
                head: { ref: ref.head, sha: sha.head },
            };
            const about = () => ({
                identity,
                interpreter: info,
                settings: settingsJson(settings, where),
            });
            const { changes, changed, affecting } = await affectingChanges(request.repoDir, commits, settings.affects, git);
            if (!affecting.length) {
                deps.log(`none of the ${changed.length} changed file(s) can affect importing (none matches ${name('affects')}: ${settings.affects.join(' ')}; each is documentation, CI, an image or a test): nothing to measure`);
                return resultsDocument({
                    ...about(),
                    extras: { config_changes: settings.changes, ...skippedExtras(changed) },
                    found: nothingMeasured,
                    timing: timingOf(clock),
                });
            }
            const places = { projects, scratch, run, python: interpreter };
            const boundary = await setUpBoundary({
                scratch,
                run,
                python: interpreter,
                // The worktrees, which installs build in; each side's environment and
                // temporary folder are given as they are made (env/environment.ts).
                owned: trees.map((tree) => tree.path),
            }, deps.env);
            if (boundary.missing)
                deps.log(`no boundary: ${boundary.missing}`);
            const { envs, installMs, probe } = await installSides(install, places, commits, deps, name);
            // Imported from the worktree (install none): no environment of its own to compare.
            const envDir = (side) => envs[side].strategy === 'none' ? null : envDirOf(scratch, side);
            const proving = performance.now();
            const proofs = await tryProofs(settings, {
                roots: {
                    base: { tree: trees[0].path, env: envDir('base') },
                    head: { tree: trees[1].path, env: envDir('head') },
                },
                envs,
                changes,
                run,
                timeoutMs: sampling.sampleTimeoutMs * 3,
                minDeltaMs: settings.gate.minDeltaMs,
                signal: deps.signal,
            }, deps, name);
            const proofMs = performance.now() - proving;
            const { observations, evaluation, coldMethod } = await measureSides({
                command: 'compare',
                sides: envs,
                probe,
                targets: targets.map((target) => ({
                    name: target,
                    isNew: settings.newTargets.includes(target),
                    droppedInHead: settings.droppedTargets.includes(target),
                })),
                settings,
                interpreter: info,
                cwd: run,
                trees: [join(scratch, 'base'), join(scratch, 'head'), run],
                projectDir: projects.head,
                proofs,
            }, deps, name, async (observations) => {
                if (deps.logDir)
                    await saveLogs(deps.logDir, observations.arms, envs);
            });
            if (coldMethod)
                where.coldMethod = coldMethod;
            await explainFindings(evaluation.targets, places, envs, git, name);
            return resultsDocument({
                ...about(),
                extras: {
                    config_changes: settings.changes,
                    deps: dependencyDrift(envs, projects),
                    boundary: boundaryJson(boundary),
                },
                found: {
                    observations: proofs.size
                        ? {
                            ...observations,
                            phasesMs: observations.phasesMs && { ...observations.phasesMs, proof: proofMs },
                        }
                        : observations,
                    evaluation,
                    installMs,
                },
                timing: timingOf(clock),
            });
        }, () => (deps.warn ?? deps.log)("the code measured (or installed) changed the repository's .git/config during the run: it was put back as it was"), onceEach(deps.warn ?? deps.log));
    }
    finally {
        tearDownBoundary();
        await rm(scratch, { recursive: true, force: true });
    }
}
/** `say`, but each message once: both worktrees may lack the same submodule. */
function onceEach(say) {
    const said = new Set();
    return (message) => {
        if (said.has(message))
            return;
        said.add(message);
        say(message);
    };
}

/**
 * Untracked bytecode is what importing writes (a repository without a
 * .gitignore for it gets one __pycache__ per package from the first run):
 * it changes no source, so it does not make the tree "uncommitted changes".
 */
function isBytecode(path) {
    return /(^|\/)__pycache__\/|\.py[co]"?$/.test(path);
}
/** What the working tree at `dir` is, for the results' `head` field. */
async function describeWorkingTree(dir) {
    try {
        const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir);
        const status = await git(['status', '--porcelain', '--untracked-files=all'], dir);
        const changes = status.split('\n').filter((line) => line && !isBytecode(line.slice(3)));
        return { sha: sha || null, dirty: changes.length > 0 };
    }
    catch {
        return { sha: null, dirty: false };
    }
}

// `importgate measure`: the working tree as it is, one side, no comparison.
async function measure(request, deps) {
    const clock = startClock();
    const { name } = request;
    const pyproject = readPyproject(request.projectDir);
    const targets = requireTargets(request.given.targets ?? pyproject.settings.targets, `${request.projectDir}/pyproject.toml`, name, request.given.targets ? name('target') : undefined);
    const settings = resolveSettings([request.given, pyproject.settings], randomSeed());
    checkBudgets(settings.gate.budgetsMs, targets, pyproject.file ? `${pyproject.file} [tool.importgate]` : name('budget'));
    const install = settings.install ?? { kind: 'none' };
    // Before anything runs: the warm-ups write __pycache__ into the tree.
    const tree = await describeWorkingTree(request.repoDir);
    // A neutral, empty cwd: nothing in it can shadow a module or add to the search.
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        const { info, interpreter } = await findInterpreter(request.python, deps, scratch, name);
        if (install.kind !== 'none' && install.kind !== 'current') {
            deps.log(`installing the working tree (${install.kind})`);
        }
        const environment = await prepareEnvironment({
            label: 'the working tree',
            spec: install,
            projectDir: request.projectDir,
            envDir: join(scratch, 'venv'),
            tmpDir: join(scratch, 'tmp'),
            python: interpreter,
            parentEnv: deps.env,
            timeoutMs: INSTALL_TIMEOUT_MS,
            signal: deps.signal,
            installInput: name('install'),
        });
        const probe = await compiledProbe(environment.python, environment.env, scratch);
        deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`);
        // One side, head: the working tree as it is.
        const { observations, evaluation, coldMethod } = await measureSides({
            command: 'measure',
            sides: { head: environment },
            probe,
            targets: targets.map((target) => ({ name: target, isNew: false })),
            settings,
            interpreter: info,
            cwd: scratch,
            trees: [request.projectDir, scratch],
            projectDir: request.projectDir,
        }, deps, name);
        forgetScratch(evaluation.targets, scratch);
        withHints(evaluation.targets, (_side, target, message) => notFoundHint(environment.strategy, request.projectDir, name, target, message));
        return resultsDocument({
            identity: { command: 'measure', base: null, head: { ref: 'WORKTREE', ...tree } },
            interpreter: info,
            settings: settingsJson(settings, {
                install: environment.strategy,
                python: environment.python,
                projectDir: request.projectDir,
                ...(coldMethod ? { coldMethod } : {}),
            }),
            extras: {},
            found: { observations, evaluation },
            timing: timingOf(clock),
        });
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

/** 12.3 ms, 1.234 s, 850 µs: three significant figures or so. */
function formatMs(value) {
    if (!Number.isFinite(value))
        return '–';
    const abs = Math.abs(value);
    if (abs >= 1000)
        return `${(value / 1000).toFixed(abs >= 10_000 ? 1 : 2)} s`;
    if (abs >= 100)
        return `${value.toFixed(0)} ms`;
    if (abs >= 10)
        return `${value.toFixed(1)} ms`;
    if (abs >= 1)
        return `${value.toFixed(2)} ms`;
    return `${(value * 1000).toFixed(0)} µs`;
}
/** "a → b → c", keeping the two outermost and the three innermost links of a long chain. */
function formatChain(chain, arrow = ' → ') {
    if (chain.length <= 6)
        return chain.join(arrow);
    return [...chain.slice(0, 2), '…', ...chain.slice(-3)].join(arrow);
}
function signed(value, format) {
    return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
}
/** +12.3 ms, −850 µs, ±0 µs. */
const signedMs = (value) => signed(value, formatMs);
/** A count in a table cell: 1.23 G, 45.6 M, 7.89 k, 512. */
function formatCount(value) {
    const abs = Math.abs(value);
    const scaled = (x, suffix) => `${x.toFixed(Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 10 ? 2 : 3)} ${suffix}`;
    if (abs >= 1e9)
        return scaled(value / 1e9, 'G');
    if (abs >= 1e6)
        return scaled(value / 1e6, 'M');
    if (abs >= 1e4)
        return scaled(value / 1e3, 'k');
    return String(Math.round(value));
}
/** 850 KiB, 12.3 MiB. */
function formatKib(value) {
    const abs = Math.abs(value);
    return abs >= 1024
        ? `${(value / 1024).toFixed(abs >= 10 * 1024 ? 1 : 2)} MiB`
        : `${Math.round(value)} KiB`;
}
/** A metric's value in its unit: 12.3 ms, 4.56 MiB, 512.3 M (instructions), 1234 (calls). */
function formatValue(unit, value) {
    if (!Number.isFinite(value))
        return '–';
    if (unit === 'ms')
        return formatMs(value);
    if (unit === 'KiB')
        return formatKib(value);
    return formatCount(value);
}
/** A change in a metric's unit, with a real minus sign: +1.2 ms, −350 KiB, +4.56 M. */
const signedValue = (unit, value) => signed(value, (x) => formatValue(unit, x));
/** +66, −65, 0: a change in a count, with a real minus sign. */
function signedCount(value) {
    return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}
/** +12.3%, −0.85%, +8524%. */
function signedPct(value) {
    return signed(value, (x) => `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}%`);
}
/** "12% slower" for ordinary changes, "85× slower" once the ratio says more than a percentage. */
function howMuch(pct) {
    const ratio = 1 + pct / 100;
    if (pct >= 200)
        return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× slower`;
    if (pct > 0)
        return `${pct.toFixed(pct >= 10 ? 0 : 1)}% slower`;
    return `${Math.abs(pct).toFixed(Math.abs(pct) >= 10 ? 0 : 1)}% faster`;
}
/**
 * How much, as a range when the decided interval is too wide for one figure
 * to stand for it: "40–77% faster" rather than "60% faster" on an interval of
 * −77% … −40% (issue 48: 10). Wide is more than ±5 percentage points, or, in
 * multiples, a top more than 10% above the bottom ("76–93× slower").
 */
function howMuchWithin(pct, ci) {
    if (!ci)
        return howMuch(pct);
    const [lo, hi] = ci;
    if (lo > 0 && lo >= 200) {
        const [a, b] = [1 + lo / 100, 1 + hi / 100];
        if (b / a <= 1.1)
            return howMuch(pct);
        const x = (r) => r.toFixed(a >= 10 ? 0 : 1);
        return `${x(a)}–${x(b)}× slower`;
    }
    if (hi - lo <= 10 || (lo <= 0 && hi >= 0))
        return howMuch(pct);
    const p = (v) => Math.abs(v).toFixed(Math.abs(v) >= 10 ? 0 : 1);
    return lo > 0 ? `${p(lo)}–${p(hi)}% slower` : `${p(hi)}–${p(lo)}% faster`;
}
/** Warm-up rounds as run: "3", or "1 of 3" when the budget cut them short. */
function warmupsRun(run, asked) {
    return run < asked ? `${run} of ${asked}` : String(run);
}
/** "21 rounds", "1 round": a count and its noun, in the number the count asks for. */
const countOf = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** "install 12 s, warm-ups 3.2 s, profile runs 6.5 s, sampling 103 s"; empty without phases. */
function phasesText(p) {
    if (!p)
        return '';
    const s = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} s`;
    // Decided by the proof alone: no phase after it ran, and zeros say nothing.
    const timed = p.proof === undefined || p.warmup + p.profile + p.sampling > 0;
    return [
        p.install === null ? null : `install ${s(p.install)}`,
        p.proof === undefined ? null : `proof ${s(p.proof)}`,
        timed ? `warm-ups ${s(p.warmup)}` : null,
        timed ? `profile runs ${s(p.profile)}` : null,
        timed ? `sampling ${s(p.sampling)}` : null,
        p.explain === undefined ? null : `explaining ${s(p.explain)}`,
        p.counting === undefined ? null : `counted runs ${s(p.counting)}`,
    ]
        .filter(Boolean)
        .join(', ');
}

// A target's metric rows, from any schema-1 document: files written before
// `metrics` was added carry the primary metric in base, head and delta only.
function metricRows(t) {
    if (t.metrics)
        return t.metrics;
    if (!t.base && !t.head)
        return [];
    const metric = METRICS[PRIMARY_METRIC];
    return [
        {
            metric: PRIMARY_METRIC,
            variant: 'warm',
            unit: metric.unit,
            gating: metric.gates,
            outcome: null,
            base_median: t.base?.median_ms ?? null,
            head_median: t.head?.median_ms ?? null,
            delta: t.delta,
        },
    ];
}

// The main table's rows in the view model: each target under each metric,
// with each side's figures read from its samples. Pure.
function figures(side, metric) {
    if (!side)
        return null;
    const samples = (side[METRICS[metric].samplesField] ?? []).filter(Number.isFinite);
    if (metric !== PRIMARY_METRIC && !samples.length)
        return null;
    const at = (p) => quantile(samples, p);
    // The document's own figures for the primary metric (old files may hold no samples).
    const primary = metric === PRIMARY_METRIC;
    return {
        median: primary ? side.median_ms : at(0.5),
        q1: primary ? side.q1_ms : at(0.25),
        q3: primary ? side.q3_ms : at(0.75),
        min: primary ? side.min_ms : at(0),
        max: primary ? side.max_ms : at(1),
        n: samples.length,
        moduleCount: side.module_count,
        packageModuleCount: side.package_module_count,
    };
}
/**
 * The interval a row's decision rests on: a pass's is the one it was decided
 * on (one-sided β a side, inside the band by construction), anything else's
 * the α one. Files from before the pass interval was recorded show the α one.
 */
function decidingInterval(d) {
    return d.decision === 'pass' && d.pass_ci_pct !== undefined && d.pass_ci_level !== undefined
        ? { ci: d.pass_ci_pct, level: d.pass_ci_level }
        : { ci: d.ci_pct, level: d.ci_level };
}
/** An interval's level as a table shows it: "98%", "90%". */
const levelText = (level) => `${Math.round(level * 1000) / 10}%`;
function changeCells(r) {
    const d = r.delta;
    if (d) {
        const { ci, level } = decidingInterval(d);
        return {
            delta: signedValue(r.unit, d.ms),
            pct: d.pct,
            interval: ci ? `${signedPct(ci[0])} … ${signedPct(ci[1])}` : '–',
            level,
        };
    }
    const c = r.counted;
    if (c && c.base_runs && c.head_runs && c.delta !== null && c.pct !== null)
        return {
            delta: signedValue(r.unit, c.delta),
            pct: c.pct,
            interval: `runs within ${spreadText(c.spread_pct)}`,
        };
    return null;
}
/**
 * The rows' change cells and their interval column. Each cell names its own
 * level: a pass is decided on its 90% interval, a change on its 98% one, and a
 * header that said "CI (98%)" on one comment and "CI (90%)" on the next read
 * as the same column (issue 48: 12).
 */
function intervalColumn(rows) {
    const cells = rows.map(changeCells);
    const shown = (c) => c.level !== undefined && c.interval !== '–';
    return {
        cells,
        header: 'CI',
        text: (c) => (shown(c) ? `${c.interval} (${levelText(c.level)})` : c.interval),
    };
}
/** How far counted runs disagree: "0.012%", "<0.001%". */
const spreadText = (pct) => pct > 0 && pct < 0.001 ? '<0.001%' : `${pct.toFixed(3)}%`;
/** What a reported-only row's statistics say: "slower (not gating)", "more (not gating)". */
function reportedOnly(r) {
    const [up, down] = r.unit === 'ms' ? ['slower', 'faster'] : ['more', 'less'];
    const said = r.outcome === 'regression'
        ? up
        : r.outcome === 'improvement'
            ? down
            : r.outcome === 'inconclusive'
                ? 'inconclusive'
                : 'no change';
    return `${said} (not gating)`;
}
function rowsOf(t) {
    const rows = metricRows(t);
    // A target that could not be measured still gets its row, with its verdict.
    const list = rows.length
        ? rows
        : [
            {
                metric: PRIMARY_METRIC,
                gating: true,
                outcome: null,
                delta: null,
                counted: null,
            },
        ];
    const variant = t.variant ?? 'warm';
    return list.map((m) => ({
        target: t.name,
        metric: m.metric,
        label: METRICS[m.metric].label,
        variant,
        suffix: [VARIANT_LABEL[variant], m.metric === PRIMARY_METRIC ? '' : METRICS[m.metric].label]
            .filter(Boolean)
            .join(' · '),
        unit: METRICS[m.metric].unit,
        // The main row of a target: what headlines, causes and budgets go by.
        primary: m.metric === PRIMARY_METRIC && variant === 'warm',
        gating: m.gating,
        // The primary row carries the target's verdict (budgets, forbidden imports
        // and all); another gating row, its own metric's outcome.
        verdict: rowVerdict(t, m),
        outcome: m.outcome,
        isNew: t.new === true,
        isGone: t.gone === true,
        proved: t.proof?.decided === true,
        base: figures(t.base, m.metric),
        head: figures(t.head, m.metric),
        delta: m.delta,
        counted: m.counted ?? null,
        counting: countingOf(t, m.metric),
    }));
}
/**
 * The primary row carries the target's verdict (budgets, forbidden imports and
 * all), except a change another metric found (an instruction count) that the
 * time did not; any other gating row shows its own metric's outcome.
 */
function rowVerdict(t, m) {
    if (!m.outcome)
        return t.verdict;
    if (m.metric !== PRIMARY_METRIC)
        return m.outcome;
    const changed = t.verdict === 'regression' || t.verdict === 'improvement';
    return changed && m.outcome !== t.verdict ? m.outcome : t.verdict;
}
function countingOf(t, metric) {
    const entry = METRICS[metric];
    if (entry.kind !== 'counted')
        return null;
    return t.head?.counting?.[entry.id] ?? t.base?.counting?.[entry.id] ?? null;
}

// The one-line answer: the most serious finding, in parts that each report
// lays out its own way (code spans in markdown, plain text in a terminal).
/** Targets with the most serious verdict: the largest change first for regressions and improvements, else in config order. */
function worst(targets) {
    const verdict = mostSerious(targets.map((t) => t.verdict));
    const found = targets.filter((t) => t.verdict === verdict);
    if (verdict !== 'regression' && verdict !== 'improvement')
        return found;
    const size = (t) => Math.abs(t.delta?.pct ?? 0);
    return found.sort((a, b) => size(b) - size(a));
}
/** Where a cache state other than warm is the one that changed: said after the change. */
const STATE_WORDS = {
    'no-pyc': ' without .pyc files',
    cold: ' from a cold page cache',
};
/**
 * A regression or improvement that a counted metric found and import time did
 * not: the headline says what was counted ("2.0% more instructions"), not a
 * time change that is within the noise.
 */
function countedChange(t) {
    if (t.verdict !== 'regression' && t.verdict !== 'improvement')
        return null;
    const primary = t.metrics?.find((m) => m.metric === PRIMARY_METRIC);
    if (primary?.outcome === t.verdict)
        return null;
    const m = t.metrics?.find((x) => x.gating && x.counted && x.outcome === t.verdict);
    if (!m?.counted)
        return null;
    return [
        t.verdict === 'regression' ? '❌ ' : '🚀 ',
        { code: t.name },
        countedWords(METRICS[m.metric].label, m.unit, m.counted),
    ];
}
/** What a count found, after the target's name: " runs 1.0% more instructions at import (+363.7 k)". */
function countedWords(label, unit, counted) {
    // Only a count both sides have is decided; a side without counts has no change to state.
    if (counted.pct === null || counted.delta === null)
        return ` has ${label} counted on one side only`;
    const more = counted.pct > 0 ? 'more' : 'fewer';
    return ` runs ${Math.abs(counted.pct).toFixed(1)}% ${more} ${label} at import (${signedValue(unit, counted.delta)})`;
}
function headlineFor(t, count, command) {
    const counted = countedChange(t);
    if (counted)
        return counted;
    const line = timeHeadline(t, count, command);
    return t.variant && t.verdict !== 'pass' ? [...line, STATE_WORDS[t.variant]] : line;
}
function timeHeadline(t, count, command) {
    const name = { code: t.name };
    // A command target is a whole process: it runs, where a module imports.
    const imports = traitsOf(t.name).verb;
    switch (t.verdict) {
        case 'error':
            return ['⚠️ importgate could not measure ', name, ` (${t.error.side}): ${t.error.kind}`];
        case 'forbidden': {
            const [hit] = t.forbidden;
            if (hit)
                return [
                    '⛔ ',
                    name,
                    ' imports forbidden module ',
                    { code: hit.name },
                    ...(hit.base_count === undefined
                        ? []
                        : [hit.base_count > 0 ? ' (base does too)' : ' (new in this change)']),
                    ...decidedChange(t, imports),
                ];
            // enforce-lazy: a declared-lazy module the import loaded anyway.
            const l = t.lazy.loaded_anyway[0];
            return [
                '⛔ ',
                name,
                ' loads ',
                { code: l.module },
                ', declared lazy at ',
                { code: `${l.file}:${l.line}` },
                ...decidedChange(t, imports),
            ];
        }
        case 'budget': {
            const b = t.budget;
            if (b.time && !b.time.ok)
                return [
                    '💸 ',
                    name,
                    ` takes ${formatMs(b.time.median_ms)} to import, over its ${formatMs(b.time.limit_ms)} budget`,
                ];
            return [
                '💸 ',
                name,
                ` loads ${b.modules.count} modules, over the budget of ${b.modules.limit}`,
            ];
        }
        case 'inconclusive': {
            const s = t.inconclusive;
            const what = command === 'measure' ? 'how long it takes to import' : 'whether it got slower';
            // Batches that disagreed with budget to spare: the estimate's sign is no lead.
            if (s?.budget_left_s !== undefined)
                return [
                    '❔ importgate cannot tell ',
                    what,
                    ' for ',
                    name,
                    ': its batches of pairs disagree',
                ];
            if (s?.reason === 'unsettled' && t.delta)
                return [
                    '❔ ',
                    name,
                    ` may ${imports === 'runs' ? 'run' : 'import'} ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)}), but ${s.pairs} pairs cannot tell that from noise`,
                ];
            const counted = s
                ? `: ${s.pairs} of the ${s.needed_pairs} ${command === 'measure' ? 'samples' : 'pairs'} a verdict needs`
                : '';
            return ['❔ importgate cannot tell ', what, ' for ', name, counted];
        }
        case 'regression':
            return ['❌ ', name, ` ${imports} ${decidedHowMuch(t.delta)} (${signedMs(t.delta.ms)})`];
        case 'improvement':
            return ['🚀 ', name, ` ${imports} ${decidedHowMuch(t.delta)} (${signedMs(t.delta.ms)})`];
        default:
            if (command === 'measure')
                return ['📏 ', name, ` ${imports} in ${formatMs(t.head?.median_ms ?? NaN)}`];
            return count > 1
                ? [`✅ No import-time regressions in ${count} targets`]
                : [
                    '✅ No import-time regression: ',
                    name,
                    ` ${t.delta ? signedPct(t.delta.pct) : 'measured'}`,
                ];
    }
}
/** A decided change's size, as a range when its interval is too wide for one figure. */
const decidedHowMuch = (d) => howMuchWithin(d.pct, decidingInterval(d)?.ci ?? null);
/**
 * A regression or improvement the timed samples decided, under a verdict that
 * outranks it (a forbidden import): the reader still learns of it, in words.
 */
function decidedChange(t, imports) {
    const d = t.delta;
    if (!d || (d.decision !== 'regression' && d.decision !== 'improvement'))
        return [];
    return [`, and ${imports} ${decidedHowMuch(d)} (${signedMs(d.ms)})`];
}
/**
 * Whether a target's headline names what changed its import time: a regression,
 * an improvement, or a budget breach because it got slower.
 */
function namesCause(t) {
    return (t.verdict === 'regression' ||
        (t.verdict === 'forbidden' && decidedChange(t, 'imports').length > 0) ||
        t.verdict === 'improvement' ||
        (t.verdict === 'budget' && (t.delta?.ms ?? 0) > 0));
}
/**
 * The most serious finding in one line; for a regression or an improvement,
 * followed by `cause` (what explains it in that target), when given.
 */
function headlineOf(targets, command, cause = () => null) {
    const [first, ...others] = worst(targets);
    if (!first)
        return ['✅ No targets measured'];
    const more = first.verdict !== 'pass' && others.length ? ` (and ${others.length} more)` : '';
    const why = namesCause(first) ? cause(first) : null;
    return [
        ...headlineFor(first, targets.length, command),
        ...(more ? [more] : []),
        ...(why ? [': ', ...why] : []),
    ];
}
/** The headline as plain text: terminals, check-run titles, annotations. */
function plainText(rich) {
    return rich.map((part) => (typeof part === 'string' ? part : part.code)).join('');
}

// The HTML report's script and style, as text embedded in the page: a diff
// icicle drawn from the data in #data, with zoom, search and a detail panel.
// No network, no libraries; every name is set as text, never as HTML.
const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); margin: 24px; max-width: 1200px; }
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
p.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; margin: 0 0 16px; }
th, td { border: 1px solid var(--border); padding: 4px 10px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.verdict { text-align: left; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
.legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 10px; vertical-align: -1px; border-radius: 2px; }
#icicle { position: relative; width: 100%; overflow: hidden; border: 1px solid var(--border); border-radius: 6px; background: #fff; }
.node { position: absolute; height: 21px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font: 12px/21px ui-monospace, SFMono-Regular, Menlo, monospace; padding: 0 4px; border: 1px solid #fff; border-radius: 3px; cursor: pointer; color: #1f2328; }
.node.dim { opacity: 0.25; }
.node.hit { outline: 2px solid #0969da; z-index: 1; }
#detail { min-height: 3em; margin: 8px 0; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
`;
/** Runs in the page: reads #data, draws the selected target's tree, reports problems in data-status. */
const SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const box = document.getElementById('icicle');
  const detail = document.getElementById('detail');
  const select = document.getElementById('target');
  const search = document.getElementById('search');
  const ROW = 22;
  let root = null;
  let zoomed = null;
  const size = (d) => Math.max(d.b ? d.b.c : 0, d.h ? d.h.c : 0);
  const ms = (x) => x === null || x === undefined ? '–' : x >= 1 ? x.toFixed(1) + ' ms' : Math.round(x * 1000) + ' µs';
  function color(d) {
    if (d.m) return '#d6e2f0';
    if (!d.b) return '#f4a6a6';
    if (!d.h) return '#a6dcb2';
    const delta = d.h.c - d.b.c;
    const rel = d.b.c > 0 ? delta / d.b.c : 0;
    if (Math.abs(delta) < 0.5 || Math.abs(rel) < 0.1) return '#e6e9ed';
    const t = Math.min(1, Math.abs(rel));
    const mix = (a, b) => Math.round(a + (b - a) * t);
    return delta > 0 ? 'rgb(' + mix(250, 235) + ',' + mix(225, 120) + ',' + mix(225, 120) + ')'
                     : 'rgb(' + mix(225, 110) + ',' + mix(245, 200) + ',' + mix(228, 130) + ')';
  }
  function describe(d) {
    const state = d.m ? (d.b ? 'imported elsewhere in head (moved)' : 'imported elsewhere in base (moved)')
      : !d.b ? 'now imported (head only)' : !d.h ? 'no longer imported (base only)' : '';
    const delta = d.b && d.h ? d.h.c - d.b.c : null;
    return d.n + (state ? '  ' + state : '') + '\\n' +
      'base: ' + (d.b ? ms(d.b.c) + ' cumulative, ' + ms(d.b.s) + ' own' : '–') + '\\n' +
      'head: ' + (d.h ? ms(d.h.c) + ' cumulative, ' + ms(d.h.s) + ' own' : '–') +
      (delta === null ? '' : '\\nΔ cumulative: ' + (delta >= 0 ? '+' : '−') + ms(Math.abs(delta)));
  }
  function draw() {
    box.textContent = '';
    const top = zoomed || root;
    const width = box.clientWidth;
    let depth = 0;
    const query = search.value.trim().toLowerCase();
    function place(d, x, w, level) {
      if (w * width < 2) return;
      depth = Math.max(depth, level + 1);
      const el = document.createElement('div');
      el.className = 'node' + (query ? (d.n.toLowerCase().includes(query) ? ' hit' : ' dim') : '');
      el.style.left = (x * 100) + '%';
      el.style.width = (w * 100) + '%';
      el.style.top = (level * ROW) + 'px';
      el.style.background = color(d);
      el.textContent = d.n;
      el.addEventListener('mouseenter', () => { detail.textContent = describe(d); });
      el.addEventListener('click', (e) => { e.stopPropagation(); zoomed = d === zoomed ? null : d; draw(); });
      box.appendChild(el);
      const total = size(d) || 1;
      let at = x;
      for (const k of d.k) {
        const kw = w * size(k) / total;
        place(k, at, kw, level + 1);
        at += kw;
      }
    }
    place(top, 0, 1, 0);
    box.style.height = (depth * ROW + 2) + 'px';
  }
  function choose() {
    const entry = data.targets.find((t) => t.name === select.value) || data.targets[0];
    root = entry ? entry.tree : null;
    zoomed = null;
    if (root) draw(); else box.textContent = 'No -X importtime tree was recorded for this target.';
  }
  for (const t of data.targets) {
    const option = document.createElement('option');
    option.value = t.name;
    option.textContent = t.name;
    select.appendChild(option);
  }
  select.addEventListener('change', choose);
  search.addEventListener('input', () => root && draw());
  document.getElementById('reset').addEventListener('click', () => { zoomed = null; if (root) draw(); });
  window.addEventListener('resize', () => root && draw());
  choose();
  document.body.dataset.status = 'drawn ' + box.childElementCount;
})();
`;

const times = (t) => t ? { s: t.self_ms, c: t.cumulative_ms } : null;
const size = (d) => Math.max(d.b?.c ?? 0, d.h?.c ?? 0);
/** Every module name in a tree. */
function namesOf(tree, into = new Set()) {
    if (!tree)
        return into;
    into.add(tree.name);
    for (const child of tree.children)
        namesOf(child, into);
    return into;
}
/**
 * One tree from two: a module under the same parent on both sides is one node
 * with both times; one only a side loads has the other's null. A module that
 * moved to another parent appears under each (once per side), as it was
 * imported, marked as moved (`m`): coloured as new or gone, it read as a new
 * cost under its new importer.
 */
function mergeTrees(base, head) {
    return merged(base, head, { base: namesOf(base), head: namesOf(head) });
}
function merged(base, head, loaded) {
    const byName = new Map();
    for (const child of base?.children ?? [])
        byName.set(child.name, { b: child, h: null });
    for (const child of head?.children ?? []) {
        const seen = byName.get(child.name);
        if (seen)
            seen.h = child;
        else
            byName.set(child.name, { b: null, h: child });
    }
    const children = [...byName.values()].map(({ b, h }) => merged(b, h, loaded));
    children.sort((x, y) => size(y) - size(x) || x.n.localeCompare(y.n));
    const name = (head ?? base).name;
    const moved = (!base && loaded.base.has(name)) || (!head && loaded.head.has(name));
    return { n: name, b: times(base), h: times(head), k: children, ...(moved ? { m: true } : {}) };
}

function watchItem(target, w) {
    const [b, h] = [w.base, w.head];
    const change = !h
        ? 'unknown'
        : b && b.loaded !== h.loaded
            ? h.loaded
                ? 'now eager'
                : 'no longer imported'
            : h.loaded
                ? 'loaded'
                : 'not loaded';
    return { target, name: w.name, base: b, head: h, change, chain: (h?.loaded ? h : b)?.chain ?? [] };
}

/** Warm entries with lazy findings, in the document's order. */
function lazyImportsOf(doc) {
    return doc.targets.flatMap((t) => t.lazy && !t.variant
        ? [
            {
                target: t.name,
                headMs: t.head?.median_ms ?? null,
                profileMs: t.head?.profile?.tree?.cumulative_ms ?? null,
                lazy: t.lazy,
            },
        ]
        : []);
}
/**
 * The never-needed lines worth a suggestion: those whose modules cost at least
 * `floorMs` in head's profile (the gate's min-delta: nothing smaller can move
 * a verdict), or whose cost is unknown. The JSON keeps them all.
 */
function worthSuggesting(lazy, floorMs) {
    return lazy.never_needed.filter((l) => l.cumulative_ms === null || l.cumulative_ms >= floorMs);
}
/** "75.6 ms of the 76.1 ms import under -X importtime": a line's cost, as a part of what it was measured in. */
function profiledCost(ms, profileMs, format) {
    return profileMs === null
        ? `${format(ms)} in head's profile`
        : `${format(ms)} of the ${format(profileMs)} import under -X importtime`;
}
/** The statement that makes a never-needed import lazy, as it would be written. */
function lazyStatement(line) {
    return line.names
        ? `lazy from ${line.module} import ${line.names.join(', ')}`
        : `lazy import ${line.module}`;
}
/**
 * The changes that make the never-needed lines lazy, the costliest first: one
 * statement per line, or (for a project that supports Pythons before 3.15)
 * one `__lazy_modules__` per file, naming each line's module once.
 */
function lazySuggestions(lazy, floorMs = 0) {
    const never = worthSuggesting(lazy, floorMs);
    const sum = (values) => values.some((v) => v !== null) ? values.reduce((a, v) => a + (v ?? 0), 0) : null;
    if ((lazy.form ?? 'statement') === 'statement')
        return never.map((l) => ({
            file: l.file,
            text: lazyStatement(l),
            lines: [l.line],
            ms: l.cumulative_ms,
        }));
    const byFile = new Map();
    for (const l of never)
        byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
    return [...byFile]
        .map(([file, lines]) => ({
        file,
        text: `__lazy_modules__ = [${[...new Set(lines.map((l) => l.module))].map((m) => JSON.stringify(m)).join(', ')}]`,
        lines: lines.map((l) => l.line).sort((a, b) => a - b),
        ms: sum(lines.map((l) => l.cumulative_ms)),
    }))
        .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0));
}
/**
 * The all-lazy run against head as written: "90.1 ms of 130 ms", or, when
 * that one untimed run was no faster than the timed median, that it gained
 * nothing (never "140 ms of 130 ms", which reads as a saving).
 */
function allLazyText(allMs, headMs) {
    if (allMs === null)
        return 'not measured (that run failed)';
    if (headMs === null)
        return formatMs(allMs);
    if (allMs < headMs)
        return `${formatMs(allMs)} of ${formatMs(headMs)}`;
    return `no faster: ${formatMs(allMs)} against ${formatMs(headMs)} as written, so making imports lazy gains nothing measurable here`;
}

// The notes a report shows beside its gate: what could not be explained or
// checked, and passes that rule less out than they seem. Built once for every
// report by buildView. Pure.
/** A target as its notes name it: with its cache state when not warm. */
const targetLabel = (t) => t.variant ? `${t.name} (${VARIANT_LABEL[t.variant]})` : t.name;
/** Passes whose interval still reaches past the threshold: they do not rule out a regression that size. */
function widePasses(doc) {
    return doc.targets.flatMap((t) => {
        // A pass is judged on the interval it was decided on (inside the band by
        // construction); files from before that was recorded, on the α one.
        const shown = t.delta ? decidingInterval(t.delta) : null;
        const hi = shown?.ci?.[1];
        // The line is whichever threshold is larger for this import: +165% of a
        // 185 µs import is under the 0.5 ms min-delta, and ruled out.
        const base = t.base?.median_ms ?? 0;
        const minDelta = doc.command === 'compare' ? doc.settings.min_delta_ms : 0;
        const line = Math.max(doc.settings.threshold_pct, base > 0 ? (100 * minDelta) / base : 0);
        return t.verdict === 'pass' && !t.undecided_pass && hi !== undefined && hi > line
            ? [{ target: t.name, hiPct: hi, level: shown.level }]
            : [];
    });
}
/** What could not be explained or checked, per target, and why. */
const gapsOf = (doc) => doc.targets.flatMap((t) => (t.gaps ?? []).map((g) => ({ ...g, target: targetLabel(t) })));
/** Targets that passed undecided when sampling ended (`undecided = "warn"`), with what their interval rules out. */
const undecidedPassesOf = (doc) => doc.targets.flatMap((t) => t.undecided_pass
    ? [
        {
            target: targetLabel(t),
            ruledOutPct: t.undecided_pass.ruled_out_pct,
            bandPct: t.undecided_pass.band_pct,
            upperPct: t.undecided_pass.upper_pct,
        },
    ]
    : []);
/** The warning an undecided pass carries, in words every report uses. */
const pct = (x) => `${x.toFixed(1)}%`;
const undecidedPassText = (n) => `passed undecided when sampling ended: its interval reaches ${signedPct(n.upperPct)}, which rules out a regression of ${pct(n.ruledOutPct)} or more (twice the ${pct(n.bandPct)} band), not one between ${pct(n.bandPct)} and ${pct(n.ruledOutPct)}; undecided = "fail" makes this inconclusive, and a longer max-time may decide it`;
/**
 * Module names that came (or went) with no import of their own: aliases the
 * modules above register in `sys.modules` themselves (`six.moves`, a vendored
 * package's old name). Plain words, no jargon; they cost no time.
 */
function aliasText(n, eager) {
    const names = `${n} more module name${n > 1 ? 's' : ''}`;
    return eager
        ? `${names} came with these: aliases that the modules above register themselves, with no import or time of their own`
        : `${names} went with these: aliases that the modules above registered themselves, with no import or time of their own`;
}

function medianNotes(doc) {
    return doc.targets.flatMap((t) => {
        const shown = t.delta ? decidingInterval(t.delta) : null;
        if (!shown?.ci || !t.base?.median_ms || !t.head?.median_ms)
            return [];
        const medianPct = 100 * (t.head.median_ms / t.base.median_ms - 1);
        const [lo, hi] = shown.ci;
        if (medianPct >= lo && medianPct <= hi)
            return [];
        return [
            {
                target: targetLabel(t),
                baseMs: t.base.median_ms,
                headMs: t.head.median_ms,
                medianPct,
                ci: shown.ci,
                level: shown.level,
                groups: twoGroups([...t.base.samples_ms, ...t.head.samples_ms]),
            },
        ];
    });
}
/** The widest relative gap that makes two groups: at least 10% between them. */
const GAP = 1.1;
/** Each group holds at least this share of the samples. */
const SHARE = 0.15;
/**
 * Two groups of times, when the samples split at a gap of at least 10%
 * between neighbours with at least 15% of them on each side; null otherwise.
 * The gap is looked for between the 10th and 90th percentiles, so that a few
 * stragglers never make a group.
 */
function twoGroups(samples) {
    const sorted = samples.filter((x) => x > 0).sort((a, b) => a - b);
    const n = sorted.length;
    if (n < 10)
        return null;
    let best = -1;
    let ratio = GAP;
    for (let i = Math.max(Math.ceil(SHARE * n) - 1, Math.floor(0.1 * n)); i < n - 1; i++) {
        if (n - (i + 1) < SHARE * n)
            break;
        const r = sorted[i + 1] / sorted[i];
        if (r >= ratio) {
            ratio = r;
            best = i;
        }
    }
    if (best < 0)
        return null;
    return [
        [sorted[0], sorted[best]],
        [sorted[best + 1], sorted[n - 1]],
    ];
}
/** The note in words every report uses; `code` renders the target's name. */
function medianNoteText(n, code) {
    const medians = `${formatMs(n.baseMs)} → ${formatMs(n.headMs)}, ${signedPct(n.medianPct)}`;
    const interval = `${signedPct(n.ci[0])} … ${signedPct(n.ci[1])}`;
    const why = n.groups
        ? `the samples fall into two groups (${range(n.groups[0])} and ${range(n.groups[1])}), and a side's median lands in one or the other, or between them, by chance`
        : "the sides' spreads differ more than the pairs do";
    return `${code(n.target)}: the medians (${medians}) lie outside Δ's ${Math.round(n.level * 100)}% interval (${interval}): ${why}. Δ compares each base sample with the head sample run beside it; the verdict rests on Δ, not on the medians`;
}
const range = ([lo, hi]) => `${formatMs(lo)}–${formatMs(hi)}`;

/** The own-time cause of a target, from its listed own-time changes; null when none stood out. */
function ownTimeCause(target, changes) {
    const pkg = topLevel(target);
    const modules = changes
        .filter((c) => topLevel(c.name) === pkg && c.base_self_ms !== null && c.head_self_ms !== null)
        .map((c) => ({ name: c.name, ms: c.delta_ms }))
        .sort((a, b) => Math.abs(b.ms) - Math.abs(a.ms));
    const ms = modules.reduce((sum, m) => sum + m.ms, 0);
    return modules.length && ms !== 0 ? { kind: 'own', target, package: pkg, ms, modules } : null;
}
const topLevel = (module) => module.split('.')[0];
function moduleCauses(targets) {
    const byKey = new Map();
    const howOf = new Map();
    for (const t of targets) {
        for (const [changes, eager] of [
            [t.added, true],
            [t.removed, false],
        ]) {
            const groups = grouped([...changes]);
            const changed = new Set(changes.map((c) => c.name));
            const perPackage = new Map();
            for (const { lead, more, merged } of groups) {
                const pkg = topLevel(lead.name);
                const key = `${eager ? '+' : '-'}${pkg}`;
                let cause = byKey.get(key);
                if (!cause) {
                    cause = {
                        kind: 'module',
                        eager,
                        package: pkg,
                        leads: [],
                        ms: 0,
                        modules: 0,
                        perTarget: {},
                        importers: [],
                        targets: [],
                        chains: [],
                        how: null,
                    };
                    byKey.set(key, cause);
                }
                if (!cause.leads.includes(lead.name))
                    cause.leads.push(lead.name);
                if (lead.how && !howOf.has(lead.name))
                    howOf.set(lead.name, lead.how);
                if (!cause.targets.includes(t.target))
                    cause.targets.push(t.target);
                // The last link above the lead that did not change: what now imports it (or no longer does).
                const importer = lead.chain.slice(0, -1).findLast((link) => !changed.has(link));
                if (importer && !cause.importers.includes(importer))
                    cause.importers.push(importer);
                const groupMs = Math.max(...[lead, ...merged].map((m) => m.group_ms ?? m.cumulative_ms));
                // Up to the importer, then the lead: changed links between (a package its
                // requested submodule nested in the log) are the lead's own group.
                const upTo = importer ? lead.chain.lastIndexOf(importer) + 1 : lead.chain.length - 1;
                cause.chains.push({
                    target: t.target,
                    chain: [...lead.chain.slice(0, upTo), lead.name],
                    ms: (eager ? 1 : -1) * groupMs,
                });
                const sum = perPackage.get(key) ?? { ms: 0, modules: 0 };
                sum.ms += groupMs;
                sum.modules += 1 + more;
                perPackage.set(key, sum);
            }
            for (const [key, sum] of perPackage) {
                const cause = byKey.get(key);
                const ms = eager ? sum.ms : -sum.ms;
                cause.perTarget[t.target] = { ms, modules: sum.modules };
                if (Math.abs(ms) > Math.abs(cause.ms))
                    cause.ms = ms;
                cause.modules = Math.max(cause.modules, sum.modules);
            }
        }
    }
    const leadMs = new Map();
    for (const t of targets)
        for (const c of [...t.added, ...t.removed])
            leadMs.set(c.name, Math.max(leadMs.get(c.name) ?? 0, c.cumulative_ms));
    const causes = [...byKey.values()];
    for (const c of causes) {
        c.leads.sort((a, b) => (leadMs.get(b) ?? 0) - (leadMs.get(a) ?? 0));
        c.how = howOf.get(c.leads[0]) ?? null;
    }
    return causes.sort((a, b) => Math.abs(b.ms) - Math.abs(a.ms));
}
function functionCauses(targets) {
    const byName = new Map();
    for (const t of targets) {
        for (const change of t.functions) {
            const seen = byName.get(change.name);
            if (seen) {
                seen.targets.push(t.target);
                // The larger change speaks for it: the report shows one figure.
                if (Math.abs(change.profiled_delta_ms) > Math.abs(seen.change.profiled_delta_ms))
                    seen.change = change;
            }
            else
                byName.set(change.name, {
                    kind: 'function',
                    name: change.name,
                    change,
                    targets: [t.target],
                });
        }
    }
    // Under a millisecond (profiled) a function is not a cause a reviewer needs
    // first (httpx 0.28: enum.EnumDict.__setitem__ 244 → 242 calls); the details list it.
    return [...byName.values()]
        .filter((c) => Math.abs(c.change.profiled_delta_ms) >= MIN_FUNCTION_MS)
        .sort((a, b) => Math.abs(b.change.profiled_delta_ms) - Math.abs(a.change.profiled_delta_ms));
}
const MIN_FUNCTION_MS = 1;
/** Module causes first (their times are measured), then function causes (profiled). */
function causesOf(targets) {
    return [...moduleCauses(targets), ...functionCauses(targets)];
}
/** The leads of a module cause as the reader sees them: `rich.console` and 1 more. */
function leadsText(cause) {
    const [first, ...rest] = cause.leads;
    return rest.length
        ? [
            { code: first },
            ` and ${rest.length} more ${cause.package} module${rest.length > 1 ? 's' : ''}`,
        ]
        : [{ code: first }];
}
/**
 * The cause a headline names: the largest module cause pointing the way of the
 * change (a new import for a regression), else the largest function cause that
 * does; none when nothing explains it.
 */
function mainCause(causes, target, change, own = null) {
    const slower = change.ms > 0;
    const here = causes.filter((c) => c.targets.includes(target));
    const module = here.find((c) => c.kind === 'module' && c.eager === slower);
    const fn = here.find((c) => c.kind === 'function' && c.change.head_calls > c.change.base_calls === slower);
    const moduleMs = module ? Math.abs(module.perTarget[target]?.ms ?? module.ms) : 0;
    // Profiled times run high, so a function wins only where the module changes
    // leave most of the change unexplained and it is larger than they are (a
    // logger calling inspect.stack() in 30 modules: inspect no longer imported was a quarter of it).
    const preferFunction = fn && moduleMs < Math.abs(change.ms) / 2 && Math.abs(fn.change.profiled_delta_ms) > moduleMs;
    const named = (preferFunction ? fn : module) ?? fn ?? null;
    // The project's own modules doing more (or less) at import can be the
    // largest cause: a −2.02 s improvement, −2.04 s of it own time, was once
    // headlined with a −58 ms lazy import. Measured like the module causes
    // (-X importtime), it is compared with them, not with profiled times.
    const ownMs = own && own.ms > 0 === slower ? Math.abs(own.ms) : 0;
    if (own && ownMs > moduleMs && ownMs >= Math.abs(change.ms) / 2) {
        // A function the project's own modules call accounts for their own time:
        // it is the reason, and the headline names it ("`inspect.stack` 55 → 0
        // calls, via `pkg.log.get_logger`"), not "own time of `pkg`" (which flipped
        // with it from run to run as the two sizes crossed).
        const ownCalls = fn?.change.callers.some((c) => c.module.split('.')[0] === own.package);
        if (fn && ownCalls && Math.abs(fn.change.profiled_delta_ms) >= ownMs / 2)
            return fn;
        return own;
    }
    return named;
}
/** A cause in a few words, for the headline: "`a.b` now imports `c` (+42 ms)". */
function causeText(cause, target) {
    if (cause.kind === 'own') {
        const [first] = cause.modules;
        // One module holding most of it is named too.
        const mostly = first && Math.abs(first.ms) >= 0.6 * Math.abs(cause.ms)
            ? [', mostly ', { code: first.name }]
            : [];
        return [
            'own time of ',
            { code: cause.package },
            `'s modules at import (${signedMs(cause.ms)})`,
            ...mostly,
        ];
    }
    if (cause.kind === 'module') {
        const importer = cause.importers[0];
        const verb = cause.eager ? ' now imports ' : ' no longer imports ';
        return [
            ...(importer ? [{ code: importer }, verb] : [verb.trim() + ' ']),
            ...leadsText(cause),
            ` (${signedMs(cause.perTarget[target]?.ms ?? cause.ms)})`,
        ];
    }
    const { base_calls: b, head_calls: h, via, called_as } = cause.change;
    return [
        { code: cause.name },
        ` ${b} → ${h} calls at import`,
        ...(via.length ? [', via ', { code: called_as }] : []),
    ];
}

/** Each change list's leads, worked out once: the package table asks for every row of it. */
const leadsCache = new WeakMap();
function leadsCached(changes) {
    let leads = leadsCache.get(changes);
    if (!leads)
        leadsCache.set(changes, (leads = leadsOf(changes).leadOf));
    return leads;
}
/**
 * The cause that brought (or dropped) every module of `pkg` in `target`, when
 * one did, and the module of it that did (the lead of the first module's
 * group): the package table then says "gone with `datachain.lib.files`"
 * instead of repeating it, naming the module that did it rather than its
 * package. A module belongs to a lead as grouped() says: through changed links only.
 */
function packageExplainedBy(causes, target, pkg) {
    for (const [changes, eager] of [
        [target.added, true],
        [target.removed, false],
    ]) {
        // Aliases (no chain: set in sys.modules, never imported) go with their package.
        const inPackage = changes.filter((c) => topLevel(c.name) === pkg && c.chain.length > 0);
        if (!inPackage.length)
            continue;
        const leadOf = leadsCached(changes);
        const candidates = causes.filter((c) => c.kind === 'module' && c.eager === eager && c.targets.includes(target.target));
        const leads = inPackage.map((m) => leadOf.get(m.name));
        for (const cause of candidates)
            if (leads.every((lead) => lead !== undefined && cause.leads.includes(lead)))
                return { cause, lead: leads[0] };
    }
    return null;
}
/**
 * A package row's Why in words, `code` rendering names: "no longer imported
 * (above)" only when none of its modules is left; "65 of its modules no
 * longer imported (above)" when head still loads some (matplotlib 94 → 29
 * read "no longer imported", issue 48: 12).
 */
function packageCauseText(row, explained, code) {
    const { cause, lead } = explained;
    const left = cause.eager ? row.base_modules : row.head_modules;
    const moved = Math.abs(row.head_modules - row.base_modules);
    const some = left > 0 ? `${moved} of its modules ` : '';
    if (cause.package === row.name)
        return `${some}${cause.eager ? 'now imported' : 'no longer imported'} (above)`;
    if (left > 0)
        return `${moved} of its modules ${cause.eager ? 'came' : 'went'} with ${code(lead)}`;
    return `${cause.eager ? 'with' : 'gone with'} ${code(lead)}`;
}

/** A reason as the proof wrote it, its `code spans` kept as code. */
function richReason(reason) {
    return reason.split('`').map((part, i) => (i % 2 ? { code: part } : part));
}
/** The evidence of a proof that holds, in one sentence. */
function provedText(p, minDeltaMs) {
    const changed = countOf(p.changed_files ?? p.differing_files, 'changed file');
    const loaded = p.loaded_changed.length;
    const run = loaded
        ? [
            `${loaded} of them ${loaded === 1 ? 'is' : 'are'} loaded at import (`,
            ...p.loaded_changed.slice(0, 3).flatMap((f, i) => [i ? ', ' : '', { code: f }]),
            loaded > 3 ? ', …' : '',
            `), but none of ${loaded === 1 ? 'its' : 'their'} changed lines ran`,
        ]
        : ['none of them is loaded, read or listed at import'];
    const bytes = p.code_bytes_delta > 0
        ? `; their code changed by ${p.code_bytes_delta} bytes, at most ${p.load_bound_ms < 0.01 ? '0.01' : p.load_bound_ms.toFixed(2)} ms to load, under min-delta (${minDeltaMs} ms)`
        : '';
    return [
        `${changed}: `,
        ...run,
        `; the same ${p.modules} modules from the same files on both sides, traced twice a side with ${p.traced_with}${bytes}. Nothing to time.`,
    ];
}
function proofNotes(doc) {
    const minDelta = doc.command === 'compare' ? doc.settings.min_delta_ms : 0;
    return doc.targets.flatMap((t) => {
        const p = t.proof;
        if (!p)
            return [];
        const target = targetLabel(t);
        if (p.decided)
            return [{ target, decided: true, text: provedText(p, minDelta) }];
        if (!p.holds || !p.reason)
            return [
                {
                    target,
                    decided: false,
                    text: ['timed, because ', ...richReason(p.reason ?? 'the proof did not hold')],
                },
            ];
        return [
            {
                target,
                decided: false,
                text: ['timed in this cache state: the changed sources it loads are compiled or read here'],
            },
        ];
    });
}
/** The headline when the proof decided every target: nothing was timed. */
function provedHeadline(doc) {
    const targets = doc.targets;
    if (!targets.length || !targets.every((t) => t.proof?.decided && t.verdict === 'pass'))
        return null;
    const changed = Math.max(...targets.map((t) => t.proof.changed_files ?? 0));
    const where = targets.length > 1 ? ` in ${targets.length} targets` : '';
    return [
        `✅ Unchanged at import${where}: ${countOf(changed, 'changed file')}, none of whose lines runs at import (checked by tracing the import on both sides); nothing to time`,
    ];
}

// The one view model every report formats: the headline, the rows, the gate's
// items and the groups of modules now imported or no longer imported, built once from a results document.
// Markdown, the terminal and annotations only lay it out. Pure.
/** " (40 to 120 pairs per target, each sampled until decided)" when targets stopped at different counts. */
function pairsNote(view) {
    const pairs = view.rows.filter((r) => r.gating && r.delta).map((r) => r.delta.pairs);
    if (pairs.length < 2)
        return '';
    const [least, most] = [Math.min(...pairs), Math.max(...pairs)];
    return least === most ? '' : ` (${least} to ${most} pairs per target, each sampled until decided)`;
}
/**
 * What the verdict cost, for the footer: the sampling time and the pairs it
 * took, and the whole run. Null when nothing was compared.
 */
function costText(view) {
    const pairs = view.rows.filter((r) => r.gating && r.delta).map((r) => r.delta.pairs);
    const sampling = view.run.samplingS;
    const s = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} s`;
    const proof = view.run.proofS;
    if (proof !== null && view.rows.length && view.rows.every((r) => r.proved))
        return `verdict by proof after ${s(proof)} of tracing, ${view.rows.some((r) => r.head) ? 'head alone timed for its budget' : 'nothing timed'}, ${s(view.run.durationS)} in all`;
    if (!pairs.length || sampling === null)
        return null;
    const most = Math.max(...pairs);
    return `verdict after ${s(sampling)} of sampling (${most === Math.min(...pairs) ? most : `up to ${most}`} pairs), ${s(view.run.durationS)} in all`;
}
function moduleChangesOf(t) {
    const views = [];
    for (const [changes, eager] of [
        [t.modules?.added ?? [], true],
        [t.modules?.removed ?? [], false],
    ]) {
        if (!changes.length)
            continue;
        views.push({
            target: t.name,
            eager,
            groups: grouped([...changes]),
            aliases: changes.filter((c) => c.chain.length === 0).length,
        });
    }
    return views;
}
function changesOf(t) {
    return {
        target: t.name,
        added: t.modules?.added ?? [],
        removed: t.modules?.removed ?? [],
        functions: ownCallersFirst(t.function_changes ?? []),
    };
}
/**
 * The project's own calling modules (a file in the repository) first, the
 * analysis' order otherwise: where a reviewer can act. A class-creation hook
 * is reached through `builtins.__build_class__`, which every module with a
 * class statement calls: after a pydantic bump the list began with
 * `pydantic.warnings` 3 → 12, and the project's `class Note(BaseModel)` was
 * one of 85 more.
 */
function ownCallersFirst(changes) {
    return changes.map((c) => ({
        ...c,
        callers: [...c.callers].sort((a, b) => Number(b.path !== null) - Number(a.path !== null)),
    }));
}
function buildView(document) {
    // Everything shown comes from here, and much of it from the measured code.
    const doc = visibleDeep(document);
    const command = doc.command === 'measure' ? 'measure' : 'compare';
    const compare = doc.command === 'measure' ? null : doc;
    // Once per target: the causes, the package table and the functions list read the same changes.
    const changesByTarget = new Map(doc.targets.map((t) => [t, changesOf(t)]));
    const changesFor = (t) => changesByTarget.get(t);
    const causes = causesOf(doc.targets.map(changesFor));
    const own = (t) => ownTimeCause(t.name, t.modules?.self_time_changes ?? []);
    // The cause the headline names comes first wherever causes are listed.
    const [top] = worst(doc.targets);
    const leading = top?.delta && namesCause(top) ? mainCause(causes, top.name, top.delta, own(top)) : null;
    return {
        command,
        // What the rows show decides, as the headline does: a file whose top-level
        // verdict says "pass" over regressing rows (forged, or edited) cannot pass the check.
        verdict: mostSerious([doc.verdict, ...doc.targets.map((t) => t.verdict)]),
        headline: compare?.skipped
            ? [
                `✅ Nothing to measure: none of the ${compare.skipped.changed_count} changed file${compare.skipped.changed_count === 1 ? '' : 's'} can affect importing`,
            ]
            : (provedHeadline(doc) ??
                headlineOf(doc.targets, command, (t) => {
                    const cause = t.delta ? mainCause(causes, t.name, t.delta, own(t)) : null;
                    return cause ? causeText(cause, t.name) : null;
                })),
        causes: leading && leading.kind !== 'own'
            ? [leading, ...causes.filter((c) => c !== leading)]
            : causes,
        ownTimeLeads: leading?.kind === 'own',
        rows: doc.targets.flatMap(rowsOf),
        proofs: proofNotes(doc),
        importTrees: doc.targets.flatMap((t) => {
            const base = t.base?.profile?.tree ?? null;
            const head = t.head?.profile?.tree ?? null;
            return base || head ? [{ target: t.name, base, head }] : [];
        }),
        configChanges: compare?.config_changes ?? [],
        newTargets: doc.targets.filter((t) => t.new).map((t) => t.name),
        forbidden: doc.targets.flatMap((t) => t.forbidden.map((f) => ({ target: t.name, ...f }))),
        budgets: doc.targets.flatMap((t) => {
            const b = t.budget;
            const items = [];
            if (b?.time)
                items.push({
                    target: t.name,
                    on: 'time',
                    limit: b.time.limit_ms,
                    actual: b.time.median_ms,
                    ok: b.time.ok,
                });
            if (b?.modules)
                items.push({
                    target: t.name,
                    on: 'modules',
                    limit: b.modules.limit,
                    actual: b.modules.count,
                    ok: b.modules.ok,
                });
            return items;
        }),
        shortfalls: doc.targets.flatMap((t) => t.inconclusive
            ? [
                {
                    target: targetLabel(t),
                    reason: t.inconclusive.reason ?? 'too-few-pairs',
                    pairs: t.inconclusive.pairs,
                    needed: t.inconclusive.needed_pairs,
                    suggestedMaxTimeS: t.inconclusive.suggested_max_time_s,
                    suggestedMaxPairs: t.inconclusive.suggested_max_pairs ?? null,
                    delta: t.delta,
                },
            ]
            : []),
        watched: doc.targets.flatMap((t) => (t.watch ?? []).map((w) => watchItem(t.name, w))),
        widePasses: widePasses(doc),
        medianNotes: medianNotes(doc),
        undecidedPasses: undecidedPassesOf(doc),
        gaps: gapsOf(doc),
        lazyImports: lazyImportsOf(doc),
        packages: doc.targets.flatMap((t) => {
            // Files without `notable` (none were written) show every changed row.
            const rows = (t.packages ?? []).filter((r) => r.own || (r.notable ?? r.delta_ms !== 0));
            const changes = changesFor(t);
            const explained = rows.map((r) => ({
                ...r,
                cause: r.own ? null : packageExplainedBy(causes, changes, r.name),
            }));
            return t.delta && rows.length ? [{ target: t.name, rows: explained }] : [];
        }),
        moduleChanges: doc.targets.flatMap(moduleChangesOf),
        errors: doc.targets.flatMap((t) => t.error
            ? [
                {
                    target: targetLabel(t),
                    error: t.error,
                },
            ]
            : []),
        sources: Object.fromEntries(doc.targets.map((t) => [t.name, t.sources ?? {}])),
        functions: doc.targets.flatMap((t) => {
            const changes = changesFor(t).functions;
            return changes.length ? [{ target: t.name, changes }] : [];
        }),
        selfTime: doc.targets.flatMap((t) => t.delta && t.modules?.self_time_changes.length
            ? [{ target: t.name, changes: t.modules.self_time_changes }]
            : []),
        slowest: command === 'measure'
            ? doc.targets.flatMap((t) => t.head?.profile.slowest.length
                ? [
                    {
                        target: t.name,
                        runs: t.head.profile.runs,
                        unstable: t.head.profile.unstable_modules,
                        modules: t.head.profile.slowest,
                    },
                ]
                : [])
            : [],
        // The module counts are the same in every cache state: the warm entry's.
        moduleCounts: doc.targets.flatMap((t) => t.head && !t.variant && traitsOf(t.name).lazyRuns
            ? [{ target: t.name, base: t.base, head: t.head }]
            : []),
        dependencies: compare?.deps?.changed ?? [],
        skipped: compare?.skipped
            ? {
                count: compare.skipped.changed_count,
                files: compare.skipped.changed_files,
                affects: compare.settings.affects ?? [],
            }
            : null,
        run: {
            python: doc.python,
            platform: doc.platform,
            base: doc.base,
            head: doc.head,
            rounds: doc.rounds,
            warmupRounds: doc.warmup_rounds ?? doc.settings.warmups,
            ...(doc.pinned_cores !== undefined ? { pinnedCores: doc.pinned_cores } : {}),
            ...(doc.rounds_side_by_side ? { sideBySide: doc.rounds_side_by_side } : {}),
            truncated: doc.truncated,
            durationS: doc.duration_s,
            phases: phasesText(doc.phases_s),
            samplingS: doc.phases_s?.sampling ?? null,
            proofS: doc.phases_s?.proof ?? null,
            version: doc.tool?.version ?? '',
            settings: doc.settings,
            ...(compare?.boundary ? { boundary: compare.boundary } : {}),
        },
    };
}

/** JSON inside <script>: nothing in it can close the element or open a comment. */
function scriptJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** The HTML report, laid out from the view model (built once per report by the caller). */
function htmlOfView(view) {
    // The view's trees are the visible copy: module names are the measured code's text.
    const targets = view.importTrees.map(({ target, base, head }) => ({
        name: target,
        tree: mergeTrees(base, head),
    }));
    const compare = view.command === 'compare';
    const rows = view.rows
        .filter((r) => r.primary)
        .map((r) => {
        const cells = compare
            ? [
                r.base ? formatMs(r.base.median) : '–',
                r.head ? formatMs(r.head.median) : '–',
                r.delta ? signedMs(r.delta.ms) : '–',
                r.delta ? signedPct(r.delta.pct) : '–',
            ]
            : [r.head ? formatMs(r.head.median) : '–'];
        return `<tr><td>${escapeHtml(r.target)}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td class="verdict">${escapeHtml(r.verdict)}</td></tr>`;
    })
        .join('\n');
    const header = compare
        ? '<tr><th>Target</th><th>Base</th><th>Head</th><th>Δ</th><th>Δ %</th><th>Verdict</th></tr>'
        : '<tr><th>Target</th><th>Median</th><th>Verdict</th></tr>';
    const { run } = view;
    const sides = run.base
        ? `base ${run.base.ref} (${(run.base.sha ?? '?').slice(0, 12)}) → head ${run.head.ref} (${(run.head.sha ?? '?').slice(0, 12)})`
        : `${run.head.ref} (${(run.head.sha ?? '?').slice(0, 12)})`;
    const headline = plainText(view.headline);
    const legend = compare
        ? '<span class="legend">Width: cumulative import time (the larger side). <span style="background:#f4a6a6"></span>now imported <span style="background:#a6dcb2"></span>no longer imported <span style="background:#d6e2f0"></span>moved to another importer <span style="background:rgb(235,120,120)"></span>slower <span style="background:rgb(110,200,130)"></span>faster <span style="background:#e6e9ed"></span>about the same</span>'
        : '<span class="legend">Width: cumulative import time.</span>';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>importgate: ${escapeHtml(headline)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(headline)}</h1>
<p class="meta">${escapeHtml(`${sides} · Python ${run.python.split(' ')[0]} · importgate ${run.version}`)}</p>
<table>
${header}
${rows}
</table>
<div class="controls">
<label>Target <select id="target"></select></label>
<input id="search" type="search" placeholder="Find a module" aria-label="Find a module">
<button id="reset" type="button">Reset zoom</button>
${legend}
</div>
<div id="icicle" role="img" aria-label="Import tree of the selected target"></div>
<div id="detail">Hover over a module for its times; click to zoom in, click again to zoom out.</div>
<p class="meta">Times are medians of untimed <code>-X importtime</code> runs, which run slower than the timed samples; each module sits under the module that first imported it.</p>
<script type="application/json" id="data">${scriptJson({ targets })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/**
 * "; base imports it too (38 modules under `paramiko`)": a reviewer told only
 * that head imports it cannot tell whether this change brought it (issue 48: 9).
 */
function forbiddenBefore(h) {
    if (h.base_count === undefined)
        return '';
    if (h.base_count === 0)
        return '; base does not import it: this change brings it';
    const n = h.base_count;
    return `; base imports it too (${n} module${n === 1 ? '' : 's'}): this change did not bring it`;
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

// Small, safe building blocks for GitHub-flavoured markdown. Pure.
/**
 * Inline code that survives backticks in the text (a longer fence than any run
 * inside) and line breaks: a blank line ends a code span, and what follows it
 * (a function named "q\n\n@octocat <img …>") would be markdown, a mention and
 * HTML. No module or function name has a line break; they are shown as `\n`.
 */
function code(given) {
    const text = given.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * Plain text that must not turn into HTML, a table cell break, emphasis, or a
 * mention that notifies a user or team (`@org/team` in an exception message).
 */
function plain(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, '&#64;')
        .replace(/([\\*_[\]|])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}
/**
 * Rich text inside an HTML element (`<summary>`): GitHub does not apply
 * markdown there, so code parts become `<code>` and everything is escaped as
 * HTML, mentions included. A line break would end the HTML block and let what
 * follows be read as markdown: none is left.
 */
function richHtml(parts) {
    const text = (given) => escapeHtml(given).replace(/@/g, '&#64;');
    return parts
        .map((part) => typeof part === 'string'
        ? text(part.replace(/\s*[\r\n]+\s*/g, ' '))
        : `<code>${text(part.code.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))}</code>`)
        .join('');
}
/** A table whose cells may hold anything: pipes and newlines are escaped. */
function table(header, rows, align) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align });
}
/** Rich text as markdown: code parts in code spans, the rest escaped. */
function rich(parts) {
    return parts.map((part) => (typeof part === 'string' ? plain(part) : code(part.code))).join('');
}
function chain(names) {
    return names.map(code).join(' → ');
}
const VERDICT_LABEL = {
    pass: '✅ pass',
    improvement: '🚀 improvement',
    inconclusive: '❔ inconclusive',
    regression: '❌ regression',
    budget: '💸 over budget',
    forbidden: '⛔ forbidden import',
    error: '⚠️ error',
};
/** The first `limit` items, and a line saying how many were left out. */
function capped(items, limit, render) {
    const lines = items.slice(0, limit).map(render);
    if (items.length > limit)
        lines.push(`- … and ${items.length - limit} more`);
    return lines;
}

/** One sentence per gap, `setting` naming a setting as the report's reader writes it. */
function gapText(gap, setting) {
    if (gap.missing === 'lazy')
        return `${setting('enforce-lazy')} was not checked: ${gap.reason === 'unsupported'
            ? 'it needs Python 3.15 or later (PEP 810), and this interpreter has no lazy imports'
            : gap.reason === 'failed'
                ? "head's lazy-import run failed or reported nothing usable"
                : gap.reason === 'not-run'
                    ? 'no profile run of head came first, so its lazy-import run did not run'
                    : "head's lazy-import run did not run before the run was stopped"}`;
    if (gap.missing === 'modules')
        return `the modules it loads are not known, so ${setting('forbid')}, the module budget and the watch list were not checked and no import chain explains a change: ${gap.reason === 'not-run' ? `no profile run was asked for (${setting('profile-runs')} 0)` : `its one profile run did not fit the time budget (${setting('max-time')} and its overtime)`}`;
    switch (gap.reason) {
        case 'budget':
            return `no function-level explanation: its profiled runs fitted neither the time budget before sampling nor the explanation's own budget after it (a quarter of ${setting('max-time')}); raise ${setting('max-time')} to get it`;
        case 'no-change':
            return `no function-level profile: the time budget had no room for it before sampling, and sampling found no change near the threshold to explain`;
        default:
            return `no function-level explanation: the profiled run failed or reported nothing usable`;
    }
}

// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
function budgets(view) {
    const rows = view.budgets.map((b) => [
        code(b.target),
        b.on === 'time' ? 'import time' : 'modules',
        b.on === 'time' ? formatMs(b.limit) : String(b.limit),
        b.on === 'time' ? formatMs(b.actual) : String(b.actual),
        b.ok ? '✅ within' : '❌ over',
    ]);
    if (!rows.length)
        return [];
    return [
        '#### Budgets',
        '',
        table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
    ];
}
function forbidden(view, limit) {
    if (!view.forbidden.length)
        return [];
    const lines = capped(view.forbidden, limit, (h) => {
        const via = h.chain.length ? `, via ${chain(h.chain)}` : '';
        const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : '';
        return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}${forbiddenBefore(h)}`;
    });
    return ['#### Forbidden imports', '', ...lines];
}
function configChanges(view) {
    if (!view.configChanges.length)
        return [];
    const items = view.configChanges.map((c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`);
    return [
        `> [!WARNING]`,
        `> This pull request changes \`[tool.importgate]\`; the gate used the base branch's settings. ${items.join('; ')}`,
    ];
}
function errors(view) {
    if (!view.errors.length)
        return [];
    const out = ['#### Errors', ''];
    for (const { target, error: e } of view.errors) {
        out.push(`- ${code(target)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`);
        const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
            .join('\n')
            .replace(/```/g, "'''");
        if (detail.trim())
            out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```');
    }
    return out;
}
/** What an inconclusive target measured, and what would let it reach a verdict. */
function shortfalls(view) {
    if (!view.shortfalls.length)
        return [];
    const unit = view.command === 'measure' ? 'samples' : 'pairs';
    const overtime = view.run.settings.overtime_s;
    const budget = `${view.run.settings.max_time_s} s${overtime ? ` and its ${overtime} s of overtime` : ''}`;
    const lines = view.shortfalls.map((s) => {
        const taken = s.pairs ? `${s.pairs} ${unit}` : `no ${unit}`;
        const d = s.delta;
        const sofar = d && s.pairs
            ? `; the estimate so far is ${signedPct(d.pct)} (p = ${d.p.toPrecision(2)}), which ${s.pairs} ${unit} cannot make significant`
            : '';
        if (s.reason === 'unsettled' && d) {
            const ci = d.ci_pct
                ? `its ${Math.round(d.ci_level * 1000) / 10}% interval ${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}`
                : 'its interval';
            const band = `±${view.run.settings.threshold_pct}% band`;
            const ended = s.suggestedMaxPairs
                ? `\`max-pairs\` ended sampling`
                : `the time budget of ${budget} ended sampling`;
            const raise = s.suggestedMaxPairs
                ? `Raise \`max-pairs\` to about ${s.suggestedMaxPairs} for these imports.`
                : `Raise \`max-time\` to about ${s.suggestedMaxTimeS ?? '?'} s for these imports.`;
            return `- ${code(s.target)}: the estimate is ${signedPct(d.pct)} after ${s.pairs} ${unit}, and ${ci} reaches both inside and past the ${band}: neither a pass nor a change is shown when ${ended}. It may be a regression. ${raise}`;
        }
        // Only measure's minimum is min-pairs; a comparison's is what its procedure needs.
        const orLower = view.command === 'measure' ? ', or lower `min-pairs`' : '';
        const fix = s.suggestedMaxTimeS
            ? `Raise \`max-time\` to about ${s.suggestedMaxTimeS} s for these imports${orLower}.`
            : `Raise \`max-time\`${orLower}.`;
        return `- ${code(s.target)}: ${taken} of the ${s.needed} a verdict needs, within the time budget of ${budget}${sofar}. ${fix}`;
    });
    return ['#### Not enough evidence', '', ...lines];
}
/** What could not be explained or checked, and passes that rule less out than they seem, where a reviewer sees it. */
function gaps(view) {
    const threshold = view.run.settings.threshold_pct;
    return [
        ...view.undecidedPasses.map((n) => `⚠️ ${code(n.target)} ${undecidedPassText(n)}.`),
        ...view.widePasses.map((w) => `ℹ️ ${code(w.target)}: a pass, but its ${Math.round(w.level * 100)}% interval still reaches ${signedPct(w.hiPct)}: the pairs this budget allowed do not rule out a regression past the ${threshold}% threshold.`),
        ...view.medianNotes.map((n) => `ℹ️ ${medianNoteText(n, code)}.`),
        ...view.gaps.map((g) => `ℹ️ ${code(g.target)}: ${gapText(g, (s) => `\`${s}\``)}.`),
    ];
}
/** Each watched module under each target, whatever the grouping of the module diff does. */
function watched(view) {
    if (!view.watched.length)
        return [];
    const cell = (s) => !s
        ? '–'
        : s.loaded
            ? `loaded${s.cumulative_ms === null ? '' : ` (${formatMs(s.cumulative_ms)})`}`
            : 'not loaded';
    const rows = view.watched.map((w) => [
        code(w.name),
        code(w.target),
        cell(w.base),
        cell(w.head),
        (w.change === 'now eager'
            ? '⚠️ now eager'
            : w.change === 'no longer imported'
                ? '✅ no longer imported'
                : w.change) + (w.chain.length > 1 ? `, via ${chain(w.chain)}` : ''),
    ]);
    return [
        '#### Watched modules',
        '',
        table(['Module', 'Target', 'Base', 'Head', 'Change'], rows, ['l', 'l', 'l', 'l', 'l']),
    ];
}
/**
 * Which path decided each target: the proof, with its evidence, or the
 * sampling, with the one reason the proof did not hold. Sits under the table.
 */
function proofs(view) {
    return view.proofs.map((p) => p.decided
        ? `✅ ${code(p.target)} is unchanged at import. ${rich(p.text)}`
        : `⏱️ ${code(p.target)} was ${rich(p.text)}.`);
}

// What the table's counted rows (instructions, fs-calls) rest on, said once
// under the table: the tool that counted, how many runs, what they cost, how
// far they disagree, why a row is inconclusive, and which system calls the
// file-system count is made of. Pure.
/** One line per cache state other than warm in the table: "cold cache: the page cache dropped before each sample (…)". */
function stateNotes(rows, coldMethod) {
    const states = [...new Set(rows.map((r) => r.variant))];
    return states.flatMap((v) => {
        const note = variantNote(v, coldMethod);
        return note ? [`${VARIANT_LABEL[v]}: ${note}`] : [];
    });
}
/** The calls that make up most of a file-system count: "newfstatat 812, openat 301, read 240". */
function topCalls(byCall, limit = 5) {
    return Object.entries(byCall)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([name, calls]) => `${name} ${calls}`)
        .join(', ');
}
/** One note per counted row: how it was counted, how far the runs agree, and why it is inconclusive. */
function countedNotes(rows) {
    return rows.flatMap((r) => {
        const how = r.counting;
        if (!how)
            return [];
        const c = r.counted;
        const runs = c
            ? `${c.base_runs} and ${c.head_runs} runs (base, head)`
            : `${r.head?.n ?? 0} runs`;
        const parts = [`${runs} under ${how.tool}, ${how.seconds.toFixed(0)} s${c ? ' a side' : ''}`];
        if (c && c.base_runs > 1 && c.head_runs > 1)
            parts.push(`the runs agree within ${spreadText(c.spread_pct)}`);
        if (c?.reason)
            parts.push(`inconclusive: ${c.reason}`);
        else if (how.failure)
            parts.push(how.failure);
        if (how.by_call)
            parts.push(`calls by kind: ${topCalls(how.by_call)}`);
        if (c && c.pct !== null && c.pct !== 0 && !c.reason)
            parts.push(`${signedPct(c.pct)} against a ${c.threshold_pct}% threshold`);
        return [{ target: r.target, label: r.label, parts }];
    });
}
/** The notes under a terminal table, as plain lines: the cache states first, then the counted rows. */
function tableNotes(view) {
    return [
        ...stateNotes(view.rows, view.run.settings.cold_method),
        ...countedNotes(view.rows).map((n) => `${n.target} · ${n.label}: ${n.parts.join('; ')}`),
    ];
}

/** A link to `path` (at `line`) on `side`'s commit; the bare text without links or a path. */
function linked(text, source, side, links) {
    const sha = links?.sha[side];
    if (!links || !sha || !source.path)
        return text;
    const path = source.path.split('/').map(encodeURIComponent).join('/');
    const anchor = source.line ? `#L${source.line}` : '';
    return `[${text}](${links.repoUrl}/blob/${sha}/${path}${anchor})`;
}
const where = (source) => source.path ? plain(`${source.path}${source.line ? `:${source.line}` : ''}`) : null;
function calls(c) {
    return `${c.base_calls} → ${c.head_calls} calls`;
}
function item(change, links, limit) {
    const at = where(change.source);
    const name = code(change.name);
    const head = `${name}${at ? ` (${linked(at, change.source, change.side, links)})` : ''}`;
    const inner = change.mostly_in
        ? `, mostly in ${linked(code(change.mostly_in.name), change.mostly_in.source, change.side, links)}`
        : '';
    const via = change.via.length ? `, via ${change.via.map(code).join(' ← ')}` : '';
    const shown = change.callers.slice(0, limit).map((caller) => {
        const lines = caller.lines.map((line) => linked(`line ${line}`, { path: caller.path, line }, caller.side, links));
        const count = caller.base_calls === caller.head_calls ? '' : ` ${calls(caller).replace(' calls', '')}`;
        return `${code(caller.module)}${count}${lines.length ? ` (${lines.join(', ')})` : ''}`;
    });
    const more = change.callers.length - shown.length;
    const modules = change.callers.length;
    const from = modules
        ? `; ${code(change.called_as)} is called at import by ${modules} module${modules > 1 ? 's' : ''}: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`
        : '';
    return `- ${head}: **${signedMs(change.profiled_delta_ms)}**, ${calls(change)}${via}${inner}${from}`;
}
function functionsCalledAtImport(view, limit, links) {
    const out = [];
    for (const { target, changes } of view.functions) {
        if (view.functions.length > 1)
            out.push(`**${code(target)}**`, '');
        out.push(...changes.slice(0, limit).map((c) => item(c, links, Math.min(limit, 5))), '');
    }
    if (!out.length)
        return [];
    return [
        '#### Functions called at import',
        '',
        ...out,
        '<sub>Functions that modules both sides load now call a different number of times during the import, and the module code that leads to them. Times are from one cProfile run per side, which slows Python code: they show the size of a cause, not a measurement.</sub>',
    ];
}
/**
 * A module name in code, linked to its file (at the line that imports the next
 * link of its chain, when known) on the commit that has it.
 */
function moduleLinker(view, links) {
    return (target, module) => {
        const source = view.sources[target]?.[module];
        if (!source)
            return code(module);
        return linked(code(module), { path: source.path, line: source.line }, source.side, links);
    };
}

/**
 * How an importer keeps a module from loading at import, the words both
 * directions share: what head does to a module no longer imported, what base
 * did to one now imported.
 */
const KEPT_FROM_LOADING = {
    'lazy-statement': (code) => `declared lazy by ${code('lazy import')}`,
    'lazy-modules': (code) => `declared lazy in ${code('__lazy_modules__')}`,
    'module-getattr': (code) => `loaded on first attribute access (module ${code('__getattr__')})`,
    'type-checking': (code) => `imported only under ${code('if TYPE_CHECKING:')}`,
};
/**
 * The mechanism as a phrase: `code` renders a name or keyword (measured
 * code's names included), `at` is the place already rendered.
 */
function mechanismText(how, at, code) {
    switch (how.mechanism) {
        case 'function':
            return `import moved into ${code(`${how.function ?? '?'}()`)} at ${at}`;
        case 'import-removed':
            return `its import at ${at} in base was removed`;
        case 'import-added':
            return `imported at ${at}, an import new in head${elsewhereText(how, code)}`;
        case 'made-eager':
            return `imported at module level at ${at}; in base ${beforeText(how, code)}`;
        case 'lazy-statement':
        case 'lazy-modules':
        case 'module-getattr':
        case 'type-checking':
            return `${KEPT_FROM_LOADING[how.mechanism](code)} at ${at}`;
    }
}
/**
 * Where another module of base had the import, for one new in head's importer:
 * "; in base it was imported only inside `main()`, in `app.cli` at `src/app/cli.py:12`".
 */
function elsewhereText(how, code) {
    const b = how.before;
    if (!b?.importer)
        return '';
    const place = b.path ? code(`${b.path}:${b.line}`) : `line ${b.line}`;
    const where = `in ${code(b.importer)} at ${place}`;
    if (b.mechanism === 'function')
        return `; in base it was imported only inside ${code(`${b.function ?? '?'}()`)}, ${where}`;
    if (b.mechanism in KEPT_FROM_LOADING)
        return `; in base it was ${KEPT_FROM_LOADING[b.mechanism](code)}, ${where}`;
    return '';
}
/** What base's importer did instead, for a module made eager: "it was declared lazy by `lazy import` at line 3". */
function beforeText(how, code) {
    const before = how.before;
    if (!before)
        return 'it was not loaded';
    const line = `at line ${before.line}`;
    if (before.mechanism === 'function')
        return `the import was inside ${code(`${before.function ?? '?'}()`)} ${line}`;
    if (before.mechanism in KEPT_FROM_LOADING)
        return `it was ${KEPT_FROM_LOADING[before.mechanism](code)} ${line}`;
    return 'it was not loaded';
}
/**
 * The place as plain text: `src/pkg/a.py:3`, or for a dependency's file (no
 * path in the checkout) the importer's module and line, "rich.console line 3";
 * `code` renders the file or module.
 */
function mechanismPlace(how, code = (t) => t) {
    return how.path ? code(`${how.path}:${how.line}`) : `${code(how.importer)} line ${how.line}`;
}

/** In the comment: the phrase with its line linked to the commit that has it. */
function mechanismLinked(how, links) {
    const place = how.path
        ? linked(code(mechanismPlace(how)), { path: how.path, line: how.line }, how.side, links)
        : mechanismPlace(how, code);
    return mechanismText(how, place, code);
}

// The markdown report's sections about the run itself: what the verdict cost,
// how it was measured, and why nothing was measured. Pure.
/** "main at `1a2b3c4d5e6f`", or just the short SHA when the ref is the SHA. */
function commit(c) {
    const short = c.sha ? code(c.sha.slice(0, 12)) : '–';
    return c.sha && c.ref === c.sha ? short : `${code(c.ref)} at ${short}`;
}
const pctLevel = (alpha) => `${Math.round((1 - 2 * alpha) * 1000) / 10}%`;
/** The footer under the details: what the verdict cost. */
function cost(view) {
    const text = costText(view);
    return text ? [`<sub>${text.charAt(0).toUpperCase()}${text.slice(1)}.</sub>`] : [];
}
/** How the rounds shared the cores: one core a round, or not pinned (and nothing for older documents). */
function pinnedText(cores, sideBySide, rounds) {
    if (cores === undefined)
        return '';
    if (cores === null)
        return ', not pinned to a core';
    const oneCore = `all runs of a round on one core, cores ${cores.join(', ')} in turn`;
    if (!sideBySide)
        return `, ${oneCore}`;
    // "0 of the 20 rounds ran 2 at a time ... while nothing else used the CPUs" read as a fault.
    if (sideBySide.rounds === 0)
        return `, ${oneCore}; every round ran alone, as other work was using the CPUs (rounds run ${sideBySide.most} at a time, each on its own core, only while nothing else does)`;
    return `, ${oneCore}; ${sideBySide.rounds} of the ${rounds} rounds ran ${sideBySide.most} at a time, each on its own core, while nothing else used the CPUs`;
}
/** Who ran the measured code, and what was left out when it was importgate's own user. */
function boundaryLine(boundary) {
    if (!boundary)
        return [];
    if (boundary.user)
        return [
            `- The measured code (its install included) ran as the user ${code(boundary.user)}: it could not read importgate's environment or files, nor signal its processes.`,
        ];
    return [
        `- ⚠️ No boundary: ${plain(boundary.missing ?? '')}. It could have read what importgate's user may read; the token stayed out of its environment (docs/robustness.md).`,
    ];
}
/**
 * The settings the registry marks as shown that this run set otherwise than
 * their defaults, as `name` = value (in the results' units).
 */
function settingsLine(settings) {
    const recorded = settings;
    const set = SETTINGS.flatMap((spec) => {
        if (!spec.shown || !spec.json)
            return [];
        const value = recorded[spec.json.key];
        const byDefault = typeof spec.default === 'number' ? spec.default / (spec.json.per ?? 1) : spec.default;
        if (value === undefined || JSON.stringify(value) === JSON.stringify(byDefault))
            return [];
        return [
            `${code(spec.name)} = ${code(typeof value === 'string' ? value : JSON.stringify(value))}`,
        ];
    });
    return set.length ? [`- Set otherwise than by default: ${set.join(', ')}.`] : [];
}
function methodology(view) {
    const { run } = view;
    const s = run.settings;
    const sha = (x) => (x ? code(x.slice(0, 12)) : '–');
    const compare = view.command === 'compare';
    const proved = view.proofs.filter((p) => p.decided).map((p) => code(p.target));
    const proof = view.proofs.length
        ? [
            `- The proof came first: each side's import ran twice under a tracer (every line it runs in the files that differ, every module with its file, every path its code opens, lists or looks up), then the two sides were compared with the installed distributions; ${proved.length ? `it decided ${proved.join(', ')} without timing` : 'it decided no target'}. What it checks and what it cannot see: docs/statistics.md, "Which path decides".`,
        ]
        : [];
    const allProved = view.rows.length > 0 && view.rows.every((r) => r.proved);
    const lines = [
        ...proof,
        ...(allProved
            ? []
            : [
                `- ${countOf(run.rounds, 'interleaved round')}${pairsNote(view)} after ${warmupsRun(run.warmupRounds, s.warmups)} warm-up round${s.warmups === 1 ? '' : 's'}; every sample a fresh interpreter timing the import alone; ${compare ? 'base and head' : 'targets'} alternate in a random order each round (seed ${String(s.seed)})${pinnedText(run.pinnedCores, run.sideBySide, run.rounds)}.`,
                compare
                    ? `- Decided by a sequential test on the median of paired log-ratios (a confidence sequence from the pairs' signs, which holds however often it looks and assumes nothing of the spread): a regression (mirrored, an improvement) needs its ${pctLevel(s.alpha)} interval above half the band and its estimate past the band, a pass needs its 90% interval inside the band, where the band is ±${String(s.threshold_pct)}% or ±${String(s.min_delta_ms)} ms, whichever is wider; sampling stops at a decision.`
                    : '- Spread is the interquartile range of the samples.',
            ]),
        '- Module own times come from untimed `-X importtime` runs with the cyclic garbage collector off (a collection that happens to run in a module is not charged to it) and with `importlib.import_module` sent through the import that `-X importtime` logs.',
        `- Python ${plain(run.python.split(' ')[0] ?? run.python)} on ${plain(run.platform)}; install: ${code(String(s.install))}.`,
        ...settingsLine(s),
        ...boundaryLine(run.boundary),
        run.base
            ? `- Base ${commit(run.base)}, head ${commit(run.head)}.`
            : `- Working tree at ${sha(run.head.sha)}${run.head.dirty ? ' with uncommitted changes' : ''}.`,
        `- ${run.durationS.toFixed(1)} s in all${run.phases ? ` (${run.phases})` : ''}; importgate ${run.version}.${run.truncated ? ' The time budget ended sampling before the minimum number of pairs.' : ''}`,
    ];
    return ['<details><summary>How this was measured</summary>', '', ...lines, '', '</details>'];
}
/** Why nothing was measured: the changed files, none matching `affects`. */
function skipped(view) {
    const s = view.skipped;
    const more = s.count - s.files.length;
    const files = s.files.map(code).join(', ') + (more > 0 ? ` and ${more} more` : '');
    return `Changed: ${files}. None matches \`affects\` (${s.affects.map(code).join(', ')}), and each is documentation, CI or editor settings, an image or a test, which no import reads; so nothing was installed or measured; importgate ${view.run.version}, ${view.run.durationS.toFixed(1)} s.`;
}

// The sections of the markdown report about the measurements, each from the
// view model. Pure. The run's own sections (what it cost, how it measured,
// why it skipped) are in markdown-footer.ts.
function headline(view) {
    return `### ${rich(view.headline)}`;
}
/** The row's target, with the metric named when it is not the primary one. */
const rowName = (r) => r.suffix ? `${code(r.target)} · ${plain(r.suffix)}` : code(r.target);
/** A gating row shows the target's verdict; a reported-only row what its statistics say. */
function verdictCell(r) {
    if (!r.gating)
        return `ℹ️ ${reportedOnly(r)}`;
    return (VERDICT_LABEL[r.verdict] +
        (r.isNew ? ' (new target)' : r.isGone ? ' (removed in head, no longer a target)' : ''));
}
function deltaTable(view) {
    if (view.command === 'measure') {
        const rows = view.rows.map((r) => [
            rowName(r),
            r.head ? formatValue(r.unit, r.head.median) : '–',
            r.head ? `${formatValue(r.unit, r.head.q1)} – ${formatValue(r.unit, r.head.q3)}` : '–',
            r.head ? String(r.head.moduleCount) : '–',
            verdictCell(r),
        ]);
        const text = table(['Target', 'Median', 'IQR', 'Modules', 'Verdict'], rows, [
            'l',
            'r',
            'r',
            'r',
            'l',
        ]);
        return withCountedNotes(text, view);
    }
    const interval = intervalColumn(view.rows);
    const rows = view.rows.map((r, i) => {
        const change = interval.cells[i];
        return [
            rowName(r),
            r.base ? formatValue(r.unit, r.base.median) : '–',
            r.head ? formatValue(r.unit, r.head.median) : '–',
            change?.delta ?? (r.proved ? 'none (proof)' : '–'),
            change ? signedPct(change.pct) : '–',
            change ? interval.text(change) : '–',
            verdictCell(r),
        ];
    });
    const text = table(['Target', 'Base', 'Head', 'Δ', 'Δ %', interval.header, 'Verdict'], rows, [
        'l',
        'r',
        'r',
        'r',
        'r',
        'r',
        'l',
    ]);
    // Δ is estimated from the pairs, not from the medians; say so where they disagree.
    const odd = view.rows.filter((r) => {
        if (!r.delta || !r.base || !r.head)
            return false;
        const medians = r.head.median - r.base.median;
        return medians !== 0 && r.delta.ms !== 0 && Math.sign(medians) !== Math.sign(r.delta.ms);
    });
    if (!odd.length)
        return withCountedNotes(text, view);
    return `${withCountedNotes(text, view)}\n\n<sub>Δ is the median of the paired differences (Hodges-Lehmann), not the difference of the medians; for ${odd.map((r) => code(r.target)).join(', ')} the two point different ways, which happens when the change is within the noise.</sub>`;
}
/** The counted rows' footnotes under the table, when there are any. */
function withCountedNotes(text, view) {
    const notes = [
        ...stateNotes(view.rows, view.run.settings.cold_method).map((n) => `<sub>${plain(n)}</sub>`),
        ...countedNotes(view.rows).map((n) => `<sub>${code(n.target)} · ${plain(n.label)}: ${plain(n.parts.join('; '))}</sub>`),
    ];
    return notes.length ? `${text}\n\n${notes.join('<br>\n')}` : text;
}
const plainModule = (_, module) => code(module);
function moduleChangeItems(view, limit, name, links) {
    const { target, eager } = view;
    const via = (chain) => chain.map((m) => name(target, m)).join(' → ');
    const lines = capped(view.groups, limit, ({ lead, more }) => {
        const withMore = more ? `, with ${more} module${more > 1 ? 's' : ''} it imports` : '';
        const how = lead.how ? `: ${mechanismLinked(lead.how, links)}` : '';
        return eager
            ? `- ${code(lead.name)} is now imported by ${code(target)} (${signedMs(lead.cumulative_ms)}), via ${via(lead.chain)}${withMore}${how}`
            : `- ${code(lead.name)} is no longer imported by ${code(target)} (${signedMs(-lead.cumulative_ms)})${withMore}${how}; base imported it via ${via(lead.chain)}`;
    });
    const n = view.aliases;
    if (n)
        lines.push(`- ${aliasText(n, eager)}`);
    return lines;
}
function moduleChanges(view, limit, name = plainModule, links) {
    const lines = view.moduleChanges.flatMap((l) => moduleChangeItems(l, limit, name, links));
    if (!lines.length)
        return [];
    return [
        '#### Modules now imported or no longer imported',
        '',
        ...lines,
        '',
        '<sub>Times are cumulative `-X importtime` times of the module and what it imports.</sub>',
    ];
}
/** "with `rich`": the cause above that brought the package in (or dropped it). */
function whyCell(r) {
    return r.cause ? packageCauseText(r, r.cause, code) : '';
}
/**
 * Own time by top-level package: the project's own first, then the largest
 * changes, each new or dropped package with the cause that explains it. `which`:
 * the first target's table (shown), the others' (in the details), or all.
 */
function byPackage(view, limit, which = 'all') {
    const out = [];
    const tables = which === 'first'
        ? view.packages.slice(0, 1)
        : which === 'rest'
            ? view.packages.slice(1)
            : view.packages;
    const named = which !== 'first' || view.packages.length > 1;
    for (const { target, rows } of tables) {
        const ms = (x) => (x === null ? '–' : formatMs(x));
        const shown = rows.slice(0, limit);
        // The Why column only where some row has a cause to name.
        const why = shown.some((r) => r.cause);
        const table_ = table(['Package', 'Base', 'Head', 'Δ', 'Modules', ...(why ? ['Why'] : [])], shown.map((r) => [
            code(r.name) + (r.own ? ' (this project)' : ''),
            ms(r.base_self_ms),
            ms(r.head_self_ms),
            signedMs(r.delta_ms) + (r.notable === false ? ' (noise)' : ''),
            r.base_modules === r.head_modules
                ? String(r.head_modules)
                : `${r.base_modules} → ${r.head_modules}`,
            ...(why ? [whyCell(r)] : []),
        ]), ['l', 'r', 'r', 'r', 'r', 'l']);
        if (out.length)
            out.push('');
        if (named)
            out.push(`**${code(target)}**`, '');
        out.push(table_);
        const more = rows.length - shown.length;
        if (more > 0)
            out.push('', `… and ${more} more package${more > 1 ? 's' : ''}`);
    }
    if (!out.length)
        return [];
    const heading = which === 'rest' ? '#### Own time by package, other targets' : '#### Own time by package';
    return [
        heading,
        '',
        ...out,
        '',
        '<sub>Own time of each package\'s modules together: sums of `-X importtime` own times (median of the untimed runs per module), which run slower than the timed samples. "with `x`": loaded along with the cause `x` above. Packages that changed by less than 1 ms, or by no more than their modules\' own times spread over the untimed runs (or with fewer than 3 such runs a side, too few to know that spread), are left out as noise; the project\'s own row stays, its change marked "(noise)".</sub>',
    ];
}
function whereTimeWent(view, limit, name = plainModule) {
    const out = [];
    for (const { target, changes } of view.selfTime) {
        const ms = (x) => (x === null ? '–' : formatMs(x));
        const rows = changes
            .slice(0, limit)
            .map((c) => [
            name(target, c.name),
            ms(c.base_self_ms),
            ms(c.head_self_ms),
            signedMs(c.delta_ms),
            c.noise_ms === undefined || c.noise_ms === null ? '–' : `±${formatMs(c.noise_ms)}`,
        ]);
        if (out.length)
            out.push('');
        out.push(`**${code(target)}**: own (self) time by module, largest changes first`, '', table(['Module', 'Base', 'Head', 'Δ', 'Runs spread'], rows, ['l', 'r', 'r', 'r', 'r']));
    }
    if (!out.length)
        return [];
    return [
        '#### Where the time went',
        '',
        ...out,
        '',
        '<sub>A module both sides load is listed only when its change is larger than the spread of its own time over the untimed runs of both sides.</sub>',
    ];
}
function slowest(view, limit) {
    const out = [];
    for (const { target, modules } of view.slowest) {
        const rows = modules
            .slice(0, limit)
            .map((m) => [
            code(m.name),
            formatMs(m.self_ms),
            formatMs(m.cumulative_ms),
            m.chain.length > 1 ? chain(m.chain.slice(0, -1)) : '(the target)',
        ]);
        if (out.length)
            out.push('');
        out.push(`**${code(target)}**`, '', table(['Module', 'Self', 'Cumulative', 'Imported through'], rows, ['l', 'r', 'r', 'l']));
    }
    if (!out.length)
        return [];
    return [
        '#### Slowest modules',
        '',
        ...out,
        '',
        '<sub>Median of untimed `-X importtime` runs, which run slower than the timed samples.</sub>',
    ];
}
function moduleCounts(view) {
    const rows = view.moduleCounts.map(({ target, base: b, head: h }) => {
        const delta = b ? h.module_count - b.module_count : null;
        return [
            code(target),
            b ? String(b.module_count) : '–',
            String(h.module_count),
            delta === null ? '–' : signedCount(delta),
            b ? `${b.package_module_count} → ${h.package_module_count}` : String(h.package_module_count),
        ];
    });
    if (!rows.length)
        return [];
    if (view.command === 'measure') {
        const measured = rows.map((r) => [r[0], r[2], r[4]]);
        return [
            '#### Modules loaded',
            '',
            table(['Target', 'Modules', 'Own package'], measured, ['l', 'r', 'r']),
        ];
    }
    return [
        '#### Modules loaded',
        '',
        table(['Target', 'Base', 'Head', 'Δ', 'Own package'], rows, ['l', 'r', 'r', 'r', 'r']),
    ];
}

const and = (items) => items.length <= 2
    ? items.join(' and ')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
/** ", in `a` and `b`" when the comparison has more than one target. */
function inTargets(view, targets) {
    const compared = new Set(view.rows.map((r) => r.target)).size;
    return compared > 1 ? `, in ${and(targets.map(code))}` : '';
}
/** How the first lead stopped being imported: ` (declared lazy by …)`. */
const how = (cause, links) => cause.how ? ` (${mechanismLinked(cause.how, links)})` : '';
function moduleItem(view, cause, name, links) {
    const [first] = cause.chains;
    const importers = cause.importers.slice(0, 2).map((m) => name(first?.target ?? '', m));
    const more = cause.importers.length - importers.length;
    const who = importers.length
        ? `${and(importers)}${more > 0 ? ` and ${more} more` : ''} ${cause.eager ? 'now import' : 'no longer import'}${importers.length + Math.max(0, more) > 1 ? '' : 's'} `
        : cause.eager
            ? 'Now imported: '
            : 'No longer imported: ';
    // The figures of the first target it affects (the report's order), like the headline's.
    const { ms, modules } = cause.perTarget[cause.targets[0]] ?? cause;
    const count = `${modules} module${modules > 1 ? 's' : ''}`;
    return `- ${who}**${rich(leadsText(cause))}**${how(cause, links)}: ${signedMs(ms)}, ${count}${inTargets(view, cause.targets)}`;
}
function functionItem(view, cause, links) {
    const c = cause.change;
    const defined = linked(code(c.name), c.source, c.side, links);
    const via = c.via.length ? `, via ${code(c.called_as)}` : '';
    const shown = c.callers.slice(0, 2).map((caller) => {
        const line = caller.lines[0];
        const at = line
            ? ` (${linked(`line ${line}`, { path: caller.path, line }, caller.side, links)})`
            : '';
        return `${code(caller.module)}${at}`;
    });
    const more = c.callers.length - shown.length;
    const from = shown.length
        ? `; called at import by ${shown.join(', ')}${more > 0 ? ` and ${more} more module${more > 1 ? 's' : ''}` : ''}`
        : '';
    return `- **${defined}** ${c.base_calls} → ${c.head_calls} calls at import (${signedMs(c.profiled_delta_ms)} in a profiled run)${via}${from}${inTargets(view, cause.targets)}`;
}
/** The causes, most important first: new or dropped imports, then functions. */
function why(view, limit, name, links) {
    // In the view's order (the headline's cause first), modules and functions capped apart.
    let modules = 0;
    let functions = 0;
    const lines = [];
    for (const cause of view.causes) {
        if (cause.kind === 'module' && modules++ < limit)
            lines.push(moduleItem(view, cause, name, links));
        if (cause.kind === 'function' && functions++ < Math.min(3, limit))
            lines.push(functionItem(view, cause, links));
    }
    if (modules > limit)
        lines.push(`- … and ${modules - limit} more, in the details below`);
    const rest = unexplained(view);
    // The headline named the own time: it leads here too.
    if (rest && view.ownTimeLeads)
        lines.unshift(rest);
    else if (rest)
        lines.push(rest);
    if (!lines.length)
        return [];
    return ['#### Why', '', ...lines];
}
/**
 * When the new and dropped imports account for under half of the main
 * target's change, what else moved: own time of packages both sides load (a
 * −1.04 s improvement once listed causes adding up to a tenth of it, and
 * nothing said what the rest was).
 */
function unexplained(view) {
    const [main] = view.packages;
    const row = view.rows.find((r) => r.primary && r.target === main?.target);
    if (!main || !row?.delta || row.verdict === 'pass')
        return null;
    const imports = view.causes
        .filter((c) => c.kind === 'module')
        .reduce((sum, c) => sum + (c.perTarget[main.target]?.ms ?? 0), 0);
    const change = row.delta.ms;
    if (Math.abs(imports) >= Math.abs(change) / 2)
        return null;
    const moved = main.rows
        .filter((r) => !r.cause && r.base_self_ms !== null && r.head_self_ms !== null)
        .filter((r) => r.notable !== false && Math.abs(r.delta_ms) >= 1)
        .filter((r) => Math.sign(r.delta_ms) === Math.sign(change))
        .slice(0, 3);
    if (!moved.length)
        return null;
    const named = moved
        .map((r) => `${code(r.name)}${r.own ? ' (this project)' : ''} ${signedMs(r.delta_ms)}`)
        .join(', ');
    const share = imports === 0 ? 'none' : signedMs(imports);
    return `- New or dropped imports account for ${share} of ${code(main.target)}'s ${signedMs(change)}; the rest is own time of modules both sides load: ${named} (untimed \`-X importtime\` runs)`;
}
/** A dotted edge's words: how the import went, when known (plain words: Mermaid reads the label). */
function edgeWords(cause) {
    switch (cause.how?.mechanism) {
        case 'lazy-statement':
        case 'lazy-modules':
            return 'declared lazy';
        case 'function':
            return 'moved into a function';
        case 'module-getattr':
            return 'on first attribute access';
        case 'type-checking':
            return 'type checking only';
        case 'import-removed':
            return 'import removed';
        default:
            return 'no longer imported';
    }
}
/** A Mermaid node label: module names only, nothing Mermaid could read as syntax. */
const label = (module) => module.replace(/[^\w.-]/g, '_');
/**
 * The imports that became eager (thick) or are no longer made (dotted), from each target to
 * each cause, labelled with their cost; intermediate modules between a target
 * and the module that imports the cause are folded into one dotted step.
 */
function importGraph(view, limit) {
    const modules = view.causes.filter((c) => c.kind === 'module').slice(0, limit);
    if (!modules.length)
        return [];
    const ids = new Map();
    const node = (module) => {
        let id = ids.get(module);
        if (!id) {
            id = `m${ids.size}`;
            ids.set(module, id);
            return `${id}["${label(module)}"]`;
        }
        return id;
    };
    const edges = new Set();
    const lines = [];
    const add = (line, key) => {
        if (edges.has(key))
            return;
        edges.add(key);
        lines.push(`  ${line}`);
    };
    for (const cause of modules) {
        // One target's chains: the others' differ only in their start, folded above.
        for (const { target, chain } of cause.chains) {
            const lead = chain[chain.length - 1];
            if (!cause.leads.slice(0, 2).includes(lead))
                continue;
            const importer = chain[chain.length - 2] ?? target;
            if (importer !== target && chain.length > 2) {
                const direct = chain.length === 3;
                add(`${node(target)} ${direct ? '-->' : '-. … .->'} ${node(importer)}`, `${target}>${importer}`);
            }
            const { ms } = cause.chains.find((c) => c.target === target && c.chain === chain);
            const edge = cause.eager
                ? `== "${signedMs(ms)}" ==>`
                : `-. "${signedMs(ms)}, ${edgeWords(cause)}" .->`;
            add(`${node(importer)} ${edge} ${node(lead)}`, `${importer}>${lead}`);
        }
    }
    return ['```mermaid', 'flowchart LR', ...lines, '```'];
}

// The installed distributions that differ between base and head: one line
// above the details, the table in them. Pure.
function dependencies(view, limit) {
    const changed = view.dependencies;
    if (!changed.length)
        return [];
    const rows = changed
        .slice(0, limit)
        .map((d) => [code(d.name), d.base ? code(d.base) : '–', d.head ? code(d.head) : '–']);
    const more = changed.length > limit ? [`… and ${changed.length - limit} more`] : [];
    return [
        '#### Dependency changes',
        '',
        table(['Package', 'Base', 'Head'], rows, ['l', 'l', 'l']),
        ...more,
    ];
}
/**
 * The installed distributions that changed, in one line above the details: in
 * a pull request that bumps a dependency it is the cause of the causes
 * (httpx 0.27.2 → 0.28.1 stopped importing httpcore at import).
 */
function dependencyLine(view) {
    const changed = view.dependencies;
    if (!changed.length || view.command === 'measure')
        return [];
    const shown = changed
        .slice(0, 6)
        .map((d) => d.base === null
        ? `+ ${code(d.name)} ${code(d.head)}`
        : d.head === null
            ? `− ${code(d.name)} ${code(d.base)}`
            : `${code(d.name)} ${code(d.base)} → ${code(d.head)}`);
    const more = changed.length > shown.length ? `, and ${changed.length - shown.length} more` : '';
    return [`**Dependencies**: ${shown.join(', ')}${more}`];
}

// The markdown for PEP 810's lazy imports (Python 3.15+): declared-lazy
// imports the import loaded anyway, where a reviewer sees them, and in the
// details the headroom with every import lazy and the lines that could be. Pure.
const at = (place) => code(`${place.file}:${place.line}`);
/** Declared lazy, loaded anyway: the author believes it lazy, and it is not. */
function loadedAnyway(view, cap) {
    const found = view.lazyImports.flatMap((item) => item.lazy.loaded_anyway.map((l) => ({ target: item.target, l })));
    if (!found.length)
        return [];
    const enforced = view.run.settings.enforce_lazy === true;
    const lines = capped(found, cap, ({ target, l }) => `- ${code(target)}: ${code(l.module)} is declared lazy at ${at(l)}, but the import loads it anyway` +
        (l.loaded_at ? `, first needed at ${at(l.loaded_at)}` : ''));
    return enforced
        ? [
            '#### ⛔ Declared lazy, loaded anyway (PEP 810): `enforce-lazy` fails the check',
            '',
            ...lines,
        ]
        : [
            '#### ⚠️ Declared lazy, loaded anyway (PEP 810)',
            '',
            ...lines,
            '',
            '<sub>A warning: `enforce-lazy = true` under `[tool.importgate]` (or the action input `enforce-lazy`) makes it fail the check.</sub>',
        ];
}
/** The headroom with every import lazy, and the project's lines whose modules nothing needed. */
function lazyHeadroom(view, cap) {
    if (!view.lazyImports.length)
        return [];
    const out = ['#### Lazy imports (Python 3.15, PEP 810)', ''];
    for (const item of view.lazyImports) {
        const all = item.lazy.all_lazy_ms;
        out.push(`${code(item.target)}: with every import lazy, ${allLazyText(all, item.headMs)} (one untimed run).`);
        const floor = view.run.settings.min_delta_ms;
        const suggestions = lazySuggestions(item.lazy, floor);
        const small = item.lazy.never_needed.length - worthSuggesting(item.lazy, floor).length;
        const statements = (item.lazy.form ?? 'statement') === 'statement';
        if (suggestions.length) {
            out.push('', statements
                ? 'Nothing needed these during the import; each line could be lazy:'
                : "Nothing needed these during the import. The project's `requires-python` admits Pythons before 3.15, so each module's `__lazy_modules__` (which they ignore) is the way to make them lazy:", '');
            out.push(...capped(suggestions, cap, (s) => {
                const where = statements
                    ? `at ${at({ file: s.file, line: s.lines[0] })}`
                    : `in ${code(s.file)}, for line${s.lines.length > 1 ? 's' : ''} ${s.lines.join(', ')}`;
                const cost = s.ms === null ? '' : ` (${profiledCost(s.ms, item.profileMs, formatMs)})`;
                return `- ${code(s.text)} ${where}${cost}`;
            }));
        }
        if (small)
            out.push('', `<sub>${small} more line${small > 1 ? 's' : ''} whose modules cost under ${formatMs(floor)} (\`min-delta\`) could be lazy too; the results file lists them.</sub>`);
        out.push('');
    }
    return out.slice(0, -1);
}

// The markdown report: PR comment, job summary and --markdown. Pure.
/** GitHub refuses comments over 65,536 characters; the action adds its marker and footer. */
const MARKDOWN_LIMIT = 60_000;
/** List lengths tried in turn until the report fits. */
const CAPS = [30, 15, 8, 4, 2];
/**
 * What a reviewer reads first stays above the first <details>: the verdict, its
 * size and how sure, what the gate found, the causes with their lines, a graph
 * of them and the roll-up by package. Everything else is one click away.
 */
function render(doc, cap, links) {
    if (doc.skipped)
        return `${[headline(doc), ...configChanges(doc), skipped(doc)].join('\n\n')}\n`;
    const name = moduleLinker(doc, links);
    const details = [
        moduleChanges(doc, cap, name, links),
        lazyHeadroom(doc, Math.min(cap, 10)),
        functionsCalledAtImport(doc, Math.min(cap, 5), links),
        byPackage(doc, Math.min(cap, 8), rollupWorthShowing(doc) ? 'rest' : 'all'),
        whereTimeWent(doc, Math.min(cap, 10), name),
        slowest(doc, Math.min(cap, 10)),
        moduleCounts(doc),
        dependencies(doc, cap),
    ].filter((p) => p.length);
    const parts = [
        [headline(doc)],
        configChanges(doc),
        [deltaTable(doc)],
        proofs(doc),
        errors(doc),
        shortfalls(doc),
        forbidden(doc, cap),
        budgets(doc),
        watched(doc),
        gaps(doc),
        loadedAnyway(doc, Math.min(cap, 10)),
        why(doc, Math.min(cap, 5), name, links),
        dependencyLine(doc),
        importGraph(doc, Math.min(cap, 4)),
        // Only the project's own row, on an unchanged import: nothing for a reviewer yet.
        rollupWorthShowing(doc) ? byPackage(doc, Math.min(cap, 6), 'first') : [],
        // measure has no causes to lead with: its slowest modules are the report.
        ...(doc.command === 'measure' ? details : details.length ? [collapsed(details)] : []),
        methodology(doc),
        cost(doc),
    ];
    return `${parts
        .filter((p) => p.length)
        .map((p) => p.join('\n'))
        .join('\n\n')}\n`;
}
/** The roll-up earns its place above the details when some package other than the project's moved. */
function rollupWorthShowing(doc) {
    return doc.packages.some((p) => p.rows.some((r) => !r.own));
}
/** The details, one click away: full chains, functions, modules, other targets, dependencies. */
function collapsed(sections) {
    return [
        '<details><summary>Details: import chains, functions, own time by module, modules loaded, dependencies</summary>',
        '',
        sections.map((p) => p.join('\n')).join('\n\n'),
        '',
        '</details>',
    ];
}
/** The markdown report, laid out from the view model (built once per report by the caller). */
function markdownOfView(doc, limit = MARKDOWN_LIMIT, options = {}) {
    const links = options.repoUrl
        ? {
            repoUrl: options.repoUrl.replace(/\/+$/, ''),
            sha: { base: doc.run.base?.sha ?? null, head: doc.run.head.sha },
        }
        : undefined;
    for (const cap of CAPS) {
        const text = render(doc, cap, links);
        if (text.length <= limit)
            return text;
    }
    const notice = '\n\n… (report cut to fit; the full results are in the uploaded JSON)\n';
    const text = render(doc, CAPS[CAPS.length - 1], links);
    const cut = text.lastIndexOf('\n', limit - notice.length);
    return text.slice(0, cut > 0 ? cut : limit - notice.length) + notice;
}

var $schema = "http://json-schema.org/draft-07/schema#";
var $id = "https://github.com/importgate/importgate/results.schema.json";
var title = "importgate results, schema 1";
var description = "Written by importgate compare and measure (--json), uploaded by the action. Fields are only added within schema 1: what is required here has been written since the first release; readers must accept fields they do not know.";
var type = "object";
var required = [
	"schema",
	"tool",
	"command",
	"verdict",
	"python",
	"platform",
	"base",
	"head",
	"settings",
	"rounds",
	"truncated",
	"started_at",
	"duration_s",
	"targets"
];
var properties = {
	schema: {
		"const": 1
	},
	tool: {
		type: "object",
		required: [
			"name",
			"version"
		],
		properties: {
			name: {
				"const": "importgate"
			},
			version: {
				type: "string"
			}
		}
	},
	command: {
		"enum": [
			"measure",
			"compare"
		]
	},
	verdict: {
		$ref: "#/definitions/verdict"
	},
	python: {
		type: "string"
	},
	platform: {
		type: "string"
	},
	base: {
		oneOf: [
			{
				type: "null"
			},
			{
				$ref: "#/definitions/commit"
			}
		]
	},
	head: {
		$ref: "#/definitions/commit"
	},
	settings: {
		type: "object",
		properties: {
			install: {
				type: "string"
			},
			python: {
				type: "string"
			},
			project_dir: {
				type: "string"
			},
			cold_method: {
				"enum": [
					"drop-caches",
					"sudo-drop-caches",
					"fadvise"
				]
			},
			min_pairs: {
				type: "integer",
				minimum: 1,
				maximum: 100000
			},
			max_pairs: {
				type: "integer",
				minimum: 1,
				maximum: 100000
			},
			max_time_s: {
				type: "number",
				exclusiveMinimum: 0,
				maximum: 86400
			},
			overtime_s: {
				type: "number",
				minimum: 0,
				maximum: 86400
			},
			proof: {
				type: "boolean"
			},
			sample_timeout_s: {
				type: "number",
				exclusiveMinimum: 0,
				maximum: 86400
			},
			warmups: {
				type: "integer",
				minimum: 0,
				maximum: 100
			},
			profile_runs: {
				type: "integer",
				minimum: 0,
				maximum: 100
			},
			seed: {
				type: "integer",
				minimum: 0
			},
			max_modules: {
				type: [
					"integer",
					"null"
				],
				minimum: 1
			},
			forbid: {
				type: "array",
				items: {
					type: "string"
				}
			},
			enforce_lazy: {
				type: "boolean"
			},
			budgets_ms: {
				type: "object",
				additionalProperties: {
					type: "number"
				}
			},
			metrics: {
				type: "array",
				items: {
					$ref: "#/definitions/metric"
				}
			},
			cache: {
				type: "array",
				items: {
					"enum": [
						"warm",
						"no-pyc",
						"cold"
					]
				}
			},
			threshold_pct: {
				type: "number",
				minimum: 0
			},
			min_delta_ms: {
				type: "number",
				minimum: 0,
				maximum: 86400000
			},
			undecided: {
				"enum": [
					"warn",
					"fail"
				]
			},
			instructions_threshold_pct: {
				type: "number",
				exclusiveMinimum: 0
			},
			alpha: {
				type: "number",
				exclusiveMinimum: 0,
				exclusiveMaximum: 0.5
			},
			affects: {
				type: "array",
				items: {
					type: "string"
				}
			}
		}
	},
	skipped: {
		type: "object",
		required: [
			"reason",
			"changed_count",
			"changed_files"
		],
		properties: {
			reason: {
				"const": "no-affecting-change"
			},
			changed_count: {
				type: "integer",
				minimum: 0
			},
			changed_files: {
				type: "array",
				items: {
					type: "string"
				}
			}
		}
	},
	config_changes: {
		type: "array",
		items: {
			type: "object",
			required: [
				"key",
				"base",
				"head"
			]
		}
	},
	deps: {
		oneOf: [
			{
				type: "null"
			},
			{
				type: "object",
				required: [
					"changed"
				],
				properties: {
					base_strategy: {
						type: "string"
					},
					head_strategy: {
						type: "string"
					},
					changed: {
						type: "array",
						items: {
							type: "object",
							required: [
								"name",
								"base",
								"head"
							],
							properties: {
								name: {
									type: "string"
								},
								base: {
									type: [
										"string",
										"null"
									]
								},
								head: {
									type: [
										"string",
										"null"
									]
								}
							}
						}
					}
				}
			}
		]
	},
	label: {
		type: "string"
	},
	pull_request: {
		type: "integer",
		minimum: 1
	},
	rounds: {
		type: "integer",
		minimum: 0
	},
	warmup_rounds: {
		type: "integer",
		minimum: 0
	},
	pinned_cores: {
		type: [
			"array",
			"null"
		],
		items: {
			type: "integer",
			minimum: 0
		},
		minItems: 1
	},
	rounds_side_by_side: {
		description: "Where timed rounds could run side by side: up to most at once, each on its own core with both runs of its pairs, while nothing else used the CPUs; rounds of them did.",
		type: "object",
		required: [
			"most",
			"rounds"
		],
		properties: {
			most: {
				type: "integer",
				minimum: 2
			},
			rounds: {
				type: "integer",
				minimum: 0
			}
		}
	},
	phases_s: {
		type: "object",
		required: [
			"install",
			"warmup",
			"profile",
			"sampling"
		],
		properties: {
			install: {
				type: [
					"number",
					"null"
				]
			},
			warmup: {
				type: "number"
			},
			profile: {
				type: "number"
			},
			sampling: {
				type: "number"
			},
			explain: {
				type: "number"
			},
			counting: {
				type: "number"
			},
			proof: {
				type: "number"
			}
		}
	},
	truncated: {
		type: "boolean"
	},
	started_at: {
		type: "string"
	},
	duration_s: {
		type: "number",
		minimum: 0
	},
	targets: {
		type: "array",
		items: {
			$ref: "#/definitions/target"
		}
	}
};
var definitions = {
	importTree: {
		type: "object",
		required: [
			"name",
			"self_ms",
			"cumulative_ms",
			"children"
		],
		properties: {
			name: {
				type: "string"
			},
			self_ms: {
				type: "number"
			},
			cumulative_ms: {
				type: "number"
			},
			children: {
				type: "array",
				items: {
					$ref: "#/definitions/importTree"
				}
			}
		}
	},
	verdict: {
		"enum": [
			"pass",
			"improvement",
			"inconclusive",
			"regression",
			"budget",
			"forbidden",
			"error"
		]
	},
	metric: {
		"enum": [
			"import_ms",
			"cpu_ms",
			"memory",
			"instructions",
			"fs_calls"
		]
	},
	counts: {
		type: "array",
		items: {
			type: "number"
		}
	},
	counting: {
		type: "object",
		required: [
			"tool",
			"failure",
			"seconds"
		],
		properties: {
			tool: {
				type: "string"
			},
			failure: {
				type: [
					"string",
					"null"
				]
			},
			seconds: {
				type: "number",
				minimum: 0
			},
			by_call: {
				type: "object",
				additionalProperties: {
					type: "integer"
				}
			}
		}
	},
	milliseconds: {
		type: "array",
		items: {
			type: "number"
		}
	},
	commit: {
		type: "object",
		required: [
			"ref",
			"sha"
		],
		properties: {
			ref: {
				type: "string"
			},
			sha: {
				type: [
					"string",
					"null"
				]
			},
			dirty: {
				type: "boolean"
			}
		}
	},
	moduleChange: {
		type: "object",
		required: [
			"name",
			"chain",
			"self_ms",
			"cumulative_ms"
		],
		properties: {
			name: {
				type: "string"
			},
			chain: {
				type: "array",
				items: {
					type: "string"
				}
			},
			self_ms: {
				type: "number"
			},
			cumulative_ms: {
				type: "number"
			},
			group_ms: {
				type: "number"
			},
			how: {
				type: "object",
				required: [
					"mechanism",
					"importer",
					"side",
					"path",
					"line",
					"function"
				],
				properties: {
					mechanism: {
						"enum": [
							"lazy-statement",
							"lazy-modules",
							"function",
							"module-getattr",
							"type-checking",
							"import-removed",
							"import-added",
							"made-eager"
						]
					},
					importer: {
						type: "string"
					},
					side: {
						"enum": [
							"base",
							"head"
						]
					},
					path: {
						type: [
							"string",
							"null"
						]
					},
					line: {
						type: "integer"
					},
					"function": {
						type: [
							"string",
							"null"
						]
					},
					before: {
						type: "object",
						required: [
							"mechanism",
							"line",
							"function"
						],
						properties: {
							mechanism: {
								"enum": [
									"lazy-statement",
									"lazy-modules",
									"function",
									"module-getattr",
									"type-checking"
								]
							},
							line: {
								type: "integer"
							},
							"function": {
								type: [
									"string",
									"null"
								]
							},
							importer: {
								type: "string"
							},
							path: {
								type: [
									"string",
									"null"
								]
							}
						}
					}
				}
			}
		}
	},
	side: {
		oneOf: [
			{
				type: "null"
			},
			{
				type: "object",
				required: [
					"median_ms",
					"samples_ms",
					"module_count"
				],
				properties: {
					median_ms: {
						type: "number"
					},
					samples_ms: {
						$ref: "#/definitions/milliseconds"
					},
					cpu_samples_ms: {
						$ref: "#/definitions/milliseconds"
					},
					wall_samples_ms: {
						$ref: "#/definitions/milliseconds"
					},
					memory_samples_kib: {
						$ref: "#/definitions/counts"
					},
					instruction_counts: {
						$ref: "#/definitions/counts"
					},
					fs_call_counts: {
						$ref: "#/definitions/counts"
					},
					counting: {
						type: "object",
						properties: {
							instructions: {
								$ref: "#/definitions/counting"
							},
							fs_calls: {
								$ref: "#/definitions/counting"
							}
						}
					},
					module_count: {
						type: "integer",
						minimum: 0
					},
					package_module_count: {
						type: "integer",
						minimum: 0
					},
					q1_ms: {
						type: "number"
					},
					q3_ms: {
						type: "number"
					},
					min_ms: {
						type: "number"
					},
					max_ms: {
						type: "number"
					},
					modules: {
						type: "array",
						items: {
							type: "string"
						}
					},
					profile: {
						type: "object",
						properties: {
							runs: {
								type: "integer",
								minimum: 0
							},
							unstable_modules: {
								type: "boolean"
							},
							slowest: {
								type: "array",
								items: {
									$ref: "#/definitions/moduleChange"
								}
							},
							tree: {
								oneOf: [
									{
										type: "null"
									},
									{
										$ref: "#/definitions/importTree"
									}
								]
							}
						}
					}
				}
			}
		]
	},
	delta: {
		oneOf: [
			{
				type: "null"
			},
			{
				type: "object",
				required: [
					"ms",
					"pct",
					"ci_pct",
					"p",
					"pairs"
				],
				properties: {
					ms: {
						type: "number"
					},
					pct: {
						type: "number"
					},
					ci_pct: {
						oneOf: [
							{
								type: "null"
							},
							{
								type: "array",
								items: {
									type: "number"
								},
								minItems: 2,
								maxItems: 2
							}
						]
					},
					ci_level: {
						type: "number"
					},
					pass_ci_pct: {
						oneOf: [
							{
								type: "null"
							},
							{
								type: "array",
								items: {
									type: "number"
								},
								minItems: 2,
								maxItems: 2
							}
						]
					},
					pass_ci_level: {
						type: "number"
					},
					p: {
						type: "number",
						minimum: 0,
						maximum: 1
					},
					pairs: {
						type: "integer",
						minimum: 0
					},
					decision: {
						"enum": [
							"regression",
							"improvement",
							"pass",
							"undecided"
						]
					},
					block_pairs: {
						type: "integer",
						minimum: 1
					},
					confirmation: {
						oneOf: [
							{
								type: "null"
							},
							{
								type: "object",
								required: [
									"pairs",
									"p",
									"confirmed"
								],
								properties: {
									confirmed: {
										type: [
											"boolean",
											"null"
										]
									},
									batches: {
										type: "integer",
										minimum: 2
									},
									planned: {
										type: "integer",
										minimum: 1
									}
								}
							}
						]
					}
				}
			}
		]
	},
	source: {
		type: "object",
		required: [
			"path",
			"line"
		],
		properties: {
			path: {
				type: [
					"string",
					"null"
				]
			},
			line: {
				type: [
					"integer",
					"null"
				]
			}
		}
	},
	watchSide: {
		oneOf: [
			{
				type: "null"
			},
			{
				type: "object",
				required: [
					"loaded",
					"chain"
				],
				properties: {
					loaded: {
						type: "boolean"
					},
					chain: {
						type: "array",
						items: {
							type: "string"
						}
					},
					cumulative_ms: {
						type: [
							"number",
							"null"
						]
					}
				}
			}
		]
	},
	metricResult: {
		type: "object",
		required: [
			"metric",
			"variant",
			"unit",
			"gating",
			"outcome",
			"delta"
		],
		properties: {
			metric: {
				$ref: "#/definitions/metric"
			},
			variant: {
				type: "string"
			},
			unit: {
				"enum": [
					"ms",
					"KiB",
					"instructions",
					"calls"
				]
			},
			gating: {
				type: "boolean"
			},
			outcome: {
				"enum": [
					"regression",
					"improvement",
					"pass",
					"inconclusive",
					null
				]
			},
			base_median: {
				type: [
					"number",
					"null"
				]
			},
			head_median: {
				type: [
					"number",
					"null"
				]
			},
			delta: {
				$ref: "#/definitions/delta"
			},
			counted: {
				oneOf: [
					{
						type: "null"
					},
					{
						type: "object",
						required: [
							"delta",
							"pct",
							"spread_pct",
							"threshold_pct",
							"base_runs",
							"head_runs",
							"reason"
						],
						properties: {
							delta: {
								type: [
									"number",
									"null"
								]
							},
							pct: {
								type: [
									"number",
									"null"
								]
							},
							spread_pct: {
								type: "number",
								minimum: 0
							},
							threshold_pct: {
								type: "number"
							},
							base_runs: {
								type: "integer",
								minimum: 0
							},
							head_runs: {
								type: "integer",
								minimum: 0
							},
							reason: {
								type: [
									"string",
									"null"
								]
							}
						}
					}
				]
			}
		}
	},
	target: {
		type: "object",
		required: [
			"name",
			"verdict",
			"base",
			"head",
			"delta",
			"modules",
			"error"
		],
		properties: {
			variant: {
				"enum": [
					"no-pyc",
					"cold"
				]
			},
			name: {
				type: "string"
			},
			verdict: {
				$ref: "#/definitions/verdict"
			},
			base: {
				$ref: "#/definitions/side"
			},
			head: {
				$ref: "#/definitions/side"
			},
			delta: {
				$ref: "#/definitions/delta"
			},
			modules: {
				oneOf: [
					{
						type: "null"
					},
					{
						type: "object",
						required: [
							"added",
							"removed"
						],
						properties: {
							added: {
								type: "array",
								items: {
									$ref: "#/definitions/moduleChange"
								}
							},
							removed: {
								type: "array",
								items: {
									$ref: "#/definitions/moduleChange"
								}
							}
						}
					}
				]
			},
			forbidden: {
				type: "array",
				items: {
					type: "object",
					required: [
						"name",
						"chain"
					],
					properties: {
						name: {
							type: "string"
						},
						chain: {
							type: "array",
							items: {
								type: "string"
							}
						},
						rule: {
							type: "string"
						},
						count: {
							type: "integer"
						},
						base_count: {
							type: "integer",
							minimum: 0
						}
					}
				}
			},
			budget: {
				type: [
					"object",
					"null"
				]
			},
			"new": {
				type: "boolean"
			},
			gone: {
				type: "boolean"
			},
			packages: {
				type: "array",
				items: {
					type: "object",
					required: [
						"name",
						"own",
						"base_self_ms",
						"head_self_ms",
						"delta_ms"
					],
					properties: {
						name: {
							type: "string"
						},
						own: {
							type: "boolean"
						},
						base_self_ms: {
							type: [
								"number",
								"null"
							]
						},
						head_self_ms: {
							type: [
								"number",
								"null"
							]
						},
						delta_ms: {
							type: "number"
						},
						base_modules: {
							type: "integer",
							minimum: 0
						},
						head_modules: {
							type: "integer",
							minimum: 0
						},
						notable: {
							type: "boolean"
						}
					}
				}
			},
			watch: {
				type: "array",
				items: {
					type: "object",
					required: [
						"name",
						"base",
						"head"
					],
					properties: {
						name: {
							type: "string"
						},
						base: {
							$ref: "#/definitions/watchSide"
						},
						head: {
							$ref: "#/definitions/watchSide"
						}
					}
				}
			},
			lazy: {
				type: "object",
				required: [
					"all_lazy_ms",
					"loaded_anyway",
					"never_needed"
				],
				properties: {
					all_lazy_ms: {
						type: [
							"number",
							"null"
						]
					},
					form: {
						"enum": [
							"statement",
							"lazy-modules"
						]
					},
					loaded_anyway: {
						type: "array",
						items: {
							type: "object",
							required: [
								"module",
								"names",
								"file",
								"line",
								"loaded_at"
							],
							properties: {
								module: {
									type: "string"
								},
								names: {
									type: [
										"array",
										"null"
									],
									items: {
										type: "string"
									}
								},
								file: {
									type: "string"
								},
								line: {
									type: "integer"
								},
								loaded_at: {
									type: [
										"object",
										"null"
									],
									required: [
										"file",
										"line"
									],
									properties: {
										file: {
											type: "string"
										},
										line: {
											type: "integer"
										}
									}
								}
							}
						}
					},
					never_needed: {
						type: "array",
						items: {
							type: "object",
							required: [
								"module",
								"names",
								"file",
								"line",
								"cumulative_ms"
							],
							properties: {
								module: {
									type: "string"
								},
								names: {
									type: [
										"array",
										"null"
									],
									items: {
										type: "string"
									}
								},
								file: {
									type: "string"
								},
								line: {
									type: "integer"
								},
								cumulative_ms: {
									type: [
										"number",
										"null"
									]
								}
							}
						}
					}
				}
			},
			gaps: {
				type: "array",
				items: {
					type: "object",
					required: [
						"missing",
						"reason"
					],
					properties: {
						missing: {
							"enum": [
								"functions",
								"modules",
								"lazy"
							]
						},
						reason: {
							"enum": [
								"budget",
								"no-change",
								"failed",
								"not-run",
								"unsupported"
							]
						}
					}
				}
			},
			undecided_pass: {
				type: "object",
				required: [
					"ruled_out_pct",
					"band_pct",
					"upper_pct"
				],
				properties: {
					ruled_out_pct: {
						type: "number"
					},
					band_pct: {
						type: "number"
					},
					upper_pct: {
						type: "number"
					}
				}
			},
			proof: {
				type: "object",
				required: [
					"decided",
					"holds",
					"reason"
				],
				properties: {
					decided: {
						type: "boolean"
					},
					holds: {
						type: "boolean"
					},
					reason: {
						type: [
							"string",
							"null"
						]
					},
					traced_with: {
						type: "string"
					},
					traced_runs: {
						type: "integer"
					},
					changed_files: {
						type: "integer"
					},
					differing_files: {
						type: "integer"
					},
					loaded_changed: {
						type: "array",
						items: {
							type: "string"
						}
					},
					modules: {
						type: "integer"
					},
					code_bytes_delta: {
						type: "integer"
					},
					load_bound_ms: {
						type: "number"
					}
				}
			},
			sources: {
				type: "object",
				additionalProperties: {
					type: "object",
					required: [
						"side",
						"path"
					],
					properties: {
						side: {
							"enum": [
								"base",
								"head"
							]
						},
						path: {
							type: "string"
						},
						line: {
							type: [
								"integer",
								"null"
							]
						}
					}
				}
			},
			function_changes: {
				type: "array",
				items: {
					type: "object",
					required: [
						"name",
						"source",
						"side",
						"base_calls",
						"head_calls",
						"profiled_delta_ms",
						"callers"
					],
					properties: {
						name: {
							type: "string"
						},
						source: {
							$ref: "#/definitions/source"
						},
						side: {
							"enum": [
								"base",
								"head"
							]
						},
						base_calls: {
							type: "integer",
							minimum: 0
						},
						head_calls: {
							type: "integer",
							minimum: 0
						},
						profiled_delta_ms: {
							type: "number"
						},
						via: {
							type: "array",
							items: {
								type: "string"
							}
						},
						called_as: {
							type: "string"
						},
						mostly_in: {
							oneOf: [
								{
									type: "null"
								},
								{
									type: "object",
									required: [
										"name",
										"source",
										"profiled_ms"
									],
									properties: {
										name: {
											type: "string"
										},
										source: {
											$ref: "#/definitions/source"
										},
										profiled_ms: {
											type: "number"
										}
									}
								}
							]
						},
						callers: {
							type: "array",
							items: {
								type: "object",
								required: [
									"module",
									"side",
									"path",
									"lines",
									"base_calls",
									"head_calls"
								],
								properties: {
									module: {
										type: "string"
									},
									side: {
										"enum": [
											"base",
											"head"
										]
									},
									path: {
										type: [
											"string",
											"null"
										]
									},
									lines: {
										type: "array",
										items: {
											type: "integer"
										}
									},
									base_calls: {
										type: "integer",
										minimum: 0
									},
									head_calls: {
										type: "integer",
										minimum: 0
									}
								}
							}
						}
					}
				}
			},
			inconclusive: {
				type: "object",
				required: [
					"pairs",
					"needed_pairs"
				],
				properties: {
					reason: {
						"enum": [
							"too-few-pairs",
							"unsettled"
						]
					},
					pairs: {
						type: "integer",
						minimum: 0
					},
					needed_pairs: {
						type: "integer",
						minimum: 1
					},
					suggested_max_time_s: {
						type: [
							"number",
							"null"
						]
					},
					suggested_max_pairs: {
						type: "integer",
						minimum: 1
					},
					budget_left_s: {
						type: "number",
						minimum: 0
					}
				}
			},
			error: {
				oneOf: [
					{
						type: "null"
					},
					{
						type: "object",
						required: [
							"side",
							"kind",
							"message"
						],
						properties: {
							side: {
								"enum": [
									"base",
									"head"
								]
							},
							kind: {
								type: "string"
							},
							message: {
								type: "string"
							},
							traceback: {
								type: "array",
								items: {
									type: "string"
								}
							}
						}
					}
				]
			},
			metrics: {
				type: "array",
				items: {
					$ref: "#/definitions/metricResult"
				}
			}
		}
	}
};
var schema = {
	$schema: $schema,
	$id: $id,
	title: title,
	description: description,
	type: type,
	required: required,
	properties: properties,
	definitions: definitions
};

// Reads a results file back: parsed, its nesting bounded, and checked against
// the schema in results.schema.json; fields later releases added are optional
// there, and the readers of the document take their absence as "not recorded".
// Errors name the file and the field.
/** A results file that is not what importgate writes. */
class ResultsFileError extends Error {
    name = 'ResultsFileError';
}
let validator = null;
function validate(value) {
    validator ??= new ajvExports.Ajv({ allErrors: false, strict: false }).compile(schema);
    return validator(value) ? [] : (validator.errors ?? []);
}
/** "/targets/0/verdict" → "targets[0].verdict". */
function fieldOf(pointer) {
    const path = pointer
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
    return path || 'the top level';
}
function describe(error, value) {
    const field = fieldOf(error.instancePath);
    const got = error.instancePath
        .split('/')
        .slice(1)
        .reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), value);
    const shown = JSON.stringify(got);
    if (error.keyword === 'required')
        return `${field}: the field "${String(error.params.missingProperty)}" is missing`;
    if (error.keyword === 'enum')
        return `${field}: ${shown} is not one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    if (error.keyword === 'const')
        return `${field}: ${shown} should be ${JSON.stringify(error.params.allowedValue)}`;
    return `${field}: ${shown === undefined ? '' : `${shown} `}${error.message ?? 'is not valid'}`;
}
/**
 * How deep a results file may nest. What importgate writes nests by the import
 * tree (two levels a link, MAX_IMPORT_DEPTH links); a forged file thousands
 * deep crashed the reports' recursive walks ("Maximum call stack size exceeded").
 */
const MAX_NESTING = 2 * MAX_IMPORT_DEPTH + 50;
/** The deepest nesting of arrays and objects in `value`, walked without recursion; stops past `limit`. */
function nesting(value, limit) {
    let deepest = 0;
    const stack = [[value, 0]];
    while (stack.length) {
        const [item, depth] = stack.pop();
        if (!item || typeof item !== 'object')
            continue;
        deepest = Math.max(deepest, depth + 1);
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(item))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/** Parses and validates the text of a results file; `source` names it in errors. */
function readResults(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new ResultsFileError(`${source}: not JSON (${error.message})`);
    }
    if (nesting(value, MAX_NESTING) > MAX_NESTING)
        throw new ResultsFileError(`${source}: nests deeper than ${MAX_NESTING} levels, which no results file importgate writes does`);
    if (value && typeof value === 'object' && 'schema' in value && value.schema !== 1) {
        throw new ResultsFileError(`${source}: schema ${JSON.stringify(value.schema)} is not one this importgate reads (1); use the importgate release that wrote it`);
    }
    const [first] = validate(value);
    if (first)
        throw new ResultsFileError(`${source}: not an importgate results file: ${describe(first, value)}`);
    return value;
}

// Where results files are: each entry a file as given, or a folder (a
// downloaded artifact of several jobs) with every results.json under it, in
// name order. Shared by the action's publish mode and `importgate merge`.
/** The files, absolute; `given` names the input as the user wrote it (`input "results"`, `merge`). */
async function resultFiles(entries, base, given) {
    const files = [];
    for (const entry of entries) {
        const path = resolve$1(base, entry);
        if (!existsSync(path))
            throw new UsageError(`${given}: ${entry} does not exist (in ${base})`);
        if (statSync(path).isDirectory()) {
            const found = (await readdir(path, { recursive: true, withFileTypes: true }))
                .filter((e) => e.isFile() && e.name === 'results.json')
                .map((e) => join(e.parentPath, e.name))
                .sort();
            if (!found.length)
                throw new UsageError(`${given}: no results.json under ${entry}`);
            files.push(...found);
        }
        else
            files.push(path);
    }
    return files;
}

class MergeError extends Error {
    name = 'MergeError';
}
/** "3.13.0 (main, …) [GCC 12]" on "linux x86_64" → "Python 3.13.0 · linux x86_64". */
function jobLabel(doc) {
    return doc.label ?? `Python ${doc.python.split(' ')[0]} · ${doc.platform}`;
}
/**
 * The jobs, in the order given, refused with the file and the field when one
 * is not a compare or compares other commits than the first.
 */
function jobsOf(files) {
    const [first] = files;
    if (!first)
        throw new MergeError('merge needs at least one results file');
    const jobs = [];
    for (const { source, doc } of files) {
        if (doc.command !== 'compare')
            throw new MergeError(`${source}: command is "${doc.command}"; merge takes the results of compare runs`);
        jobs.push({ source, doc, label: jobLabel(doc) });
    }
    const base = jobs[0];
    for (const job of jobs.slice(1)) {
        for (const side of ['base', 'head']) {
            const sha = job.doc[side].sha;
            const expected = base.doc[side].sha;
            if (sha !== expected)
                throw new MergeError(`${job.source}: ${side}.sha is ${sha ?? 'null'}, but ${base.source} has ${expected ?? 'null'}: results of different commits cannot be merged into one report`);
        }
        // The same commits can be two pull requests (one branch opened twice): one comment is one of them.
        const pull = job.doc.pull_request;
        const expectedPull = base.doc.pull_request;
        if (pull !== undefined && expectedPull !== undefined && pull !== expectedPull)
            throw new MergeError(`${job.source}: pull_request is ${pull}, but ${base.source} has ${expectedPull}: results of different pull requests cannot be merged into one report`);
    }
    const labels = new Map();
    for (const job of jobs) {
        const seen = labels.get(job.label);
        if (seen)
            throw new MergeError(`${job.source} and ${seen} are both "${job.label}": give each job its own --label (the action's label input)`);
        labels.set(job.label, job.source);
    }
    return jobs;
}

// One report for several jobs of one comparison (`importgate merge`): the
// most serious finding across all as the headline, one table with a row per
// target and job, and each job's own explanations collapsed under its name.
// Pure.
function mergedView(jobs) {
    const views = jobs.map((job) => ({ job, view: buildView(job.doc) }));
    const verdict = mostSerious(views.map((v) => v.view.verdict));
    const worst = views.find((v) => v.view.verdict === verdict);
    const others = views.filter((v) => v.view.verdict === verdict).length - 1;
    const headline = jobs.length > 1
        ? [
            ...worst.view.headline,
            ` (${visible(worst.job.label)}${others > 0 ? ` and ${others} more job${others > 1 ? 's' : ''}` : ''})`,
        ]
        : worst.view.headline;
    const rows = views.flatMap(({ job, view }) => view.rows
        .filter((r) => r.primary)
        .map((r) => ({
        target: r.target,
        job: visible(job.label),
        base: r.base ? formatMs(r.base.median) : '–',
        head: r.head ? formatMs(r.head.median) : '–',
        delta: r.delta ? signedMs(r.delta.ms) : '–',
        pct: r.delta ? signedPct(r.delta.pct) : '–',
        verdict: r.verdict,
    })));
    // Grouped by target, so that a target's jobs sit together.
    const order = [...new Set(rows.map((r) => r.target))];
    rows.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
    return { verdict, headline, rows, jobs: views };
}
/** The merged comment: under the limit, each job's report cut shorter as needed. */
function mergedMarkdown(view, limit = MARKDOWN_LIMIT) {
    const { jobs } = view;
    const top = [
        `### ${rich(view.headline)}`,
        '',
        table(['Target', 'Job', 'Base', 'Head', 'Δ', 'Δ %', 'Verdict'], view.rows.map((r) => [
            code(r.target),
            plain(r.job),
            r.base,
            r.head,
            r.delta,
            r.pct,
            VERDICT_LABEL[r.verdict],
        ]), ['l', 'l', 'r', 'r', 'r', 'r', 'l']),
    ].join('\n');
    // Each job's own report, its headline as the summary, within its share of the limit.
    const share = Math.max(2_000, Math.floor((limit - top.length - 200) / Math.max(1, jobs.length)));
    const sections = [];
    let room = limit - top.length - 400;
    let left = 0;
    for (const { job, view: own } of jobs) {
        const body = markdownOfView(own, share - 200);
        const rest = body.split('\n').slice(1);
        // HTML, not markdown: <summary> is an HTML block (a code span would be raw text there).
        const summary = richHtml([`${visible(job.label)}: `, ...own.headline]);
        const section = [`<details><summary>${summary}</summary>`, '', ...rest, '</details>'].join('\n');
        // Many jobs: the table above has every row; the details stop where the comment would.
        if (section.length + 2 > room)
            left++;
        else {
            sections.push(section);
            room -= section.length + 2;
        }
    }
    if (left)
        sections.push(`<sub>The details of ${left} more job${left === 1 ? '' : 's'} do not fit in one comment: the table above has every row, and each job's own summary its full report.</sub>`);
    return `${top}\n\n${sections.join('\n\n')}\n`;
}
/** The terminal lines of a merged report. */
function mergedText(view) {
    const width = Math.max(...view.rows.map((r) => r.target.length + r.job.length + 3), 10);
    return [
        plainText(view.headline),
        '',
        ...view.rows.map((r) => `  ${`${r.target} · ${r.job}`.padEnd(width)}  ${r.base.padStart(8)}  ${r.head.padStart(8)}  ${r.delta.padStart(9)}  ${r.pct.padStart(8)}  ${r.verdict}`),
    ].join('\n');
}

// Terminal colour, only when a person is looking: a TTY, and NO_COLOR unset
// (https://no-color.org). FORCE_COLOR turns it on regardless.
const sgr = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const COLOR = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
};
const same = (text) => text;
const PLAIN = { bold: same, dim: same, red: same, green: same, yellow: same };
function useColor(isTTY, env) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')
        return true;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY === true;
}
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleWidth(text) {
    return [...text.replace(ANSI, '')].length;
}
/** Lays rows out in columns; 'r' columns are right-aligned. Widths ignore colour codes. */
function columns(rows, align, gap = '  ') {
    const widths = [];
    for (const row of rows)
        row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
    return rows.map((row) => row
        .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(cell));
        return align[i] === 'r' ? pad + cell : i === row.length - 1 ? cell : cell + pad;
    })
        .join(gap)
        .trimEnd());
}

// "Why" in the terminal: the causes of a change, merged across targets, in the
// order of the markdown report. Pure.
function moduleRow(cause, many, style) {
    const { ms, modules } = cause.perTarget[cause.targets[0]] ?? cause;
    const mark = cause.eager ? style.red('+ ') : style.green('− ');
    const by = cause.importers.length
        ? `${cause.eager ? 'imported by' : 'no longer imported by'} ${cause.importers.slice(0, 2).join(', ')}${cause.importers.length > 2 ? ` and ${cause.importers.length - 2} more` : ''}`
        : '';
    const how = cause.how ? `; ${mechanismText(cause.how, mechanismPlace(cause.how), (t) => t)}` : '';
    return [
        mark + plainText(leadsText(cause)),
        signedMs(ms),
        `${modules} module${modules > 1 ? 's' : ''}`,
        style.dim(by + how + (many ? ` (${cause.targets.join(', ')})` : '')),
    ];
}
function functionLine(cause, many, style) {
    const c = cause.change;
    const via = c.via.length ? `, via ${c.called_as}` : '';
    const inner = c.mostly_in ? `, mostly in ${c.mostly_in.name}` : '';
    const callers = c.callers.slice(0, 2).map((k) => {
        const line = k.path && k.lines.length ? ` ${k.path}:${k.lines[0]}` : '';
        return `${k.module}${line}`;
    });
    const more = c.callers.length - callers.length;
    const from = callers.length
        ? `; called at import by ${callers.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
        : '';
    const where = many ? style.dim(` (${cause.targets.join(', ')})`) : '';
    return `  ${c.name} ${c.base_calls} → ${c.head_calls} calls at import (${signedMs(c.profiled_delta_ms)} profiled)${via}${inner}${from}${where}`;
}
function whyLines(view, style, limit) {
    const many = new Set(view.rows.map((r) => r.target)).size > 1;
    const modules = view.causes.filter((c) => c.kind === 'module');
    const functions = view.causes.filter((c) => c.kind === 'function');
    if (!modules.length && !functions.length)
        return [];
    const out = [
        '',
        style.bold('Why') +
            style.dim(' (cumulative -X importtime time; functions from one cProfile run per side)'),
    ];
    // The headline's cause first, as in the markdown report.
    const functionFirst = view.causes[0]?.kind === 'function';
    const moduleLines = columns(modules.slice(0, limit).map((c) => moduleRow(c, many, style)), ['l', 'r', 'r', 'l']).map((line) => `  ${line}`);
    if (modules.length > limit)
        moduleLines.push(style.dim(`  … and ${modules.length - limit} more`));
    const functionLines = functions.slice(0, 3).map((c) => functionLine(c, many, style));
    out.push(...(functionFirst ? [...functionLines, ...moduleLines] : [...moduleLines, ...functionLines]));
    return out;
}

// The terminal lines for PEP 810's lazy imports (Python 3.15+), shared by
// measure and compare: declared-lazy imports loaded anyway, then per target
// the headroom with every import lazy and the lines that could be. Pure.
/** At most this many lines that could be lazy, per target; the JSON has them all. */
const SHOWN = 5;
function lazyImportLines(view, style) {
    const out = [];
    const enforced = view.run.settings.enforce_lazy === true;
    for (const item of view.lazyImports) {
        for (const l of item.lazy.loaded_anyway)
            out.push((enforced ? style.red : style.yellow)(`${enforced ? 'forbidden (enforce-lazy): ' : ''}${item.target}: ${l.module} is declared lazy at ${l.file}:${l.line}, but the import loads it anyway` +
                (l.loaded_at ? ` (first needed at ${l.loaded_at.file}:${l.loaded_at.line})` : '')));
        const all = item.lazy.all_lazy_ms;
        if (all !== null)
            out.push(style.dim(`${item.target}: with every import lazy (PEP 810), ${allLazyText(all, item.headMs)} (one untimed run)`));
        const suggestions = lazySuggestions(item.lazy, view.run.settings.min_delta_ms);
        for (const s of suggestions.slice(0, SHOWN))
            out.push(style.dim(`  could be lazy: ${s.text} ${s.lines.length > 1 || (item.lazy.form ?? 'statement') !== 'statement' ? `in ${s.file} (lines ${s.lines.join(', ')})` : `at ${s.file}:${s.lines[0]}`}` +
                (s.ms === null ? '' : ` (${profiledCost(s.ms, item.profileMs, formatMs)})`)));
        if (suggestions.length > SHOWN)
            out.push(style.dim(`  … and ${suggestions.length - SHOWN} more`));
    }
    return out.length ? ['', ...out] : [];
}

// Lines of the terminal reports shared by measure and compare: what decides
// beyond the statistics, and errors. Pure.
function paint(verdict, style) {
    if (verdict === 'improvement')
        return style.green;
    if (verdict === 'pass')
        return (t) => t;
    if (verdict === 'inconclusive')
        return style.yellow;
    return style.red;
}
/** Config changes, new targets, forbidden imports and budgets. */
function gateLines(view, style) {
    const out = [];
    for (const c of view.configChanges) {
        out.push(style.yellow(`head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used base's)`));
    }
    const targets = [...new Set(view.rows.map((r) => r.target))];
    for (const target of targets) {
        if (view.newTargets.includes(target))
            out.push(style.dim(`${target} is new in head: measured on head only`));
        for (const f of view.forbidden.filter((x) => x.target === target)) {
            out.push(style.red(`forbidden: ${f.name} is imported by ${target}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}${forbiddenBefore(f)}`));
        }
        for (const b of view.budgets.filter((x) => x.target === target)) {
            const tone = b.ok ? style.dim : style.red;
            const status = b.ok ? '(within)' : '(over)';
            out.push(tone(b.on === 'time'
                ? `budget: ${target} ${formatMs(b.actual)} of ${formatMs(b.limit)} ${status}`
                : `budget: ${target} loads ${b.actual} of ${b.limit} modules ${status}`));
        }
    }
    for (const w of view.watched) {
        const tone = w.change === 'now eager'
            ? style.red
            : w.change === 'no longer imported'
                ? style.green
                : style.dim;
        const via = w.chain.length > 1 ? ` via ${formatChain(w.chain)}` : '';
        out.push(tone(`watched: ${w.name} under ${w.target}: ${w.change}${via}`));
    }
    for (const n of view.undecidedPasses)
        out.push(style.yellow(`${n.target} ${undecidedPassText(n)}`));
    for (const w of view.widePasses)
        out.push(style.yellow(`${w.target}: a pass, but its ${Math.round(w.level * 100)}% interval still reaches ${signedPct(w.hiPct)}: not a regression ruled out past the ${view.run.settings.threshold_pct}% threshold`));
    for (const n of view.medianNotes)
        out.push(style.yellow(medianNoteText(n, (s) => s)));
    for (const g of view.gaps)
        out.push(style.yellow(`${g.target}: ${gapText(g, (s) => (s === 'forbid' ? 'forbid' : `--${s}`))}`));
    const unit = view.command === 'measure' ? 'samples' : 'pairs';
    for (const s of view.shortfalls) {
        // Only measure's minimum is --min-pairs; a comparison's is what its procedure needs.
        const orLower = view.command === 'measure' ? ', or lower --min-pairs' : '';
        const fix = s.suggestedMaxTimeS
            ? `raise --max-time to about ${s.suggestedMaxTimeS} s${orLower}`
            : `raise --max-time${orLower}`;
        const sofar = s.delta && s.pairs
            ? ` (so far ${signedPct(s.delta.pct)}, p = ${s.delta.p.toPrecision(2)})`
            : '';
        if (s.reason === 'unsettled' && s.delta) {
            const ci = s.delta.ci_pct
                ? `, interval ${signedPct(s.delta.ci_pct[0])} … ${signedPct(s.delta.ci_pct[1])}`
                : '';
            out.push(style.yellow(`inconclusive: ${s.target}: undecided after ${s.pairs} ${unit} (estimate ${signedPct(s.delta.pct)}${ci}, reaching both inside and past the ±${view.run.settings.threshold_pct}% band); ` +
                (s.suggestedMaxPairs
                    ? `raise --max-pairs to about ${s.suggestedMaxPairs}`
                    : `raise --max-time to about ${s.suggestedMaxTimeS ?? '?'} s`)));
            continue;
        }
        out.push(style.yellow(`inconclusive: ${s.target}: ${s.pairs} of the ${s.needed} ${unit} a verdict needs${sofar}; ${fix}`));
    }
    return out.length ? ['', ...out] : [];
}

// The terminal report of `importgate compare`. Pure: results in, text out.
function verdictText(r) {
    if (!r.gating)
        return reportedOnly(r);
    if (r.verdict === 'budget')
        return 'over budget';
    if (r.verdict === 'forbidden')
        return 'forbidden import';
    if (r.isGone)
        return `${r.verdict} (removed in head, no longer a target)`;
    return r.isNew ? `${r.verdict} (new target)` : r.verdict;
}
function tableRows(view, style) {
    const interval = intervalColumn(view.rows);
    const header = ['target', 'base', 'head', 'Δ', 'Δ %', interval.header, 'verdict'];
    const rows = [header.map((h) => style.dim(h))];
    for (const [i, r] of view.rows.entries()) {
        const color = r.gating ? paint(r.verdict, style) : style.dim;
        const name = r.suffix ? `${r.target} · ${r.suffix}` : r.target;
        const base = r.base ? formatValue(r.unit, r.base.median) : '–';
        const head = r.head ? formatValue(r.unit, r.head.median) : '–';
        const change = interval.cells[i];
        if (!change) {
            rows.push([name, base, head, r.proved ? 'none (proof)' : '', '', '', color(verdictText(r))]);
            continue;
        }
        const tone = change.pct > 0 ? style.red : change.pct < 0 ? style.green : (x) => x;
        rows.push([
            name,
            base,
            head,
            tone(change.delta),
            tone(signedPct(change.pct)),
            interval.text(change),
            color(verdictText(r)),
        ]);
    }
    return rows;
}
function moduleChangeLines(l, style, limit) {
    const sign = l.eager ? 1 : -1;
    const title = l.eager
        ? 'now imported (in head, not in base)'
        : 'no longer imported (in base, not in head)';
    const out = [`  ${style.bold(l.target)}: ${title}`];
    const rows = l.groups
        .slice(0, limit)
        .map(({ lead, more }) => [
        sign > 0 ? style.red(`+ ${lead.name}`) : style.green(`− ${lead.name}`),
        signedMs(sign * lead.cumulative_ms),
        style.dim(formatChain(lead.chain)),
        style.dim(more ? `(+${more} module${more > 1 ? 's' : ''} it imports)` : ''),
    ]);
    out.push(...columns(rows, ['l', 'r', 'l', 'l']).map((line) => `    ${line}`));
    if (l.groups.length > limit)
        out.push(style.dim(`    … and ${l.groups.length - limit} more`));
    if (l.aliases)
        out.push(style.dim(`    (and ${aliasText(l.aliases, l.eager)})`));
    return out;
}
/** " (with rich)": the cause that brought the package in; else whether it is new or gone. */
function packageNote(r) {
    if (r.cause && r.cause.cause.package !== r.name)
        return ` (${packageCauseText(r, r.cause, (s) => s)})`;
    return r.base_self_ms === null ? ' (new)' : r.head_self_ms === null ? ' (gone)' : '';
}
/** compare's terminal report, laid out from the view model (built once per report by the caller). */
function compareReportOfView(view, style, limit = 8) {
    const { run } = view;
    const out = [];
    const sha = (s) => (s ? s.slice(0, 10) : '?');
    const side = (c) => c && c.sha && c.ref === c.sha ? sha(c.sha) : `${c?.ref} (${sha(c?.sha)})`;
    out.push(style.bold(`importgate compare · Python ${run.python.split(' ')[0]} · ${run.platform}`));
    out.push(paint(view.verdict, style)(plainText(view.headline)));
    out.push(style.dim(`base ${side(run.base)} → head ${side(run.head)}`));
    if (view.skipped) {
        const { files, count, affects } = view.skipped;
        const more = count > files.length ? ` and ${count - files.length} more` : '';
        out.push('', `changed: ${files.join(', ')}${more}`, style.dim(`none matches affects (${affects.join(' ')}): nothing was installed or measured; ${run.durationS.toFixed(1)} s in all`));
        return out.join('\n');
    }
    out.push('');
    out.push(...columns(tableRows(view, style), ['l', 'r', 'r', 'r', 'r', 'r', 'l']).map((l) => `  ${l}`));
    out.push(...tableNotes(view).map((n) => style.dim(`  ${n}`)));
    for (const p of view.proofs)
        out.push(p.decided
            ? `${style.green('proof')}: ${p.target} is unchanged at import. ${plainText(p.text)}`
            : `${style.dim('proof')}: ${p.target} was ${plainText(p.text)}.`);
    out.push(...gateLines(view, style));
    out.push(...lazyImportLines(view, style));
    out.push(...whyLines(view, style, limit));
    const chains = view.moduleChanges.flatMap((l) => moduleChangeLines(l, style, limit));
    if (chains.length) {
        out.push('', style.bold('Import chains') + style.dim(' (per target; cumulative -X importtime time)'), ...chains);
    }
    if (view.packages.length) {
        out.push('', style.bold('By package') + style.dim(' (own -X importtime time, head − base)'));
        for (const { target, rows } of view.packages) {
            const top = rows.slice(0, 5);
            const label = (r) => `${r.name}${r.own ? ' (this project)' : ''} ${signedMs(r.delta_ms)}${r.notable === false ? ' (noise)' : ''}${packageNote(r)}`;
            out.push(`  ${style.bold(target)}: ${top.map(label).join(', ')}`);
        }
    }
    if (view.selfTime.length) {
        out.push('', style.bold('Where the time went') + style.dim(' (own -X importtime time, head − base)'));
        for (const { target, changes } of view.selfTime) {
            const top = changes.slice(0, 5);
            out.push(`  ${style.bold(target)}: ${top.map((c) => `${c.name} ${signedMs(c.delta_ms)}`).join(', ')}`);
        }
    }
    const counts = view.moduleCounts.filter((c) => c.base);
    if (counts.length) {
        const text = counts.map(({ target, base, head }) => {
            const d = head.module_count - base.module_count;
            return `${target} ${base.module_count} → ${head.module_count} (${signedCount(d)}; own package ${base.package_module_count} → ${head.package_module_count})`;
        });
        out.push('', `${style.bold('Modules loaded')}: ${text.join(', ')}`);
    }
    if (view.dependencies.length) {
        const items = view.dependencies.map((d) => d.base === null
            ? `+ ${d.name} ${d.head}`
            : d.head === null
                ? `− ${d.name} ${d.base}`
                : `${d.name} ${d.base} → ${d.head}`);
        out.push('', `${style.bold('Dependencies')}: ${items.slice(0, 12).join(', ')}${items.length > 12 ? `, … and ${items.length - 12} more` : ''}`);
    }
    for (const { target, error: e } of view.errors) {
        out.push('', style.red(`${target} (${e.side}): ${e.kind}: ${e.message}`));
        for (const frame of e.traceback.slice(-3))
            out.push(style.dim(`    ${frame}`));
    }
    const s = run.settings;
    out.push('');
    const allProved = view.rows.length > 0 && view.rows.every((r) => r.proved);
    const timing = allProved ? (costText(view) ?? 'nothing timed') : undefined;
    out.push(style.dim(timing
        ? `${timing}${run.phases ? ` (${run.phases})` : ''}`
        : `${countOf(run.rounds, 'interleaved round')}${pairsNote(view)} after ${warmupsRun(run.warmupRounds, s.warmups)} warm-up${s.warmups === 1 ? '' : 's'}; sequential test, band ±${String(s.threshold_pct)}% or ±${String(s.min_delta_ms)} ms; ${costText(view) ?? `${run.durationS.toFixed(1)} s in all`}${run.phases ? ` (${run.phases})` : ''}`));
    if (run.truncated)
        out.push(style.yellow(`--max-time ended sampling before --min-pairs; figures are less certain`));
    return out.join('\n');
}

function errorLines(target, error, style) {
    const lines = [style.red(`${target}: ${error.kind}: ${error.message}`)];
    for (const frame of error.traceback.slice(-3))
        lines.push(style.dim(`    ${frame}`));
    if (error.stderr_tail) {
        lines.push(style.dim('    last lines of stderr:'));
        for (const line of error.stderr_tail.split('\n').slice(-5))
            lines.push(style.dim(`      ${line}`));
    }
    return lines;
}
/** measure's terminal report, laid out from the view model (built once per report by the caller). */
function measureReportOfView(view, style, slowest = 8) {
    const { run } = view;
    const out = [];
    const head = run.head;
    const tree = head.sha
        ? `${head.sha.slice(0, 10)}${head.dirty ? ' + uncommitted changes' : ''}`
        : 'not a git commit';
    out.push(style.bold(`importgate measure · Python ${run.python.split(' ')[0]} · ${run.platform} · ${tree}`));
    out.push('');
    const rows = [
        ['target', 'median', 'IQR', 'range', 'n', 'modules', 'package'].map((h) => style.dim(h)),
    ];
    for (const r of view.rows) {
        const name = r.suffix ? `${r.target} · ${r.suffix}` : r.target;
        const side = r.head;
        if (!side) {
            // No samples: an import that failed, or a budget that left no room for one.
            const cell = r.verdict === 'error'
                ? style.red('error')
                : style.yellow(r.counting ? 'no counts' : 'no samples');
            rows.push([name, cell, '', '', '', '', '']);
            continue;
        }
        rows.push([
            name,
            style.bold(formatValue(r.unit, side.median)),
            `${formatValue(r.unit, side.q1)} – ${formatValue(r.unit, side.q3)}`,
            `${formatValue(r.unit, side.min)} – ${formatValue(r.unit, side.max)}`,
            String(side.n),
            String(side.moduleCount),
            String(side.packageModuleCount),
        ]);
    }
    out.push(...columns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']).map((line) => `  ${line}`));
    out.push(...tableNotes(view).map((n) => style.dim(`  ${n}`)));
    out.push(...gateLines(view, style));
    out.push(...lazyImportLines(view, style));
    if (run.truncated) {
        out.push('', style.yellow(`--max-time ended sampling after ${countOf(run.rounds, 'round')}, before --min-pairs; figures are less certain`));
    }
    const targets = [...new Set(view.rows.map((r) => r.target))];
    for (const target of targets) {
        const failed = view.errors.find((e) => e.target === target);
        if (failed) {
            out.push('', ...errorLines(target, failed.error, style));
            continue;
        }
        const profile = view.slowest.find((s) => s.target === target);
        if (!profile)
            continue;
        out.push('');
        out.push(`${style.bold(target)}: slowest modules by self time ${style.dim(`(median of ${profile.runs} -X importtime runs; these runs are slower than the timed ones)`)}`);
        const header = ['self', 'module', 'imported through'].map((h) => style.dim(h));
        const modRows = profile.modules
            .slice(0, slowest)
            .map((cost) => [
            formatMs(cost.self_ms),
            cost.name,
            style.dim(formatChain(cost.chain.slice(0, -1)) || '(the target itself)'),
        ]);
        out.push(...columns([header, ...modRows], ['r', 'l', 'l']).map((line) => `  ${line}`));
        if (profile.unstable) {
            out.push(style.yellow('  note: profile runs loaded different sets of modules (an import that depends on timing or environment)'));
        }
    }
    out.push('');
    out.push(style.dim(`${countOf(run.rounds, 'round')} after ${warmupsRun(run.warmupRounds, run.settings.warmups)} warm-up${run.settings.warmups === 1 ? '' : 's'}, each sample a fresh interpreter; median of the import itself (perf_counter); ${run.durationS.toFixed(1)} s in all`));
    return out.join('\n');
}

// --json, --markdown and --html, checked before anything is installed or measured (a
// typo found after a two-minute run loses the run), and written at the end
// with an error that names the flag when the disk says no.
/** Where --json, --markdown and --html go (resolved against cwd); each checked to be writable. */
function outputPaths(values, cwd) {
    const check = (flag, given) => {
        if (given === undefined)
            return null;
        if (given === '')
            throw new UsageError(`${flag}: give a file path`);
        const path = resolve$1(cwd, given);
        writable(flag, given, path);
        return path;
    };
    return {
        jsonPath: check('--json', values.json),
        markdownPath: check('--markdown', values.markdown),
        htmlPath: check('--html', values.html),
    };
}
/** What is at `path`, or null when nothing is (ENOENT, or ENOTDIR: a file where a folder would be). */
function statOrNull(path) {
    try {
        return statSync(path, { throwIfNoEntry: false }) ?? null;
    }
    catch {
        return null;
    }
}
function writable(flag, given, path) {
    const stat = statOrNull(path);
    if (stat?.isDirectory())
        throw new UsageError(`${flag} ${given}: is a directory; give a file path`);
    if (stat)
        return access(flag, given, path);
    // A file to be created: its nearest existing folder must take it (the rest is made).
    let folder = dirname(path);
    for (;;) {
        const s = statOrNull(folder);
        if (s) {
            if (!s.isDirectory())
                throw new UsageError(`${flag} ${given}: ${folder} is a file, not a folder`);
            return access(flag, given, folder);
        }
        const parent = dirname(folder);
        if (parent === folder)
            return;
        folder = parent;
    }
}
function access(flag, given, path) {
    try {
        accessSync(path, constants$1.W_OK);
    }
    catch {
        throw new UsageError(`${flag} ${given}: ${path} is not writable`);
    }
}
/** Writes one output file; a failure names the flag and keeps the run's exit status meaningful. */
async function writeOutput(flag, path, text) {
    try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
    }
    catch (error) {
        const code = error.code;
        throw new UsageError(`${flag}: could not write ${path} (${code ?? error.message}); the report above is complete`);
    }
}

// --help: the CLI's own flags here, the settings' lines from the registry.
const help = (specs) => specs.flatMap((s) => s.help).join('\n');
const COMMON = SETTINGS.filter((s) => s.commands.includes('measure'));
const COMPARE_ONLY = SETTINGS.filter((s) => !s.commands.includes('measure'));
const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate compare <base-ref> <head-ref> [options]   is head slower to import than base, and why
  importgate measure [options]                         measure the working tree as it is
  importgate report <results.json> [--markdown FILE] [--html FILE]   show a results file again
  importgate merge <results.json>... [--markdown FILE]   one report for several jobs of one
                                                         comparison (a matrix of Pythons or OSes);
                                                         a folder: every results.json under it
  importgate --help | --version

Common options:
${help(COMMON.slice(0, 1))}
  -C, --repo DIR          the git repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter, the same for both sides (default: python3 on PATH)
${help(COMMON.slice(1))}
      --json FILE         write the results document (schema 1) to FILE
      --markdown FILE     write the markdown report (the pull-request comment) to FILE
      --html FILE         write the HTML report to FILE: each target's -X importtime tree,
                          base and head as one icicle coloured by change (self-contained)
  -q, --quiet             no progress lines on stderr

Settings not given as flags come from [tool.importgate] in pyproject.toml (for compare,
from the base commit's), then the defaults shown.

Options for compare:
${help(COMPARE_ONLY)}
      --label TEXT        names this job in a merged report (default: its Python and OS)

Exit status: 0 pass or improvement; 1 regression, budget breach, forbidden import, or
             inconclusive (not enough evidence for a verdict);
             2 usage or setup error, or a target that could not be imported;
             130 and 143 interrupted (SIGINT, SIGTERM), everything cleaned up.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`;

// The CLI as a function: arguments and streams in, exit status out.
const MEASURE_OPTIONS = {
    // The settings' flags come from the registry; these are the CLI's own.
    ...flagOptions('measure'),
    repo: { type: 'string', short: 'C' },
    'project-dir': { type: 'string' },
    python: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    html: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
};
const COMPARE_OPTIONS = {
    ...MEASURE_OPTIONS,
    ...flagOptions('compare'),
    label: { type: 'string' },
};
/** 0 pass or improvement; 1 a failing verdict; 2 an error. */
function exitStatus(doc) {
    if (doc.verdict === 'error')
        return 2;
    return doc.verdict === 'pass' || doc.verdict === 'improvement' ? 0 : 1;
}
function parse(args, options) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError(`${error.message}\nRun importgate --help for the options.`);
    }
}
function progress(values, io) {
    return values.quiet ? () => { } : (line) => io.stderr.write(`importgate: ${visible(line)}\n`);
}
async function runMeasure(args, io) {
    const { values, positionals } = parse(args, MEASURE_OPTIONS);
    if (positionals.length > 0) {
        throw new UsageError(`measure takes no positional arguments, got ${JSON.stringify(positionals)}; give targets with -t MODULE`);
    }
    const request = measureRequest(values, io.cwd);
    const paths = outputPaths(values, io.cwd);
    const log = progress(values, io);
    const doc = await measure(request, { env: io.env, cwd: io.cwd, log, signal: io.signal });
    return finish(doc, measureReportOfView, paths, io, log);
}
async function runCompare(args, io) {
    const { values, positionals } = parse(args, COMPARE_OPTIONS);
    const request = compareRequest(values, positionals, io.cwd);
    const paths = outputPaths(values, io.cwd);
    const log = progress(values, io);
    const warn = (line) => io.stderr.write(`importgate: warning: ${visible(line)}\n`);
    const doc = await compare(request, { env: io.env, cwd: io.cwd, log, warn, signal: io.signal });
    return finish(doc, compareReportOfView, paths, io, log);
}
const REPORT_OPTIONS = {
    markdown: { type: 'string' },
    html: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
};
/** `importgate report FILE`: a results file (a downloaded artifact, say) shown again. */
async function runReport(args, io) {
    const { values, positionals } = parse(args, REPORT_OPTIONS);
    if (positionals.length !== 1) {
        throw new UsageError(`report needs one results file (written by --json or uploaded by the action); got ${positionals.length}: ${JSON.stringify(positionals)}`);
    }
    const path = resolve$1(io.cwd, positionals[0]);
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`${positionals[0]}: cannot read it (${error.message})`);
    }
    let doc;
    try {
        doc = readResults(text, positionals[0]);
    }
    catch (error) {
        if (error instanceof ResultsFileError)
            throw new UsageError(error.message);
        throw error;
    }
    const report = doc.command === 'measure' ? measureReportOfView : compareReportOfView;
    const paths = { ...outputPaths(values, io.cwd), jsonPath: null };
    return finish(doc, report, paths, io, progress(values, io));
}
/** `importgate merge FILE...`: the results of several jobs of one comparison as one report. */
async function runMerge(args, io) {
    const { values, positionals } = parse(args, REPORT_OPTIONS);
    if (positionals.length === 0)
        throw new UsageError('merge needs one or more results files, or folders holding them (written by --json or uploaded by the action)');
    const markdownPath = outputPaths(values, io.cwd).markdownPath;
    const files = [];
    // Folders too (a downloaded artifact of several jobs), as the action's publish mode takes them.
    for (const path of await resultFiles(positionals, io.cwd, 'merge')) {
        const given = relative(io.cwd, path) || path;
        let text;
        try {
            text = await readFile(path, 'utf8');
        }
        catch (error) {
            throw new UsageError(`${given}: cannot read it (${error.message})`);
        }
        try {
            files.push({ source: given, doc: readResults(text, given) });
        }
        catch (error) {
            if (error instanceof ResultsFileError)
                throw new UsageError(error.message);
            throw error;
        }
    }
    let jobs;
    try {
        jobs = jobsOf(files);
    }
    catch (error) {
        if (error instanceof MergeError)
            throw new UsageError(error.message);
        throw error;
    }
    // Interrupted while reading: nothing is written, as a cancelled compare writes nothing.
    if (io.signal?.aborted)
        throw new CancelledError('merge');
    // One view per job, for the text, the markdown and the verdict alike.
    const merged = mergedView(jobs);
    io.stdout.write(`${visible(mergedText(merged))}\n`);
    if (markdownPath) {
        await writeOutput('--markdown', markdownPath, mergedMarkdown(merged));
        progress(values, io)(`merged markdown report written to ${markdownPath}`);
    }
    const { verdict } = merged;
    return verdict === 'error' ? 2 : verdict === 'pass' || verdict === 'improvement' ? 0 : 1;
}
async function finish(doc, report, paths, io, log) {
    const style = useColor(io.stdout.isTTY, io.env) ? COLOR : PLAIN;
    // One view for every report this run writes.
    const view = buildView(doc);
    io.stdout.write(`${report(view, style)}\n`);
    if (paths.jsonPath) {
        await writeOutput('--json', paths.jsonPath, `${JSON.stringify(doc, null, 2)}\n`);
        log(`results written to ${paths.jsonPath}`);
    }
    if (paths.markdownPath) {
        await writeOutput('--markdown', paths.markdownPath, markdownOfView(view));
        log(`markdown report written to ${paths.markdownPath}`);
    }
    if (paths.htmlPath) {
        await writeOutput('--html', paths.htmlPath, htmlOfView(view));
        log(`HTML report (diff icicle of the import trees) written to ${paths.htmlPath}`);
    }
    return exitStatus(doc);
}
/**
 * Inside a GitHub Actions job the runner obeys a workflow command (`::error`,
 * `::add-mask::`, `::set-output`) at the start of any line of the log, and the
 * CLI prints the measured code's text (an exception's message, a module name)
 * and results files' text. There each write that could read as one is fenced,
 * as the action fences its own log lines.
 */
function fencedInWorkflow(io) {
    if (io.env.GITHUB_ACTIONS !== 'true')
        return io;
    const token = () => randomBytes(16).toString('hex');
    return {
        ...io,
        stdout: {
            write: (text) => io.stdout.write(fenceCommands(text, token)),
            isTTY: io.stdout.isTTY,
        },
        stderr: { write: (text) => io.stderr.write(fenceCommands(text, token)) },
    };
}
async function runCli(argv, given) {
    const io = fencedInWorkflow(given);
    const [command, ...rest] = argv;
    try {
        if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
            io.stdout.write(`${USAGE}\n`);
            return command === undefined ? 2 : 0;
        }
        if (command === '--version' || command === '-V') {
            io.stdout.write(`importgate ${VERSION}\n`);
            return 0;
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            io.stdout.write(`${USAGE}\n`);
            return 0;
        }
        if (command === 'measure')
            return await runMeasure(rest, io);
        if (command === 'compare')
            return await runCompare(rest, io);
        if (command === 'report')
            return await runReport(rest, io);
        if (command === 'merge')
            return await runMerge(rest, io);
        throw new UsageError(`unknown command "${command}"; use measure, compare or report (importgate --help)`);
    }
    catch (error) {
        if (error instanceof UsageError || error instanceof SetupError) {
            io.stderr.write(`importgate: ${visible(error.message)}\n`);
            return 2;
        }
        throw error;
    }
}

// CLI entry: wires the process (argv, streams, signals) into runCli.
// First: the secrets leave the environment other processes can read.
const controller = new AbortController();
// 128 + the signal's number, as shells report a process a signal ended.
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 };
let interrupted = null;
let interruptedAt = 0;
for (const name of ['SIGINT', 'SIGTERM']) {
    process.on(name, () => {
        if (interrupted) {
            // The same Ctrl-C twice within a second: the terminal's, and the one the
            // subreaper above us passed on. A second one later: stop waiting for cleanup.
            if (name === interrupted && Date.now() - interruptedAt < 1000)
                return;
            process.exit(SIGNAL_STATUS[name]);
        }
        interrupted = name;
        interruptedAt = Date.now();
        process.stderr.write(`importgate: ${name}: stopping and cleaning up\n`);
        controller.abort();
        killAllChildGroups();
        killTagged();
    });
}
const subreaper = subreaperToWatch(process.env);
if (subreaper !== null)
    watchSubreaper(subreaper, (what) => {
        // An error, not an interrupt: the run's own cleanup runs, then status 2.
        process.stderr.write(`importgate: ${what}\n`);
        controller.abort();
        killAllChildGroups();
        killTagged();
    });
runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
}).then((status) => {
    process.exitCode = interrupted ? SIGNAL_STATUS[interrupted] : status;
}, (error) => {
    process.stderr.write(`importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
});

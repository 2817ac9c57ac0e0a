"""importgate probe: imports one module in a fresh interpreter and reports how it went.

Run as:  python [-X importtime] probe.py MODE FD TARGET
         (MODE: time | modules | profile | functions | count | empty | lazy | all-lazy)
         python probe.py info FD

The report is one JSON object written to the inherited file descriptor FD, never
to stdout or stderr: the measured code may print anything to either stream.

Before the import this file uses only modules the interpreter has already loaded
at startup (sys, os, time); anything else would change what is being measured.
That is also why it encodes its JSON by hand instead of importing `json`, and
formats tracebacks without `traceback`. Python 3.8+, stdlib only.
"""

import sys
import os
import time

PROTOCOL = 1
BEGIN_MARK = "importgate-probe: begin import"
END_MARK = "importgate-probe: end import"
_PRELOADED = [name for name in ("os", "time") if name in sys.modules]


def _string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code > 0xFFFF:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        else:
            out.append("\\u%04x" % code)
    out.append('"')
    return "".join(out)


def _encode(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ",".join(_string(str(k)) + ":" + _encode(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_encode(v) for v in value) + "]"
    return _string(repr(value))


def _emit(fd, report):
    data = memoryview(_encode(report).encode("ascii"))
    while data:
        data = data[os.write(fd, data):]


def _safe_str(value):
    try:
        return str(value)
    except BaseException:  # a hostile __str__ must not cost us the report
        return "<unprintable %s>" % type(value).__name__


def _traceback_tail(exc, limit=8):
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append('File "%s", line %d, in %s' % (code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    # The first frame is this probe calling __import__: not the user's concern.
    return frames[1:][-limit:]


def _describe(exc):
    error = {
        "kind": type(exc).__name__,
        "message": _safe_str(exc),
        "traceback": _traceback_tail(exc),
    }
    if isinstance(exc, SystemExit):
        code = exc.code
        error["exit_code"] = code if isinstance(code, int) or code is None else _safe_str(code)
    return error


# Marks where the import starts and ends for a tool that traces system calls
# (strace, for fs-calls): a stat of a path that does not exist, which the trace
# shows by name. Count and empty runs only; timed runs make no extra calls.
BEGIN_PATH = "/importgate-probe-marker/begin"
END_PATH = "/importgate-probe-marker/end"


def _mark(path):
    try:
        os.stat(path)
    except OSError:
        pass


def _status_kib(field):
    """A size from /proc/self/status (VmRSS, VmHWM) in KiB; None off Linux.

    os.open and os.read, not open(): io must not be asked for anything the
    import would otherwise load.
    """
    try:
        fd = os.open("/proc/self/status", os.O_RDONLY)
    except OSError:
        return None
    try:
        data = os.read(fd, 16384)
    finally:
        os.close(fd)
    for line in data.split(b"\n"):
        if line.startswith(field + b":"):
            parts = line.split()
            return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return None


def _info(fd):
    # Runs on any Python, so that a too old one is told apart from a broken
    # one (2.7 has no sys.implementation): importgate says which it is.
    uname = os.uname() if hasattr(os, "uname") else None
    implementation = getattr(sys, "implementation", None)
    _emit(fd, {
        "protocol": PROTOCOL,
        "mode": "info",
        "version": sys.version,
        "version_info": list(sys.version_info[:3]),
        "implementation": getattr(implementation, "name", "cpython"),
        "cache_tag": getattr(implementation, "cache_tag", None) or "",
        "executable": sys.executable,
        "prefix": sys.prefix,
        "base_prefix": getattr(sys, "base_prefix", sys.prefix),
        "platform": sys.platform,
        "machine": uname[4] if uname else "",
        "startup_modules": len(sys.modules),
    })


def _route_dynamic_imports():
    """Profile runs only: send importlib.import_module through the C import.

    -X importtime times the C import that `import` and `__import__` use.
    importlib.import_module goes through importlib._bootstrap._gcd_import to
    _find_and_load in Python, which it does not time: such a module is missing
    from the log, its cost lands on its importer, and its own imports show up
    as if the importer made them. _gcd_import is looked up on the bootstrap
    module at each call, so replacing it reaches every caller, without
    importing importlib (which is not loaded at start-up).
    """
    bootstrap = sys.modules.get("_frozen_importlib")
    if bootstrap is None or not hasattr(bootstrap, "_gcd_import"):
        return
    sanity = getattr(bootstrap, "_sanity_check", None)
    resolve = getattr(bootstrap, "_resolve_name", None)

    def _gcd_import(name, package=None, level=0):
        if sanity is not None:
            sanity(name, package, level)
        if level > 0 and resolve is not None:
            name = resolve(name, package, level)
        __import__(name)
        return sys.modules[name]

    bootstrap._gcd_import = _gcd_import


def _function_profiler():
    """The C profiler behind cProfile, without cProfile's own imports (io, pstats...).

    Loaded before `before` is taken, so it is not counted as the target's.
    """
    try:
        import _lsprof
    except ImportError:
        return None
    # C functions too: where a function's time went is often one (sum, a
    # regex, os.stat). A class-creation hook (a metaclass's __new__,
    # __init_subclass__) is then recorded as called by builtins.__build_class__,
    # which probe_functions.py keeps in the graph so that the path from the hook
    # leads to the module bodies whose class statements ran it.
    return _lsprof.Profiler()


def _functions(profiler, helper):
    """The profile, summed up by probe_functions.py (given by path: it is not on sys.path).

    It may import what it likes (ast, importlib): the import is over.
    """
    if helper is None:
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("importgate_probe_functions", helper)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.called_at_import(profiler.getstats(), sys.modules)


def _import_system(filename):
    # This file by its code's name: the probe may run from a compiled copy.
    return filename.startswith("<frozen importlib") or filename == _measure.__code__.co_filename


class _LazyWatch:
    """Lazy modes (Python 3.15+, PEP 810), untimed: which imports were lazy, and what loaded them.

    The lazy-imports filter is asked about every import that may be lazy (those
    declared lazy; every import in all-lazy mode): it records the statement's
    importer, module and line, and lets it be lazy. A finder first on
    sys.meta_path sees every module as it is first loaded, and notes the first
    frame outside the import system that asked for it: the line that touched a
    lazy import, or the eager import that loaded it anyway.
    """

    def __init__(self):
        self.statements = []
        self.names = set()
        self.loaded_at = {}

    def __call__(self, importer, name, fromlist):
        frame = sys._getframe(1)
        self.statements.append((importer, name, fromlist, frame.f_code.co_filename, frame.f_lineno))
        self.names.add(name)
        return True

    def find_spec(self, name, path=None, target=None):
        if name in self.names and name not in self.loaded_at:
            frame = sys._getframe(1)
            while frame is not None and _import_system(frame.f_code.co_filename):
                frame = frame.f_back
            self.loaded_at[name] = [frame.f_code.co_filename, frame.f_lineno] if frame else None
        return None

    def report(self):
        out = []
        for importer, name, fromlist, filename, line in self.statements:
            loaded = name in sys.modules
            out.append({
                "importer": _safe_str(importer),
                "module": _safe_str(name),
                "names": [_safe_str(n) for n in fromlist] if fromlist else None,
                "file": _safe_str(filename),
                "line": line,
                "loaded": loaded,
                "loaded_at": self.loaded_at.get(name) if loaded else None,
            })
        return out


def _lazy_watch(mode):
    """The watch for a lazy mode, or None where the interpreter has no lazy imports (before 3.15)."""
    if not hasattr(sys, "set_lazy_imports_filter"):
        return None
    watch = _LazyWatch()
    sys.set_lazy_imports_filter(watch)
    if mode == "all-lazy":
        sys.set_lazy_imports("all")
    sys.meta_path.insert(0, watch)
    return watch


# What each mode does around the import, one row a mode (`info` imports
# nothing and is apart). import: the target is imported (an `empty` run does
# all but the import: its count is what start-up and the probe cost, to take
# off a count run's). importtime: -X importtime's log is fenced by markers on
# stderr, with the cyclic collector off and dynamic imports routed through
# the logged import. functions: a cProfile profile of the import. counted:
# path markers an outside counter (strace, perf) cuts its count at. added: the
# names of the modules the import added. lazy: the lazy statements watched
# (Python 3.15+, PEP 810). probe-report-types.ts lists the same modes.
_MODES = {
    "time": ("import",),
    "modules": ("import", "added"),
    "profile": ("import", "importtime", "added"),
    "functions": ("import", "importtime", "functions", "added"),
    "count": ("import", "counted"),
    "empty": ("counted",),
    "lazy": ("import", "added", "lazy"),
    "all-lazy": ("import", "added", "lazy"),
}


def _measure(mode, fd, target):
    pid = os.getpid()
    does = _MODES[mode]
    lazy = "lazy" in does
    watch = _lazy_watch(mode) if lazy else None
    profile = "importtime" in does
    profiler = _function_profiler() if "functions" in does else None
    collector = None
    if profile:
        # Own times in -X importtime include whatever cyclic collection runs
        # during a module's body: one unchanged module can show +20 ms because
        # the collector happened to run there. Profile runs are untimed, so
        # they run with it off; timed runs keep it, as real imports do.
        # (gc is built in; loading it here puts it in `before`.)
        import gc as collector
        collector.disable()
        _route_dynamic_imports()
    counted = "counted" in does
    before = set(sys.modules)
    if profile:
        os.write(2, ("\n%s\n" % BEGIN_MARK).encode("ascii"))
    rss0 = _status_kib(b"VmRSS")
    if counted:
        _mark(BEGIN_PATH)
    error = None
    cpu0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    if profiler is not None:
        profiler.enable()
    try:
        if "import" in does:
            __import__(target)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        error = exc
    if profiler is not None:
        profiler.disable()
    t1 = time.perf_counter_ns()
    cpu1 = time.process_time_ns()
    if os.getpid() != pid:
        # The measured code forked and this is the child coming back: stay silent.
        os._exit(0)
    if counted:
        _mark(END_PATH)
    peak = _status_kib(b"VmHWM")
    if profile:
        os.write(2, ("\n%s\n" % END_MARK).encode("ascii"))
        collector.enable()
    report = {
        "protocol": PROTOCOL,
        "mode": mode,
        "target": target,
        "ok": error is None,
        "import_ns": t1 - t0,
        "import_cpu_ns": cpu1 - cpu0,
        "start_ns": t0,
        "end_ns": t1,
        "modules_before": len(before),
        "modules_after": len(sys.modules),
        "probe_preloaded": _PRELOADED,
        # Peak resident memory at the end of the import minus resident memory
        # before it: what the import grew the process by at its highest.
        "memory_kib": peak - rss0 if peak is not None and rss0 is not None else None,
        "error": _describe(error) if error is not None else None,
    }
    if "added" in does:
        report["added"] = sorted(_safe_str(name) for name in set(sys.modules) - before)
    if lazy:
        # The import's time is the all-lazy headroom; a filter and finder that
        # run only at lazy statements and first loads cost little of it.
        if watch is not None and watch in sys.meta_path:
            sys.meta_path.remove(watch)
        report["lazy"] = watch.report() if watch is not None else None
    if profiler is not None:
        report["functions"] = _functions(profiler, sys.argv[4] if len(sys.argv) > 4 else None)
    _emit(fd, report)


def main():
    # Running a script puts its folder first on sys.path; that folder is ours,
    # not the measured project's, so take it out before anything is imported.
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and sys.path[0] in (here, os.path.realpath(here)):
        del sys.path[0]
    mode, fd = sys.argv[1], int(sys.argv[2])
    # Descendants of the measured code must not hold our report channel open.
    # (Python 2 has no set_inheritable; it only ever gets as far as `info`.)
    if hasattr(os, "set_inheritable"):
        os.set_inheritable(fd, False)
    if mode == "info":
        _info(fd)
    else:
        _measure(mode, fd, sys.argv[3])
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    # Skip interpreter teardown: atexit hooks and non-daemon threads started by
    # the measured code are not part of the import and could hang the sample.
    os._exit(0)


if __name__ == "__main__":
    main()

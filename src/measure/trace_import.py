"""importgate tracer: imports one module once, untimed, and reports what the import did.

Run as:  python -X importtime trace_import.py FD TARGET WATCHED

WATCHED is a file of paths, one a line: the files that differ between base and
head. For those the tracer records every line the import executed (on 3.12+
with sys.monitoring, each location reported once and then disabled, so the
import runs at near its usual speed; before 3.12 with sys.settrace, local
tracing only in the watched files). For every file it records what the code
outside the import system opened, listed, globbed or stat'ed: a data file read
at import is part of the import's work. At the end it reports every module in
sys.modules with its file, and which of them the import added. Under
`-X importtime` the import's lines on stderr sit between the probe's markers,
so the run doubles as the module-set run the gates are checked on.

The report is one JSON object on the inherited file descriptor FD, as the probe's.
Before the import this file uses only what start-up loaded (sys, os); the report
is encoded after the import, when loading json no longer matters.
Python 3.8+, stdlib only.
"""

import sys
import os

PROTOCOL = 1
BEGIN_MARK = "importgate-probe: begin import"
END_MARK = "importgate-probe: end import"
# Past this many distinct paths the report says so and the proof does not hold.
MAX_TOUCHED = 20000
_HERE = None


def _watched(path):
    fd = os.open(path, os.O_RDONLY)
    chunks = []
    try:
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    found = set()
    for line in b"".join(chunks).decode("utf-8", "surrogateescape").split("\n"):
        if line:
            found.add(line)
            found.add(os.path.realpath(line))
    return found


def _import_system(filename):
    return (
        filename.startswith("<frozen importlib")
        or filename.startswith("<frozen zipimport")
        or filename == _HERE
    )


class _Touched:
    """The paths the measured code asked the file system about, outside the import system."""

    def __init__(self):
        self.seen = set()
        self.overflow = False

    def add(self, event, path, depth):
        if isinstance(path, int) or path is None and event not in ("os.listdir", "os.scandir"):
            return
        frame = sys._getframe(depth)
        if frame is not None and _import_system(frame.f_code.co_filename):
            # The import system lists folders to find modules (the module set, compared
            # whole, covers that), and opens files to load them, or for a loader's
            # get_data (pkgutil.get_data): those opens are kept as "load", and the proof
            # tells a module's own file from data read through its loader.
            if event != "open":
                return
            event = "load"
        if path is None:
            path = "."
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        elif not isinstance(path, str):
            try:
                path = os.fspath(path)
            except Exception:
                return
            if isinstance(path, bytes):
                path = os.fsdecode(path)
        if len(self.seen) >= MAX_TOUCHED:
            self.overflow = True
            return
        self.seen.add((event, os.path.abspath(path)))

    def audit(self, event, args):
        if event == "open" or event == "os.listdir" or event == "os.scandir":
            self.add(event, args[0] if args else None, 2)
        elif event == "ctypes.dlopen":
            # A shared library loaded by name or path: a changed one is a changed file read.
            name = args[0] if args else None
            if isinstance(name, (str, bytes)) and os.sep in os.fsdecode(name):
                self.add("open", name, 2)
        elif event in ("glob.glob", "glob.glob/2", "pathlib.Path.glob", "pathlib.Path.rglob"):
            # A pattern: what it may match is the folder it starts in.
            pattern = args[0] if args else None
            if isinstance(pattern, (str, bytes)):
                self.add("glob", os.path.dirname(pattern) or ".", 2)

    def wrap(self, module, name):
        real = getattr(module, name, None)
        if real is None:
            return
        touched = self

        def stat_like(path, *args, **kwargs):
            touched.add("stat", path, 2)
            return real(path, *args, **kwargs)

        setattr(module, name, stat_like)


def _lines_by_monitoring(watched, hits):
    monitoring = sys.monitoring
    tool = monitoring.COVERAGE_ID
    monitoring.use_tool_id(tool, "importgate-trace")
    events = monitoring.events

    def started(code, offset):
        if code.co_filename in watched:
            monitoring.set_local_events(tool, code, events.LINE)
        return monitoring.DISABLE

    def line(code, number):
        hits.setdefault(code.co_filename, set()).add(number)
        return monitoring.DISABLE

    monitoring.register_callback(tool, events.PY_START, started)
    monitoring.register_callback(tool, events.LINE, line)
    monitoring.set_events(tool, events.PY_START)

    def stop():
        monitoring.set_events(tool, 0)

    return stop


def _lines_by_settrace(watched, hits):
    def local(frame, event, arg):
        if event == "line":
            hits.setdefault(frame.f_code.co_filename, set()).add(frame.f_lineno)
        return local

    def calls(frame, event, arg):
        if frame.f_code.co_filename in watched:
            hits.setdefault(frame.f_code.co_filename, set()).add(frame.f_lineno)
            return local
        return None

    sys.settrace(calls)

    def stop():
        sys.settrace(None)

    return stop


def _file_of(module):
    try:
        found = module.__dict__.get("__file__")
    except Exception:
        return None
    return found if isinstance(found, str) else None


def main():
    global _HERE
    _HERE = sys._getframe(0).f_code.co_filename
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and sys.path[0] in (here, os.path.realpath(here)):
        del sys.path[0]
    fd, target, watched_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    os.set_inheritable(fd, False)
    watched = _watched(watched_path)
    pid = os.getpid()
    touched = _Touched()
    sys.addaudithook(touched.audit)
    for name in ("stat", "lstat", "access"):
        touched.wrap(os, name)
    hits = {}
    threads_before = len(sys._current_frames())
    if hasattr(sys, "monitoring"):
        stop = _lines_by_monitoring(watched, hits)
        how = "sys.monitoring"
    else:
        stop = _lines_by_settrace(watched, hits)
        how = "sys.settrace"
    error = None
    before = set(sys.modules)
    os.write(2, ("\n%s\n" % BEGIN_MARK).encode("ascii"))
    try:
        __import__(target)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        error = exc
    stop()
    if os.getpid() != pid:
        os._exit(0)
    os.write(2, ("\n%s\n" % END_MARK).encode("ascii"))
    threads_after = len(sys._current_frames())
    # Modules already loaded before the tracer started (site, .pth files, sitecustomize):
    # their lines ran untraced, so a change to their files is never proved.
    startup = sorted(f for f in (_file_of(sys.modules.get(n)) for n in before) if f)
    # Before json is loaded for the report: what the import itself left in sys.modules.
    modules = {str(name): _file_of(module) for name, module in list(sys.modules.items())}
    added = sorted(str(name) for name in set(sys.modules) - before)
    module_files = set(f for f in modules.values() if f)
    after = len(sys.modules)
    import json

    report = {
        "protocol": PROTOCOL,
        "mode": "trace",
        "target": target,
        "how": how,
        "ok": error is None,
        "error": None if error is None else {"kind": type(error).__name__, "message": str(error)[:2000]},
        "modules": modules,
        "added": added,
        "startup_files": startup,
        "modules_after": after,
        "lines": {name: sorted(lines) for name, lines in hits.items()},
        # A module's own file (or its bytecode cache) opened by the import system to load it
        # is not data: which of source or cache is read depends on whether a .pyc exists yet.
        "touched": sorted(
            [event, path]
            for event, path in touched.seen
            if event != "load" or (path not in module_files and "__pycache__" not in path)
        ),
        "touched_overflow": touched.overflow,
        # Before 3.12, lines other threads ran are not traced: a thread still
        # running at the end makes the proof refuse.
        "threads": threads_after - threads_before,
    }
    data = memoryview(json.dumps(report, ensure_ascii=True).encode("ascii"))
    while data:
        data = data[os.write(fd, data):]
    os._exit(0)


if __name__ == "__main__":
    main()

"""importgate probe, functions mode: which functions the import called, and where.

Loaded by probe.py only after the import it profiled is over, so it may import
what it likes. Input: the entries of an `_lsprof.Profiler` (the C profiler
behind cProfile) that ran around the import. Output: its call graph, without
the import system's own frames: every function (and module or class body) with
its calls and time, and the callers of each.

Python 3.8+, stdlib only.
"""

import os

# Every function is sent, however little time it took: a time cut-off would
# make the list, and so the call counts compared, depend on the run's noise
# (sympy's import calls about 2,600 functions over 5,000 edges). The cap only
# bounds a pathological import.
MAX_FUNCTIONS = 50000


def _is_machinery(code):
    """Import-system frames: they are how modules load, not what a module does.

    builtins.__build_class__ is not one of them: it is how a class statement
    runs its class body and the class-creation hooks (__init_subclass__, a
    metaclass's __new__), and the graph needs it to lead from a hook to the
    modules whose class statements called it.
    """
    if isinstance(code, str):
        return (
            "builtins.exec" in code
            or "builtins.__import__" in code
            or "_imp." in code
            or "importlib" in code
        )
    name = code.co_filename
    return name.startswith("<frozen importlib") or (
        os.sep + "importlib" + os.sep in name and os.path.basename(name).startswith("_bootstrap")
    ) or (os.path.basename(name) == "__init__.py" and name.endswith(os.sep.join(("importlib", "__init__.py"))))


def _module_files(modules):
    """Source file -> module name, for the modules loaded."""
    files = {}
    for name, module in list(modules.items()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            files.setdefault(path, name)
            files.setdefault(os.path.realpath(path), name)
        # Frozen stdlib modules (abc, os, codecs... since 3.11) run code named
        # "<frozen abc>": named by their module, `abc.ABCMeta.__new__` reads
        # better than `<frozen abc>:ABCMeta.__new__`.
        files.setdefault("<frozen %s>" % name, name)
    return files


def _label(code, files):
    """(qualified name, file, line) of a profiled function."""
    if isinstance(code, str):
        # "<built-in method time.sleep>", "<method 'sort' of 'list' objects>"
        text = code
        if text.startswith("<built-in method ") and text.endswith(">"):
            text = text[len("<built-in method "):-1]
        # "__new__ of type object at 0x7f13…": the address differs between runs.
        at = text.find(" at 0x")
        if at >= 0:
            text = text[:at]
        return text, None, None
    module = files.get(code.co_filename) or files.get(os.path.realpath(code.co_filename))
    name = getattr(code, "co_qualname", code.co_name)
    qualified = "%s.%s" % (module, name) if module else "%s:%s" % (code.co_filename, name)
    return qualified, code.co_filename, code.co_firstlineno


def _key(code):
    """Code objects compare by value (two modules of the same text are equal): key by identity."""
    return code if isinstance(code, str) else id(code)


# A code object without CO_OPTIMIZED runs in a namespace of its own making:
# a module body or a class body (or text given to exec). Functions, lambdas and
# comprehensions have it. Told by the code, not by who called it: C code calls
# class bodies and class-creation hooks alike.
_CO_OPTIMIZED = 0x1


def _import_level_codes(stats):
    """Keys of module bodies and class bodies: code that runs at import."""
    return {
        _key(entry.code)
        for entry in stats
        if not isinstance(entry.code, str) and not entry.code.co_flags & _CO_OPTIMIZED
    }


def called_at_import(stats, modules):
    """The call graph of the import, import machinery left out, small functions too.

    Each function with its calls and time over the whole import, and each of
    its callers with the calls and time of that edge; callers by index into
    the list. The diff across base and head happens in importgate.
    """
    files = _module_files(modules)
    levels = _import_level_codes(stats)
    kept = [entry for entry in stats if not _is_machinery(entry.code)]
    kept.sort(key=lambda entry: (_key(entry.code) not in levels, -entry.totaltime))
    kept = kept[:MAX_FUNCTIONS]
    index = {_key(entry.code): i for i, entry in enumerate(kept)}
    callers = [[] for _ in kept]
    # Time each function spent in the import system's frames it called
    # (`importlib.import_module`, an `import` inside it): the loading of
    # modules, which the module diff accounts for. Without it, a function that
    # now imports a module both sides load, as base did elsewhere, reads as new
    # work of its own (runpod's `_load_api_key()`, +26 ms of which ~all import).
    import_ms = [0.0] * len(kept)
    for entry in stats:
        caller = index.get(_key(entry.code))
        if caller is None:
            continue  # the import system's own frames
        for sub in entry.calls or ():
            callee = index.get(_key(sub.code))
            if callee is not None and callee != caller:
                callers[callee].append([caller, sub.callcount, round(sub.totaltime * 1000, 4)])
            elif callee is None and _is_machinery(sub.code):
                import_ms[caller] += sub.totaltime * 1000
    out = []
    for i, entry in enumerate(kept):
        name, path, line = _label(entry.code, files)
        module = None
        if path is not None:
            module = files.get(path) or files.get(os.path.realpath(path))
        out.append({
            "name": name,
            "module": module,
            "file": path,
            "line": line,
            "level": _key(entry.code) in levels,
            "calls": entry.callcount,
            "ms": round(entry.totaltime * 1000, 4),
            "import_ms": round(min(import_ms[i], entry.totaltime * 1000), 4),
            "callers": callers[i],
        })
    return {"functions": out, "files": _project_files(files)}


def _project_files(files):
    """Module name -> source file, for linking modules to their lines."""
    out = {}
    for path, name in files.items():
        if path.startswith("<"):
            continue  # frozen: no file to link to
        if path == os.path.realpath(path) or name not in out:
            out[name] = path
    return out

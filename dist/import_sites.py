# Where a module's source imports what, read with the interpreter's own ast
# (so `lazy import` parses where the language has it): each import statement
# with its line, whether it is declared lazy (PEP 810), and where it sits (the
# module body, a function, a module-level __getattr__ (PEP 562), an
# `if TYPE_CHECKING:` block, another condition), and the module's
# `__lazy_modules__` list. Nothing is imported or run: the files are parsed.
#
#   python -I -S import_sites.py MODULE FILE [MODULE FILE ...]
#
# Writes one JSON object on fd 3, keyed by FILE. Stdlib only, Python 3.6+.
import ast
import json
import os
import sys


def _resolve(module, is_package, level, name):
    """The absolute name a (relative) from-import names, or None."""
    if not level:
        return name
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if len(parts) >= level - 1 else []
    if not parts:
        return None
    return ".".join(parts + ([name] if name else []))


def _is_type_checking(test):
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    if isinstance(test, ast.Attribute):
        return test.attr == "TYPE_CHECKING"
    return False


def _strings(node):
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        out = []
        for elt in node.elts:
            value = getattr(elt, "value", getattr(elt, "s", None))
            if isinstance(value, str):
                out.append(value)
        return out
    return None


# Calls that import the module their first argument names.
_IMPORT_CALLS = ("import_module", "__import__")


def _called_name(call):
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _module_names(module, is_package, tree):
    """Module names the file writes as strings: a lazy-attribute table's values, any dotted name."""
    out = []
    values = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            values.update(id(v) for v in node.values)
    for node in ast.walk(tree):
        if not _is_str(node):
            continue
        text = getattr(node, "value", getattr(node, "s", None))
        level = len(text) - len(text.lstrip("."))
        rest = text[level:]
        if not rest or not all(part.isidentifier() for part in rest.split(".")):
            continue
        if not (level or "." in rest or id(node) in values):
            continue  # a bare word ("default", an `__all__` entry) is not taken for a module
        name = _resolve(module, is_package, level, rest)
        if name and name not in out:
            out.append(name)
    return out


def _is_str(node):
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or (
        type(node).__name__ == "Str"
    )


def _sites(module, is_package, tree):
    sites = []
    lazy_modules = None
    names_in_file = []

    def dynamic(call, scope, function):
        """`importlib.import_module(...)` or `__import__(...)` in a module `__getattr__`."""
        if not call.args:
            return
        arg = call.args[0]
        if _is_str(arg):
            text = getattr(arg, "value", getattr(arg, "s", None))
            level = len(text) - len(text.lstrip("."))
            base = _resolve(module, is_package, level, text[level:] or None)
            modules = [base] if base else []
        else:
            # A name looked up at run time (runpod's `_LAZY_ATTRS[name]`): any
            # dotted name the file writes as a string may be what it loads.
            if not names_in_file:
                names_in_file.extend(_module_names(module, is_package, tree) or [""])
            modules = [m for m in names_in_file if m]
        if modules:
            sites.append({
                "line": call.lineno,
                "kind": "import",
                "modules": modules,
                "names": [],
                "lazy": False,
                "scope": scope,
                "function": function,
            })

    def visit(node, scope, function, top, in_class=False):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                name = getattr(child, "name", "<lambda>")
                # A module's `__getattr__`, defined at the top or built by a
                # factory (`__getattr__ = _make_getattr()`); not a class's.
                inner = "getattr" if name == "__getattr__" and not in_class else "function"
                visit(child, "getattr" if "getattr" in (scope, inner) else inner,
                      function or name, False, in_class)
            elif isinstance(child, ast.ClassDef):
                visit(child, scope, function, False, True)
            elif (isinstance(child, ast.Call) and scope == "getattr"
                  and _called_name(child) in _IMPORT_CALLS):
                dynamic(child, scope, function)
                visit(child, scope, function, top, in_class)
            elif isinstance(child, ast.If) and scope == "module":
                guarded = "type-checking" if _is_type_checking(child.test) else "conditional"
                for part in child.body:
                    visit(ast.Module(body=[part]), guarded, function, top, in_class)
                for part in child.orelse:
                    visit(ast.Module(body=[part]), "conditional", function, top, in_class)
            elif isinstance(child, ast.Import):
                sites.append({
                    "line": child.lineno,
                    "kind": "import",
                    "modules": [a.name for a in child.names],
                    "names": [],
                    "lazy": bool(getattr(child, "is_lazy", 0)),
                    "scope": scope,
                    "function": function,
                })
            elif isinstance(child, ast.ImportFrom):
                base = _resolve(module, is_package, child.level or 0, child.module)
                if base is not None:
                    sites.append({
                        "line": child.lineno,
                        "kind": "from",
                        "modules": [base],
                        "names": [a.name for a in child.names],
                        "lazy": bool(getattr(child, "is_lazy", 0)),
                        "scope": scope,
                        "function": function,
                    })
            else:
                visit(child, scope, function, top, in_class)

    visit(tree, "module", None, True)
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__lazy_modules__" for t in targets):
                names = _strings(node.value) if node.value is not None else None
                if names is not None:
                    lazy_modules = {"line": node.lineno, "names": names}
    return sites, lazy_modules


def main(argv):
    out = {}
    for module, path in zip(argv[0::2], argv[1::2]):
        try:
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), path)
            is_package = os.path.basename(path) in ("__init__.py", "__init__.pyc")
            sites, lazy_modules = _sites(module, is_package, tree)
        except (OSError, SyntaxError, ValueError, RecursionError, MemoryError) as error:
            # A file too deep to parse or walk (a 3,000-term expression) has no
            # sites to show; the other files still do.
            out[path] = {"error": "%s: %s" % (type(error).__name__, error)}
            continue
        out[path] = {"sites": sites, "lazy_modules": lazy_modules}
    with os.fdopen(3, "w") as channel:
        json.dump(out, channel)


if __name__ == "__main__":
    main(sys.argv[1:])

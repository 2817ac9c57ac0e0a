"""importgate proof helper: which of a file's changed lines ran at import.

Run as:  python -I -S proof_lines.py FD REQUEST
         REQUEST: JSON {"files": [{"path": P, "hits": [lines], "asked": [lines]}]}

Writes JSON {"files": [{"path": P, "runs": [lines], "code_bytes": N, "error": E}]}.

Nothing of the measured code is imported: each file is parsed with this
interpreter's own ast. A traced import reports the lines it started; a
statement spans more lines than it starts on, so each asked line is judged by
the statement it belongs to:

- a line that is only a comment or blank runs nothing (the first two lines
  excepted: a coding cookie changes how the file reads);
- otherwise its statement is the innermost one whose lines hold it (a def's or
  a class's decorators count as its lines); the line ran if any line of that
  statement ran. A compound statement's own lines (`else:`, `finally:`, a
  condition over several lines) belong to it, not to its bodies;
- a line inside a function that was entered at import counts as run, reached
  or not: a `yield`, `global` or `nonlocal` anywhere in a body changes what
  calling it does;
- the docstring of a module or a class whose body ran is its `__doc__`, set
  at import.

`code_bytes` is the size of the file's code as marshal writes it into a .pyc:
what loading it reads and unmarshals. The answer goes to the inherited
file descriptor FD, as the probe's does.
"""

import ast
import importlib.util
import io
import json
import marshal
import sys
import tokenize

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _first_line(node):
    decorators = getattr(node, "decorator_list", None) or []
    return min([node.lineno] + [d.lineno for d in decorators])


def _code_only_lines(source):
    """Lines holding some token other than a comment or a line break."""
    lines = set()
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    quiet = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
             tokenize.ENDMARKER)
    for token in tokens:
        if token.type in quiet:
            continue
        lines.update(range(token.start[0], token.end[0] + 1))
    return lines


class _Index:
    def __init__(self, tree):
        # (first, last, node, enclosing function or None, is a docstring of a module/class body)
        self.statements = []
        self._walk(tree, None)

    def _walk(self, node, function):
        for field, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for index, child in enumerate(children):
                if not isinstance(child, ast.AST):
                    continue
                inner = node if isinstance(node, FUNCTIONS) and field == "body" else function
                if isinstance(child, ast.stmt):
                    doc = (
                        field == "body" and index == 0
                        and isinstance(node, (ast.Module, ast.ClassDef))
                        and isinstance(child, ast.Expr)
                        and isinstance(getattr(child.value, "value", None), str)
                    )
                    self.statements.append(
                        (_first_line(child), child.end_lineno, child, inner, doc, node)
                    )
                self._walk(child, inner)

    def innermost(self, line):
        best = None
        for entry in self.statements:
            first, last = entry[0], entry[1]
            if first <= line <= last and (best is None or last - first <= best[1] - best[0]):
                best = entry
        return best


def _span_ran(first, last, hits):
    return any(first <= h <= last for h in hits)


def _body_ran(node, hits):
    body = getattr(node, "body", None)
    if isinstance(node, ast.Lambda):
        return _span_ran(node.lineno, node.end_lineno, hits)
    if not body:
        return False
    return _span_ran(body[0].lineno, body[-1].end_lineno, hits)


def judge(source, hits, asked):
    tree = ast.parse(source)
    index = _Index(tree)
    code = _code_only_lines(source)
    hits = set(hits)
    runs = []
    for line in asked:
        if line not in code and line > 2:
            continue
        entry = index.innermost(line)
        if entry is None:
            # Outside every statement: the coding cookie's lines, if anything ran.
            if hits:
                runs.append(line)
            continue
        first, last, node, function, doc, parent = entry
        if doc:
            if isinstance(parent, ast.Module) and hits:
                runs.append(line)
            elif isinstance(parent, ast.ClassDef) and _span_ran(
                _first_line(parent), parent.end_lineno, hits
            ):
                runs.append(line)
            continue
        if _span_ran(first, last, hits):
            runs.append(line)
        elif function is not None and _body_ran(function, hits):
            runs.append(line)
    return runs


def main():
    fd = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as handle:
        request = json.load(handle)
    out = []
    for item in request["files"]:
        path = item["path"]
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
            source = importlib.util.decode_source(raw)
            runs = judge(source, item["hits"], item["asked"])
            size = len(marshal.dumps(compile(raw, path, "exec", dont_inherit=True)))
            out.append({"path": path, "runs": runs, "code_bytes": size, "error": None})
        except Exception as exc:  # a file this interpreter cannot parse is not proved
            out.append({"path": path, "runs": [], "code_bytes": None,
                        "error": "%s: %s" % (type(exc).__name__, exc)})
    with open(fd, "w", encoding="ascii", closefd=True) as channel:
        channel.write(json.dumps({"files": out}))


if __name__ == "__main__":
    main()

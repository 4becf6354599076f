"""Reads the shapes the canon checks from Python snippets: class methods, module functions, class fields.

Input (stdin): a JSON list of snippets. Output (stdout): one entry per snippet, either
{"error": message} when it does not parse, or {"classes": [...], "functions": [...]} where every
signature is normalised by `ast.unparse`, so spacing, quoting of annotations and docstrings do not matter.
"""

import ast
import copy
import json
import sys


class _Unquote(ast.NodeTransformer):
    """Turns string annotations ("Money") into the expressions they stand for (Money)."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            try:
                return ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return node
        return node


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef, owner: str | None) -> str:
    stub = copy.deepcopy(node)
    stub.body = [ast.Expr(ast.Constant(...))]
    stub.decorator_list = [d for d in stub.decorator_list if _decorator_name(d) in _KEPT_DECORATORS]
    for arg in [*stub.args.posonlyargs, *stub.args.args, *stub.args.kwonlyargs, stub.args.vararg, stub.args.kwarg]:
        if arg is not None and arg.annotation is not None:
            arg.annotation = _Unquote().visit(arg.annotation)
    if stub.returns is not None:
        stub.returns = _Unquote().visit(stub.returns)
        if owner and isinstance(stub.returns, ast.Name) and stub.returns.id == "Self":
            stub.returns = ast.Name(owner)
    text = ast.unparse(stub)
    return text.replace("async def ", "def ")


_KEPT_DECORATORS = {"classmethod", "staticmethod", "property"}


def _decorator_name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else ast.unparse(node)


def _fields(node: ast.ClassDef) -> list[dict[str, object]]:
    fields = []
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            annotation = ast.unparse(item.annotation)
            fields.append({"name": item.target.id, "classVar": annotation.startswith("ClassVar")})
    return fields


def shapes(source: str) -> dict[str, object]:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as error:
        return {"error": str(error)}
    classes = []
    functions = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            methods = [
                {"name": item.name, "signature": _signature(item, node.name), "line": item.lineno}
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            ]
            classes.append(
                {
                    "name": node.name,
                    "bases": [ast.unparse(base) for base in node.bases],
                    "methods": methods,
                    "fields": _fields(node),
                    "line": node.lineno,
                }
            )
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append({"name": node.name, "signature": _signature(node, None), "line": node.lineno})
    return {"classes": classes, "functions": functions}


def stub_signature(stub: str) -> str:
    """The normalised signature of one canon stub (a def, maybe decorated, ending in `: ...`)."""
    tree = ast.parse("class _Canon:\n" + "\n".join("    " + line for line in stub.splitlines()))
    (method,) = [item for item in tree.body[0].body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return _signature(method, None)


if __name__ == "__main__":
    request = json.load(sys.stdin)
    json.dump(
        {
            "snippets": [shapes(source) for source in request["snippets"]],
            "stubs": [stub_signature(stub) for stub in request["stubs"]],
        },
        sys.stdout,
    )

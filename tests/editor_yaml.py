"""Reading YAML as editors' tooling does (YAML 1.2 core schema, as the YAML language server reads it).

Numbers and true/false are typed, `yes`/`no` and unquoted dates stay text, and a key given twice is
an error. The schema tests validate what this loader returns, which is what an editor checks.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class EditorLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


EditorLoader.yaml_implicit_resolvers = {}
_CORE_SCHEMA = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", [*"~nN", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
)
for tag, pattern, first in _CORE_SCHEMA:
    EditorLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


EditorLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_for_editor(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)

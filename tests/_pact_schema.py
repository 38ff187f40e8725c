"""The official PACT OpenAPI schemas as JSON Schema validators (tests only).

The PACT reference material is not shipped with carbonfoot (its licence does not allow
sharing it); CI clones it as ``shared/`` beside the repository. A missing file fails the
test that needs it, with a message saying where it was looked for.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

REFERENCE = Path(__file__).parents[2] / "shared" / "reference" / "pact"

# OpenAPI keywords that are not JSON Schema, or only documentation.
_DROP = {"example", "nullable", "discriminator", "xml", "externalDocs", "comment", "note"}
# Keywords whose value maps names to schemas: the names are data, not keywords.
_NAMED_SCHEMAS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}


def reference_file(relative: str) -> Path:
    """A file of the PACT reference material; fails the test if it is missing."""
    path = REFERENCE / relative
    if not path.is_file():
        pytest.fail(
            f"PACT reference file {path} is missing: the tests validate against the official "
            f"schemas and examples, expected in shared/reference/pact/ beside the repository "
            f"(CI clones shared/ next to main/)",
            pytrace=False,
        )
    return path


def reference_json(relative: str) -> Any:
    """A JSON file of the PACT reference material, parsed."""
    return json.loads(reference_file(relative).read_text(encoding="utf-8"))


def convert(node: Any) -> Any:
    """An OpenAPI (3.0 or 3.1) schema node as JSON Schema 2020-12.

    ``$ref: '#/components/schemas/X'`` becomes ``#/$defs/X``; ``nullable: true`` adds
    ``"null"`` to the type (and ``None`` to an enum); ``example``, ``x-*`` and other
    OpenAPI-only keywords are dropped. Property names are kept as they are, even ``example``.
    """
    if isinstance(node, list):
        return [convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key.startswith("x-") or key in _DROP:
            continue
        if key in _NAMED_SCHEMAS and isinstance(value, dict):
            out[key] = {name: convert(schema) for name, schema in value.items()}
        elif key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/components/schemas/", "#/$defs/")
        else:
            out[key] = convert(value)
    if node.get("nullable") is True:
        kind = out.get("type")
        if isinstance(kind, str):
            out["type"] = [kind, "null"]
        elif isinstance(kind, list) and "null" not in kind:
            out["type"] = [*kind, "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
    return out


@functools.cache
def openapi(version: str) -> dict[str, Any]:
    """The official OpenAPI document of PACT ``"2.3"`` or ``"3.0"``."""
    folder = {"2.3": "v2", "3.0": "v3"}[version]
    loaded = yaml.safe_load(reference_file(f"{folder}/openapi.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _reachable(schemas: dict[str, Any], start: str) -> list[str]:
    """The component schemas ``start`` refers to, directly or not (and itself)."""
    found = [start]
    for name in found:
        text = json.dumps(schemas[name])
        for other in schemas:
            if f'"#/components/schemas/{other}"' in text and other not in found:
                found.append(other)
    return found


@functools.cache
def validator(version: str, component: str = "ProductFootprint") -> Draft202012Validator:
    """A validator of one component schema (with every other component as ``$defs``)."""
    schemas = openapi(version)["components"]["schemas"]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {name: convert(schemas[name]) for name in _reachable(schemas, component)},
        "$ref": f"#/$defs/{component}",
    }
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(document: Any, version: str, component: str = "ProductFootprint") -> list[str]:
    """The official schema's complaints about a document, as readable lines."""
    return [
        f"{error.json_path}: {error.message}"
        for error in validator(version, component).iter_errors(document)
    ]

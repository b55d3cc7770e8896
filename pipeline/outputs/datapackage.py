"""The Frictionless ``datapackage.json`` beside the exported files: what a reader needs to use them.

A Tabular Data Package (https://specs.frictionlessdata.io/): the data set's title, licences and
sources (``about`` in pipeline/store/descriptions.yaml), then one resource per file with its
schema: every column's type, its meaning (the same words Datasette and docs/columns.md show),
and for the contract tables their primary and foreign keys, so ``frictionless validate
datapackage.json`` checks the ids join up as well as the types.
"""

from __future__ import annotations

from typing import Any

from cspipe.pipeline.outputs.tidy import Resource
from cspipe.pipeline.store.descriptions import about

#: format -> (file suffix, media type)
FORMATS = {
    "csv": ("csv", "text/csv"),
    "json": ("json", "application/json"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
}


def field_type(values: list[Any]) -> str:
    """The Table Schema type that holds every value of a column: integer, number or string.

    Read from the values (views' computed columns have no declared type); a column with no
    value at all is a string. SQLite's 0/1 flags stay integers, as the database holds them.
    """
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return "string"
    if kinds <= {int, bool}:
        return "integer"
    if kinds <= {int, float, bool}:
        return "number"
    return "string"


def coerce(value: Any, kind: str) -> Any:
    """A value as its column's type holds it (a number in a string column becomes text)."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if kind == "number":
        return float(value)
    return int(value)


def _schema(resource: Resource, types: dict[str, str]) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [
        {"name": column, "type": types[column], "description": meaning}
        for column, _origin, meaning in resource.fields]}
    if resource.primary_key:
        schema["primaryKey"] = resource.primary_key
    if resource.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": table, "fields": target}}
            for column, table, target in resource.foreign_keys]
    return schema


def resource_descriptor(resource: Resource, types: dict[str, str], fmt: str) -> dict[str, Any]:
    """One file's entry in the package."""
    suffix, media = FORMATS[fmt]
    entry: dict[str, Any] = {
        "name": resource.name,
        "path": f"{resource.name}.{suffix}",
        "profile": "tabular-data-resource",
        "format": suffix,
        "mediatype": media,
        "description": resource.description,
        "schema": _schema(resource, types),
    }
    if fmt != "parquet":
        entry["encoding"] = "utf-8"
    return entry


def package(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole descriptor: the data set's own description, licences and sources, then files."""
    info = about()
    return {
        "profile": "tabular-data-package",
        "name": info["name"],
        "title": info["title"],
        "description": info["description"],
        "licenses": [{k: lic[k] for k in ("name", "path", "title")} for lic in info["licenses"]],
        "sources": [{"title": " ".join(s["title"].split())} for s in info["sources"]],
        "resources": resources,
    }

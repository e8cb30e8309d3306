"""The OpenAPI 3.1 description of the review server's API (served at ``/openapi.json``)."""
from __future__ import annotations

from .. import __version__

OPTIONS = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "lang": {"type": "string", "enum": ["zh", "en"], "default": "zh"},
        "profile": {"type": "string", "enum": ["mainland", "taiwan"], "default": "mainland"},
        "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2200,
                 "description": "publication year; detected from the text when absent"},
        "select": {"type": "string", "description": "comma-separated rule codes or prefixes to run"},
        "ignore": {"type": "string", "description": "comma-separated rule codes or prefixes to skip"},
    },
}
ERROR = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}


def _errors(*codes: int, html: bool = False) -> dict:
    words = {400: "malformed request", 413: "body larger than the limit", 415: "unsupported content or file type",
             422: "invalid option, or a document that cannot be decoded", 503: "busy, or the time limit passed"}
    content = {"text/html": {}} if html else {"application/json": {"schema": ERROR}}
    return {str(c): {"description": words[c], "content": content} for c in codes}


def schema(max_bytes: int) -> dict:
    """The OpenAPI document; the response schema is the JSON contract's pydantic model."""
    from pydantic.json_schema import models_json_schema

    from ..report.models import ReportOut

    _, defs = models_json_schema([(ReportOut, "serialization")], ref_template="#/components/schemas/{model}")
    components = defs.get("$defs", {})
    upload = {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt, .md, .html or .docx"},
        "text": {"type": "string"}, **OPTIONS["properties"]}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "claimcheck review server", "version": __version__,
                 "description": f"Check that the numbers in a Chinese report agree with each other. "
                                f"Request bodies are limited to {max_bytes} bytes."},
        "paths": {
            "/api/check": {"post": {
                "summary": "Check one document; returns the JSON contract",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"type": "object", "required": ["text"], "additionalProperties": False,
                                                    "properties": {"text": {"type": "string"}, "options": OPTIONS,
                                                                   "filename": {"type": "string", "description":
                                                                                "chooses the format by suffix"}}}},
                    "multipart/form-data": {"schema": upload}}},
                "responses": {"200": {"description": "the report", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ReportOut"}}}}, **_errors(400, 413, 415, 422, 503)},
            }},
            "/report": {"post": {
                "summary": "Check one document; returns the HTML report",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": upload}}},
                "responses": {"200": {"description": "the HTML report", "content": {"text/html": {}}},
                              **_errors(400, 413, 415, 422, 503, html=True)},
            }},
            "/api/rules": {"get": {"summary": "The rules", "responses": {"200": {"description": "every rule"}}}},
        },
        "components": {"schemas": components},
    }

"""The API's OpenAPI 3.1 document, served at /v1/openapi.json."""

from __future__ import annotations

from newslint import __version__


def document(formats: tuple[str, ...], document_formats: tuple[str, ...] = ()) -> dict:
    """The OpenAPI document of the API; `formats` are the article formats a request may send as
    text, `document_formats` those it sends as a document (the file in base64)."""
    error = {"description": "What is wrong", "content": {"application/json": {"schema": _ref("Error")}}}
    report = {"description": "The report, as `newslint check --format json` writes it",
              "content": {"application/json": {"schema": _ref("Report")}}}
    limits = {
        "400": {**error, "description": "The body is not JSON"},
        "401": {**error, "description": "A token is needed: `Authorization: Bearer <token>`"},
        "413": {**error, "description": "The body is larger than the server takes"},
        "422": {**error, "description": "A field is unknown, missing or of the wrong kind, or names an unknown rule; or the text is no article (empty, binary), as newslint check refuses a file"},
        "503": {"description": "The check ran over the time limit; `rule` names the rule under way",
                "content": {"application/json": {"schema": _ref("OverTime")}}},
    }
    fields = {
        "text": {"type": "string", "description": "The article, as its file would hold it"},
        "format": {"type": "string", "enum": [*formats, *document_formats],
                   "description": "The article's format (default: the name's suffix, else txt; else docx "
                                  "for a document)"},
        "name": {"type": "string", "description": "The file name to report the article under"},
        "published": {"type": "string", "format": "date",
                      "description": "Publication date (YYYY-MM-DD) when the article gives none"},
        "select": {"type": "array", "items": {"type": "string"}, "description": "Run only these rules"},
        "ignore": {"type": "array", "items": {"type": "string"}, "description": "Do not run these rules"},
    }
    document_field = {"type": "string", "contentEncoding": "base64",
                      "description": f"Instead of text: the file of a {' or '.join(document_formats) or 'binary'} "
                                     "article, its bytes in base64 (checked, never fixed)"}
    article = {"type": "object", "additionalProperties": False,
               "properties": {**fields, "document": document_field},
               "oneOf": [{"required": ["text"]}, {"required": ["document"]}]}
    position = {"type": "integer", "minimum": 1}
    edit = {"type": "object", "properties": {"line": position, "column": position, "end_line": position,
                                             "end_column": position, "replacement": {"type": "string"}}}
    finding = {
        "type": "object",
        "required": ["path", "rule", "severity", "line", "column", "end_line", "end_column", "message",
                     "suggestion"],
        "properties": {
            "path": {"type": "string"}, "rule": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "line": position, "column": position, "end_line": position, "end_column": position,
            "message": {"type": "string"}, "suggestion": {"type": ["string", "null"]},
            "fix": {"type": "object", "properties": {
                "applicability": {"type": "string", "enum": ["safe", "unsafe"]},
                "edits": {"type": "array", "items": edit}}},
        },
    }
    schemas = {
        "Article": article,
        "FixRequest": {"type": "object", "additionalProperties": False, "required": ["text"], "properties": {
            **fields,
            "unsafe": {"type": "boolean", "default": False, "description": "Apply the unsafe fixes too"}}},
        "Finding": finding,
        "Report": {
            "type": "object",
            "required": ["version", "findings", "errors", "summary"],
            "properties": {
                "version": {"type": "string"},
                "findings": {"type": "array", "items": _ref("Finding")},
                "errors": {"type": "array", "items": {"type": "object", "properties": {
                    "path": {"type": "string"}, "message": {"type": "string"}}}},
                "summary": {"type": "object", "properties": {
                    "files": {"type": "integer"}, "findings": {"type": "integer"}, "fixed": {"type": "integer"}}},
                "text": {"type": "string", "description": "For a document: the text made from it (a line "
                                                          "per paragraph), which the findings point into"},
                "skipped": {"type": "array", "description": "Rules that could not run on this request, and why",
                            "items": {"type": "object", "properties": {
                                "rule": {"type": "string"}, "reason": {"type": "string"}}}},
            },
        },
        "Fixed": {"allOf": [_ref("Report"), {"type": "object", "required": ["text"],
                                              "properties": {"text": {"type": "string"}}}]},
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        "OverTime": {"type": "object", "properties": {"error": {"type": "string"},
                                                      "rule": {"type": ["string", "null"]}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "newslint", "version": __version__,
                 "description": "Check German news articles and fix what can be fixed."},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Check one article",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("Article")}}},
                "responses": {"200": report, **limits},
            }},
            "/v1/fix": {"post": {
                "summary": "Apply the safe fixes (with `unsafe`, all) and report what remains",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("FixRequest")}}},
                "responses": {"200": {"description": "The fixed article (`text`) and the remaining findings",
                                      "content": {"application/json": {"schema": _ref("Fixed")}}}, **limits},
            }},
            "/v1/rules": {"get": {
                "summary": "The rules",
                "responses": {"200": {"description": "id, default severity, origin and summary of each rule",
                                      "content": {"application/json": {"schema": {"type": "object"}}}},
                              "401": limits["401"]},
            }},
            "/v1/rules/{rule}": {"get": {
                "summary": "A rule's documentation, as `newslint explain` prints it",
                "parameters": [{"name": "rule", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The documentation", "content": {"text/plain": {}}},
                              "401": limits["401"], "404": {**error, "description": "No such rule"}},
            }},
            "/healthz": {"get": {"summary": "Whether the server is up",
                                 "responses": {"200": {"description": "`{\"status\": \"ok\"}`"}}}},
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "Needed when the server is started with a token"}},
        },
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}

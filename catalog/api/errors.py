"""Error answers in plain sentences: `{"detail": "..."}` with a 4xx status, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from catalog.geo import UnknownPlace

log = logging.getLogger(__name__)

MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a field we know",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "date_from_datetime_parsing": "must be a date like 2026-01-31",
    "date_parsing": "must be a date like 2026-01-31",
    "json_invalid": "is not valid JSON",
}


def _place(loc: tuple) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path", "header")]
    return ".".join(parts) or "the request"


def plain(error: dict) -> str:
    kind = error.get("type", "")
    where = _place(tuple(error.get("loc", ())))
    ctx = error.get("ctx") or {}
    if kind == "json_invalid":
        return "The request body is not valid JSON."
    if kind == "string_too_long":
        return f"'{where}' is too long: at most {ctx.get('max_length')} characters."
    if kind == "too_long":
        return f"'{where}' has too many items: at most {ctx.get('max_length')}."
    if kind == "string_pattern_mismatch":
        if where.endswith("zip"):
            return f"'{where}' must be a 5-digit ZIP code, like 93701."
        return f"'{where}' is not in the expected format."
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"'{where}' {error.get('msg', 'is out of range').lower().replace('input ', '')}."
    if kind == "literal_error":
        return f"'{where}' must be one of: {ctx.get('expected')}."
    if kind in MESSAGES:
        return f"'{where}' {MESSAGES[kind]}."
    message = error.get("msg", "is not valid").removeprefix("Value error, ")
    return f"'{where}': {message}."


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        detail = plain(errors[0]) if errors else "The request is not valid."
        if len(errors) > 1:
            detail += f" ({len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(UnknownPlace)
    async def _place_unknown(_: Request, exc: UnknownPlace) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("Unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "Something went wrong on our side. Please try again."}, status_code=500)

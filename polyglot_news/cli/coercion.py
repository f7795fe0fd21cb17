"""Option values that need no conversion, passed through without typer's pydantic coercion.

typer (from 0.2x) coerces every parameter value through a pydantic TypeAdapter, and importing
pydantic to do it costs a one-page digest about 0.1-0.2 CPU-seconds, a third of its run, when
most values are already what the command takes (a default, or a string for a string option).
`PlainFirstCommand` (and `PlainFirstGroup`) gives each parameter a coercer that returns such a value as it is, exactly
what typer's own coercion would return, and hands every other value (a number to parse, a path,
a value out of range) to typer's coercion, built on first need, so its checks and messages are
unchanged. On a typer without this machinery the command is typer's own.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

import typer.core


class _PlainFirst:
    """A parameter's coercion: plain values returned as they are, the rest through typer's."""

    def __init__(self, param: Any):
        self._param = param
        self._typer = None
        descriptor = param.type_descriptor
        info = descriptor.parameter_info
        self._annotation = descriptor.annotation
        self._plain = info.parser is None and not getattr(info, "clamp", False) and descriptor.file_annotation is None
        self._min, self._max = getattr(info, "min", None), getattr(info, "max", None)

    def _passes(self, value: Any, multi: bool) -> bool:
        if not self._plain:
            return False
        kind = self._annotation
        if kind is str:
            return type(value) is str
        if kind is int or kind is float:
            return (type(value) is kind and (self._min is None or value >= self._min)
                    and (self._max is None or value <= self._max))
        return False

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None  # as typer's coercion answers None
        if not multi and self._passes(value, multi):
            return value
        if (multi and self._plain and type(value) in (list, tuple) and not value
                and get_origin(self._annotation) is list and len(get_args(self._annotation)) == 1):
            return []  # an empty repeatable option: typer's list coercion makes it []
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self._param.type_descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)


def _plain_first(params: list) -> None:
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = _PlainFirst(param)


class PlainFirstCommand(typer.core.TyperCommand):
    """A typer command whose parameters coerce plain values without importing pydantic."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_first(self.get_params(ctx))  # the --help option is made here, with the others
        return super().parse_args(ctx, args)


class PlainFirstGroup(typer.core.TyperGroup):
    """The same for a command group's own parameters (its --help option)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_first(self.get_params(ctx))
        return super().parse_args(ctx, args)

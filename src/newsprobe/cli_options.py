"""What several commands (check, scan, serve, sources) share: the options for how the model
runs."""

from __future__ import annotations

from typing import Annotated

import typer

from newsprobe.errors import NewsprobeError

DeviceOpt = Annotated[str | None, typer.Option(help="cpu or cuda (default: cuda if present)")]
RuntimeOpt = Annotated[
    str,
    typer.Option(
        help="What runs the model: torch; onnx (ONNX Runtime, CPU only: the same scores, "
        "faster on CPU cores; exported into the cache on first use); auto (onnx on the CPU "
        "when onnxruntime is installed)"
    ),
]
SeedOpt = Annotated[int, typer.Option(help="Random seed of the sample and the fit")]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(help="Let URLs reach loopback, private and link-local addresses"),
]


def text_column(text_field: str | None, html_field: str | None) -> str:
    """The text column of record files; given beside ``--html-field``, one would silently
    win, so the pair is refused."""
    if text_field is not None and html_field is not None:
        raise NewsprobeError("give --text-field or --html-field, not both")
    return text_field or "text"

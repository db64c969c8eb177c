"""Demo data of the channels and reports, one module per area (mail.py, calls.py, ...).

Each module defines `load(*, spec: dict, report: LoadReport) -> None`, run by `load_demo` after
an organisation's cases, in module-name order; like the rest of the demo it must be idempotent.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable


def extra_loaders() -> list[Callable]:
    names = sorted(module.name for module in pkgutil.iter_modules(__path__))
    return [importlib.import_module(f"{__name__}.{name}").load for name in names]

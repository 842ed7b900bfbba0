"""How many examples a property test draws: its own figure, scaled by the Hypothesis profile."""

from __future__ import annotations

from hypothesis import settings

_DEFAULT = 100  # Hypothesis' own max_examples, which the default and ``ci`` profiles keep


def examples(n: int) -> int:
    """``n`` in the default and ``ci`` profiles; ten times ``n`` under ``--hypothesis-profile=explore``."""
    return max(1, n * settings.default.max_examples // _DEFAULT)

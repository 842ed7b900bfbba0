"""Hypothesis profiles: the same examples on every CI run, new ones on a developer's machine.

CI (``CI`` set, as ``.ci/run`` does) runs the ``ci`` profile: examples are derived from each
test's name, so a run is reproducible and a red CI is a change's doing, not the draw's.
Locally the draw is random, so every run explores new examples. ``pytest
--hypothesis-profile=explore`` draws ten times as many, for a thorough search after a change
to the merge, numbers or segmentation rules (see :func:`tests.laws.examples`).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=1000, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

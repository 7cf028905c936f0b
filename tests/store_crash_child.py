"""Child process for tests/test_store_crash.py: add annotations to a store until killed.

Usage: ``python tests/store_crash_child.py STORE_PATH SEED``

Takes the store's lock (exits 3 if it cannot: the lock of a killed predecessor must be free),
prints ``ready``, then loops forever: prints ``try <id>``, adds that annotation with
``AnnotationStore.apply``, and prints ``ok <id>`` only after ``apply`` returned. Inside ``apply``
it prints ``at <step>`` just before each file-system step of the atomic write (creating the
temporary file, fsync, the ``.bak`` link or copy, each rename), so that the parent can send its
SIGKILL right there. Every line is flushed at once.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.annotations.model import DEFAULT_LABELS, VERDICTS, Change, create
from tui.annotations.store import AnnotationStore

# The article every annotation points into (the parent checks each quote against it).
TEXT = (
    "NATO defence ministers agreed on Thursday to raise the alliance's spending target to 3.5% "
    "of GDP by 2035, a senior official said. “We will not leave Ukraine alone,” the Secretary "
    "General told reporters in Brussels. Critics said the plan lacked detail; Spain asked for an "
    "exemption and Hungary abstained. Analysts at the institute estimated the cost at €400bn."
)
SOURCE = "crash-article"
SOURCES = {SOURCE: ("/articles/crash-article.txt", hashlib.sha256(TEXT.encode()).hexdigest())}
# The steps of tui.annotations.store.write_atomic, as announced: "at <step>".
STEPS = {
    (tempfile, "NamedTemporaryFile"): "temporary",
    (os, "fsync"): "fsync",
    (os, "link"): "link",
    (shutil, "copy2"): "copy",
    (os, "replace"): "replace",
}


def announced(step: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        print(f"at {step}", flush=True)
        return real(*args, **kwargs)

    return call


def main() -> int:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = AnnotationStore.open(path)
    if store.read_only:
        print(f"read-only: {store.read_only_reason}", file=sys.stderr, flush=True)
        return 3
    for (module, name), step in STEPS.items():
        setattr(module, name, announced(step, getattr(module, name)))
    print("ready", flush=True)
    while True:
        start = rng.randrange(len(TEXT) - 40)
        end = start + rng.randint(4, 40)
        annotation = create(TEXT, SOURCE, start, end, rng.choice(DEFAULT_LABELS))
        if rng.random() < 0.5:
            annotation = annotation.edited(verdict=rng.choice(VERDICTS), note=f"note {rng.random()}")
        print(f"try {annotation.id}", flush=True)
        store.apply(Change("tag", [None], [annotation]), SOURCES)
        print(f"ok {annotation.id}", flush=True)


if __name__ == "__main__":
    sys.exit(main())

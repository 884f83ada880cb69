"""Count the SQL queries of a warm anonymous GET, in-process, for bench/run.py.

Run with the same environment as the benchmark server (bench/run.py does this):

    python bench/queries.py /healthz/ / /om/ ...

Prints one JSON object: {path: {"status": int, "queries": int, "runs": [int, ...],
"sql": [str, ...]}}. Each path is requested once to warm up (the first request in a process
can do one-off work), then measured MEASURED_RUNS times; "queries" is the largest count,
"sql" the statements of that request. Every request uses a fresh client, so no cookies
carry over: the same anonymous visitor that wrk plays.
"""

import json
import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MEASURED_RUNS = 2


def main(paths: list[str]) -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frivillig.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def get(path: str):
        # HTTP_HOST: the host the benchmark server is reached by (must be in ALLOWED_HOSTS).
        return Client(HTTP_HOST="127.0.0.1").get(path)

    result = {}
    for path in paths:
        get(path)  # warm-up
        runs = []
        worst = None
        for _ in range(MEASURED_RUNS):
            with CaptureQueriesContext(connection) as captured:
                response = get(path)
            runs.append(len(captured))
            if worst is None or len(captured) > len(worst[1]):
                worst = (response.status_code, [q["sql"] for q in captured.captured_queries])
        result[path] = {"status": worst[0], "queries": max(runs), "runs": runs, "sql": worst[1]}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])

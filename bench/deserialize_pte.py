"""executorch's own .pte reader, timed in phases for bench/inspect.ts.

    python bench/deserialize_pte.py FILE.pte

Prints one JSON line: seconds spent importing the deserializer, reading the file (it takes
bytes), and in `deserialize_pte_binary` itself, and this process's peak RSS. Interpreter start is
what the caller's wall time has beyond these.
"""

import json
import resource
import sys
import time


def main() -> None:
    path = sys.argv[1]
    started = time.perf_counter()
    from executorch.exir._serialize._program import deserialize_pte_binary

    imported = time.perf_counter()
    with open(path, "rb") as f:
        data = f.read()
    read = time.perf_counter()
    pte = deserialize_pte_binary(data)
    done = time.perf_counter()
    delegates = sum(len(plan.delegates) for plan in pte.program.execution_plan)
    print(
        json.dumps(
            {
                "imports_s": imported - started,
                "read_s": read - imported,
                "deserialize_s": done - read,
                "delegates": delegates,
                "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()

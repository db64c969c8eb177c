"""(f) Peak resident memory of the benchmark process and of its largest finished child.

The children are generate_data's row-building workers (and, with --postgres, initdb).
"""

import resource


def run(bench) -> None:
    # Linux reports ru_maxrss in KiB.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bench.record("process.peak_rss", own, "MiB")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if workers:
        bench.record("process.peak_rss_workers", workers, "MiB")

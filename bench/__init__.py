"""civicdesk benchmarks: `python bench/run.py --help`."""

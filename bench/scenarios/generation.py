"""(a) How fast generate_data fills the database, per step (customers per second)."""


def run(bench) -> None:
    for result in bench.generation:
        if result.created:
            bench.record(f"generate.{result.option}", result.per_second, f"{result.unit}/s")
        else:
            bench.note(f"generate.{result.option}: the data was there already; not measured")

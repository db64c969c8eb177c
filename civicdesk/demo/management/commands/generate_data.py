"""manage.py generate_data --organisations 3 --customers 1000000 --cases 1000000 [--seed 1]

Benchmark and load-test data: organisations shaped like the demo ones, customers and cases
in bulk.
Each number is a target, so running again with the same numbers adds nothing.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.generation import STEPS, GenerationRun, generate
from civicdesk.demo.generation.query_log import query_log_off
from civicdesk.demo.services import LoadReport, ensure_installation_admin


class Command(BaseCommand):
    help = "Generate organisations, customers and cases at scale (deterministic with --seed)."

    def add_arguments(self, parser):
        for step in STEPS:
            parser.add_argument(f"--{step.option}", type=int, metavar="N", help=step.help)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument("--batch-size", type=int, default=5_000, metavar="N")
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            metavar="N",
            help="Processes that build rows (default: one per CPU); 1 builds them inline.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        targets = {step.option: options[step.option] for step in STEPS}
        if all(target is None for target in targets.values()):
            wanted = " ".join(f"--{step.option} N" for step in STEPS)
            raise CommandError(f"Say what to generate: {wanted}")
        admin = ensure_installation_admin(password=DEMO_PASSWORD, report=LoadReport())
        run = GenerationRun(
            seed=options["seed"],
            actor=admin,
            batch_size=options["batch_size"],
            workers=options["workers"],
            progress=not options["no_progress"],
        )
        with query_log_off():
            results = generate(run, STEPS, targets)
        for result in results:
            self.stdout.write(
                f"{result.unit}: {result.created:,} created in {result.seconds:.1f} s"
                + (f" ({result.per_second:,.0f}/s)" if result.created else "")
            )

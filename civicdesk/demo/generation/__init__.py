"""Data at scale for benchmarks and load tests: `manage.py generate_data`.

STEPS run in order, each bringing one kind of data up to its target: organisations, their
customers, their cases. To generate another kind (bookings, queue tickets), write a Step in
a module beside these and list it here: the command gets its `--<option> N` from this list
and the benchmark times it like the others.
"""

from civicdesk.demo.generation.base import GenerationRun, Step, StepResult, generate
from civicdesk.demo.generation.cases import CasesStep
from civicdesk.demo.generation.customers import CustomersStep
from civicdesk.demo.generation.organisations import OrganisationsStep

STEPS: tuple[Step, ...] = (OrganisationsStep(), CustomersStep(), CasesStep())

__all__ = ["STEPS", "GenerationRun", "Step", "StepResult", "generate"]

"""The case type's checklists on a case: the agent ticks steps and each tick is a timeline event.

Checklists belong to the knowledge base, which sits below cases and cannot know about them,
so ticking is a case action and lives here. Nothing but the timeline records a tick: the
state of a step on a case is its last CHECKLIST event, which keeps who ticked it and when,
and a step later removed from the checklist keeps its record.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from civicdesk.cases.choices import EventKind
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.cases.services import record_event
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.knowledge import selectors as knowledge_selectors
from civicdesk.knowledge.models import Checklist, ChecklistStep
from civicdesk.org.models import User


@dataclass(frozen=True)
class StepState:
    step: ChecklistStep
    done: bool
    by: User | None = None
    at: datetime.datetime | None = None


@dataclass(frozen=True)
class ChecklistOnCase:
    checklist: Checklist
    steps: list[StepState]

    @property
    def done_count(self) -> int:
        return sum(state.done for state in self.steps)


def _last_ticks(case: Case) -> dict[int, CaseEvent]:
    """The last checklist event of each step on the case."""
    ticks: dict[int, CaseEvent] = {}
    for event in (
        case.events.filter(kind=EventKind.CHECKLIST).select_related("actor").order_by("at", "pk")
    ):
        step_id = event.data.get("step")
        if step_id is not None:
            ticks[step_id] = event
    return ticks


def checklists_on_case(actor: User, case: Case) -> list[ChecklistOnCase]:
    """The active checklists of the case's type with each step's state (two queries)."""
    checklists = knowledge_selectors.checklists_for_case_type(actor, case.case_type_id)
    if not checklists:
        return []
    ticks = _last_ticks(case)
    return [
        ChecklistOnCase(
            checklist,
            [
                StepState(step, True, ticks[step.pk].actor, ticks[step.pk].at)
                if step.pk in ticks and ticks[step.pk].data.get("done")
                else StepState(step, False)
                for step in checklist.steps.all()
            ],
        )
        for checklist in checklists
    ]


@transaction.atomic
def tick_checklist_step(
    *, actor: User, case: Case, step: ChecklistStep, done: bool
) -> CaseEvent | None:
    """Ticks (done=True) or unticks a step of the case type's checklist; the timeline gets
    an event with the step. Ticking a ticked step again records nothing and returns None."""
    case.refresh_from_db(from_queryset=Case.objects.select_for_update())
    authz.require(actor, "cases.work_on_case", case)
    if step is None or step.checklist.organisation_id != case.organisation_id:
        raise DomainError(_("There is no such checklist step."), field="step")
    if step.checklist.case_type_id != case.case_type_id:
        raise DomainError(
            _("This step belongs to the checklist of another case type."), field="step"
        )
    if not (step.is_active and step.checklist.is_active):
        raise DomainError(_("This checklist step is no longer in use."), field="step")
    done = bool(done)
    last = _last_ticks(case).get(step.pk)
    if bool(last and last.data.get("done")) == done:
        return None
    language = case.organisation.default_language
    step_text = step.text_in(language)
    with translation.override(language):
        text = step_text if done else _("Tick removed: %(step)s") % {"step": step_text}
    return record_event(
        case=case,
        actor=actor,
        kind=EventKind.CHECKLIST,
        text=text,
        data={"checklist": step.checklist_id, "step": step.pk, "done": done},
    )

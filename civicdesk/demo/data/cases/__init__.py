"""The demo organisations' cases, as plain data: what `load_demo` registers through the case
services, acting as the organisation's demo users.

Each case is one dict, written in the organisation's language:

    subject        unique within the organisation: loading again finds the case by it
    case_type      a case type code of the organisation
    channel        a Channel value: phone, email, web_form, visit, ...
    customer       the name of a demo customer, or None for an anonymous caller
    agent          the suffix of the user who registers the contact (ske.agent -> "agent")
    service_point  optional: the code of the service point where it was registered
    description    what the matter is about
    summary        what was said in the first contact
    duration       the first contact's length in seconds
    then           what happened afterwards, in order: [{do, by, ...}] with
                   do = resolve (text), forward (group, text), take, call_back (text,
                   duration), note (text), wait (text), confidential (text), close
    days_ago       optional: the story happened this many days before the load (default:
                   at the load), so a fresh demo has cases past their deadlines

The stories give managers something in every work list: cases resolved at first contact,
forwarded cases nobody has taken yet, taken ones in progress, cases resolved after a call
back, a confidential case in its own group, one waiting for the customer and an anonymous
caller. They are registered when the demo is loaded, at the load's time, except the few
told `days_ago`: forwarded ten days earlier and not answered, they are overdue, and the
scheduler's first alarm tick after `make run` fires their alarms to the handler and manager.
"""

from civicdesk.demo.data.cases.aspa_kauhajoki import ASPA_KAUHAJOKI_CASES
from civicdesk.demo.data.cases.skelleftea import SKELLEFTEA_CASES
from civicdesk.demo.data.cases.zielona_linia import ZIELONA_LINIA_CASES

DEMO_CASES = {
    "skelleftea": SKELLEFTEA_CASES,
    "zielona-linia": ZIELONA_LINIA_CASES,
    "aspa-kauhajoki": ASPA_KAUHAJOKI_CASES,
}

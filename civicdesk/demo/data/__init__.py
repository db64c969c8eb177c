"""The demo organisations, as plain data modelled on the source documents in shared/seeds.

Each organisation is one dict (see `skelleftea.py` for a complete example):

    slug, name, short_name (for tables), reference_prefix, country, default_language, timezone
    username_prefix   users are called "<prefix>.<suffix>", e.g. ske.agent
    mail_domain       mailboxes and user e-mails are "<local part>@<mail_domain>"
    departments       [{code, name, kind, mailbox, phone, website}]
    service_points    [{code, name, kind, department (code or None), address, mailbox, phone}]
    answer_groups     [{code, name, department, service_point (code or None), mailbox}]
    people            [{suffix, first_name, last_name, title, roles, department, groups,
                        manager (suffix), manages_groups}]; a manager is listed before the
                        people who report to them
    topics            [{code, names: {sv, en, fi, pl}}], in menu order
    case_types        [{code, names, topic, department, rosa_tier, group,
                        confidential (default False), handled_by_centre (default True),
                        department_minutes (default: the organisation's, if any)}]
    department_minutes  optional: the department time a case the centre resolves saves,
                        from the seeds (the relief report)
    customers         [{name, kind (default person), language, phones, emails}]; citizens get
                        a generated national ID and employers a generated business ID, both
                        from a random generator seeded with the slug, so they never change

Departments, service points, groups, topics and case types are listed with the most
generic first: `generate_data` builds its smaller organisations from the first few.
"""

from civicdesk.demo.data.aspa_kauhajoki import ASPA_KAUHAJOKI
from civicdesk.demo.data.skelleftea import SKELLEFTEA
from civicdesk.demo.data.zielona_linia import ZIELONA_LINIA

DEMO_ORGANISATIONS = (SKELLEFTEA, ZIELONA_LINIA, ASPA_KAUHAJOKI)

# One template per country, for the organisations `generate_data` makes.
TEMPLATES_BY_COUNTRY = {spec["country"]: spec for spec in DEMO_ORGANISATIONS}

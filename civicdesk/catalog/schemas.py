from ninja import Field, Schema

from civicdesk.catalog.choices import RosaTier


class NamesSchema(Schema):
    pl: str = ""
    sv: str = ""
    fi: str = ""
    en: str = ""


class TopicOut(Schema):
    id: int
    code: str
    name: str
    names: dict[str, str]
    position: int

    @staticmethod
    def resolve_names(obj) -> dict[str, str]:
        return obj.names()


class CaseTypeOut(Schema):
    id: int
    code: str
    name: str = Field(description="In the caller's language, falling back to another.")
    names: dict[str, str]
    topic_id: int | None
    department_id: int
    rosa_tier: RosaTier
    default_group_id: int | None
    confidential_by_default: bool
    handled_by_centre: bool
    department_minutes: int | None = Field(
        description="Minutes the department spends on such a case; the relief report uses it."
    )
    is_active: bool

    @staticmethod
    def resolve_names(obj) -> dict[str, str]:
        return obj.names()


class CaseTypeIn(Schema):
    code: str = Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=60)
    names: dict[str, str] = Field(
        description="Names keyed by language code: pl, sv, fi, en. At least one."
    )
    department_id: int
    rosa_tier: RosaTier = RosaTier.GENERAL
    topic_id: int | None = None
    default_group_id: int | None = None
    confidential_by_default: bool = False
    handled_by_centre: bool = True
    department_minutes: int | None = None


class CaseTypePatch(Schema):
    names: dict[str, str] | None = None
    department_id: int | None = None
    rosa_tier: RosaTier | None = None
    topic_id: int | None = None
    default_group_id: int | None = None
    confidential_by_default: bool | None = None
    handled_by_centre: bool | None = None
    department_minutes: int | None = None
    is_active: bool | None = None

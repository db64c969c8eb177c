from ninja import Schema


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    reference_prefix: str
    country: str
    default_language: str
    timezone: str


class DepartmentOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    email: str
    phone: str
    website: str
    is_active: bool


class ServicePointOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    department_id: int | None
    address: str
    email: str
    phone: str
    is_active: bool


class UserBriefOut(Schema):
    id: int
    username: str
    full_name: str

    @staticmethod
    def resolve_full_name(obj) -> str:
        return obj.get_full_name() or obj.username


class AnswerGroupOut(Schema):
    id: int
    name: str
    code: str
    department_id: int
    service_point_id: int | None
    email: str
    manager: UserBriefOut | None
    members: list[UserBriefOut]
    is_active: bool

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.members.all())


class UserOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    organisation_id: int | None
    department_id: int | None
    manager_id: int | None
    roles: list[str]
    ui_language: str

    @staticmethod
    def resolve_full_name(obj) -> str:
        return obj.get_full_name() or obj.username

    @staticmethod
    def resolve_roles(obj) -> list[str]:
        return sorted(assignment.role for assignment in obj.role_assignments.all())


class MeOut(UserOut):
    organisation: OrganisationOut | None
    group_ids: list[int]

    @staticmethod
    def resolve_group_ids(obj) -> list[int]:
        return sorted(obj.group_ids)


class LanguageIn(Schema):
    language: str


class MemberIn(Schema):
    user_id: int

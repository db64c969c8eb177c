"""Configuration changes the audit log records; articles and service cards keep their own
versions (models.ArticleVersion, ServiceCardVersion)."""

from auditlog.registry import auditlog

from civicdesk.knowledge.models import (
    Checklist,
    ChecklistStep,
    DirectoryEntry,
    Notice,
    Quiz,
    QuizChoice,
    QuizQuestion,
    ServiceOffering,
    Tag,
)

auditlog.register(Checklist)
auditlog.register(ChecklistStep)
auditlog.register(Notice, exclude_fields=["body_text"])
auditlog.register(DirectoryEntry)
auditlog.register(Quiz, m2m_fields={"articles"})
auditlog.register(QuizQuestion)
auditlog.register(QuizChoice)
auditlog.register(ServiceOffering)
auditlog.register(Tag)

from civicdesk.testing.knowledge import knowledge_a  # noqa: F401  (a fixture)

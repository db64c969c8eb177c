"""Long lists of single words are written as running text."""


def words(text: str) -> list[str]:
    return text.split()

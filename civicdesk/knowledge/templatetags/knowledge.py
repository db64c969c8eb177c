from django import template

register = template.Library()


@register.simple_tag
def translation_of(item, language):
    """The language version of an article or service card to show a reader of `language`."""
    return item.translation_in(language)

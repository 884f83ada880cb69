from django import template

from foreninger.rendering import initials as _initials

register = template.Library()


@register.filter
def initials(name: str) -> str:
    return _initials(name)

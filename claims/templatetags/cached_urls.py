"""{% url %} as Django's, with its answers remembered. Every page names the same views again and again (the
navigation, an article's actions, each suggestion's three forms), and reverse() matches the URL patterns
anew each time: about a tenth of a workspace action's time. Loaded as a builtin (workbench/settings.py),
so every template's {% url %} is this one."""

from functools import lru_cache

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@register.tag
def url(parser, token):
    node = django_url(parser, token)  # Django's parsing, and its errors
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)


class RememberedURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((name, value.resolve(context)) for name, value in self.kwargs.items())
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None) or getattr(
            getattr(request, "resolver_match", None), "namespace", None
        )
        try:
            found = _reverse(self.view_name.resolve(context), args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            found = ""
        if self.asvar:
            context[self.asvar] = found
            return ""
        return conditional_escape(found) if context.autoescape else found


def _reverse(view_name, args, kwargs, current_app):
    if all(type(value) in (int, str) for value in (*args, *(value for _, value in kwargs))):
        # The URL configuration and script prefix of this thread are part of the answer.
        return _remembered(view_name, args, kwargs, current_app, get_urlconf(), get_script_prefix())
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


@lru_cache(maxsize=4096)
def _remembered(view_name, args, kwargs, current_app, urlconf, prefix):
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app, urlconf=urlconf)

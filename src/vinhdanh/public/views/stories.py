"""Exemplary stories on the public site: the list and a story's page with its photos.

Caching: the list is the same for everyone and is cached whole (``public_page``). A story's
page counts the read on every request, so the response itself is not cached; its body is,
under a key holding the story's ``updated_at`` (any edit, photo or state change renews it),
for ``PUBLIC_CACHE_SECONDS``. The read count printed in a cached body may therefore lag
that long. Browsers and proxies may store the page but must ask again (``no-cache``),
which is what lets every visit reach the counter.
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from vinhdanh.public import stories
from vinhdanh.public.caching import public_page
from vinhdanh.stories.services.reads import record_read

PAGE_SIZE = 12


class StoryFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    nam = forms.TypedChoiceField(label=gettext_lazy("Year"), required=False, coerce=int,
                                 empty_value=None)
    don_vi = forms.TypedChoiceField(label=gettext_lazy("Unit"), required=False, coerce=int,
                                    empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["nam"].choices = everything + [(y, y) for y in stories.story_years()]
        self.fields["don_vi"].choices = everything + [
            (unit.pk, unit.name) for unit in stories.story_units()]


def _filters(form) -> dict:
    data = form.cleaned_data if form.is_valid() else {}
    return {"text": data.get("q", ""), "year": data.get("nam"), "unit_id": data.get("don_vi")}


@require_safe
@public_page
def story_list(request):
    form = StoryFilterForm(request.GET)
    page = Paginator(stories.filtered(**_filters(form)), PAGE_SIZE).get_page(
        request.GET.get("trang"))
    return render(request, "public/stories/list.html", {
        "form": form, "page": page, "cards": stories.cards(page.object_list),
        "page_range": page.paginator.get_elided_page_range(page.number), "nav": "stories",
        "page_title": _("Exemplary stories"),
        "page_description": _("Stories of exemplary people, collectives and families "
                              "honoured in emulation movements."),
    })


def _client(request) -> dict:
    return {"address": request.META.get("REMOTE_ADDR", ""),
            "user_agent": request.headers.get("User-Agent", "")}


def _body(request, story) -> str:
    """The rendered page of ``story``, from the cache while the story is unchanged."""
    key = (f"public:story:{story.pk}:{story.updated_at.timestamp()}:"
           f"{request.get_host()}")
    body = cache.get(key)
    if body is None:
        shown = stories.public_story(story.pk)
        first = shown.photos[0] if shown.photos else None
        body = render_to_string("public/stories/detail.html", {
            "story": shown, "nav": "stories", "page_title": shown.title,
            "page_description": shown.summary,
            "og_image": request.build_absolute_uri(first.url) if first else "",
        }, request=request)
        cache.set(key, body, timeout=settings.PUBLIC_CACHE_SECONDS)
    return body


@require_safe
def story_detail(request, key):
    story = stories.find_story(key)
    if key != story.slug:
        return redirect(story.get_public_url(), permanent=True)
    if request.method == "GET":
        record_read(story, today=timezone.localdate(), **_client(request))
    response = HttpResponse(_body(request, story))
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _photo_response(public_id, field: str):
    photo = stories.published_photo(public_id)
    try:
        stored = getattr(photo, field).open("rb")
    except OSError as error:  # recorded but gone from the storage
        raise Http404 from error
    response = FileResponse(stored, content_type="image/jpeg")
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
    return response


@require_safe
def story_photo(request, public_id):
    return _photo_response(public_id, "image")


@require_safe
def story_thumb(request, public_id):
    return _photo_response(public_id, "thumbnail")

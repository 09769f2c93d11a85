"""Public comment (lấy ý kiến nhân dân): the list of notices and a notice's page, where
anyone may comment on a candidate while the window is open.

Caching: the list and a closed notice's page are the same for everyone, so shared caches
may keep them for a minute. An open notice's page carries a CSRF token bound to this
browser's CSRF cookie (and may set that cookie): a shared cache would hand one visitor's
token, or Set-Cookie, to another and their comment would fail, so it is ``private``.
"""

from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.services import comments
from vinhdanh.public.forms import HONEYPOT, CommentForm
from vinhdanh.public.queries import candidates, listed_notices, notice_or_404

CACHE_SECONDS = 60
# One comment per address this often, checked in the cache before any database work; the
# service's hourly limit in the database stays the real rule.
THROTTLE_SECONDS = 10
# Query parameter of the page shown after a comment was sent (Post/Redirect/Get).
SENT = "da-gui"


def _cacheable(response, *, shared: bool):
    if shared:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, max_age=CACHE_SECONDS)
    return response


@require_safe
def notice_list(request):
    today = timezone.localdate()
    notices = list(listed_notices(today))
    for notice in notices:
        notice.open_now = comments.is_open(notice, today)
    response = render(request, "public/notices/list.html", {
        "notices": notices, "nav": "comments",
        "page_title": _("Public comment on candidates for commendation"),
        "page_description": _("Lists of candidates proposed for commendation, published "
                              "for the public to comment on."),
    })
    return _cacheable(response, shared=True)


@require_http_methods(["GET", "HEAD", "POST"])
def notice_detail(request, public_id):
    notice = notice_or_404(public_id)
    people = candidates(notice)
    open_now = comments.is_open(notice)
    if request.method == "POST":
        return _post_comment(request, notice, people, open_now)
    form = CommentForm(candidates=people) if open_now else None
    response = _detail(request, notice, people, form, sent=SENT in request.GET)
    return _cacheable(response, shared=form is None)


def _detail(request, notice, people, form, *, sent=False, closed_error="", status=200):
    names = ", ".join(person.name for person in people[:5])
    return render(request, "public/notices/detail.html", {
        "notice": notice, "candidates": people, "form": form, "sent": sent,
        "closed_error": closed_error, "nav": "comments",
        "page_title": notice.title,
        "page_description": Truncator(notice.intro).chars(200)
        or _("Candidates: %(names)s") % {"names": names},
    }, status=status)


def _post_comment(request, notice, people, open_now):
    if not open_now:
        response = _detail(request, notice, people, None, status=403,
                           closed_error=_("Comments on this list are closed."))
        add_never_cache_headers(response)
        return response
    form = CommentForm(request.POST, candidates=people)
    if request.POST.get(HONEYPOT, "").strip() or _saved(request, notice, form):
        # A filled honeypot is a bot: it is shown the same success and nothing is stored.
        return redirect(f"{reverse('public:notice-detail', args=[notice.public_id])}"
                        f"?{SENT}=1#gop-y")
    response = _detail(request, notice, people, form)
    add_never_cache_headers(response)
    return response


def _saved(request, notice, form) -> bool:
    """Submits the comment through the service; on refusal the reasons go on ``form``."""
    if not form.is_valid():
        return False
    address = request.META.get("REMOTE_ADDR", "")
    if _throttled(address):
        form.add_error(None, _("Please wait a few seconds before sending another comment."))
        return False
    # The choices were the candidates shown, so this is on the notice and still proposed.
    nomination = notice.nominations.get(pk=form.cleaned_data["nomination"])
    try:
        comments.submit_comment(notice, nomination, name=form.cleaned_data["name"],
                                contact=form.cleaned_data["contact"],
                                text=form.cleaned_data["text"], address=address)
    except DomainError as error:
        _add_errors(form, error)
        return False
    return True


def _throttled(address: str) -> bool:
    """True if this address sent a comment within THROTTLE_SECONDS (keyed by its hash)."""
    key = f"public:comment:{comments.client_key(address)}"
    return not cache.add(key, 1, timeout=THROTTLE_SECONDS)


def _add_errors(form, error: DomainError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)

"""A story's photos in the staff UI: uploading several at once, captions and order,
removing one, and the image files themselves (media is not served publicly: the public
site serves the photos of published stories only, ``public.views.stories``)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.stories.services import photos
from vinhdanh.workspace.forms.stories import PhotoArrangeForm, PhotoUploadForm
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.stories.actions import form_problem
from vinhdanh.workspace.views.stories.common import require, visible_photo, visible_story


@login_required
@require_POST
def photos_add(request, pk):
    story = visible_story(request, pk)
    require(request.user, "change_story", story)
    form = PhotoUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        form_problem(request, form)
    else:
        data = form.cleaned_data
        run(request, lambda: photos.add_photos(story, actor=request.user,
                                               uploads=data["photos"], caption=data["caption"]),
            _("The photos were added."))
    return redirect(f"{story.get_absolute_url()}#photos")


@login_required
@require_POST
def photos_arrange(request, pk):
    story = visible_story(request, pk)
    require(request.user, "change_story", story)
    form = PhotoArrangeForm(request.POST, photos=story.photos.all())
    if not form.is_valid():
        form_problem(request, form)
    else:
        run(request, lambda: photos.arrange_photos(
            story, actor=request.user, captions=form.captions(), order=form.order()),
            _("The photos were saved."))
    return redirect(f"{story.get_absolute_url()}#photos")


@login_required
@require_POST
def photo_remove(request, public_id):
    photo = visible_photo(request, public_id)
    require(request.user, "change_story", photo.story)
    run(request, lambda: photos.remove_photo(photo, actor=request.user),
        _("The photo was removed."))
    return redirect(f"{photo.story.get_absolute_url()}#photos")


def _file(photo, field: str):
    try:
        stored = getattr(photo, field).open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(stored, content_type="image/jpeg")
    patch_cache_control(response, private=True, max_age=3600)
    return response


@login_required
@require_GET
def photo_file(request, public_id):
    return _file(visible_photo(request, public_id), "image")


@login_required
@require_GET
def photo_thumb(request, public_id):
    return _file(visible_photo(request, public_id), "thumbnail")

"""Forms of the story pages: the list's filters, writing a story, its photos and the
board's actions."""

from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.models import HonorRecord
from vinhdanh.stories.enums import MAX_PHOTOS, SUMMARY_LENGTH, StoryState
from vinhdanh.stories.queries import movements_for, records_for
from vinhdanh.stories.services.editing import RECORD_RELATED, subject_name
from vinhdanh.stories.services.photos import refusal
from vinhdanh.workspace.forms.fields import DateField


def record_label(record) -> str:
    """"Nguyễn Văn An — Chiến sĩ thi đua cơ sở 2023 (123/QĐ-UBND)"."""
    label = f"{subject_name(record)} — {record.honor.name} {record.year}"
    return f"{label} ({record.decision_number})" if record.decision_number else label


def record_choices(records) -> list:
    return [(ModelChoiceIteratorValue(record.pk, record), record_label(record))
            for record in records.select_related(*RECORD_RELATED)]


class StoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + StoryState.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000,
                              max_value=2100)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int,
                                  empty_value=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All"))] + [(u.pk, u.name) for u in units]


class StoryForm(forms.Form):
    """The text, the honour records (found with the search box, chosen by ticking) and the
    movements. Only the chosen records are rendered: a province holds thousands."""

    title = forms.CharField(label=capfirst(_("story title")), max_length=300)
    summary = forms.CharField(label=capfirst(_("story summary")), max_length=SUMMARY_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("At most 300 characters; shown in lists and when "
                                          "the page is shared."))
    body = forms.CharField(label=capfirst(_("story text")),
                           widget=forms.Textarea(attrs={"rows": 16}),
                           help_text=_("Plain text; a blank line starts a new paragraph."))
    records = forms.ModelMultipleChoiceField(
        label=_("Honour records"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one honour record.")})
    movements = forms.ModelMultipleChoiceField(
        label=_("Emulation movements"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    publish_on = DateField(label=_("Planned publishing date"), required=False)

    def __init__(self, *args, user, planned=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["records"].queryset = records_for(user)
        self.fields["movements"].queryset = movements_for(user).order_by("-starts_on", "id")
        if not planned:
            del self.fields["publish_on"]
        self.fields["records"].widget.choices = record_choices(self._shown_records())

    def _shown_records(self):
        chosen = self.data.getlist("records") if self.is_bound else [
            getattr(r, "pk", r) for r in self.initial.get("records", [])]
        ids = [int(pk) for pk in chosen if str(pk).isdigit()]
        return HonorRecord.objects.filter(pk__in=ids).order_by("-year", "id")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several files at once; each is checked to be a photo (its header only)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        uploads = [super(PhotosField, self).clean(upload, initial) for upload in uploads]
        if not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        problems = [f"{upload.name}: {problem}" for upload in uploads
                    if (problem := refusal(upload))]
        if problems:
            raise forms.ValidationError(problems)
        return uploads


class PhotoUploadForm(forms.Form):
    photos = PhotosField(label=_("Photos"),
                         help_text=_("JPEG, PNG, WebP or GIF, at most 20 MB each, up to "
                                     "%(max)s photos a story; they are resized and their "
                                     "location data removed.") % {"max": MAX_PHOTOS})
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


class PhotoArrangeForm(forms.Form):
    """A caption and a position for each photo (``caption_<id>``, ``position_<id>``)."""

    def __init__(self, *args, photos, **kwargs):
        super().__init__(*args, **kwargs)
        self.photos = list(photos)
        for photo in self.photos:
            self.fields[f"caption_{photo.pk}"] = forms.CharField(
                label=_("Caption"), max_length=300, required=False, initial=photo.caption)
            self.fields[f"position_{photo.pk}"] = forms.IntegerField(
                label=_("Order"), min_value=1, max_value=99, initial=photo.position)

    def rows(self):
        return [(photo, self[f"caption_{photo.pk}"], self[f"position_{photo.pk}"])
                for photo in self.photos]

    def captions(self) -> dict:
        return {photo.pk: self.cleaned_data[f"caption_{photo.pk}"] for photo in self.photos}

    def order(self) -> list:
        ranked = sorted(self.photos, key=lambda p: (self.cleaned_data[f"position_{p.pk}"],
                                                    p.position))
        return [photo.pk for photo in ranked]


class ReturnStoryForm(forms.Form):
    reason = forms.CharField(label=_("What to change"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(forms.Form):
    publish_on = DateField(label=_("Publishing date"), required=False,
                           help_text=_("Empty or today: published now. A later date: "
                                       "the story appears on that day."))

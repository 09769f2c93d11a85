"""Model fields that store Vietnamese text in NFC, whatever the input path."""

from django.db import models

from vinhdanh.core.text import nfc


class NFCMixin:
    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = nfc(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return nfc(value) if isinstance(value, str) else value

    def to_python(self, value):
        value = super().to_python(value)
        return nfc(value) if isinstance(value, str) else value


class NFCCharField(NFCMixin, models.CharField):
    pass


class NFCTextField(NFCMixin, models.TextField):
    pass

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class TokenSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("Username"), write_only=True)
    password = serializers.CharField(
        label=_("Password"), write_only=True, trim_whitespace=False,
        style={"input_type": "password"},
    )
    token = serializers.CharField(
        read_only=True, help_text=_('Send it as the header "Authorization: Token <token>".')
    )

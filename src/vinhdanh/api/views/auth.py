from django.contrib.auth import authenticate, user_logged_in
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from vinhdanh.api.exceptions import LockedOut
from vinhdanh.api.serializers.auth import TokenSerializer
from vinhdanh.api.versioning import ApiVersioning


class ObtainToken(APIView):
    """Exchanges a username and password for the user's API token.

    Repeated failures lock the username out from the caller's address for a while.
    """

    # authenticate() gets the request so that django-axes counts failures and locks out.
    versioning_class = ApiVersioning
    authentication_classes = []
    permission_classes = [AllowAny]
    serializer_class = TokenSerializer

    @extend_schema(
        request=TokenSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description=_("Wrong username or password.")),
            429: OpenApiResponse(description=_("Locked out after repeated failures.")),
        },
    )
    def post(self, request):
        credentials = TokenSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request, **credentials.validated_data)
        if user is None:
            # axes flags the (DRF) request it was given when this failure reached the limit
            if getattr(request, "axes_locked_out", False):
                raise LockedOut
            raise ValidationError({"non_field_errors": [_("Wrong username or password.")]})
        # A token login is a login: last_login is updated and axes resets the failure count.
        user_logged_in.send(sender=type(user), request=request, user=user)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

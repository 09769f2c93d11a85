"""The staff pages where a unit prepares and submits its batches (views/nominations/)."""

urlpatterns: list = []

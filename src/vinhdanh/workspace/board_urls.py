"""The staff pages where the board and group leaders move dossiers (views/board/)."""

urlpatterns: list = []

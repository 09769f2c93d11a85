"""Django's admin (superusers): the public-holiday calendar, until the staff pages of the
nominations work give the board its own page for it."""

from django.contrib import admin

from vinhdanh.core.models import Holiday


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "kind", "confirmed", "source"]
    list_filter = ["kind", "confirmed"]
    date_hierarchy = "day"
    search_fields = ["name", "source"]

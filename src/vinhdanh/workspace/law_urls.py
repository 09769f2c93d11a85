from django.urls import path

from vinhdanh.workspace.views import law

urlpatterns = [
    path("law/", law.pack_list, name="law-packs"),
    path("law/packs/<slug:code>/", law.pack_detail, name="law-pack"),
    path("law/packs/<slug:code>/confirm/", law.pack_confirm, name="law-pack-confirm"),
    # Keys hold dots ("coefficient.bang_khen_tinh"), never slashes.
    path("law/packs/<slug:code>/settings/<str:key>/", law.setting_detail, name="law-setting"),
    path("law/salaries/", law.salary_list, name="law-salaries"),
    path("law/salaries/<int:pk>/", law.salary_edit, name="law-salary"),
    path("bonuses/", law.bonus_calculator, name="bonus-calculator"),
]

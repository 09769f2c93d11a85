"""Settings, all read from the environment (see docs/configuration.md)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vinhdanh import env

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env.string("VINHDANH_DATA_DIR", str(BASE_DIR.parent.parent / "var")))

DEBUG = env.boolean("DEBUG", False)
SECRET_KEY = env.string("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - only reachable with DEBUG on
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env.csv("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env.string("SITE_NAME", "Vinh Danh")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_tasks_db",
    "vinhdanh.core",
    "vinhdanh.organisations",
    "vinhdanh.honors",
    "vinhdanh.movements",
    "vinhdanh.scoring",
    "vinhdanh.nominations",
    "vinhdanh.council",
    "vinhdanh.decisions",
    "vinhdanh.stories",
    "vinhdanh.reports",
    "vinhdanh.workspace",
    "vinhdanh.public",
    "vinhdanh.api",
    "vinhdanh.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vinhdanh.urls"
WSGI_APPLICATION = "vinhdanh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vinhdanh.core.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": env.database("DATABASE_URL", sqlite_path=str(DATA_DIR / "vinhdanh.sqlite3"))
}
# An optional read replica: the public site and the reports read from it (core.db.read_db);
# everything that writes, and every staff page, stays on the primary.
if env.string("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = env.database("DATABASE_REPLICA_URL", sqlite_path="")
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}

# Public pages are cached here. One process: memory (the default). Several app servers:
# "database" (a shared table; `manage.py createcachetable` makes it once).
CACHE_BACKEND = env.string("CACHE_BACKEND", "memory")
if CACHE_BACKEND not in ("memory", "database"):
    raise ImproperlyConfigured(f"CACHE_BACKEND must be memory or database, not {CACHE_BACKEND!r}")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache"
        if CACHE_BACKEND == "memory"
        else "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "vinhdanh" if CACHE_BACKEND == "memory" else "vinhdanh_cache",
        "TIMEOUT": 300,
    }
}
# How long a public page may be served from the cache (and by browsers and proxies).
PUBLIC_CACHE_SECONDS = env.integer("PUBLIC_CACHE_SECONDS", 300)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisations.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling, checked first
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "workspace:login"
LOGIN_REDIRECT_URL = "workspace:dashboard"
LOGOUT_REDIRECT_URL = "workspace:login"

# Login throttling: five failures per username and address lock the pair for an hour.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.integer("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "workspace/locked_out.html"
# Behind proxies, the visitor's address is in X-Forwarded-For (core/proxy.py): how many
# proxies in front of the app append to it (nginx alone: 1; a load balancer and nginx: 2).
PROXY_COUNT = env.integer("PROXY_COUNT", 1 if env.boolean("BEHIND_PROXY") else 0)
AXES_CLIENT_IP_CALLABLE = "vinhdanh.core.proxy.client_ip"

SESSION_COOKIE_AGE = env.integer("SESSION_COOKIE_AGE", 8 * 3600)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.boolean("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_SAMESITE = "Lax"

# HTTPS: with DEBUG off, a site served to other hosts than this machine redirects plain
# http and sends HSTS unless told otherwise. A site that only answers on 127.0.0.1 (the
# tests, the benchmark's gunicorn) has no TLS in front of it to redirect to.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
HTTPS = env.boolean("HTTPS", not DEBUG and not set(ALLOWED_HOSTS) <= LOCAL_HOSTS)
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", HTTPS)
# Load balancers probe the health check over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a promise to browser vendors about the whole registered domain (often the
# province's gov.vn domain, not ours to promise): off unless the province asks for it.
SECURE_HSTS_PRELOAD = env.boolean("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Behind nginx or a load balancer that terminates TLS and sets X-Forwarded-Proto. Only with
# a proxy that overwrites the header: otherwise a client could claim https itself.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.boolean("BEHIND_PROXY") else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere: everything comes from our own static files.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# Our messages first; then what Django and DRF lack in their own `vi` catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_libraries"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
FORMAT_MODULE_PATH = ["vinhdanh.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Where `manage.py backup` writes its archives (docs/backup.md).
BACKUP_DIR = Path(env.string("BACKUP_DIR", str(DATA_DIR / "backups")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_BYTES = env.integer("IMPORT_MAX_BYTES", 50 * 1024 * 1024)
# Files with more rows than this are validated and written by the task worker.
IMPORT_BACKGROUND_ROWS = env.integer("IMPORT_BACKGROUND_ROWS", 2000)

# The address printed in certificates' QR codes (the public verification page).
PUBLIC_BASE_URL = env.string("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Digital signatures (PAdES) of decisions and certificates: the signing certificate as a
# PKCS#12 file and its passphrase (SIGNING_PASSPHRASE_FILE for a mounted secret); the CA
# certificates (PEM files) verification trusts. Unset: documents are issued unsigned.
SIGNING_PKCS12 = env.string("SIGNING_PKCS12", "")
SIGNING_PASSPHRASE = env.string("SIGNING_PASSPHRASE", "")
SIGNING_TRUST_ROOTS = env.csv("SIGNING_TRUST_ROOTS")
SIGNING_LOCATION = env.string("SIGNING_LOCATION", "")

TASKS = {
    "default": {
        "BACKEND": env.string("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Email goes through Django's mailers: the console by default, SMTP when MAIL_HOST is set.
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "vinhdanh@localhost")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env.string("MAIL_HOST"),
            "port": env.integer("MAIL_PORT", 25),
            "username": env.string("MAIL_USER"),
            "password": env.string("MAIL_PASSWORD"),
            "use_tls": env.boolean("MAIL_TLS", False),
        },
    }
    if env.string("MAIL_HOST")
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DATE_FORMAT": "iso-8601",
    "DATE_INPUT_FORMATS": ["iso-8601", "%d/%m/%Y"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vinh Danh API",
    "DESCRIPTION": "Units, people and emulation groups of the province (thi đua, khen thưởng).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Several choice sets share a field name ("kind", "state", "period"): name them.
    "ENUM_NAME_OVERRIDES": {
        "CriterionKindEnum": "vinhdanh.scoring.enums.CriterionKind",
        "PassKindEnum": "vinhdanh.scoring.enums.PassKind",
        "RoundPeriodEnum": "vinhdanh.scoring.enums.RoundPeriod",
        "RoundStateEnum": "vinhdanh.scoring.enums.RoundState",
        "ProposalStateEnum": "vinhdanh.scoring.enums.ProposalState",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
    # pyHanko logs a warning with a traceback for every untrusted signature it checks: the
    # public verification page would fill the log with them.
    "loggers": {"pyhanko": {"level": "ERROR"}, "pyhanko_certvalidator": {"level": "ERROR"}},
}

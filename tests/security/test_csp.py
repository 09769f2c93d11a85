"""The content security policy allows only our own files, so no template may carry inline
script, event handlers or styles; and every page sends the policy."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import vinhdanh

TEMPLATES = sorted(Path(vinhdanh.__file__).parent.glob("**/templates/**/*.html"))
TAG = re.compile(r"<[a-zA-Z][^<>]*>")
SCRIPT = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
# Data blocks are never run, so the policy does not apply to them.
DATA_BLOCK = re.compile(r"""type\s*=\s*["']application/(ld\+)?json["']""", re.IGNORECASE)
ATTRIBUTES = {
    "event handler": re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "javascript: address": re.compile(r"""=\s*["']?\s*javascript:""", re.IGNORECASE),
}


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def offences(text: str) -> list[tuple[int, str]]:
    """(line, what) for each thing in ``text`` the policy would block."""
    found = [(_line(text, m.start()), "inline script") for m in SCRIPT.finditer(text)
             if "src=" not in m.group() and not DATA_BLOCK.search(m.group())]
    found += [(_line(text, m.start()), "style element")
              for m in re.finditer(r"<style\b", text, re.IGNORECASE)]
    for tag in TAG.finditer(text):
        found += [(_line(text, tag.start()), what) for what, pattern in ATTRIBUTES.items()
                  if pattern.search(tag.group())]
    return sorted(found)


@pytest.mark.parametrize(("text", "what"), [
    ("<p>a</p>\n<script>alert(1)</script>", [(2, "inline script")]),
    ('<button\n  onclick="go()">', [(1, "event handler")]),
    ('<div hx-on:click="go()">', [(1, "event handler")]),
    ('<p style="color: red">', [(1, "style attribute")]),
    ("<style>p {}</style>", [(1, "style element")]),
    ('<a href="javascript:go()">', [(1, "javascript: address")]),
    ('<script src="{% static \'x.js\' %}" defer></script>', []),
    ('<script type="application/json" id="data">{}</script>', []),
    ('<p class="online" data-style="x">', []),
])
def test_offences_finds_what_the_policy_blocks(text, what):
    assert offences(text) == what


def test_templates_are_found():
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "login.html"} <= names
    assert len(TEMPLATES) > 100


def test_no_template_has_inline_script_handlers_or_styles():
    found = [f"{path.relative_to(Path(vinhdanh.__file__).parent)}:{line}: {what}"
             for path in TEMPLATES for line, what in offences(path.read_text("utf-8"))]

    assert found == []


def _policy(response) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"]
             .split(";"))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def _assert_strict(policy: dict[str, str]) -> None:
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())


def test_public_page_sends_a_strict_policy(client, db):
    response = client.get(reverse("public:certificate-lookup"))

    assert response.status_code == 200
    _assert_strict(_policy(response))


def test_staff_page_sends_a_strict_policy(personas, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:dashboard"))

    assert response.status_code == 200
    _assert_strict(_policy(response))


def test_login_page_sends_a_strict_policy(client, db):
    _assert_strict(_policy(client.get(reverse("workspace:login"))))

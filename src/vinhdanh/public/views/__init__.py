"""Pages of the public site: anonymous, read-mostly, cacheable. Each module is one topic
(``comments``: public comment on candidates)."""

"""API routes of batches, nominations, documents, notices and comments."""


def register(router) -> None:
    """Adds the nominations viewsets to the v1 router."""


paths: list = []

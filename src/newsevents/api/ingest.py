"""The one write: articles posted for analysis, behind the operator's bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from ..guard import write_refusal
from ..ingest.decode import lone_surrogate, not_unicode
from ..store import open_store
from .models import Failure, IngestResult

MAX_BODY = 5 * 1024 * 1024

router = APIRouter(prefix="/api", tags=["ingest"])

#: Declared so the OpenAPI description has a security scheme (and Swagger UI its
#: Authorize button); the check itself is ``write_refusal``, which the guard also
#: runs before a body is read.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="the operator's token (NEWSEVENTS_TOKEN), as `Authorization: Bearer <token>`",
)


class IngestArticle(BaseModel):
    text: str = Field(max_length=MAX_BODY)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="the outlet")
    #: why this article is refused before analysis (set here, never by a client)
    refused: SkipJsonSchema[str | None] = Field(None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _lone_surrogates(cls, data: Any) -> Any:
        """A JSON "\\ud800" escape makes a string no codec can write. pydantic would
        refuse the whole request for it; here only this article is refused, and
        the others in the request are analysed."""
        if not isinstance(data, dict):
            return data
        for key, value in data.items():
            bad = lone_surrogate(value) if isinstance(value, str) else None
            if bad is not None:
                return {"text": "", "refused": f"'{key}' is " + not_unicode(*bad)}
        return data


class IngestBody(BaseModel):
    articles: list[IngestArticle] = Field(max_length=100)


@router.post("/ingest", status_code=201, response_model=IngestResult)
def ingest(
    request: Request,
    body: IngestBody,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
) -> IngestResult:
    """Analyse and store articles; an article that fails is reported, the others stored."""
    given = f"Bearer {credentials.credentials}" if credentials else ""
    refusal = write_refusal(request.app.state.token, given.encode())
    if refusal is not None:
        raise HTTPException(*refusal)
    from ..errors import InputError
    from ..ingest import article_from_text
    from ..pipeline import EXTRACTOR_VERSION, analyze

    stored: list[str] = []
    failed: list[Failure] = []
    known: list[str] = []
    store = open_store(request.app.state.db)
    try:
        for i, item in enumerate(body.articles):
            if item.refused:
                failed.append(Failure(index=i, problem=item.refused))
                continue
            try:
                art = article_from_text(
                    item.text,
                    title=item.title,
                    published=item.published,
                    url=item.url,
                    source=item.source,
                    label=f"request[{i}]",
                )
            except InputError as exc:
                failed.append(Failure(index=i, problem=exc.problem))
                continue
            if store.has_article(art.id):  # one analysis per text; where it was seen counts
                store.add_occurrence(art, f"request[{i}]")
                known.append(art.id)
                continue
            try:
                analysis = analyze(art)
            except Exception as exc:  # an extractor bug must not cost the other articles
                failed.append(Failure(index=i, problem=f"analysis failed: {type(exc).__name__}"))
                continue
            if store.save(analysis, label=item.source, version=EXTRACTOR_VERSION):
                stored.append(art.id)
    finally:
        store.close()
    return IngestResult(stored=stored, failed=failed, known=known)

"""The result schema: what the CLI prints and the API returns, stable across versions."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

LABELS = ("supported", "refuted", "partially_supported", "outdated", "unverifiable")
CLAIM_TYPES = ("reward", "designation", "designation_count", "event_date")


class ArticleOutSchema(Schema):
    """The article as the engine read it; `text` is what every span indexes."""

    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    published_at = fields.Date(allow_none=True)
    format = fields.String(validate=validate.OneOf(["text", "html"]))
    text = fields.String(required=True)


class SubjectSchema(Schema):
    """The entity a claim is about; `id` is null for one the reference table does not know (its name as written)."""

    id = fields.String(required=True, allow_none=True)
    name = fields.String(required=True)


class EvidenceSchema(Schema):
    """One reference fact a verdict rests on."""

    fact_id = fields.String(required=True)
    sources = fields.List(fields.String(), required=True)
    statement = fields.String()


class VerdictSchema(Schema):
    """Label, one-sentence explanation and evidence."""

    label = fields.String(required=True, validate=validate.OneOf(LABELS))
    explanation = fields.String(required=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), required=True)


class ClaimSchema(Schema):
    """One atomic claim, its span in `article.text`, and its verdict."""

    id = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(CLAIM_TYPES))
    text = fields.String(required=True, metadata={"description": "surface text of the key mention"})
    span = fields.List(fields.Integer(), required=True, validate=validate.Length(equal=2))
    sentence = fields.String(required=True)
    sentence_span = fields.List(fields.Integer(), required=True, validate=validate.Length(equal=2))
    subject = fields.Nested(SubjectSchema, allow_none=True)
    value = fields.Dict(required=True, metadata={"description": "type-specific claimed values"})
    verdict = fields.Nested(VerdictSchema, required=True)
    change = fields.String(validate=validate.OneOf(["new", "changed", "unchanged"]),
                           metadata={"description": "against the story's previous version (CMS updates only)"})


class GoneClaimSchema(Schema):
    """A claim of the previous version that the new one no longer makes."""

    id = fields.String()
    type = fields.String()
    text = fields.String()
    subject = fields.Nested(SubjectSchema, allow_none=True)
    value = fields.Dict()
    label = fields.String(allow_none=True)


class ChangesSchema(Schema):
    """How a story's new version differs from the one checked before."""

    previous_job = fields.String(required=True)
    compared = fields.Boolean(required=True, metadata={"description": "false when the previous result was gone"})
    gone = fields.List(fields.Nested(GoneClaimSchema), required=True)


class VerdictChangeSchema(Schema):
    """A claim whose verdict changed on a re-check; `before` or `after` is null for a claim only one check made."""

    claim = fields.String(allow_none=True, metadata={"description": "the claim's id in this result (null: gone)"})
    type = fields.String()
    text = fields.String()
    subject = fields.Nested(SubjectSchema, allow_none=True)
    before = fields.String(allow_none=True, validate=validate.OneOf(LABELS))
    after = fields.String(allow_none=True, validate=validate.OneOf(LABELS))


class RecheckSchema(Schema):
    """What a re-check changed: the job re-checked, the version its result rested on, the changed verdicts."""

    previous_job = fields.String(required=True)
    previous_reference_version = fields.String(allow_none=True)
    previous_reference_version_number = fields.Integer(allow_none=True)
    compared = fields.Boolean(required=True, metadata={"description": "false when the previous result was gone"})
    verdict_changes = fields.List(fields.Nested(VerdictChangeSchema), required=True)


class ResultSchema(Schema):
    """A whole check: the article, the table version, the claims and a count per label."""

    article = fields.Nested(ArticleOutSchema, required=True)
    reference_version = fields.String(required=True)
    reference_version_number = fields.Integer(metadata={"description": "the reference store's version number "
                                                                       "(API jobs; the CLI reads files)"})
    claims = fields.List(fields.Nested(ClaimSchema), required=True)
    summary = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    warnings = fields.List(fields.String(), required=True)
    changes = fields.Nested(ChangesSchema, metadata={"description": "CMS updates only: the diff with the "
                                                                    "previous version"})
    recheck = fields.Nested(RecheckSchema, metadata={"description": "re-checks only: the verdicts that changed"})

"""Learned state: encoder versions and the vectors they produced for each listing."""

from django.conf import settings
from django.db import models
from pgvector.django import HnswIndex, VectorField

from catalog.models import Product

EMBEDDING_DIM = 256  # every encoder projects into this space (matching.encoder config "dim")


class EncoderVersion(models.Model):
    class State(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"  # saved, not (yet) serving
        EMBEDDING = "embedding", "Re-embedding"  # activated; vectors being computed
        ACTIVE = "active", "Active"  # serving searches and checks
        RETIRED = "retired", "Retired"
        REJECTED = "rejected", "Rejected"

    name = models.CharField(max_length=100, unique=True)
    path = models.CharField(max_length=500)
    state = models.CharField(max_length=10, choices=State.choices, default=State.CANDIDATE, db_index=True)
    metrics = models.JSONField(default=dict, blank=True)
    training_settings = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["state"], condition=models.Q(state="active"), name="one_active_encoder")
        ]

    def __str__(self) -> str:
        return self.name


class ProductEmbedding(models.Model):
    """A listing's vectors under one encoder version: title text, photos (pooled), and fused."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="embeddings")
    encoder_version = models.ForeignKey(EncoderVersion, on_delete=models.CASCADE, related_name="embeddings")
    # The listing fingerprint the vectors were computed from: a mismatch means they are stale.
    content_fingerprint = models.CharField(max_length=64)
    text = VectorField(dimensions=EMBEDDING_DIM)
    image = VectorField(dimensions=EMBEDDING_DIM)
    fused = VectorField(dimensions=EMBEDDING_DIM)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "encoder_version"], name="one_embedding_per_version")
        ]
        indexes = [
            HnswIndex(name=f"embedding_{column}_hnsw", fields=[column], opclasses=["vector_cosine_ops"],
                      m=settings.CATALIGN_HNSW_M, ef_construction=settings.CATALIGN_HNSW_EF_CONSTRUCTION)
            for column in ("text", "image", "fused")
        ]

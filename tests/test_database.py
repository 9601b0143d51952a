from django.db import connection


def test_runs_on_postgresql_with_pgvector(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        (version,) = cursor.fetchone()
    assert tuple(int(part) for part in version.split(".")[:2]) >= (0, 8)


def test_embedding_columns_have_hnsw_indexes(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'matching_productembedding'"
        )
        definitions = dict(cursor.fetchall())
    for column in ("text", "image", "fused"):
        definition = definitions[f"embedding_{column}_hnsw"]
        assert "USING hnsw" in definition
        assert "vector_cosine_ops" in definition

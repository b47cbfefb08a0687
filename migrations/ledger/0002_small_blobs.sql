-- Small bodies kept in the department's own store. A submission's grid (or file) and report up to
-- SMALL_BLOB_MAX_BYTES each are written in the same transaction as its row instead of to R2: one
-- call stores everything, and no orphan can be left. Larger ones, and all of them once the store
-- holds SMALL_BLOB_BUDGET_BYTES of small bodies, go to R2 as before. Keys are the R2 keys they
-- would have had (content-addressed), so the same bytes are kept once.
CREATE TABLE small_blobs (
  blob_key   TEXT NOT NULL UNIQUE,
  body       BLOB NOT NULL,
  -- as R2's httpMetadata would say it (the format an uploaded file was read as)
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Bytes of small bodies held, kept with every insert (the budget is checked against it).
CREATE TABLE store_meta (
  name  TEXT NOT NULL PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta (name, value) VALUES ('small_blob_bytes', 0);

-- Which of a submission's bodies are in small_blobs: 1 its content (grid or file), 2 its report.
ALTER TABLE submissions ADD COLUMN kept_here INTEGER NOT NULL DEFAULT 0;

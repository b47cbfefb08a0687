-- Organisation mappings (issue 10): a department saves the header and value mapping its clerks
-- confirmed as a versioned document of kind 'mapping', published and read like rule sets and
-- templates (same rows, same content-addressed R2 bodies). SQLite cannot widen a CHECK
-- constraint in place: the table is rebuilt with the new kind, rows kept as they are.
CREATE TABLE published_versions_v5 (
  org_id     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('ruleset', 'template', 'mapping')),
  doc_id     TEXT NOT NULL,
  version    INTEGER NOT NULL CHECK (version > 0),
  sha256     TEXT NOT NULL,
  r2_key     TEXT NOT NULL,
  size       INTEGER NOT NULL,
  title      TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, kind, doc_id, version)
) WITHOUT ROWID;
INSERT INTO published_versions_v5 SELECT org_id, kind, doc_id, version, sha256, r2_key, size, title, created_by, created_at FROM published_versions;
DROP TABLE published_versions;
ALTER TABLE published_versions_v5 RENAME TO published_versions;

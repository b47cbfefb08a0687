-- A sheet that does not fit the collection's template is never stored as clean. Each
-- collection says what to do with such a submission: refuse it (422, the default) or store it
-- with the status 'wrong_template', which the admin's status table shows apart.
ALTER TABLE collections ADD COLUMN on_wrong_template TEXT NOT NULL DEFAULT 'reject' CHECK (on_wrong_template IN ('store', 'reject'));

-- SQLite cannot widen a CHECK constraint in place: the submissions table is rebuilt with the new status.
CREATE TABLE submissions_v3 (
  org_id           TEXT NOT NULL,
  collection_id    TEXT NOT NULL,
  branch_id        TEXT NOT NULL,
  version          INTEGER NOT NULL CHECK (version > 0),
  submission_id    TEXT NOT NULL,
  source           TEXT NOT NULL CHECK (source IN ('json', 'xlsx')),
  grid_sha256      TEXT NOT NULL,
  findings_sha256  TEXT NOT NULL,
  file_sha256      TEXT,
  errors           INTEGER NOT NULL,
  warnings         INTEGER NOT NULL,
  infos            INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('clean', 'errors', 'wrong_template')),
  late             INTEGER NOT NULL,
  template_org_id  TEXT NOT NULL,
  template_id      TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  ruleset_id       TEXT NOT NULL,
  ruleset_version  INTEGER NOT NULL,
  as_of            TEXT NOT NULL,
  submitted_by     TEXT NOT NULL,
  submitted_at     TEXT NOT NULL,
  idempotency_key  TEXT,
  PRIMARY KEY (org_id, collection_id, branch_id, version)
) WITHOUT ROWID;
INSERT INTO submissions_v3 SELECT * FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_v3 RENAME TO submissions;
CREATE UNIQUE INDEX submissions_id ON submissions (submission_id);
CREATE INDEX submissions_grid ON submissions (org_id, grid_sha256);
CREATE INDEX submissions_findings ON submissions (org_id, findings_sha256);
CREATE INDEX submissions_file ON submissions (org_id, file_sha256) WHERE file_sha256 IS NOT NULL;

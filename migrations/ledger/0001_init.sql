-- The per-department store: one SQLite-backed Durable Object (TenantLedger) per tenant, named by
-- the tenant's root organisation id. It holds everything a department writes as it works:
-- rule sets and templates (versions), collections (报送任务), the submissions index, idempotency
-- keys and the audit of these writes. D1 keeps only what must be global: the organisation
-- directory and the token hashes. Applied by the object itself on first use (functions/ledger/schema.ts),
-- in order, each migration once, inside one transaction.

-- Published rule sets and templates: one immutable row per version; the body is in R2 under a
-- content address (r2_key). Version n+1 comes from the object's single-writer order.
CREATE TABLE published_versions (
  org_id     TEXT NOT NULL,
  kind       TEXT NOT NULL,
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
CREATE INDEX published_versions_key ON published_versions (r2_key);

-- 报送任务: a template version, a rule set version, a period and a set of branches, with a due date.
-- owner_path is the owner's '/root/…/owner/' (paths never change), for an admin's subtree;
-- template_key / ruleset_key are the R2 keys of the pinned bodies, so a submission reads them without a lookup.
CREATE TABLE collections (
  collection_id     TEXT NOT NULL PRIMARY KEY,
  org_id            TEXT NOT NULL,
  owner_path        TEXT NOT NULL,
  title             TEXT NOT NULL,
  template_org_id   TEXT NOT NULL,
  template_id       TEXT NOT NULL,
  template_version  INTEGER NOT NULL,
  template_key      TEXT NOT NULL,
  ruleset_org_id    TEXT,
  ruleset_id        TEXT,
  ruleset_version   INTEGER,
  ruleset_key       TEXT,
  period            TEXT NOT NULL,
  due_at            TEXT NOT NULL,
  on_error          TEXT NOT NULL CHECK (on_error IN ('store', 'reject')),
  on_wrong_template TEXT NOT NULL DEFAULT 'reject' CHECK (on_wrong_template IN ('store', 'reject')),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by        TEXT NOT NULL,
  created_at        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX collections_created ON collections (created_at);
CREATE INDEX collections_period ON collections (period);

CREATE TABLE collection_branches (
  collection_id TEXT NOT NULL,
  branch_id     TEXT NOT NULL,
  PRIMARY KEY (collection_id, branch_id)
) WITHOUT ROWID;
CREATE INDEX collection_branches_branch ON collection_branches (branch_id, collection_id);

-- Submissions index: one row per version per branch per collection. The bodies are immutable R2
-- objects keyed by their SHA-256: for grid JSON the request body as received (grid_sha256), for a
-- file upload the file itself (file_sha256 = grid_sha256, re-read when the grid is asked for);
-- the report in both cases (findings_sha256). grid_bytes sizes an export before anything is read.
CREATE TABLE submissions (
  collection_id    TEXT NOT NULL,
  branch_id        TEXT NOT NULL,
  version          INTEGER NOT NULL CHECK (version > 0),
  org_id           TEXT NOT NULL,
  submission_id    TEXT NOT NULL,
  source           TEXT NOT NULL CHECK (source IN ('json', 'xlsx')),
  grid_sha256      TEXT NOT NULL,
  findings_sha256  TEXT NOT NULL,
  file_sha256      TEXT,
  file_name        TEXT,
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
  grid_bytes       INTEGER NOT NULL,
  PRIMARY KEY (collection_id, branch_id, version)
) WITHOUT ROWID;
CREATE UNIQUE INDEX submissions_id ON submissions (submission_id);
CREATE INDEX submissions_grid ON submissions (grid_sha256);
CREATE INDEX submissions_findings ON submissions (findings_sha256);
CREATE INDEX submissions_file ON submissions (file_sha256) WHERE file_sha256 IS NOT NULL;

-- Idempotency-Key records, scoped to the calling organisation (a branch).
CREATE TABLE idempotency_keys (
  org_id         TEXT NOT NULL,
  idem_key       TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,
  submission_id  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (org_id, idem_key)
) WITHOUT ROWID;

-- Every write to this store: who, what, when, content hash; org_path is the organisation's path
-- (an admin reads the audit of its subtree). Written in the same transaction as the write itself.
CREATE TABLE audit_log (
  audit_id   TEXT NOT NULL PRIMARY KEY,
  org_id     TEXT NOT NULL,
  org_path   TEXT NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  actor_org  TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  sha256     TEXT,
  details    TEXT
) WITHOUT ROWID;
CREATE INDEX audit_log_action ON audit_log (action, audit_id);

-- R2 keys this object deleted (an orphan swept, a failed request's blobs). A later commit that
-- references one is told to put it back (its writer holds the bytes), so nobody needs to ask R2
-- whether a blob it found already there still exists.
CREATE TABLE deleted_blobs (
  r2_key     TEXT NOT NULL PRIMARY KEY,
  deleted_at TEXT NOT NULL
) WITHOUT ROWID;

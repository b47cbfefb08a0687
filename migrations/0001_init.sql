-- party-ledger control plane. Every table is keyed by organisation first.
-- Organisations form a tree (组织部/基层党委 → 党支部); `path` is '/root/…/self/' so a
-- subtree is a prefix match (done with substr(), not LIKE, to stay clear of D1's 50-byte LIKE limit).
CREATE TABLE orgs (
  org_id     TEXT NOT NULL PRIMARY KEY,
  root_id    TEXT NOT NULL,
  parent_id  TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('department', 'branch')),
  name       TEXT NOT NULL,
  path       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX orgs_parent ON orgs (parent_id);
CREATE INDEX orgs_root_path ON orgs (root_id, path);

-- Per-organisation API tokens: only SHA-256 of the secret is stored.
CREATE TABLE api_tokens (
  org_id       TEXT NOT NULL,
  token_id     TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
  label        TEXT NOT NULL,
  hash         TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT,
  PRIMARY KEY (org_id, token_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX api_tokens_token ON api_tokens (token_id);

-- Microsoft Entra ID users (tenant id + object id) mapped to an organisation and role.
CREATE TABLE entra_principals (
  org_id     TEXT NOT NULL,
  tid        TEXT NOT NULL,
  oid        TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, tid, oid)
) WITHOUT ROWID;
CREATE UNIQUE INDEX entra_principals_user ON entra_principals (tid, oid);

-- Published rule sets and templates. A version row never changes; the body lives in R2
-- under a content address and is written create-only.
CREATE TABLE published_versions (
  org_id     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('ruleset', 'template')),
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

-- 报送任务: a template version, a period and a set of branches, with a due date.
CREATE TABLE collections (
  org_id           TEXT NOT NULL,
  collection_id    TEXT NOT NULL,
  title            TEXT NOT NULL,
  template_org_id  TEXT NOT NULL,
  template_id      TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  ruleset_org_id   TEXT,
  ruleset_id       TEXT,
  ruleset_version  INTEGER,
  period           TEXT NOT NULL,
  due_at           TEXT NOT NULL,
  on_error         TEXT NOT NULL CHECK (on_error IN ('store', 'reject')),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  PRIMARY KEY (org_id, collection_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX collections_id ON collections (collection_id);

CREATE TABLE collection_branches (
  org_id        TEXT NOT NULL,
  collection_id TEXT NOT NULL,
  branch_id     TEXT NOT NULL,
  PRIMARY KEY (org_id, collection_id, branch_id)
) WITHOUT ROWID;
CREATE INDEX collection_branches_branch ON collection_branches (branch_id, collection_id);

-- Submissions index: one row per version per branch per collection. Grid, findings and
-- the uploaded file are immutable R2 objects keyed by their SHA-256.
CREATE TABLE submissions (
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
  status           TEXT NOT NULL CHECK (status IN ('clean', 'errors')),
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
CREATE UNIQUE INDEX submissions_id ON submissions (submission_id);

-- Idempotency-Key records, scoped to the calling organisation.
CREATE TABLE idempotency_keys (
  org_id         TEXT NOT NULL,
  idem_key       TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,
  submission_id  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (org_id, idem_key)
) WITHOUT ROWID;

-- Every write: who, what, when, content hash.
CREATE TABLE audit_log (
  org_id     TEXT NOT NULL,
  audit_id   TEXT NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  actor_org  TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  sha256     TEXT,
  details    TEXT,
  PRIMARY KEY (org_id, audit_id)
) WITHOUT ROWID;

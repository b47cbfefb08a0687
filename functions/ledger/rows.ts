/** The rows of a department's store (migrations/ledger/), as the Worker and the object pass them. */

/** Kinds of versioned documents. Any kind string works in the store; the API publishes these. */
export type DocKind = "ruleset" | "template" | "mapping";

/** A published version of a rule set, template or organisation mapping (immutable; the body is in R2 at `r2_key`). */
export interface VersionRow {
  org_id: string;
  kind: DocKind;
  doc_id: string;
  version: number;
  sha256: string;
  r2_key: string;
  size: number;
  title: string;
  created_by: string;
  created_at: string;
}

export interface CollectionRow {
  org_id: string;
  collection_id: string;
  /** The owner's path ('/root/…/owner/'), for an admin's subtree. */
  owner_path: string;
  title: string;
  template_org_id: string;
  template_id: string;
  template_version: number;
  /** R2 key of the pinned template's body. */
  template_key: string;
  ruleset_org_id: string | null;
  ruleset_id: string | null;
  ruleset_version: number | null;
  /** R2 key of the pinned rule set's body; null for the built-in default. */
  ruleset_key: string | null;
  period: string;
  due_at: string;
  on_error: "store" | "reject";
  /** A submission whose sheets do not fit the template: refused (422) or stored as wrong_template. */
  on_wrong_template: "store" | "reject";
  status: "open" | "closed";
  created_by: string;
  created_at: string;
}

export interface SubmissionRow {
  org_id: string;
  collection_id: string;
  branch_id: string;
  version: number;
  submission_id: string;
  source: "json" | "xlsx";
  /** SHA-256 of the bytes received: the request body (grid JSON) or the uploaded file. */
  grid_sha256: string;
  findings_sha256: string;
  file_sha256: string | null;
  /** The uploaded file's name (a CSV's sheet is named after it when the grid is read again). */
  file_name: string | null;
  errors: number;
  warnings: number;
  infos: number;
  status: "clean" | "errors" | "wrong_template";
  late: number;
  template_org_id: string;
  template_id: string;
  template_version: number;
  ruleset_id: string;
  ruleset_version: number;
  as_of: string;
  submitted_by: string;
  submitted_at: string;
  idempotency_key: string | null;
  /** The grid's size as JSON, in bytes (what an export reading it costs). */
  grid_bytes: number;
  /** Which bodies the department's store keeps itself (ledger/small-blobs.ts); the others are in R2. */
  kept_here: number;
}

export interface AuditRow {
  org_id: string;
  audit_id: string;
  at: string;
  actor: string;
  actor_org: string;
  action: string;
  target: string;
  sha256: string | null;
  details: string | null;
}

/** An audit entry to write with the change it records; `org_path` is the organisation's path. */
export interface AuditEntry extends AuditRow {
  org_path: string;
}

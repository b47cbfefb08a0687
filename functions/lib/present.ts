/** Rows (D1 directory, tenant store) → API shapes (camelCase, as in shared/api/schemas.ts). */
import type { OrgRow } from "../db/orgs.js";
import type { TokenRow } from "../db/tokens.js";
import type { AuditRow, CollectionRow, SubmissionRow, VersionRow } from "../ledger/rows.js";
import { DEFAULT_RULE_SET } from "../../shared/ruleset/default.js";
import { collectionAsOf } from "../../shared/calendar/period-order.js";
import { todayCst } from "./hash.js";

export const orgOut = (o: OrgRow) => ({
  id: o.org_id,
  parentId: o.parent_id,
  rootId: o.root_id,
  kind: o.kind,
  name: o.name,
  path: o.path,
  createdAt: o.created_at,
});

export const tokenOut = (t: TokenRow) => ({
  tokenId: t.token_id,
  orgId: t.org_id,
  role: t.role,
  label: t.label,
  createdBy: t.created_by,
  createdAt: t.created_at,
  revokedAt: t.revoked_at,
  lastUsedAt: t.last_used_at,
});

export const versionOut = (v: VersionRow) => ({
  orgId: v.org_id,
  id: v.doc_id,
  version: v.version,
  sha256: v.sha256,
  size: v.size,
  title: v.title,
  createdBy: v.created_by,
  createdAt: v.created_at,
});

export const collectionOut = (c: CollectionRow, branchIds?: string[]) => ({
  id: c.collection_id,
  orgId: c.org_id,
  title: c.title,
  template: { orgId: c.template_org_id, id: c.template_id, version: c.template_version },
  ruleSet: {
    orgId: c.ruleset_org_id,
    id: c.ruleset_id ?? DEFAULT_RULE_SET.id,
    version: c.ruleset_version ?? DEFAULT_RULE_SET.version,
  },
  period: c.period,
  // The day submissions are judged on (the period's last day once it is past, else today, UTC+8).
  asOf: collectionAsOf(c.period, todayCst()),
  dueAt: c.due_at,
  onError: c.on_error,
  onWrongTemplate: c.on_wrong_template,
  status: c.status,
  ...(branchIds ? { branchIds } : {}),
  createdBy: c.created_by,
  createdAt: c.created_at,
});

export const submissionOut = (s: Omit<SubmissionRow, "kept_here">) => ({
  id: s.submission_id,
  collectionId: s.collection_id,
  branchId: s.branch_id,
  version: s.version,
  source: s.source,
  status: s.status,
  late: s.late === 1,
  counts: { errors: s.errors, warnings: s.warnings, infos: s.infos },
  contentSha256: s.grid_sha256,
  findingsSha256: s.findings_sha256,
  fileSha256: s.file_sha256,
  template: { orgId: s.template_org_id, id: s.template_id, version: s.template_version },
  ruleSet: { id: s.ruleset_id, version: s.ruleset_version },
  asOf: s.as_of,
  submittedBy: s.submitted_by,
  submittedAt: s.submitted_at,
});

export const auditOut = (a: AuditRow) => ({
  id: a.audit_id,
  orgId: a.org_id,
  at: a.at,
  actor: a.actor,
  actorOrg: a.actor_org,
  action: a.action,
  target: a.target,
  sha256: a.sha256,
  details: a.details ? (JSON.parse(a.details) as unknown) : null,
});

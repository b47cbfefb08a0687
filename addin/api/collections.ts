import type { Finding, SheetReport } from "../../shared/findings/types.js";
import { DEFAULT_RULE_SET } from "../../shared/ruleset/default.js";
import { RuleSet } from "../../shared/ruleset/schema.js";
import { Template, type TemplateParsed } from "../../shared/template/schema.js";
import { call, type ApiConfig } from "./client.js";

/** A collection (报送任务) as the pane needs it: what to check against, and on which day. */
export interface CollectionInfo {
  id: string;
  /** The department that opened it: its saved mappings (and its ancestors') apply to the checks. */
  orgId: string;
  title: string;
  period: string;
  asOf: string;
  dueAt: string;
  status: string;
  template: { orgId: string; id: string; version: number };
  ruleSet: { orgId: string | null; id: string; version: number };
}

function collectionOf(x: unknown): CollectionInfo {
  const o = (x ?? {}) as Record<string, unknown>;
  const t = (o.template ?? {}) as Record<string, unknown>;
  const r = (o.ruleSet ?? {}) as Record<string, unknown>;
  return {
    id: String(o.id ?? ""),
    orgId: String(o.orgId ?? ""),
    title: String(o.title ?? o.id ?? ""),
    period: String(o.period ?? ""),
    asOf: String(o.asOf ?? ""),
    dueAt: String(o.dueAt ?? ""),
    status: String(o.status ?? ""),
    template: { orgId: String(t.orgId ?? ""), id: String(t.id ?? ""), version: Number(t.version ?? 0) },
    ruleSet: { orgId: typeof r.orgId === "string" ? r.orgId : null, id: String(r.id ?? ""), version: Number(r.version ?? 0) },
  };
}

const enc = encodeURIComponent;

/** The collections the token may see (an admin's subtree, a clerk's branch), newest first. */
export async function listCollections(cfg: ApiConfig, status?: "open" | "closed"): Promise<CollectionInfo[]> {
  const body = (await call(cfg, `/v1/collections${status ? `?status=${status}` : ""}`, { method: "GET" })) as { items?: unknown[] } | null;
  return (body?.items ?? []).map(collectionOf);
}

export async function getCollection(cfg: ApiConfig, id: string): Promise<CollectionInfo> {
  return collectionOf(await call(cfg, `/v1/collections/${enc(id)}`, { method: "GET" }));
}

/** The template and rule set a collection pins, as the Worker checks with them. */
export async function collectionDocs(cfg: ApiConfig, c: CollectionInfo): Promise<{ template: TemplateParsed; ruleSet: RuleSet }> {
  const t = (await call(cfg, `/v1/templates/${enc(`${c.template.id}@${c.template.version}`)}?org=${enc(c.template.orgId)}`, { method: "GET" })) as { template?: unknown };
  // A collection with no published rule set is checked with the built-in one, as the Worker does.
  const r = c.ruleSet.orgId
    ? ((await call(cfg, `/v1/rulesets/${enc(`${c.ruleSet.id}@${c.ruleSet.version}`)}?org=${enc(c.ruleSet.orgId)}`, { method: "GET" })) as { ruleSet?: unknown }).ruleSet
    : DEFAULT_RULE_SET;
  return { template: Template.parse(t.template), ruleSet: RuleSet.parse(r) };
}

/** A stored submission's findings and sheet reports (the admin opens a branch's latest version). */
export async function submissionFindings(cfg: ApiConfig, submissionId: string): Promise<{ findings: Finding[]; sheets: SheetReport[]; version: number; asOf: string }> {
  const b = (await call(cfg, `/v1/submissions/${enc(submissionId)}`, { method: "GET" })) as Record<string, unknown>;
  return {
    findings: Array.isArray(b.findings) ? (b.findings as Finding[]) : [],
    sheets: Array.isArray(b.sheets) ? (b.sheets as SheetReport[]) : [],
    version: Number(b.version ?? 0),
    asOf: String(b.asOf ?? ""),
  };
}

export interface VersionDiff {
  from: number;
  to: number;
  cellsChanged: { sheet: string; cell: string; before?: unknown; after?: unknown }[];
  findingsFixed: Finding[];
  findingsNew: Finding[];
}

/** What changed between two versions a branch submitted. */
export async function versionDiff(cfg: ApiConfig, collectionId: string, branchId: string, from: number, to: number): Promise<VersionDiff> {
  const b = (await call(cfg, `/v1/collections/${enc(collectionId)}/branches/${enc(branchId)}/diff?from=${from}&to=${to}`, { method: "GET" })) as Record<string, unknown>;
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  return { from, to, cellsChanged: list(b.cellsChanged), findingsFixed: list(b.findingsFixed), findingsNew: list(b.findingsNew) };
}

export interface BranchBookView {
  status: "checked" | "incomplete" | "not_checked";
  message: string;
  parts: { collectionId: string; title: string; used: boolean }[];
  added: Finding[];
  withdrawn: Finding[];
}

/** A branch's latest submissions of one period checked against each other (GET /v1/branches/{id}/book). */
export async function branchBook(cfg: ApiConfig, branchId: string, period: string): Promise<BranchBookView> {
  const b = (await call(cfg, `/v1/branches/${enc(branchId)}/book?period=${enc(period)}`, { method: "GET" })) as Record<string, unknown>;
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  const status = b.status === "checked" || b.status === "incomplete" ? b.status : "not_checked";
  return { status, message: String(b.message ?? ""), parts: list(b.parts), added: list(b.added), withdrawn: list(b.withdrawn) };
}

import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { Collection, CollectionList, CollectionStatus, CreateCollectionBody } from "../../shared/api/schemas.js";
import { DEFAULT_RULE_SET } from "../../shared/ruleset/default.js";
import { needRole, visibleCollection } from "../lib/access.js";
import { resolveVersion } from "../lib/publish.js";
import { ApiError } from "../lib/errors.js";
import { nowIso, randomId, sha256Hex, canonicalJson } from "../lib/hash.js";
import { collectionOut, submissionOut } from "../lib/present.js";
import { auditEntry } from "../lib/audit-entry.js";
import { isWithin, type OrgRow } from "../db/orgs.js";
import type { CollectionRow, SubmissionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { collectionDocs } from "../lib/submit.js";
import { forgetCollection } from "../lib/submission-context.js";
import { prefersEnglish } from "../middleware/errors.js";
import { appendAll } from "../../shared/util/append-all.js";
import {
  assertExportSize,
  csvFailureLine,
  csvLines,
  dataHeader,
  exportLimitBytes,
  findingsHeader,
  itemRows,
  loadExportItem,
  pulledStream,
  xlsxBytes,
  yieldAfter,
  type ExportTables,
} from "../lib/export.js";

const CollParam = z.object({ collectionId: z.string().min(1).max(40) });

/** A bare date is due at the end of that day in China Standard Time. */
const dueIso = (d: string) => (d.length === 10 ? new Date(`${d}T23:59:59.999+08:00`).toISOString() : new Date(d).toISOString());

async function branchRows(db: D1Database, ids: string[]): Promise<Map<string, OrgRow>> {
  const out = new Map<string, OrgRow>();
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    const { results } = await db
      .prepare(`SELECT * FROM orgs WHERE org_id IN (${chunk.map(() => "?").join(", ")})`)
      .bind(...chunk)
      .all<OrgRow>();
    for (const r of results) out.set(r.org_id, r);
  }
  return out;
}

type StatusKind = "not_submitted" | "submitted_clean" | "submitted_with_errors" | "submitted_wrong_template" | "late";
function branchStatus(col: CollectionRow, s: SubmissionRow | undefined, now: string): { status: StatusKind; late: boolean } {
  if (!s) {
    const late = now > col.due_at;
    return { status: late ? "late" : "not_submitted", late };
  }
  // A ledger that is not the one asked for is shown apart, late or not: nothing in it was checked.
  if (s.status === "wrong_template") return { status: "submitted_wrong_template", late: s.late === 1 };
  if (s.late) return { status: "late", late: true };
  return { status: s.status === "clean" ? "submitted_clean" : "submitted_with_errors", late: false };
}

export const collectionsRouter = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["collections"],
      security,
      middleware: [requireRole("admin")] as const,
      summary: "发起报送任务 / open a collection (admin)",
      request: { body: body(CreateCollectionBody) },
      responses: { 201: json(Collection, "opened"), ...errors(400, 403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const b = c.req.valid("json");
      const tv = await resolveVersion(c.env, p, "template", b.template.id, b.template.version, b.template.orgId);
      let rs: { org: string | null; id: string; version: number; key: string | null } = { org: null, id: DEFAULT_RULE_SET.id, version: DEFAULT_RULE_SET.version, key: null };
      if (b.ruleSet) {
        const r = await resolveVersion(c.env, p, "ruleset", b.ruleSet.id, b.ruleSet.version, b.ruleSet.orgId);
        rs = { org: r.org_id, id: r.doc_id, version: r.version, key: r.r2_key };
      } else {
        // The nearest published "default" rule set, else the built-in one.
        const r = await resolveVersion(c.env, p, "ruleset", DEFAULT_RULE_SET.id).catch(() => null);
        if (r) rs = { org: r.org_id, id: r.doc_id, version: r.version, key: r.r2_key };
      }
      const ids = [...new Set(b.branchIds)];
      const rows = await branchRows(c.env.DB, ids);
      const bad = ids.filter((id) => {
        const o = rows.get(id);
        return !o || o.kind !== "branch" || o.root_id !== p.rootId || !isWithin(o.path, p.path);
      });
      if (bad.length) {
        throw new ApiError(404, "branch_not_found", `以下党支部不存在或不在本组织之下：${bad.join("、")}`, `Unknown branch(es) or not in your subtree: ${bad.join(", ")}`, { branchIds: bad });
      }
      const row: CollectionRow = {
        org_id: p.orgId,
        collection_id: randomId("c", 9),
        owner_path: p.path,
        title: b.title,
        template_org_id: tv.org_id,
        template_id: tv.doc_id,
        template_version: tv.version,
        template_key: tv.r2_key,
        ruleset_org_id: rs.org,
        ruleset_id: rs.id,
        ruleset_version: rs.version,
        ruleset_key: rs.key,
        period: b.period,
        due_at: dueIso(b.dueAt),
        on_error: b.onError,
        on_wrong_template: b.onWrongTemplate,
        status: "open",
        created_by: p.actor,
        created_at: nowIso(),
      };
      const sha = await sha256Hex(canonicalJson(row));
      const audit = auditEntry(p, { id: p.orgId, path: p.path }, "collection.open", `collection:${row.collection_id}`, sha, { title: row.title, branches: ids.length }, row.created_at);
      if ((await ledger(c.env, p.rootId).openCollection(row, ids, audit)) !== "opened") {
        throw new ApiError(409, "collection_exists", "报送任务编号冲突，请重试", "Collection id taken; retry");
      }
      c.header("Location", `/v1/collections/${row.collection_id}`);
      return c.json(collectionOut(row, ids.sort()), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["collections"],
      security,
      summary: "报送任务列表，新建的在前（管理员：本级及下级；填报员：本支部的）/ collections visible to the caller, newest first",
      request: { query: z.object({ status: z.enum(["open", "closed"]).optional() }) },
      responses: { 200: json(CollectionList, "collections"), ...errors(400) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { status } = c.req.valid("query");
      const store = ledger(c.env, p.rootId);
      const rows = p.role === "admin" ? await store.collectionsUnder(p.path) : await store.collectionsForBranch(p.orgId);
      return c.json({ items: rows.filter((r) => !status || r.status === status).map((r) => collectionOut(r)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{collectionId}",
      tags: ["collections"],
      security,
      summary: "读取报送任务 / a collection",
      request: { params: CollParam },
      responses: { 200: json(Collection, "collection"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const collection = await visibleCollection(c.env, p, c.req.valid("param").collectionId);
      const ids = p.role === "admin" ? (await ledger(c.env, p.rootId).collectionStatus(collection.collection_id)).branchIds : [p.orgId];
      return c.json(collectionOut(collection, ids), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{collectionId}/close",
      tags: ["collections"],
      security,
      summary: "关闭报送任务 / close a collection (admin)",
      request: { params: CollParam },
      responses: { 200: json(Collection, "closed"), ...errors(403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const collection = await visibleCollection(c.env, p, c.req.valid("param").collectionId);
      const audit = auditEntry(p, { id: collection.org_id, path: collection.owner_path }, "collection.close", `collection:${collection.collection_id}`);
      const closed = await ledger(c.env, p.rootId).closeCollection(collection.collection_id, audit);
      if (!closed) throw new ApiError(404, "not_found", "报送任务不存在", "No such collection");
      forgetCollection(p.rootId, collection.collection_id);
      return c.json(collectionOut(closed), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{collectionId}/status",
      tags: ["collections"],
      security,
      summary: "各支部报送情况：未报送 / 已报送无错误 / 已报送有错误 / 逾期 / per-branch status (admin)",
      request: { params: CollParam },
      responses: { 200: json(CollectionStatus, "status"), ...errors(403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const collection = await visibleCollection(c.env, p, c.req.valid("param").collectionId);
      const { branchIds: ids, latest } = await ledger(c.env, p.rootId).collectionStatus(collection.collection_id);
      const orgs = await branchRows(c.env.DB, ids);
      const byBranch = new Map(latest.map((s) => [s.branch_id, s]));
      const now = nowIso();
      const counts: Record<string, number> = { not_submitted: 0, submitted_clean: 0, submitted_with_errors: 0, submitted_wrong_template: 0, late: 0 };
      const branches = ids.map((id) => {
        const s = byBranch.get(id);
        const st = branchStatus(collection, s, now);
        counts[st.status] = (counts[st.status] ?? 0) + 1;
        return {
          branchId: id,
          name: orgs.get(id)?.name ?? id,
          status: st.status,
          late: st.late,
          latestVersion: s?.version ?? null,
          submissionId: s?.submission_id ?? null,
          errors: s?.errors ?? null,
          warnings: s?.warnings ?? null,
          submittedAt: s?.submitted_at ?? null,
        };
      });
      return c.json({ collectionId: collection.collection_id, dueAt: collection.due_at, counts, branches }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{collectionId}/export",
      tags: ["collections"],
      security,
      summary: "导出各支部报送（最新或全部版本；CSV / JSON / XLSX）/ export submissions, latest or every version (admin)",
      request: {
        params: CollParam,
        query: z.object({
          format: z.enum(["csv", "json", "xlsx"]).default("json"),
          what: z.enum(["rows", "findings"]).default("rows"),
          /** latest: the newest version per branch (default); all: every version. */
          versions: z.enum(["latest", "all"]).default("latest"),
        }),
      },
      responses: {
        200: {
          description: "export",
          content: {
            "application/json": { schema: z.object({ collection: Collection, items: z.array(z.unknown()) }) },
            "text/csv": { schema: z.string() },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.any().openapi({ type: "string", format: "binary" }) },
          },
        },
        ...errors(403, 404, 413),
      },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const { format, what, versions } = c.req.valid("query");
      const collection = await visibleCollection(c.env, p, c.req.valid("param").collectionId);
      const store = ledger(c.env, p.rootId);
      // Refused above the cap from one sum in the store, before a row is listed or a grid read.
      assertExportSize(await store.exportSize(collection.collection_id, versions), exportLimitBytes(c.env, format), format);
      const rows: SubmissionRow[] = versions === "all" ? await store.submissions(collection.collection_id) : await store.latestPerBranch(collection.collection_id);
      const orgs = await branchRows(c.env.DB, rows.map((s) => s.branch_id));
      const { template } = await collectionDocs(c.env, collection);
      const lang = prefersEnglish(c.req.header("accept-language")) ? "en" : "zh";
      const signal = c.req.raw.signal;
      const load = (i: number) => loadExportItem(c.env, rows[i]!, orgs.get(rows[i]!.branch_id));
      const fname = `${collection.collection_id}-${collection.period}`;
      c.header("Vary", "Accept-Language", { append: true });
      // The first submission is read before the 200: a missing blob there is a plain 500.
      const first = rows.length ? await load(0) : undefined;
      if (format === "json") {
        let i = -1;
        const body = pulledStream(async () => {
          i++;
          if (i === 0) return `{"collection":${JSON.stringify(collectionOut(collection))},"items":[`;
          if (i > rows.length) return null;
          const it = i === 1 && first ? first : await load(i - 1);
          const item = { branchName: it.branch?.name ?? it.branchId, submission: submissionOut(it.submission), grid: it.grid, findings: it.report.findings };
          return `${i > 1 ? "," : ""}${JSON.stringify(item)}${i === rows.length ? "]}" : ""}`;
        }, signal);
        if (!rows.length) return c.json({ collection: collectionOut(collection), items: [] }, 200);
        return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
      }
      if (format === "csv") {
        // Streamed: the header (from the first submission), then one submission's rows per chunk.
        let i = -1;
        const body = pulledStream(async () => {
          i++;
          if (i === 0) return "\ufeff" + csvLines([what === "findings" ? findingsHeader(lang) : dataHeader(first, lang)]);
          if (i > rows.length) return null;
          const it = i === 1 && first ? first : await load(i - 1);
          const t = itemRows(it, template, lang);
          return csvLines(what === "findings" ? t.findings : t.data);
        }, signal, (e) => csvFailureLine(e, lang));
        c.header("Content-Disposition", `attachment; filename="${fname}-${what}.csv"`);
        return c.body(body, 200, { "Content-Type": "text/csv; charset=utf-8" });
      }
      const tables: ExportTables = { dataHeader: [], data: [], findingsHeader: findingsHeader(lang), findings: [] };
      for (let i = 0; i < rows.length; i++) {
        if (signal.aborted) throw new ApiError(408, "client_gone", "客户端已断开，导出已停止", "The client left; the export was stopped");
        const started = performance.now();
        const it = i === 0 && first ? first : await load(i);
        if (i === 0) tables.dataHeader = dataHeader(it, lang);
        const t = itemRows(it, template, lang);
        appendAll(tables.data, t.data);
        appendAll(tables.findings, t.findings);
        await yieldAfter(started);
      }
      if (!rows.length) tables.dataHeader = dataHeader(undefined, lang);
      c.header("Content-Disposition", `attachment; filename="${fname}.xlsx"`);
      return c.body(xlsxBytes(tables, lang), 200, { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    },
  );

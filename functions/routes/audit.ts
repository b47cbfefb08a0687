import { createRoute, z } from "@hono/zod-openapi";
import { router, security, errors, json } from "./common.js";
import { AuditList } from "../../shared/api/schemas.js";
import { needRole } from "../lib/access.js";
import { listAudit } from "../db/audit.js";
import { ledger } from "../ledger/stub.js";
import { auditOut } from "../lib/present.js";

export const auditRouter = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["audit"],
    security,
    summary: "审计日志（本级及下级，新的在前）/ audit log of the caller's subtree, newest first (admin)",
    description: "Every write: organisations, tokens and Entra ID links (the directory), rule sets, templates, collections and submissions (the tenant's store), merged by time. Page with `before=<id of the last entry>`.",
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.string().max(80).optional(),
        action: z.string().max(60).optional(),
      }),
    },
    responses: { 200: json(AuditList, "entries"), ...errors(403) },
  }),
  async (c) => {
    const p = c.get("principal");
    needRole(p, "admin");
    const q = c.req.valid("query");
    // Two logs: the directory's (organisations, tokens, Entra links) in D1 and the tenant's store
    // (documents, collections, submissions). Ids sort by time in both; the newest `limit` of the two.
    const [directory, store] = await Promise.all([listAudit(c.env.DB, p.rootId, p.path, q), ledger(c.env, p.rootId).audit(p.path, q)]);
    const rows = [...directory, ...store].sort((a, b) => (a.audit_id < b.audit_id ? 1 : a.audit_id > b.audit_id ? -1 : 0)).slice(0, q.limit);
    const next = rows.length === q.limit ? (rows[rows.length - 1]?.audit_id ?? null) : null;
    return c.json({ items: rows.map(auditOut), next }, 200);
  },
);

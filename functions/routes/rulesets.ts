import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { OrgId, PublishRuleSetBody, RuleSetDoc, VersionInfo, VersionList, DocId } from "../../shared/api/schemas.js";
import { RuleSet } from "../../shared/ruleset/schema.js";
import { cacheHeaders, loadBody, parseRef, publishDoc, resolveVersion } from "../lib/publish.js";
import { docOwner, docReaders } from "../lib/access.js";
import { listLatest, listVersions } from "../db/versions.js";
import { versionOut } from "../lib/present.js";
import { notFound } from "../lib/errors.js";

const OrgQuery = z.object({ org: OrgId.optional() });

export const rulesetsRouter = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["rulesets"],
      security,
      middleware: [requireRole("admin")] as const,
      summary: "发布规则集新版本（n+1，不可变）/ publish rule set version n+1 (admin)",
      request: { body: body(PublishRuleSetBody) },
      responses: { 201: json(VersionInfo, "published"), ...errors(400, 403) },
    }),
    async (c) => {
      const row = await publishDoc(c, "ruleset", c.req.valid("json"));
      c.header("Location", `/v1/rulesets/${row.doc_id}@${row.version}?org=${row.org_id}`);
      return c.json(versionOut(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["rulesets"],
      security,
      summary: "可读的规则集（各取最新版本）/ readable rule sets, latest of each",
      responses: { 200: json(VersionList, "latest versions"), ...errors() },
    }),
    async (c) => {
      const rows = await listLatest(c.env.DB, "ruleset", docReaders(c.get("principal")));
      return c.json({ items: rows.map(versionOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ref}",
      tags: ["rulesets"],
      security,
      summary: "读取规则集：id 为最新版，id@n 为固定版本（不可变，ETag/304）/ latest or pinned version",
      request: { params: z.object({ ref: z.string().max(80) }), query: OrgQuery },
      responses: { 200: json(RuleSetDoc, "rule set"), 304: { description: "not modified" }, ...errors(400, 404) },
    }),
    async (c) => {
      const { id, version } = parseRef(c.req.valid("param").ref);
      const row = await resolveVersion(c.env.DB, c.get("principal"), "ruleset", id, version, c.req.valid("query").org);
      if (cacheHeaders(c, row, version !== undefined)) return c.body(null, 304);
      const ruleSet = await loadBody<RuleSet>(c.env.BLOBS, row);
      return c.json({ meta: versionOut(row), ruleSet }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/versions",
      tags: ["rulesets"],
      security,
      summary: "规则集的全部版本 / every version of a rule set",
      request: { params: z.object({ id: DocId }), query: OrgQuery },
      responses: { 200: json(VersionList, "versions"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { id } = c.req.valid("param");
      const org = c.req.valid("query").org;
      const owner = org ? await docOwner(c.env.DB, p, org) : (await resolveVersion(c.env.DB, p, "ruleset", id)).org_id;
      const rows = await listVersions(c.env.DB, "ruleset", id, owner);
      if (rows.length === 0) throw notFound("Rule set", "规则集", id);
      return c.json({ items: rows.map(versionOut) }, 200);
    },
  );

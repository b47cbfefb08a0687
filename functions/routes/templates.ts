import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { DocId, OrgId, PublishTemplateBody, TemplateDiff, TemplateDoc, VersionInfo, VersionList } from "../../shared/api/schemas.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { cacheHeaders, loadBody, parseRef, publishDoc, resolveVersion } from "../lib/publish.js";
import { docOwner, docReaders } from "../lib/access.js";
import { listLatest, listVersions } from "../db/versions.js";
import { versionOut } from "../lib/present.js";
import { ApiError, notFound } from "../lib/errors.js";
import { checkWorkbook, CheckOptionError } from "../../shared/index.js";
import { diffTemplates } from "../lib/diff.js";

const OrgQuery = z.object({ org: OrgId.optional() });

/**
 * A template the engine cannot run (an unknown rule, a bad repeat pattern) is refused at
 * publication, not at the first submission: check a sheet holding just its headers.
 */
function dryRun(t: TemplateParsed) {
  const template = { ...t, version: t.version ?? 1 };
  try {
    checkWorkbook({ sheets: [{ name: "dry-run", values: [template.fields.map((f) => f.title)] }] }, {
      templates: [template],
      template: { id: template.id },
      asOf: "2025-01-01",
    });
  } catch (e) {
    if (e instanceof CheckOptionError) throw new ApiError(400, "template_unusable", e.messageZh, e.messageEn, { reason: e.code });
    const msg = (e as Error).message;
    throw new ApiError(400, "template_unusable", `引擎无法使用该模板：${msg}`, `The engine cannot use this template: ${msg}`);
  }
}

export const templatesRouter = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["templates"],
      security,
      middleware: [requireRole("admin")] as const,
      summary: "发布模板新版本（n+1，不可变）/ publish template version n+1 (admin)",
      request: { body: body(PublishTemplateBody) },
      responses: { 201: json(VersionInfo, "published"), ...errors(400, 403) },
    }),
    async (c) => {
      const doc = c.req.valid("json");
      dryRun(doc as TemplateParsed);
      const row = await publishDoc(c, "template", doc);
      c.header("Location", `/v1/templates/${row.doc_id}@${row.version}?org=${row.org_id}`);
      return c.json(versionOut(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["templates"],
      security,
      summary: "可读的模板（各取最新版本）/ readable templates, latest of each",
      responses: { 200: json(VersionList, "latest versions"), ...errors() },
    }),
    async (c) => {
      const rows = await listLatest(c.env.DB, "template", docReaders(c.get("principal")));
      return c.json({ items: rows.map(versionOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ref}",
      tags: ["templates"],
      security,
      summary: "读取模板：id 为最新版，id@n 为固定版本（不可变，ETag/304）/ latest or pinned version",
      request: { params: z.object({ ref: z.string().max(80) }), query: OrgQuery },
      responses: { 200: json(TemplateDoc, "template"), 304: { description: "not modified" }, ...errors(400, 404) },
    }),
    async (c) => {
      const { id, version } = parseRef(c.req.valid("param").ref);
      const row = await resolveVersion(c.env.DB, c.get("principal"), "template", id, version, c.req.valid("query").org);
      if (cacheHeaders(c, row, version !== undefined)) return c.body(null, 304);
      const template = await loadBody<TemplateParsed>(c.env.BLOBS, row);
      return c.json({ meta: versionOut(row), template }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/versions",
      tags: ["templates"],
      security,
      summary: "模板的全部版本 / every version of a template",
      request: { params: z.object({ id: DocId }), query: OrgQuery },
      responses: { 200: json(VersionList, "versions"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { id } = c.req.valid("param");
      const org = c.req.valid("query").org;
      const owner = org ? await docOwner(c.env.DB, p, org) : (await resolveVersion(c.env.DB, p, "template", id)).org_id;
      const rows = await listVersions(c.env.DB, "template", id, owner);
      if (rows.length === 0) throw notFound("Template", "模板", id);
      return c.json({ items: rows.map(versionOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/diff",
      tags: ["templates"],
      security,
      summary: "两个模板版本之差 / diff of two template versions",
      request: {
        params: z.object({ id: DocId }),
        query: OrgQuery.extend({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
      },
      responses: { 200: json(TemplateDiff, "diff"), ...errors(400, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const a = await resolveVersion(c.env.DB, p, "template", id, q.from, q.org);
      const b = await resolveVersion(c.env.DB, p, "template", id, q.to, q.org ?? a.org_id);
      const [ta, tb] = await Promise.all([loadBody<TemplateParsed>(c.env.BLOBS, a), loadBody<TemplateParsed>(c.env.BLOBS, b)]);
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      return c.json(diffTemplates(ta, tb, a.version, b.version), 200);
    },
  );

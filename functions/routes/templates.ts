import { createRoute, z } from "@hono/zod-openapi";
import { security, errors, json } from "./common.js";
import { OrgQuery, versionedRouter } from "./versioned.js";
import { DocId, PublishTemplateBody, TemplateDiff, TemplateDoc, VersionList } from "../../shared/api/schemas.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { loadBody, resolveVersion } from "../lib/publish.js";
import { docReaders } from "../lib/access.js";
import { ledger } from "../ledger/stub.js";
import { versionOut } from "../lib/present.js";
import { ApiError } from "../lib/errors.js";
import { checkWorkbook, CheckOptionError } from "../../shared/index.js";
import { diffTemplates } from "../lib/diff.js";

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

export const templatesRouter = versionedRouter({
  kind: "template",
  plural: "templates",
  noun: { zh: "模板", en: "template" },
  field: "template",
  publishBody: PublishTemplateBody,
  doc: TemplateDoc,
  beforePublish: (doc) => dryRun(doc as TemplateParsed),
})
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
      const p = c.get("principal");
      const rows = await ledger(c.env, p.rootId).listLatest("template", docReaders(p));
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
      const a = await resolveVersion(c.env, p, "template", id, q.from, q.org);
      const b = await resolveVersion(c.env, p, "template", id, q.to, q.org ?? a.org_id);
      const [ta, tb] = await Promise.all([loadBody<TemplateParsed>(c.env.BLOBS, a), loadBody<TemplateParsed>(c.env.BLOBS, b)]);
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      return c.json(diffTemplates(ta, tb, a.version, b.version), 200);
    },
  );

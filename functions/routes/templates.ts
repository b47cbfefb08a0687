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
import { prefersEnglish } from "../middleware/errors.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `attachment` with the template's own (Chinese) title, RFC 6266/5987, and an ASCII fallback. */
function attachment(title: string, fallback: string): string {
  return `attachment; filename="${fallback}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`;
}

/**
 * A template the engine cannot run (an unknown rule, a bad repeat pattern) is refused at
 * publication, not at the first submission: check a sheet of its headers and one line.
 */
function dryRun(t: TemplateParsed) {
  const template = { ...t, version: t.version ?? 1 };
  try {
    // Its headers and one filled line: a form with nothing filled in is skipped before any rule runs.
    checkWorkbook({ sheets: [{ name: "dry-run", values: [template.fields.map((f) => f.title), template.fields.map(() => "1")] }] }, {
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
      path: "/{id}/{version}/xlsx",
      tags: ["templates"],
      security,
      summary: "按模板版本生成的 Excel 填报表 / the Excel form of a template version",
      description:
        "A title row, the header with an input note per column, native drop-down lists for allowed values, date validation on date " +
        "columns, ID and phone columns as text, a frozen header, fitted widths and a 填表说明 sheet. A filled copy is recognised as " +
        "exactly this template version. English notes with `Accept-Language: en`. Immutable (ETag, 304).",
      request: { params: z.object({ id: DocId, version: z.coerce.number().int().positive() }), query: OrgQuery },
      responses: {
        200: { description: "the form", content: { [XLSX]: { schema: z.any().openapi({ type: "string", format: "binary" }) } } },
        304: { description: "not modified" },
        ...errors(404),
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid("param");
      const row = await resolveVersion(c.env, c.get("principal"), "template", id, version, c.req.valid("query").org);
      const lang = prefersEnglish(c.req.header("accept-language")) ? "en" : "zh";
      // One form per version and language: immutable, its own ETag per language.
      const etag = `"${row.sha256}.v${row.version}.xlsx.${lang}"`;
      c.header("ETag", etag);
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      c.header("Vary", "Authorization, Accept-Language");
      const inm = c.req.header("if-none-match");
      if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return c.body(null, 304);
      const template = await loadBody<TemplateParsed>(c.env.BLOBS, row);
      // ExcelJS is large: only this route loads it.
      const { formWorkbook } = await import("../../shared/template/form-workbook.js");
      const bytes = await formWorkbook(template, { lang });
      c.header("Content-Disposition", attachment(template.title, `${template.id}-v${template.version}`));
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "Content-Type": XLSX });
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

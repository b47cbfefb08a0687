import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { security, errors, json } from "./common.js";
import { OrgQuery, versionedRouter } from "./versioned.js";
import { DocId, MappingDiff, MappingDoc, MappingList, PublishMappingBody } from "../../shared/api/schemas.js";
import type { MappingDocParsed } from "../../shared/template/mapping.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { BUILTIN_TEMPLATES } from "../../shared/template/builtin/index.js";
import { loadBody, resolveVersion } from "../lib/publish.js";
import { docOwner } from "../lib/access.js";
import { getOrg } from "../db/orgs.js";
import { versionOut } from "../lib/present.js";
import { ApiError } from "../lib/errors.js";
import { diffMappings } from "../lib/diff.js";
import { savedMappingDocs } from "../lib/mappings.js";

/**
 * The template a mapping names, as the organisation would check with it: its own published one,
 * or a built-in one. Every field the mapping names must be a field of it.
 */
async function checkFields(doc: MappingDocParsed, c: Context<AppEnv>) {
  const { id, version } = doc.template;
  let template: TemplateParsed | undefined;
  try {
    template = await loadBody<TemplateParsed>(c.env.BLOBS, await resolveVersion(c.env, c.get("principal"), "template", id, version));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    template = BUILTIN_TEMPLATES.filter((t) => t.id === id && (version === undefined || t.version === version)).sort((a, b) => b.version - a.version)[0];
  }
  if (!template) throw new ApiError(404, "not_found", `没有模板“${version ? `${id}@${version}` : id}”`, `There is no template "${version ? `${id}@${version}` : id}"`);
  const names = new Set(template.fields.filter((f) => !f.repeat).map((f) => f.name));
  const unknown = [...new Set([...Object.values(doc.columns).filter((n): n is string => n !== null), ...Object.keys(doc.values)])].filter((n) => !names.has(n));
  if (unknown.length) {
    throw new ApiError(400, "mapping_unknown_field", `模板“${template.title}”没有这些字段：${unknown.join("、")}`, `Template "${template.titleEn}" has no field ${unknown.join(", ")}`, { fields: unknown });
  }
}

export const mappingsRouter = versionedRouter({
  kind: "mapping",
  plural: "mappings",
  noun: { zh: "表头对应", en: "mapping" },
  field: "mapping",
  publishBody: PublishMappingBody,
  doc: MappingDoc,
  beforePublish: (doc, c) => checkFields(doc as MappingDocParsed, c),
})
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["mappings"],
      security,
      summary: "对本组织（或 org）的检查生效的表头对应（各取最新版本，连同内容）/ the mappings every check of the caller's (or org's) organisation applies",
      description: "The latest version of each mapping saved by the organisation and its ancestors, farthest first (a nearer department's mapping, applied later, wins). The pane applies exactly these, as the Worker does for a collection's submissions (with `org` = the collection's owner).",
      request: { query: OrgQuery },
      responses: { 200: json(MappingList, "mappings"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const org = c.req.valid("query").org;
      let path = p.path;
      if (org) {
        await docOwner(c.env.DB, p, org);
        path = (await getOrg(c.env.DB, org))!.path;
      }
      const docs = await savedMappingDocs(c.env, path);
      c.header("Cache-Control", "private, no-cache");
      return c.json({ items: docs.map(({ row, mapping }) => ({ meta: versionOut(row), mapping })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/diff",
      tags: ["mappings"],
      security,
      summary: "两个表头对应版本之差 / diff of two mapping versions",
      request: {
        params: z.object({ id: DocId }),
        query: OrgQuery.extend({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
      },
      responses: { 200: json(MappingDiff, "diff"), ...errors(400, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const a = await resolveVersion(c.env, p, "mapping", id, q.from, q.org);
      const b = await resolveVersion(c.env, p, "mapping", id, q.to, q.org ?? a.org_id);
      const [ma, mb] = await Promise.all([loadBody<MappingDocParsed>(c.env.BLOBS, a), loadBody<MappingDocParsed>(c.env.BLOBS, b)]);
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      return c.json(diffMappings(ma, mb, a.version, b.version), 200);
    },
  );

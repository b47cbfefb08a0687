import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { OrgId, PublishRuleSetBody, RuleSetBatch, RuleSetBatchItem, RuleSetDoc, VersionInfo, VersionList, DocId } from "../../shared/api/schemas.js";
import { RuleSet } from "../../shared/ruleset/schema.js";
import { cacheHeaders, loadBody, parseRef, publishDoc, resolveVersion } from "../lib/publish.js";
import { docOwner, docReaders } from "../lib/access.js";
import { listLatest, listVersions, type VersionRow } from "../db/versions.js";
import { versionOut } from "../lib/present.js";
import { ApiError, notFound } from "../lib/errors.js";
import { sha256Hex } from "../lib/hash.js";
import { localizedError } from "../middleware/errors.js";

const OrgQuery = z.object({ org: OrgId.optional() });

export const MAX_BATCH_REFS = 50;

type BatchItem = z.infer<typeof RuleSetBatchItem>;

/**
 * `GET /v1/rulesets?refs=…`: each ref resolved exactly as `GET /v1/rulesets/{ref}` would (nearest
 * readable owner first, or `org`), so an invisible rule set is the same `not_found` as an unknown one.
 */
async function batchRead(c: Context<AppEnv>, refsText: string, org: string | undefined) {
  const refs = [...new Set(refsText.split(",").map((r) => r.trim()).filter((r) => r !== ""))];
  if (refs.length === 0 || refs.length > MAX_BATCH_REFS) {
    throw new ApiError(400, "bad_refs", `refs 应列出 1–${MAX_BATCH_REFS} 个规则集（id@版本，逗号分隔），收到 ${refs.length} 个`, `refs must list 1–${MAX_BATCH_REFS} rule sets (id@version, comma-separated); got ${refs.length}`, { max: MAX_BATCH_REFS, count: refs.length });
  }
  const p = c.get("principal");
  const owner = org ? await docOwner(c.env.DB, p, org) : undefined; // a foreign org is a 404 for the whole request
  const resolved = await Promise.all(
    refs.map(async (ref): Promise<{ item: BatchItem; row?: VersionRow; pinned: boolean }> => {
      try {
        const { id, version } = parseRef(ref);
        const row = await resolveVersion(c.env.DB, p, "ruleset", id, version, owner);
        const ruleSet = await loadBody<RuleSet>(c.env.BLOBS, row);
        return { item: { ref, meta: versionOut(row), ruleSet }, row, pinned: version !== undefined };
      } catch (e) {
        if (!(e instanceof ApiError) || e.status >= 500) throw e; // storage trouble fails the request, not one item
        return { item: { ref, error: localizedError(c, e.body().error) }, pinned: false };
      }
    }),
  );
  const immutable = resolved.every((r) => r.row && r.pinned);
  const etag = `"b.${await sha256Hex(resolved.map((r) => (r.row ? `${r.item.ref}=${r.row.org_id}/${r.row.sha256}.v${r.row.version}` : `${r.item.ref}!`)).join(","))}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", immutable ? "private, max-age=31536000, immutable" : "private, no-cache");
  c.header("Vary", "Authorization, Accept-Language");
  const inm = c.req.header("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return c.body(null, 304);
  return c.json({ items: resolved.map((r) => r.item) }, 200);
}

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
      summary: "可读的规则集（各取最新版本）；带 refs 时批量读取指定版本 / readable rule sets (latest of each); with refs, a batch read",
      description:
        "Without `refs`: the latest version of every rule set the caller can read (VersionList). " +
        `With \`refs=default@1,acme@3\` (at most ${MAX_BATCH_REFS} distinct refs, \`id@n\` immutable or \`id\` for the latest): ` +
        "one item per distinct ref in request order, each the rule set with its meta, or an `error` (not_found for unknown " +
        "or invisible refs, bad_ref for malformed ones). Immutable (Cache-Control immutable, ETag, 304) when every ref is " +
        "pinned and found. Custom functions use it to load the rule sets a sheet names in one request.",
      request: {
        query: z.object({
          refs: z.string().max(4000).optional().openapi({ description: "comma-separated id@version (or id)", example: "default@1,acme@3" }),
          org: OrgId.optional(),
        }),
      },
      responses: { 200: json(z.union([VersionList, RuleSetBatch]), "latest versions (VersionList), or with refs a RuleSetBatch"), 304: { description: "not modified (batch of pinned refs)" }, ...errors(400, 404) },
    }),
    async (c) => {
      const { refs, org } = c.req.valid("query");
      if (refs === undefined) {
        const rows = await listLatest(c.env.DB, "ruleset", docReaders(c.get("principal")));
        return c.json({ items: rows.map(versionOut) }, 200);
      }
      return batchRead(c, refs, org);
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

import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { security, errors, json } from "./common.js";
import { versionedRouter } from "./versioned.js";
import { OrgId, PublishRuleSetBody, RuleSetBatch, RuleSetBatchItem, RuleSetDoc, VersionList } from "../../shared/api/schemas.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import { loadBody, parseRef, versionNotFound } from "../lib/publish.js";
import { docOwner, docReaders } from "../lib/access.js";
import type { VersionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { versionOut } from "../lib/present.js";
import { ApiError } from "../lib/errors.js";
import { sha256Hex } from "../lib/hash.js";
import { localizedError } from "../middleware/errors.js";

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
  const owners = owner ? [owner] : docReaders(p);
  type Parsed = { ref: string; id: string; version?: number } | { ref: string; error: ApiError };
  const parsed = refs.map((ref): Parsed => {
    try {
      return { ref, ...parseRef(ref) };
    } catch (e) {
      return { ref, error: e as ApiError };
    }
  });
  // Every ref resolved in one call to the tenant's store, then the bodies read side by side.
  const lookups = parsed.flatMap((r) => ("error" in r ? [] : [{ kind: "ruleset" as const, docId: r.id, orgIds: owners, ...(r.version !== undefined ? { version: r.version } : {}) }]));
  const rows = lookups.length ? await ledger(c.env, p.rootId).findVersions(lookups) : [];
  let next = 0;
  const resolved = await Promise.all(
    parsed.map(async (r): Promise<{ item: BatchItem; row?: VersionRow; pinned: boolean }> => {
      const failed = (e: ApiError) => ({ item: { ref: r.ref, error: localizedError(c, e.body().error) }, pinned: false });
      if ("error" in r) return failed(r.error);
      const row = rows[next++] ?? null;
      if (!row) return failed(versionNotFound("ruleset", r.id, r.version));
      // storage trouble (a missing body) fails the request, not one item
      const ruleSet = await loadBody<RuleSet>(c.env.BLOBS, row);
      return { item: { ref: r.ref, meta: versionOut(row), ruleSet }, row, pinned: r.version !== undefined };
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

export const rulesetsRouter = versionedRouter({
  kind: "ruleset",
  plural: "rulesets",
  noun: { zh: "规则集", en: "rule set" },
  field: "ruleSet",
  publishBody: PublishRuleSetBody,
  doc: RuleSetDoc,
}).openapi(
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
      const p = c.get("principal");
      const rows = await ledger(c.env, p.rootId).listLatest("ruleset", docReaders(p));
      return c.json({ items: rows.map(versionOut) }, 200);
    }
    return batchRead(c, refs, org);
  },
);

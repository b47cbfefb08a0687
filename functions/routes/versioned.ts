import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { DocId, OrgId, VersionInfo, VersionList } from "../../shared/api/schemas.js";
import { cacheHeaders, loadBody, parseRef, publishDoc, resolveVersion } from "../lib/publish.js";
import { docOwner } from "../lib/access.js";
import type { DocKind } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { versionOut } from "../lib/present.js";
import { notFound } from "../lib/errors.js";

export const OrgQuery = z.object({ org: OrgId.optional() });

type Published = { id: string; title: string; version?: number } & Record<string, unknown>;

/**
 * What rule sets and templates have in common: versioned, immutable documents (a row in the
 * tenant's store + an R2 body). The resource's own router starts from this one and adds what is its own.
 */
export interface VersionedResource<K extends DocKind, F extends string, P extends z.ZodType<Published>, D extends z.ZodType> {
  kind: K;
  /** URL segment and OpenAPI tag: `rulesets`, `templates`. */
  plural: string;
  /** The document's name: `{ zh: "规则集", en: "rule set" }`. */
  noun: { zh: string; en: string };
  /** Field of the read answer holding the document: `{ meta, [field]: document }`. */
  field: F;
  /** Body of `POST /`. */
  publishBody: P;
  /** Answer of `GET /{ref}`: `{ meta, [field] }`. */
  doc: D;
  /** Refuses a document before it is stored (throws an ApiError). */
  beforePublish?: (doc: z.infer<P>, c: Context<AppEnv>) => void | Promise<void>;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `POST /` (publish version n+1, admin), `GET /{ref}` (`id` latest, `id@n` immutable with
 * ETag/304) and `GET /{id}/versions`, for one kind of versioned document. The routes are chained
 * so that their types reach the typed client.
 */
export function versionedRouter<K extends DocKind, F extends string, P extends z.ZodType<Published>, D extends z.ZodType>(r: VersionedResource<K, F, P, D>) {
  const { kind, plural, noun } = r;
  return router()
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        tags: [plural],
        security,
        middleware: [requireRole("admin")] as const,
        summary: `发布${noun.zh}新版本（n+1，不可变）/ publish ${noun.en} version n+1 (admin)`,
        request: { body: body(r.publishBody) },
        description: "Content identical to the latest version makes no new version: that version is answered with 200.",
        responses: { 201: json(VersionInfo, "published"), 200: json(VersionInfo, "the same content as the latest version: that version"), ...errors(400, 403, 404) },
      }),
      async (c) => {
        // (the body's type is a parameter here, which `valid`'s typing cannot follow)
        const doc = (c.req as unknown as { valid(target: "json"): z.infer<P> }).valid("json");
        await r.beforePublish?.(doc, c);
        const row = await publishDoc(c, kind, doc);
        c.header("Location", `/v1/${plural}/${row.doc_id}@${row.version}?org=${row.org_id}`);
        return row.created ? c.json(versionOut(row), 201) : c.json(versionOut(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{ref}",
        tags: [plural],
        security,
        summary: `读取${noun.zh}：id 为最新版，id@n 为固定版本（不可变，ETag/304）/ latest or pinned version`,
        request: { params: z.object({ ref: z.string().max(80) }), query: OrgQuery },
        responses: { 200: json(r.doc, noun.en), 304: { description: "not modified" }, ...errors(400, 404) },
      }),
      async (c) => {
        const { id, version } = parseRef(c.req.valid("param").ref);
        const row = await resolveVersion(c.env, c.get("principal"), kind, id, version, c.req.valid("query").org);
        if (cacheHeaders(c, row, version !== undefined)) return c.body(null, 304);
        const doc = await loadBody<unknown>(c.env.BLOBS, row);
        return c.json({ meta: versionOut(row), [r.field]: doc } as z.infer<D>, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/versions",
        tags: [plural],
        security,
        summary: `${noun.zh}的全部版本 / every version of a ${noun.en}`,
        request: { params: z.object({ id: DocId }), query: OrgQuery },
        responses: { 200: json(VersionList, "versions"), ...errors(404) },
      }),
      async (c) => {
        const p = c.get("principal");
        const { id } = c.req.valid("param");
        const org = c.req.valid("query").org;
        const owner = org ? await docOwner(c.env.DB, p, org) : (await resolveVersion(c.env, p, kind, id)).org_id;
        const rows = await ledger(c.env, p.rootId).listVersions(kind, id, owner);
        if (rows.length === 0) throw notFound(capitalized(noun.en), noun.zh, id);
        return c.json({ items: rows.map(versionOut) }, 200);
      },
    );
}

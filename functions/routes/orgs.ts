import { createRoute, z } from "@hono/zod-openapi";
import { router, security, errors, json, body } from "./common.js";
import { CreateOrgBody, CreateTokenBody, EntraPrincipalBody, Org, OrgId, TokenCreated, TokenInfo } from "../../shared/api/schemas.js";
import { needRole, visibleOrg } from "../lib/access.js";
import { insertOrgStmt, listSubtree, getOrg } from "../db/orgs.js";
import { insertEntraPrincipalStmt, insertTokenStmt, listTokens, revokeTokenStmt } from "../db/tokens.js";
import { auditStmt } from "../db/audit.js";
import { ApiError, notFound } from "../lib/errors.js";
import { nowIso, randomId, randomSecret, sha256Hex } from "../lib/hash.js";
import { orgOut, tokenOut } from "../lib/present.js";
import { forgetEntraUser, forgetToken, TOKEN_PREFIX } from "../middleware/auth.js";
import type { Principal, Role } from "../env.js";

const OrgParam = z.object({ orgId: OrgId });
const TokenParam = z.object({ orgId: OrgId, tokenId: z.string().min(1).max(40) });
const Me = z.object({ org: Org, role: z.enum(["admin", "clerk"]), actor: z.string() });

/** Issue a token for an org: returns the statements to batch and the secret (shown once). */
export async function newToken(db: D1Database, by: Pick<Principal, "actor" | "orgId">, orgId: string, role: Role, label: string) {
  const tokenId = randomId("t", 9);
  const secret = randomSecret();
  const createdAt = nowIso();
  const hash = await sha256Hex(secret);
  const row = { org_id: orgId, token_id: tokenId, role, label, hash, created_by: by.actor, created_at: createdAt };
  return {
    token: `${TOKEN_PREFIX}${tokenId}_${secret}`,
    row,
    stmts: [insertTokenStmt(db, row), auditStmt(db, by, orgId, "token.create", `token:${tokenId}`, hash, { role, label }, createdAt)],
  };
}

/**
 * A child's id lies in its tenant's own space, `<root>.<own>`: given its own part, the root's
 * prefix is added. An id in another tenant's space is refused whether or not it exists, so
 * "taken" (409) can only ever be about the caller's own organisations: no tenant can learn
 * of, or take, another's ids.
 */
function childOrgId(rootId: string, requested: string): string {
  const id = requested.includes(".") ? requested : `${rootId}.${requested}`;
  if (!id.startsWith(`${rootId}.`)) {
    throw new ApiError(400, "org_id_namespace", `下级组织的编号应为“${rootId}.自身编号”，或只写自身编号`, `A child organisation's id is "${rootId}.<own part>", or just its own part`, { prefix: `${rootId}.` });
  }
  return id;
}

export const orgsRouter = router()
  .openapi(
    createRoute({ method: "get", path: "/me", tags: ["orgs"], security, summary: "当前调用者 / who am I", responses: { 200: json(Me, "caller"), ...errors() } }),
    async (c) => {
      const p = c.get("principal");
      const org = await visibleOrg(c.env.DB, p, p.orgId);
      return c.json({ org: orgOut(org), role: p.role, actor: p.actor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{orgId}",
      tags: ["orgs"],
      security,
      summary: "读取组织 / read an organisation",
      request: { params: OrgParam },
      responses: { 200: json(Org, "organisation"), ...errors(404) },
    }),
    async (c) => {
      const org = await visibleOrg(c.env.DB, c.get("principal"), c.req.valid("param").orgId);
      return c.json(orgOut(org), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{orgId}/tree",
      tags: ["orgs"],
      security,
      summary: "组织及其下级 / the organisation and its subtree (admin)",
      request: { params: OrgParam },
      responses: { 200: json(z.object({ items: z.array(Org) }), "subtree"), ...errors(403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const org = await visibleOrg(c.env.DB, p, c.req.valid("param").orgId);
      const items = await listSubtree(c.env.DB, org.root_id, org.path);
      return c.json({ items: items.map(orgOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{orgId}/children",
      tags: ["orgs"],
      security,
      summary: "新建下级组织或党支部 / create a child department or branch (admin)",
      request: { params: OrgParam, body: body(CreateOrgBody) },
      responses: { 201: json(Org, "created"), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const parent = await visibleOrg(c.env.DB, p, c.req.valid("param").orgId);
      if (parent.kind !== "department") {
        throw new ApiError(409, "parent_not_department", "党支部下不能再建下级组织", "A branch cannot have children");
      }
      const b = c.req.valid("json");
      const id = childOrgId(parent.root_id, b.id);
      if (await getOrg(c.env.DB, id)) throw new ApiError(409, "org_exists", `组织编号已存在：${id}`, `Organisation id taken: ${id}`);
      const row = {
        org_id: id,
        root_id: parent.root_id,
        parent_id: parent.org_id,
        kind: b.kind,
        name: b.name,
        path: `${parent.path}${id}/`,
        created_at: nowIso(),
      };
      try {
        await c.env.DB.batch([insertOrgStmt(c.env.DB, row), auditStmt(c.env.DB, p, id, "org.create", `org:${id}`, null, { name: b.name, kind: b.kind, parent: parent.org_id })]);
      } catch (e) {
        if (/UNIQUE|constraint/i.test(String(e))) throw new ApiError(409, "org_exists", `组织编号已存在：${id}`, `Organisation id taken: ${id}`);
        throw e;
      }
      return c.json(orgOut(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{orgId}/tokens",
      tags: ["tokens"],
      security,
      summary: "签发 API 令牌（只显示一次）/ issue an API token, shown once (admin)",
      request: { params: OrgParam, body: body(CreateTokenBody) },
      responses: { 201: json(TokenCreated, "token, shown once"), ...errors(400, 403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const org = await visibleOrg(c.env.DB, p, c.req.valid("param").orgId);
      const b = c.req.valid("json");
      const role: Role = b.role ?? (org.kind === "department" ? "admin" : "clerk");
      if ((role === "admin") !== (org.kind === "department")) {
        throw new ApiError(400, "role_mismatch", "管理员令牌只能签发给组织部门，填报员令牌只能签发给党支部", "Admin tokens are for departments, clerk tokens for branches");
      }
      const t = await newToken(c.env.DB, p, org.org_id, role, b.label);
      await c.env.DB.batch(t.stmts);
      return c.json({ ...tokenOut({ ...t.row, revoked_at: null, last_used_at: null }), token: t.token }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{orgId}/tokens",
      tags: ["tokens"],
      security,
      summary: "列出令牌（不含密钥）/ list tokens, without secrets (admin)",
      request: { params: OrgParam },
      responses: { 200: json(z.object({ items: z.array(TokenInfo) }), "tokens"), ...errors(403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const org = await visibleOrg(c.env.DB, p, c.req.valid("param").orgId);
      return c.json({ items: (await listTokens(c.env.DB, org.org_id)).map(tokenOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{orgId}/tokens/{tokenId}",
      tags: ["tokens"],
      security,
      summary: "吊销令牌 / revoke a token (admin)",
      request: { params: TokenParam },
      responses: { 200: json(TokenInfo, "revoked"), ...errors(403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const { orgId, tokenId } = c.req.valid("param");
      const org = await visibleOrg(c.env.DB, p, orgId);
      const at = nowIso();
      await c.env.DB.batch([revokeTokenStmt(c.env.DB, org.org_id, tokenId, at), auditStmt(c.env.DB, p, org.org_id, "token.revoke", `token:${tokenId}`, null, undefined, at)]);
      forgetToken(tokenId);
      const row = (await listTokens(c.env.DB, org.org_id)).find((t) => t.token_id === tokenId);
      if (!row) throw notFound("Token", "令牌", tokenId);
      return c.json(tokenOut(row), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{orgId}/entra-principals",
      tags: ["tokens"],
      security,
      summary: "关联 Entra ID 用户 / link an Entra ID user to the organisation (admin)",
      request: { params: OrgParam, body: body(EntraPrincipalBody) },
      responses: { 201: json(EntraPrincipalBody.extend({ orgId: z.string() }), "linked"), ...errors(400, 403, 404) },
    }),
    async (c) => {
      const p = c.get("principal");
      needRole(p, "admin");
      const org = await visibleOrg(c.env.DB, p, c.req.valid("param").orgId);
      const b = c.req.valid("json");
      if ((b.role === "admin") !== (org.kind === "department")) {
        throw new ApiError(400, "role_mismatch", "管理员只能关联到组织部门，填报员只能关联到党支部", "Admins belong to departments, clerks to branches");
      }
      const at = nowIso();
      await c.env.DB.batch([
        insertEntraPrincipalStmt(c.env.DB, { org_id: org.org_id, tid: b.tid, oid: b.oid, role: b.role }, p.actor, at),
        auditStmt(c.env.DB, p, org.org_id, "entra.link", `entra:${b.tid}/${b.oid}`, null, { role: b.role }, at),
      ]);
      forgetEntraUser(b.tid, b.oid);
      return c.json({ ...b, orgId: org.org_id }, 201);
    },
  );

import type { MiddlewareHandler } from "hono";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { AppEnv, Bindings, Principal, Role } from "../env.js";
import { getOrg, type OrgRow } from "../db/orgs.js";
import { findEntraLinks, findTokenWithOrg, touchTokenStmt, type TokenWithOrg } from "../db/tokens.js";
import { ApiError, forbidden, unauthorized } from "../lib/errors.js";
import { nowIso, sha256Hex, timingSafeEqualHex } from "../lib/hash.js";
import { ShortCache } from "../lib/short-cache.js";

export const TOKEN_PREFIX = "plt_";

/** `plt_<tokenId>_<secret>`: the id finds the row, only SHA-256(secret) is stored. */
export function parseApiToken(token: string): { tokenId: string; secret: string } | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rest = token.slice(TOKEN_PREFIX.length);
  const i = rest.indexOf("_");
  if (i <= 0 || i === rest.length - 1) return null;
  return { tokenId: rest.slice(0, i), secret: rest.slice(i + 1) };
}

export const hashSecret = (secret: string) => sha256Hex(secret);

let jwksCache: { source: string; getKey: JWTVerifyGetKey } | undefined;
function entraKeys(env: Bindings): JWTVerifyGetKey {
  const source = env.ENTRA_JWKS_JSON || env.ENTRA_JWKS_URL || "https://login.microsoftonline.com/common/discovery/v2.0/keys";
  if (jwksCache?.source !== source) {
    const getKey = env.ENTRA_JWKS_JSON
      ? createLocalJWKSet(JSON.parse(env.ENTRA_JWKS_JSON))
      : createRemoteJWKSet(new URL(source));
    jwksCache = { source, getKey };
  }
  return jwksCache.getKey;
}

/**
 * A token's row (with its organisation) for 30 s per isolate: a submission then makes no D1 read
 * at all while its clerk keeps working. The secret is checked against the hash on every request.
 */
const tokens = new ShortCache<TokenWithOrg & { lastUsedMs: number }>(30_000);
/** `last_used_at` is written at most once a minute per token. */
const TOUCH_EVERY_MS = 60_000;

/** Forget a token here at once (it was revoked); other isolates drop it within 30 s. */
export const forgetToken = (tokenId: string) => tokens.delete(tokenId);

async function principalFromApiToken(env: Bindings, token: string, ctxWait?: (p: Promise<unknown>) => void) {
  const parsed = parseApiToken(token);
  if (!parsed) throw unauthorized();
  let row: (TokenWithOrg & { lastUsedMs: number }) | null = tokens.get(parsed.tokenId) ?? null;
  if (!row) {
    const found = await findTokenWithOrg(env.DB, parsed.tokenId);
    row = found ? { ...found, lastUsedMs: found.last_used_at ? Date.parse(found.last_used_at) : 0 } : null;
    if (row) tokens.set(parsed.tokenId, row);
  }
  const hash = await hashSecret(parsed.secret);
  // Compare even when the row is missing so the timing does not tell ids apart.
  const ok = timingSafeEqualHex(hash, row?.hash ?? "0".repeat(64)) && row !== null;
  if (!ok || !row) throw unauthorized();
  if (row.revoked_at) throw unauthorized("令牌已被吊销", "The token has been revoked");
  const org = {
    org_id: row.org_id,
    root_id: row.root_id,
    parent_id: row.parent_id,
    kind: row.kind,
    name: row.name,
    path: row.path,
    created_at: row.org_created_at,
  };
  const now = Date.now();
  if (now - row.lastUsedMs >= TOUCH_EVERY_MS) {
    row.lastUsedMs = now;
    const touch = touchTokenStmt(env.DB, row.org_id, row.token_id, nowIso()).run();
    if (ctxWait) ctxWait(touch);
    else await touch;
  }
  return { org, role: row.role, actor: `token:${row.token_id}` };
}

/** Which organisation and role an Entra ID user (and X-Org-Id) maps to, for 30 s per isolate. */
const entraUsers = new ShortCache<{ org: OrgRow; role: Role }>(30_000);

/** Forget an Entra ID user's mapping here at once (an admin linked it anew). */
export const forgetEntraUser = (tid: string, oid: string) => entraUsers.deletePrefix(`${tid}/${oid}/`);

async function principalFromEntra(env: Bindings, token: string, orgHeader: string | undefined) {
  const audience = env.ENTRA_AUDIENCE;
  if (!audience) throw unauthorized();
  const tenants = new Set((env.ENTRA_TENANTS ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  let payload;
  try {
    ({ payload } = await jwtVerify(token, entraKeys(env), { audience, algorithms: ["RS256"] }));
  } catch (e) {
    throw unauthorized("Entra ID 访问令牌无效或已过期", `Invalid Entra ID access token: ${(e as Error).message}`);
  }
  const tid = String(payload.tid ?? "");
  const oid = String(payload.oid ?? "");
  if (!tid || !oid || !tenants.has(tid) || payload.iss !== `https://login.microsoftonline.com/${tid}/v2.0`) {
    throw unauthorized("Entra ID 租户不被接受", "Entra ID tenant or issuer not accepted");
  }
  const scopes = String(payload.scp ?? "").split(" ");
  if (!scopes.includes("access_as_user")) throw forbidden("访问令牌缺少 access_as_user 权限", "Token lacks the access_as_user scope");
  const cacheKey = `${tid}/${oid}/${orgHeader?.trim() ?? ""}`;
  const known = entraUsers.get(cacheKey);
  if (known) return { ...known, actor: `entra:${tid}/${oid}` };
  const links = await findEntraLinks(env.DB, tid, oid);
  if (!links.length) throw forbidden("该 Entra ID 用户未关联任何组织", "This Entra ID user is not linked to an organisation");
  // Several organisations may link the same user; then the request names one (X-Org-Id).
  const wanted = orgHeader?.trim();
  const mapped = wanted ? links.find((l) => l.org_id === wanted) : links.length === 1 ? links[0] : undefined;
  if (!mapped && wanted) throw forbidden("该 Entra ID 用户未关联到请求头 X-Org-Id 所指的组织", "This Entra ID user is not linked to the organisation named in X-Org-Id");
  if (!mapped) {
    throw new ApiError(400, "org_required", "该 Entra ID 用户关联了多个组织，请在请求头 X-Org-Id 中指明代表哪个组织", "This Entra ID user is linked to several organisations; name one in the X-Org-Id header");
  }
  const org = await getOrg(env.DB, mapped.org_id);
  if (!org) throw unauthorized();
  entraUsers.set(cacheKey, { org, role: mapped.role });
  return { org, role: mapped.role, actor: `entra:${tid}/${oid}` };
}

/**
 * Bearer auth: per-organisation API tokens (`plt_…`), or Entra ID access tokens when
 * ENTRA_AUDIENCE is configured. Sets `principal`.
 */
export const authenticate = (): MiddlewareHandler<AppEnv> =>
  async function authenticate(c, next) {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthorized();
    const token = m[1];
    let wait: ((p: Promise<unknown>) => void) | undefined;
    try {
      const ctx = c.executionCtx;
      wait = (p) => ctx.waitUntil(p);
    } catch {
      wait = undefined; // app.request() without an execution context
    }
    const found = token.startsWith(TOKEN_PREFIX)
      ? await principalFromApiToken(c.env, token, wait)
      : await principalFromEntra(c.env, token, c.req.header("x-org-id"));
    const principal: Principal = {
      orgId: found.org.org_id,
      rootId: found.org.root_id,
      path: found.org.path,
      kind: found.org.kind,
      role: found.role,
      actor: found.actor,
    };
    c.set("principal", principal);
    await next();
  };

/** Only callers with one of these roles pass; others get 403. */
export const requireRole = (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async function requireRole(c, next) {
    const p = c.get("principal");
    if (!roles.includes(p.role)) {
      throw new ApiError(
        403,
        "forbidden",
        roles.includes("admin") ? "仅组织部门管理员可执行此操作" : "仅党支部填报员可执行此操作",
        roles.includes("admin") ? "Only a department admin may do this" : "Only a branch clerk may do this",
        { required: roles, role: p.role },
      );
    }
    await next();
  };

import type { TenantLedger } from "./ledger/object.js";

/** Bindings of the Worker (wrangler.toml) and the per-request variables set by middleware. */
export interface Bindings {
  /** The global directory: organisations, API token hashes, Entra ID links (and their audit). */
  DB: D1Database;
  BLOBS: R2Bucket;
  /** One store per tenant (SQLite-backed Durable Object): versions, collections, submissions, idempotency keys, audit. */
  LEDGER: DurableObjectNamespace<TenantLedger>;
  /** Comma-separated exact origins allowed by CORS. */
  ALLOWED_ORIGINS?: string;
  /** "1" (npm start, e2e, npm run load only): CORS also allows the pane served on this machine (http(s)://localhost:any port). */
  LOCAL_DEV?: string;
  /** Largest request body accepted on upload routes, in bytes. */
  MAX_BODY_BYTES?: string;
  /** Most stored grid JSON a CSV or JSON export reads, in bytes (413 above). */
  EXPORT_MAX_BYTES?: string;
  /** The same for an xlsx export, which is built whole in memory. */
  EXPORT_XLSX_MAX_BYTES?: string;
  /** Most cells one submission may hold, grid JSON or a file in any format alike (413 / 422 above). */
  MAX_CELLS?: string;
  /** Largest submission body (content or report) kept in the department's store instead of R2; "0": all in R2. */
  SMALL_BLOB_MAX_BYTES?: string;
  /** Most bytes of such bodies one department's store keeps (R2 beyond it). */
  SMALL_BLOB_BUDGET_BYTES?: string;
  /** Most findings one submission may store (422 too_many_findings above). */
  MAX_FINDINGS?: string;
  /** Expected `aud` of Entra ID access tokens; Entra auth is off when empty. */
  ENTRA_AUDIENCE?: string;
  /** Comma-separated allowed Entra tenant ids (`tid`). */
  ENTRA_TENANTS?: string;
  /** A JSON Web Key Set used instead of the tenant's remote key set (offline dev, tests). */
  ENTRA_JWKS_JSON?: string;
  /** Remote key set URL; defaults to the Microsoft common endpoint. */
  ENTRA_JWKS_URL?: string;
  /** "1" enables POST /v1/_seed (npm start only) guarded by SEED_SECRET. */
  DEMO_SEED?: string;
  SEED_SECRET?: string;
  /** "1" lets tests inject failures with the x-test-fault header. Never set in production. */
  TEST_FAULTS?: string;
}

export type Role = "admin" | "clerk";

export interface Principal {
  orgId: string;
  rootId: string;
  /** '/root/…/self/' of the caller's organisation. */
  path: string;
  kind: "department" | "branch";
  role: Role;
  /** Who, for the audit log: `token:<id>` or `entra:<tid>/<oid>`. */
  actor: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    principal: Principal;
    requestId: string;
    /** The body of a grid JSON submission as received, and its SHA-256 (routes/submissions.ts). */
    received?: { bytes: Uint8Array; sha256: string };
  };
}

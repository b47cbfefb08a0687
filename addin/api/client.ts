import type { SheetGrid } from "../../shared/grid/types.js";

/**
 * A small client for the Worker's API (functions/routes) until functions/client.ts exists:
 * POST /v1/collections/:id/submissions with JSON { grid: WorkbookGrid } (Idempotency-Key
 * supported) and GET /v1/collections/:id/status, with a Bearer token.
 */
export interface ApiConfig {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Which of the Worker's two error messages (message, messageEn) to report; Chinese by default. */
  lang?: "zh" | "en";
}

export interface Verdict {
  submissionId: string | null;
  version: number | null;
  late: boolean;
  accepted: boolean;
  errors: number;
  warnings: number;
  message: string | null;
}

export interface BranchStatus {
  branchId: string;
  branch: string;
  status: string;
  late: boolean;
  latestVersion: number | null;
  submissionId: string | null;
  submittedAt: string | null;
  errors: number | null;
  warnings: number | null;
}

/** Thrown for any failure; `retriable` is true for network errors, 408, 429 and 5xx. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retriable: boolean,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function url(cfg: ApiConfig, path: string): string {
  return `${cfg.baseUrl.replace(/\/+$/, "")}${path}`;
}

export async function call(cfg: ApiConfig, path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<unknown> {
  const f = cfg.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(url(cfg, path), {
      ...init,
      headers: { authorization: `Bearer ${cfg.token}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });
  } catch (e) {
    throw new ApiError(`network: ${(e as Error).message}`, null, true);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const err = (body as { error?: { message?: string; messageEn?: string } | string } | null)?.error;
    const msg = typeof err === "string" ? err : ((cfg.lang === "en" ? err?.messageEn : undefined) ?? err?.message ?? res.statusText);
    const canRetry = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new ApiError(`${res.status} ${String(msg)}`, res.status, canRetry, canRetry ? retryAfterMs(res.headers.get("retry-after")) : null);
  }
  return body;
}

const num = (v: unknown): number => (typeof v === "number" ? v : 0);

/** The Worker answers 201 with the stored submission: status "clean" | "errors" and counts. */
export function parseVerdict(body: unknown): Verdict {
  const b = (body ?? {}) as Record<string, unknown>;
  const counts = (b.counts ?? {}) as Record<string, unknown>;
  const status = typeof b.status === "string" ? b.status : null;
  return {
    submissionId: typeof b.id === "string" ? b.id : null,
    version: typeof b.version === "number" ? b.version : null,
    late: b.late === true,
    accepted: status ? status === "clean" : num(counts.errors) === 0,
    errors: num(counts.errors),
    warnings: num(counts.warnings),
    message: null,
  };
}

/** Submit one sheet as a one-sheet workbook. The idempotency key makes a retry of the same item safe. */
export async function submitSheet(cfg: ApiConfig, collectionId: string, grid: SheetGrid, idempotencyKey?: string): Promise<Verdict> {
  const body = await call(cfg, `/v1/collections/${encodeURIComponent(collectionId)}/submissions`, {
    method: "POST",
    body: JSON.stringify({ grid: { sheets: [grid] } }),
    ...(idempotencyKey ? { headers: { "idempotency-key": idempotencyKey } } : {}),
  });
  return parseVerdict(body);
}

/** Per-branch status of a collection (admin). */
export async function collectionStatus(cfg: ApiConfig, collectionId: string): Promise<BranchStatus[]> {
  const body = (await call(cfg, `/v1/collections/${encodeURIComponent(collectionId)}/status`, { method: "GET" })) as { branches?: unknown[] } | null;
  return (body?.branches ?? []).map((x) => {
    const o = x as Record<string, unknown>;
    return {
      branchId: String(o.branchId ?? "?"),
      branch: String(o.name ?? o.branchId ?? "?"),
      status: typeof o.status === "string" ? o.status : "?",
      late: o.late === true,
      latestVersion: typeof o.latestVersion === "number" ? o.latestVersion : null,
      submissionId: typeof o.submissionId === "string" ? o.submissionId : null,
      submittedAt: typeof o.submittedAt === "string" ? o.submittedAt : null,
      errors: typeof o.errors === "number" ? o.errors : null,
      warnings: typeof o.warnings === "number" ? o.warnings : null,
    };
  });
}

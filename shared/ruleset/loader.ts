import type { RuleSetCache } from "./cache.js";
import { formatRuleSetRef, parseRuleSetRef, type RuleSetRef } from "./ref.js";
import type { RuleSet } from "./schema.js";
import { parseRuleSet } from "./validate.js";

/**
 * Resolves a rule-set name to a rule set: synchronously from the cache when it can, else
 * from the rules Worker. Every id@version is asked for once however many callers want it
 * (a recalculation of 10,000 cells naming one rule set shares one in-flight promise), and
 * the distinct uncached names asked for within one turn of the event loop go out together:
 * one name → `GET /v1/rulesets/{ref}`, several → ONE `GET /v1/rulesets?refs=a@1,b@2,…`
 * (chunks of MAX_BATCH_REFS). So a sheet naming N different rule sets costs one request.
 * Pure: `fetch` is injected, so the CLI, the add-in and tests share this code.
 */
export type RuleSetProblem = "unknown" | "invalid" | "unavailable";

export class RuleSetError extends Error {
  constructor(
    readonly problem: RuleSetProblem,
    message: string,
  ) {
    super(message);
    this.name = "RuleSetError";
  }
}

export type RuleSetResolution =
  | { kind: "ready"; ruleSet: RuleSet }
  | { kind: "pending"; promise: Promise<RuleSet> }
  | { kind: "failed"; error: RuleSetError };

export interface RuleSetSource {
  /** Worker origin, e.g. "https://rules.example.org"; null = offline (cache only). */
  baseUrl: string | null;
  /** Bearer token for organisations' private rule sets. */
  token?: string | null;
  fetch?: typeof fetch;
  /** After a network failure, answer "unavailable" without asking again for this long. */
  retryAfterMs?: number;
  now?: () => number;
}

export const DEFAULT_RULE_SET_NAME = "default";

/** The Worker's limit on refs per batch read (functions/routes/rulesets.ts). */
export const MAX_BATCH_REFS = 50;

interface Queued {
  ref: RuleSetRef;
  key: string;
  resolve: (rs: RuleSet) => void;
  reject: (error: unknown) => void;
}

export class RuleSetLoader {
  /** Raw cell text → rule set: the hot path of every =DJ.* call skips parsing entirely. */
  private readonly resolved = new Map<string, RuleSet>();
  private resolvedGeneration = -1;
  private readonly inFlight = new Map<string, Promise<RuleSet>>();
  private readonly known404 = new Set<string>();
  private readonly failedAt = new Map<string, { at: number; error: RuleSetError }>();
  /** Names waiting for the end of this turn, to be fetched together. */
  private queue = new Map<string, Queued>();
  private source: RuleSetSource;
  /** Requests actually sent; benches and tests read it. */
  requestCount = 0;

  constructor(
    readonly cache: RuleSetCache,
    source: RuleSetSource = { baseUrl: null },
  ) {
    this.source = source;
  }

  configure(source: Partial<RuleSetSource>): void {
    this.source = { ...this.source, ...source };
    // A new server or token may know names the old one did not.
    this.known404.clear();
    this.failedAt.clear();
    this.resolved.clear();
  }

  resolve(name: string | null | undefined): RuleSetResolution {
    const text = name === null || name === undefined || name.trim() === "" ? DEFAULT_RULE_SET_NAME : name;
    if (this.resolvedGeneration !== this.cache.generation) {
      this.resolved.clear(); // a new version may change what an unpinned name means
      this.resolvedGeneration = this.cache.generation;
    }
    const hit = this.resolved.get(text);
    if (hit) return { kind: "ready", ruleSet: hit };

    const ref = parseRuleSetRef(text);
    if (!ref) return failed("unknown", `未知规则集「${text}」：名称应为 id 或 id@版本，如 default@1 / unknown rule set "${text}"`);
    const cached = this.cache.get(ref);
    if (cached) {
      this.resolved.set(text, cached);
      return { kind: "ready", ruleSet: cached };
    }

    const key = formatRuleSetRef(ref);
    if (this.known404.has(key)) return failed("unknown", unknownMessage(key));
    const pending = this.inFlight.get(key);
    if (pending) return { kind: "pending", promise: pending };
    const recent = this.failedAt.get(key);
    if (recent && this.now() - recent.at < (this.source.retryAfterMs ?? 30_000)) return { kind: "failed", error: recent.error };
    if (!this.source.baseUrl) return failed("unknown", `${unknownMessage(key)}（未配置规则服务，离线时只能用内置 default / offline: only the built-in default)`);

    const promise = this.enqueue(ref, key).finally(() => this.inFlight.delete(key));
    promise.catch(() => undefined); // callers get the rejection; nobody listening is not a crash
    this.inFlight.set(key, promise);
    return { kind: "pending", promise };
  }

  /** Wait for the end of this turn (a recalculation calls many cells back to back), then ask once. */
  private enqueue(ref: RuleSetRef, key: string): Promise<RuleSet> {
    return new Promise<RuleSet>((resolve, reject) => {
      if (this.queue.size === 0) afterThisTurn(() => this.flush());
      this.queue.set(key, { ref, key, resolve, reject });
    });
  }

  private flush(): void {
    const queued = [...this.queue.values()];
    this.queue = new Map();
    if (queued.length === 1) {
      const [only] = queued as [Queued];
      this.fetchRuleSet(only.ref, only.key).then(only.resolve, only.reject);
      return;
    }
    for (let i = 0; i < queued.length; i += MAX_BATCH_REFS) void this.fetchBatch(queued.slice(i, i + MAX_BATCH_REFS));
  }

  private request(url: string): Promise<Response> {
    const doFetch = this.source.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.source.token) headers.authorization = `Bearer ${this.source.token}`;
    this.requestCount += 1;
    return doFetch(url, { method: "GET", headers });
  }

  private base(): string {
    return this.source.baseUrl!.replace(/\/+$/, "");
  }

  /** Several names in one `GET /v1/rulesets?refs=…`; each caller settles with its own item. */
  private async fetchBatch(entries: Queued[]): Promise<void> {
    const fail = (error: RuleSetError) => entries.forEach((e) => e.reject(error));
    const url = `${this.base()}/v1/rulesets?refs=${entries.map((e) => encodeURIComponent(e.key).replace(/%40/g, "@")).join(",")}`;
    let response: Response;
    try {
      response = await this.request(url);
    } catch (cause) {
      for (const e of entries) e.reject(this.unavailable(e.key, `无法连接规则服务 / rules service unreachable (${String(cause)})`));
      return;
    }
    if (!response.ok) {
      for (const e of entries) e.reject(this.unavailable(e.key, `规则服务返回 HTTP ${response.status} / rules service answered ${response.status}`));
      return;
    }
    let items: unknown;
    try {
      items = ((await response.json()) as { items?: unknown } | null)?.items;
    } catch {
      return fail(new RuleSetError("invalid", `规则集批量读取的应答不是有效的 JSON / batch answer is not JSON`));
    }
    const byRef = new Map<string, Record<string, unknown>>();
    if (Array.isArray(items)) {
      for (const item of items) {
        if (item && typeof item === "object" && typeof (item as { ref?: unknown }).ref === "string") byRef.set((item as { ref: string }).ref, item as Record<string, unknown>);
      }
    }
    for (const e of entries) {
      const item = byRef.get(e.key);
      if (!item) {
        e.reject(new RuleSetError("invalid", `规则服务未返回规则集 ${e.key} / the batch answer lacks ${e.key}`));
        continue;
      }
      const error = item.error as { code?: unknown } | undefined;
      if (error && typeof error === "object") {
        if (error.code === "not_found" || error.code === "bad_ref") {
          this.known404.add(e.key);
          e.reject(new RuleSetError("unknown", unknownMessage(e.key)));
        } else {
          e.reject(this.unavailable(e.key, `规则服务返回 ${String(error.code)} / rules service answered ${String(error.code)}`));
        }
        continue;
      }
      try {
        e.resolve(this.accept(e.ref, e.key, item));
      } catch (err) {
        e.reject(err);
      }
    }
  }

  private now(): number {
    return (this.source.now ?? Date.now)();
  }

  private async fetchRuleSet(ref: RuleSetRef, key: string): Promise<RuleSet> {
    const url = `${this.base()}/v1/rulesets/${encodeURIComponent(ref.id)}${ref.version === null ? "" : `@${ref.version}`}`;
    let response: Response;
    try {
      response = await this.request(url);
    } catch (cause) {
      throw this.unavailable(key, `无法连接规则服务 / rules service unreachable (${String(cause)})`);
    }
    if (response.status === 404) {
      this.known404.add(key);
      throw new RuleSetError("unknown", unknownMessage(key));
    }
    if (!response.ok) throw this.unavailable(key, `规则服务返回 HTTP ${response.status} / rules service answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new RuleSetError("invalid", `规则集 ${key} 不是有效的 JSON / not JSON`);
    }
    return this.accept(ref, key, body);
  }

  /** Validate what the Worker sent for `key` (the rule set, or wrapped) and cache it. */
  private accept(ref: RuleSetRef, key: string, body: unknown): RuleSet {
    const parsed = parseRuleSet(unwrap(body));
    if (!parsed.ok) throw new RuleSetError("invalid", `规则集 ${key}：${parsed.message}`);
    const rs = parsed.ruleSet;
    if (rs.id !== ref.id || (ref.version !== null && rs.version !== ref.version)) {
      throw new RuleSetError("invalid", `请求 ${key}，服务返回 ${rs.id}@${rs.version} / asked for ${key}, got ${rs.id}@${rs.version}`);
    }
    this.cache.put(rs);
    return rs;
  }

  private unavailable(key: string, detail: string): RuleSetError {
    const error = new RuleSetError("unavailable", `规则集 ${key} 暂不可用：${detail}`);
    this.failedAt.set(key, { at: this.now(), error });
    return error;
  }
}

/**
 * Run `fn` once the current task and its microtasks are done (a macrotask), so every cell of a
 * recalculation gets to name its rule set first; a microtask where there are no timers (a bare
 * JS context such as a custom-functions-only runtime).
 */
function afterThisTurn(fn: () => void): void {
  if (typeof setTimeout === "function") setTimeout(fn, 0);
  else void Promise.resolve().then(fn);
}

function failed(problem: RuleSetProblem, message: string): RuleSetResolution {
  return { kind: "failed", error: new RuleSetError(problem, message) };
}

function unknownMessage(key: string): string {
  return `未知规则集 ${key} / unknown rule set ${key}`;
}

/** The Worker may answer with the rule set itself or wrap it ({ ruleSet } / { data } / { body }). */
function unwrap(body: unknown): unknown {
  if (body && typeof body === "object" && !("id" in body)) {
    for (const field of ["ruleSet", "ruleset", "data", "body"]) {
      const inner = (body as Record<string, unknown>)[field];
      if (inner && typeof inner === "object") return inner;
    }
  }
  return body;
}

import type { RuleSetCache } from "./cache.js";
import { formatRuleSetRef, parseRuleSetRef, type RuleSetRef } from "./ref.js";
import type { RuleSet } from "./schema.js";
import { parseRuleSet } from "./validate.js";

/**
 * Resolves a rule-set name to a rule set: synchronously from the cache when it can, else
 * with one request to the rules Worker per id@version however many callers ask at once
 * (a recalculation of 10,000 cells naming one rule set shares one in-flight promise).
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

export class RuleSetLoader {
  /** Raw cell text → rule set: the hot path of every =DJ.* call skips parsing entirely. */
  private readonly resolved = new Map<string, RuleSet>();
  private resolvedGeneration = -1;
  private readonly inFlight = new Map<string, Promise<RuleSet>>();
  private readonly known404 = new Set<string>();
  private readonly failedAt = new Map<string, { at: number; error: RuleSetError }>();
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

    const promise = this.fetchRuleSet(ref, key).finally(() => this.inFlight.delete(key));
    promise.catch(() => undefined); // callers get the rejection; nobody listening is not a crash
    this.inFlight.set(key, promise);
    return { kind: "pending", promise };
  }

  private now(): number {
    return (this.source.now ?? Date.now)();
  }

  private async fetchRuleSet(ref: RuleSetRef, key: string): Promise<RuleSet> {
    const doFetch = this.source.fetch ?? globalThis.fetch.bind(globalThis);
    const url = `${this.source.baseUrl!.replace(/\/+$/, "")}/v1/rulesets/${encodeURIComponent(ref.id)}${ref.version === null ? "" : `@${ref.version}`}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.source.token) headers.authorization = `Bearer ${this.source.token}`;
    this.requestCount += 1;
    let response: Response;
    try {
      response = await doFetch(url, { method: "GET", headers });
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

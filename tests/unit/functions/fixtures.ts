import { fromYmd } from "../../../shared/calendar/days.js";
import { RuleSetCache } from "../../../shared/ruleset/cache.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { RuleSetLoader, type RuleSetSource } from "../../../shared/ruleset/loader.js";
import type { RuleSet } from "../../../shared/ruleset/schema.js";
import type { DjContext } from "../../../addin/functions/context.js";
import { DjError, plainErrorFactory } from "../../../addin/functions/errors.js";

export const TODAY = fromYmd(2025, 12, 31);

export function makeContext(source?: RuleSetSource): DjContext {
  return { fail: plainErrorFactory, ruleSets: new RuleSetLoader(new RuleSetCache(), source), today: () => TODAY };
}

/** Run an =DJ.* call and describe what Excel would show: the value, or the error code and message. */
export async function excel(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DjError) return { error: error.code, message: error.message };
    throw error; // a plain exception would be a bug: Excel would show a bare #VALUE!
  }
}

export function syncExcel(call: () => unknown): unknown {
  try {
    const value = call();
    if (value instanceof Promise) throw new Error("expected a synchronous answer");
    return value;
  } catch (error) {
    if (error instanceof DjError) return { error: error.code, message: error.message };
    throw error;
  }
}

export const acmeRuleSet = (version: number, patch: Partial<RuleSet> = {}): RuleSet => ({
  ...DEFAULT_RULE_SET,
  id: "acme",
  version,
  title: `acme v${version}`,
  ...patch,
});

/** A fake Worker that counts requests: `/v1/rulesets/{ref}` and the batch `/v1/rulesets?refs=a@1,b@2`. */
export function fakeWorker(sets: RuleSet[]) {
  let requests = 0;
  const urls: string[] = [];
  const find = (ref: string) => {
    const [id, version] = ref.split("@");
    return sets.find((s) => s.id === id && (version === undefined || s.version === Number(version)));
  };
  const fetch: typeof globalThis.fetch = (async (url: string | URL | Request) => {
    requests += 1;
    urls.push(String(url));
    await new Promise((r) => setTimeout(r, 1));
    const u = new URL(String(url));
    const refs = u.searchParams.get("refs");
    if (u.pathname === "/v1/rulesets" && refs !== null) {
      const items = refs.split(",").map((ref) => {
        const found = find(ref);
        return found ? { ref, ruleSet: found } : { ref, error: { code: "not_found", message: "未找到", messageEn: "Not found" } };
      });
      return new Response(JSON.stringify({ items }));
    }
    const found = find(decodeURIComponent(/\/v1\/rulesets\/([^/]+)$/.exec(u.pathname)![1]!));
    return found ? new Response(JSON.stringify(found)) : new Response("", { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, requests: () => requests, urls };
}

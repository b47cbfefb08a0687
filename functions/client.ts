/**
 * The typed client for the add-in: `createClient(baseUrl, token)` → `client.v1.templates[":ref"].$get(…)`.
 * Only types cross over from the Worker; at run time this is `hono/client`.
 */
import { hc } from "hono/client";
import type { AppType } from "./app.js";

export type { AppType };
export type Client = ReturnType<typeof hc<AppType>>;

export const hcWithType = (...args: Parameters<typeof hc>): Client => hc<AppType>(...args);

export function createClient(baseUrl: string, token: string, init?: { fetch?: typeof fetch; lang?: "zh" | "en" }): Client {
  return hc<AppType>(baseUrl, {
    fetch: init?.fetch,
    headers: () => ({ Authorization: `Bearer ${token}`, "Accept-Language": init?.lang === "en" ? "en" : "zh-CN" }),
  });
}

import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { app } from "../../functions/app.js";
import { prefersEnglish } from "../../functions/middleware/errors.js";
import { makeTenant, openCollection, type Tenant } from "./helpers.js";

/** `error.message` follows Accept-Language (Chinese by default); `messageEn` is always there. */
let t: Tenant;
let col: string;

beforeAll(async () => {
  t = await makeTenant("lang", 1);
  col = await openCollection(t);
});

const req = async (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) => {
  const res = await app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } }, env);
  return { res, body: (await res.json()) as { error: { code: string; message: string; messageEn: string; details?: unknown } } };
};

describe("Accept-Language on errors", () => {
  it("parses preferences by q-value; Chinese unless English is preferred", () => {
    expect(prefersEnglish(undefined)).toBe(false);
    expect(prefersEnglish("")).toBe(false);
    expect(prefersEnglish("*")).toBe(false);
    expect(prefersEnglish("fr-FR, de")).toBe(false);
    expect(prefersEnglish("en")).toBe(true);
    expect(prefersEnglish("en-US,en;q=0.9")).toBe(true);
    expect(prefersEnglish("zh-CN,zh;q=0.9,en;q=0.8")).toBe(false);
    expect(prefersEnglish("zh-CN;q=0.5, en-GB;q=0.8")).toBe(true);
    expect(prefersEnglish("fr, en;q=0.7, zh;q=0.6")).toBe(true);
    expect(prefersEnglish("en;q=0, zh")).toBe(false);
    expect(prefersEnglish("EN-us")).toBe(true);
    expect(prefersEnglish("en;q=abc, zh;q=0.1")).toBe(false);
  });

  it("401: Chinese by default, English for en, both fields always present", async () => {
    const zh = await req("/v1/orgs/me");
    expect(zh.res.status).toBe(401);
    expect(zh.body.error.message).toBe("未登录或令牌无效");
    expect(zh.body.error.messageEn).toBe("Missing or invalid credentials");
    expect(zh.res.headers.get("content-language")).toBe("zh-CN");
    expect(zh.res.headers.get("vary")).toMatch(/Accept-Language/i);

    const en = await req("/v1/orgs/me", { "accept-language": "en-US,en;q=0.9,zh;q=0.5" });
    expect(en.res.status).toBe(401);
    expect(en.body.error.message).toBe("Missing or invalid credentials");
    expect(en.body.error.messageEn).toBe("Missing or invalid credentials");
    expect(en.body.error.code).toBe(zh.body.error.code);
    expect(en.res.headers.get("content-language")).toBe("en");

    const zhPreferred = await req("/v1/orgs/me", { "accept-language": "zh-CN,en;q=0.8" });
    expect(zhPreferred.body.error.message).toBe("未登录或令牌无效");
  });

  it("applies to not-found routes, 404s, validation errors and malformed JSON", async () => {
    const auth = { authorization: `Bearer ${t.branches[0]!.token}` };
    const cases: [string, RequestInit, number, string][] = [
      ["/v1/no-such-route", {}, 404, "No such route"],
      [`/v1/collections/cnope`, {}, 404, "Collection not found: cnope"],
      [`/v1/collections/${col}/submissions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ grid: { sheets: "x" } }) }, 400, "The request body does not match the schema (1 issue(s))"],
      [`/v1/collections/${col}/submissions`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"grid": [' }, 400, "The request body is not valid JSON"],
    ];
    for (const [path, init, status, english] of cases) {
      const zh = await req(path, auth, init);
      const en = await req(path, { ...auth, "accept-language": "en" }, init);
      expect(zh.res.status, path).toBe(status);
      expect(en.res.status, path).toBe(status);
      expect(en.body.error.message, path).toBe(english);
      expect(en.body.error.messageEn, path).toBe(english);
      expect(zh.body.error.messageEn, path).toBe(english);
      expect(zh.body.error.message, path).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.body.error.message, path).not.toBe(english);
      expect(en.body.error.details, path).toEqual(zh.body.error.details);
    }
  });

  it("successful responses are untouched", async () => {
    const res = await app.request("/v1/orgs/me", { headers: { authorization: `Bearer ${t.admin}`, "accept-language": "en" } }, env);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { collectionStatus, submitSheet } from "../../../addin/api/client.js";

const grid = { name: "花名册", values: [["姓名"], ["张三"]] };

function fakeFetch(responses: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new TypeError("Failed to fetch");
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const created = (body: unknown) => () => new Response(JSON.stringify(body), { status: 201 });

describe("Worker client", () => {
  it("posts { grid: WorkbookGrid } with the Bearer token and reads the verdict", async () => {
    const { fetch, calls } = fakeFetch([created({ id: "s1", version: 2, status: "errors", late: false, counts: { errors: 3, warnings: 2, infos: 0 } })]);
    const v = await submitSheet({ baseUrl: "https://w.example/", token: "t0k", fetch }, "c1", grid, "key-1");
    expect(v).toMatchObject({ submissionId: "s1", version: 2, accepted: false, errors: 3, warnings: 2 });
    expect(calls[0]!.url).toBe("https://w.example/v1/collections/c1/submissions");
    expect(calls[0]!.init.headers).toMatchObject({ authorization: "Bearer t0k", "idempotency-key": "key-1" });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ grid: { sheets: [grid] } });
  });

  it("reads the collection status per branch", async () => {
    const { fetch } = fakeFetch([
      () =>
        Response.json({
          branches: [
            { branchId: "b", name: "一支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, errors: null, warnings: null, submittedAt: null },
            { branchId: "c", name: "二支部", status: "late", late: true, latestVersion: 2, submissionId: "s2", errors: 3, warnings: 1, submittedAt: "2025-06-01T02:00:00.000Z" },
          ],
        }),
    ]);
    expect(await collectionStatus({ baseUrl: "https://w", token: "t", fetch }, "c1")).toEqual([
      { branchId: "b", branch: "一支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, errors: null, warnings: null, submittedAt: null },
      { branchId: "c", branch: "二支部", status: "late", late: true, latestVersion: 2, submissionId: "s2", errors: 3, warnings: 1, submittedAt: "2025-06-01T02:00:00.000Z" },
    ]);
  });

  it("reports the Worker's error message in the pane's language", async () => {
    const refuse = () => new Response(JSON.stringify({ error: { code: "unauthorized", message: "令牌无效", messageEn: "Invalid token" } }), { status: 401 });
    const zh = fakeFetch([refuse]);
    await expect(collectionStatus({ baseUrl: "https://w", token: "t", fetch: zh.fetch }, "c1")).rejects.toThrow("401 令牌无效");
    const en = fakeFetch([refuse]);
    await expect(collectionStatus({ baseUrl: "https://w", token: "t", fetch: en.fetch, lang: "en" }, "c1")).rejects.toMatchObject({ message: "401 Invalid token", retriable: false });
  });
});

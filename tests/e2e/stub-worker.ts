/**
 * A stand-in for the Worker's two routes the pane calls, with the same shapes as
 * shared/api/schemas.ts (Submission, CollectionStatus) and the real engine for the verdict.
 * Used because running the Worker (wrangler/workerd + D1 + seeded tokens) inside the
 * browser tests is out of scope here; tests/worker covers the Worker itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkWorkbook } from "../../shared/index.js";
import type { WorkbookGrid } from "../../shared/index.js";

export const TOKEN = "e2e-token";

export interface StubWorker {
  url: string;
  /** Answer the next n submissions with 503. */
  failNext(n: number): void;
  submissions: { collectionId: string; key: string | undefined; sheets: string[] }[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (s += c));
    req.on("end", () => resolve(s));
  });

export async function startStubWorker(): Promise<StubWorker> {
  let failing = 0;
  const submissions: StubWorker["submissions"] = [];
  const byKey = new Map<string, unknown>();
  const latest = new Map<string, { errors: number; warnings: number; at: string; version: number }>();
  const server = createServer(async (req, res) => {
    res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
    res.setHeader("access-control-allow-headers", "Authorization, Content-Type, Idempotency-Key");
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { error: { code: "unauthorized", message: "令牌无效", messageEn: "Invalid token" } });
    const url = new URL(req.url ?? "/", "http://x");
    const post = /^\/v1\/collections\/([^/]+)\/submissions$/.exec(url.pathname);
    const status = /^\/v1\/collections\/([^/]+)\/status$/.exec(url.pathname);
    if (post && req.method === "POST") {
      const text = await readBody(req);
      if (failing > 0) {
        failing--;
        return send(res, 503, { error: { code: "unavailable", message: "服务暂不可用", messageEn: "Unavailable" } });
      }
      const key = req.headers["idempotency-key"] as string | undefined;
      if (key && byKey.has(key)) return send(res, 201, byKey.get(key));
      const { grid } = JSON.parse(text) as { grid: WorkbookGrid };
      const report = checkWorkbook(grid, { lang: "zh" });
      const counts = { errors: 0, warnings: 0, infos: 0 };
      for (const f of report.findings) counts[f.severity === "error" ? "errors" : f.severity === "warning" ? "warnings" : "infos"]++;
      const version = (latest.get("b1")?.version ?? 0) + 1;
      const body = { id: `s${submissions.length + 1}`, collectionId: post[1], branchId: "b1", version, source: "json", status: counts.errors ? "errors" : "clean", late: false, counts, findings: report.findings, sheets: report.sheets };
      submissions.push({ collectionId: post[1]!, key, sheets: grid.sheets.map((s) => s.name) });
      latest.set("b1", { ...counts, at: new Date().toISOString(), version });
      if (key) byKey.set(key, body);
      return send(res, 201, body);
    }
    if (status && req.method === "GET") {
      const b1 = latest.get("b1");
      return send(res, 200, {
        collectionId: status[1],
        dueAt: "2026-12-31T16:00:00Z",
        counts: {},
        branches: [
          { branchId: "b1", name: "第一党支部", status: b1 ? (b1.errors ? "submitted_with_errors" : "submitted_clean") : "not_submitted", late: false, latestVersion: b1?.version ?? null, submissionId: null, errors: b1?.errors ?? null, warnings: b1?.warnings ?? null, submittedAt: b1?.at ?? null },
          { branchId: "b2", name: "第二党支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, errors: null, warnings: null, submittedAt: null },
        ],
      });
    }
    send(res, 404, { error: { code: "not_found", message: "未找到", messageEn: "Not found" } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failNext: (n) => (failing = n),
    submissions,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * `npm run load`: start the local Worker (wrangler dev, fresh state under .wrangler/bench-*),
 * drive submissions on loopback with autocannon for a bounded time, print req/s and
 * p50/p99 beside a bare Hono route on the same runtime, then check that every acknowledged
 * (201) submission is stored.
 *   LOAD_SECONDS (default 10 per phase), LOAD_CONNECTIONS (default 10), LOAD_PORT (8799), LOAD_ROWS (30)
 */
import autocannon, { type Result } from "autocannon";
import { rmSync } from "node:fs";
import path from "node:path";
// @ts-expect-error — plain ESM helper shared with scripts/start.mjs
import { applyMigrations, ROOT, seed, startWorker, waitReady } from "../scripts/dev-server.mjs";

const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
const port = Number(process.env.LOAD_PORT ?? 8799);
const rows = Number(process.env.LOAD_ROWS ?? 30);
const persistTo = path.join(ROOT as string, ".wrangler", `bench-${Date.now()}`);

const header = ["姓名", "性别", "公民身份号码", "出生日期", "人员类别", "入党时间", "转正时间"];
const grid = {
  sheets: [
    {
      name: "花名册",
      values: [header, ...Array.from({ length: rows }, (_, i) => [`党员${i}`, "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"])],
    },
  ],
};

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

async function main() {
  console.log(`» migrations + wrangler dev on 127.0.0.1:${port} (state ${path.relative(ROOT as string, persistTo)})`);
  applyMigrations(persistTo);
  const { child, base, seedSecret } = startWorker({ port, persistTo, quiet: true, vars: { MAX_BODY_BYTES: "8388608" } });
  try {
    await waitReady(base, child);
    const s = await seed(base, seedSecret);
    const clerks = Object.values(s.clerkTokens) as string[];
    const col = s.collectionId as string;
    // warm up both paths
    await fetch(`${base}/bare`);

    console.log(`» bare Hono route: ${seconds}s × ${connections} connections`);
    const bare = await autocannon({ url: `${base}/bare`, connections, duration: seconds });

    console.log(`» submissions (${rows} rows each, unique Idempotency-Key, ${clerks.length} branches): ${seconds}s × ${connections} connections`);
    const acknowledged = new Set<string>();
    let seq = 0;
    const body = JSON.stringify({ grid, asOf: "2025-12-01" });
    const sub = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          path: `/v1/collections/${col}/submissions`,
          setupRequest: (req) => {
            const n = seq++;
            return {
              ...req,
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${clerks[n % clerks.length]}`,
                "idempotency-key": `load-${n}`,
              },
              body,
            };
          },
          onResponse: (status, text) => {
            if (status === 201) acknowledged.add((JSON.parse(text) as { id: string }).id);
          },
        },
      ],
    });

    // every acknowledged submission must be stored
    const list = await fetch(`${base}/v1/collections/${col}/submissions`, { headers: { authorization: `Bearer ${s.adminToken}` } });
    const stored = new Set(((await list.json()) as { items: { id: string }[] }).items.map((i) => i.id));
    const missing = [...acknowledged].filter((id) => !stored.has(id));

    const row = (name: string, r: Result) =>
      `${name.padEnd(24)} ${fmt(r.requests.average).padStart(9)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)}`;
    console.log(`\n${"route".padEnd(24)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}`);
    console.log(row("GET /bare", bare));
    console.log(row("POST …/submissions", sub));
    console.log(`ratio submissions/bare: ${fmt((sub.requests.average / bare.requests.average) * 100)}% of req/s, p50 ×${fmt(sub.latency.p50 / Math.max(bare.latency.p50, 1))}`);
    console.log(`acknowledged (201): ${acknowledged.size}; stored: ${stored.size}; acknowledged but missing: ${missing.length}`);
    if (missing.length > 0 || acknowledged.size === 0) {
      console.error("FAIL: acknowledged submissions missing from storage");
      process.exitCode = 1;
    } else {
      console.log("OK: every acknowledged submission is stored");
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (!process.env.LOAD_KEEP_STATE) rmSync(persistTo, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

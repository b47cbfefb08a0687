/**
 * `npm run load`: start the local Worker (wrangler dev, fresh state in a temporary directory) with
 * three departments, each its own tenant and store (a SQLite-backed Durable Object), and drive it
 * on loopback with autocannon, every figure beside a peer in the same run:
 *
 *   - a bare Hono route on the same runtime (the ceiling of wrangler dev on this machine);
 *   - one submission at a time (the latency of a single request);
 *   - department A's submissions as fast as they are answered (its throughput alone), as a share
 *     of the bare route's;
 *   - each department alone at a fixed rate, then all three at once at the same rates: each must
 *     keep ≥ 80 % of its throughput alone, and the p99 under that load stays within 3× of a single
 *     request;
 *
 * and checks that every acknowledged (201) submission is stored. Then the hostile run (the same
 * drive while one client loops over a ReDoS-shaped cell, an xlsx export over its cap and a streamed
 * CSV export; the clerks' p99 must stay within 2×) and the fault run: a submission drive across the
 * three departments with a distinct ledger per request; mid-run the whole wrangler dev process
 * group is SIGKILLed; wrangler dev is restarted on the same state, and every submission
 * acknowledged before the kill must be there with the same content, no row may lack its blobs
 * and no idempotency key its row (each department's store asked through the dev-only
 * `/v1/_inspect`). The kill leaves blobs of the cut-off (never acknowledged) requests without a
 * row: the orphan-blob sweep (`POST /v1/_sweep`, no grace period) must delete exactly those, after
 * which no R2 blob may lack its row.
 *
 *   LOAD_SECONDS (default 10 per phase), LOAD_CONNECTIONS (default 10), LOAD_PORT (8799), LOAD_ROWS (50)
 *   LOAD_HOSTILE=0 skips the hostile run
 *   LOAD_FAULT=0 skips the fault run; FAULT_KILL_AFTER_MS (default 2500) is when the kill comes
 *   LOAD_KEEP_STATE=1 keeps the state directory (printed) for inspection
 *   LOAD_STATE_DIR (default /dev/shm, else the system's temp dir) is where that directory is made
 *   LOAD_VIA=direct times on the Worker's own port instead of through wrangler dev's proxy
 */
import autocannon, { type Result } from "autocannon";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
// @ts-expect-error — plain ESM helper shared with scripts/start.mjs
import { applyMigrations, killGroup, OFFLINE_ENV, ROOT, startWorker, waitReady } from "../scripts/dev-server.mjs";
import { userWorkerBase } from "./user-worker.js";

// Offline for this process too (the state inspection starts Miniflare in-process).
for (const k of ["CLOUDFLARE_CF_FETCH_ENABLED", "WRANGLER_SEND_METRICS", "WRANGLER_LOG_PATH", "CI"]) process.env[k] = (OFFLINE_ENV as Record<string, string>)[k];

const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
const port = Number(process.env.LOAD_PORT ?? 8799);
const rows = Number(process.env.LOAD_ROWS ?? 50);
const faultOn = process.env.LOAD_FAULT !== "0";
const killAfterMs = Number(process.env.FAULT_KILL_AFTER_MS ?? 2500);
/**
 * A temporary state directory, never the demo's `.wrangler/state`; in memory (/dev/shm) unless
 * LOAD_STATE_DIR says otherwise. workerd's local SQLite syncs every commit to disk on the thread
 * that runs the Worker and its Durable Objects, so on this machine's virtual disk a slow flush
 * stalls every department at once (p99 170–198 ms on disk, 54–62 ms in memory, same drive); a
 * deployed Durable Object does not wait on a local disk. The run prints which it used.
 */
const stateRoot = process.env.LOAD_STATE_DIR ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
const persistTo = mkdtempSync(path.join(stateRoot, "party-ledger-load-"));
/**
 * "proxy" (default, as the issue measured it): time through wrangler dev's port; "direct": on the
 * Worker's own port, past wrangler's proxy (which costs the bare route about 4/5 of its time here).
 */
const via = process.env.LOAD_VIA ?? "proxy";
const hostileOn = process.env.LOAD_HOSTILE !== "0";
/** The xlsx export cap for this run: low enough that the collection's every-version export is over it. */
const workerVars = { MAX_BODY_BYTES: "8388608", EXPORT_XLSX_MAX_BYTES: "262144" };

const header = ["姓名", "性别", "公民身份号码", "出生日期", "人员类别", "入党时间", "转正时间"];
const rosterGrid = (tag = "") => ({
  sheets: [
    {
      name: "花名册",
      values: [header, ...Array.from({ length: rows }, (_, i) => [`党员${tag}${i}`, "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"])],
    },
  ],
});
const grid = rosterGrid();

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** Same canonical form as functions/lib/hash.ts (sorted keys, undefined dropped), hashed with SHA-256. */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if ((v as Record<string, unknown>)[k] !== undefined) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

type Child = { pid?: number; exitCode: number | null };

async function portAnswers(base: string) {
  try {
    await fetch(`${base}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

interface Dept {
  name: string;
  tenant: string;
  admin: string;
  col: string;
  clerks: [string, string][];
}

/** Seed the demo department and two more, each a tenant of its own. */
async function seedDepartments(base: string, secret: string): Promise<Dept[]> {
  const out: Dept[] = [];
  for (const [name, tenant] of [["A", ""], ["B", "dept-b"], ["C", "dept-c"]] as const) {
    const r = await fetch(`${base}/v1/_seed${tenant ? `?tenant=${tenant}` : ""}`, { method: "POST", headers: { "x-seed-secret": secret } });
    const s = (await r.json()) as { adminToken: string; collectionId: string; clerkTokens: Record<string, string>; department: { id: string } };
    if (r.status !== 201) throw new Error(`seed ${name}: ${r.status} ${JSON.stringify(s)}`);
    out.push({ name, tenant: s.department.id, admin: s.adminToken, col: s.collectionId, clerks: Object.entries(s.clerkTokens) });
  }
  return out;
}

const body = JSON.stringify({ grid, asOf: "2025-12-01" });

/** Submissions to one department's collection, every request a new Idempotency-Key; acknowledged ids collected. */
function submissionDrive(d: Dept, base: string, acknowledged: Set<string>, o: { connections: number; seconds: number; rate?: number; tag: string }) {
  let seq = 0;
  return autocannon({
    url: base,
    connections: o.connections,
    duration: o.seconds,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: "POST",
        path: `/v1/collections/${d.col}/submissions`,
        setupRequest: (req) => {
          const n = seq++;
          return {
            ...req,
            headers: { "content-type": "application/json", authorization: `Bearer ${d.clerks[n % d.clerks.length]![1]}`, "idempotency-key": `${o.tag}-${n}` },
            body,
          };
        },
        onResponse: (status, text) => {
          if (status === 201) acknowledged.add((JSON.parse(text) as { id: string }).id);
        },
      },
    ],
  });
}

/** What a paced drive gives: like autocannon's Result, the parts the tables print. */
interface Paced {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/**
 * Submissions at a fixed rate, evenly spaced (one every 1000/rate ms, each its own request, not
 * waiting for the one before): an open-loop load, so a request's latency is the Worker's answer
 * time under that load, not the client's own queueing. (autocannon's rate mode sends each
 * second's quota as a burst.)
 */
async function pacedDrive(d: Dept, base: string, acknowledged: Set<string>, o: { rate: number; seconds: number; tag: string; phase?: number }): Promise<Paced> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  const total = Math.round(o.rate * o.seconds);
  for (let n = 0; n < total; n++) {
    // Departments are separate clients: each keeps its own beat, not all three on the same instant.
    const due = t0 + ((n + (o.phase ?? 0)) * 1000) / o.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inFlight.push(
      fetch(`${base}/v1/collections/${d.col}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${d.clerks[n % d.clerks.length]![1]}`, "idempotency-key": `${o.tag}-${n}` },
        body,
      })
        .then(async (r) => {
          const text = await r.text();
          latencies.push(performance.now() - sent);
          if (r.status === 201) acknowledged.add((JSON.parse(text) as { id: string }).id);
          else non2xx++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { requests: { average: latencies.length / elapsed }, latency: { p50: at(0.5), p99: at(0.99) }, non2xx, errors };
}

/** One submission at a time, `n` of them: the latency of a single request, without queueing. */
async function singleRequests(base: string, d: Dept, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}/v1/collections/${d.col}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${d.clerks[i % d.clerks.length]![1]}`, "idempotency-key": `single-${i}` },
      body,
    });
    await r.text();
    if (r.status !== 201) throw new Error(`single submission: ${r.status}`);
    ms.push(performance.now() - t0);
  }
  return ms;
}

async function main() {
  const base = `http://127.0.0.1:${port}`;
  if (await portAnswers(base)) throw new Error(`something already answers on ${base} (another load run?); set LOAD_PORT`);
  console.log(`» migrations + wrangler dev on 127.0.0.1:${port} (state ${persistTo})`);
  applyMigrations(persistTo);
  let worker = startWorker({ port, persistTo, quiet: true, vars: workerVars, detached: true }) as { child: Child; base: string; seedSecret: string };
  const onSignal = () => {
    void killGroup(worker.child, "SIGKILL", 2000).then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let failed = false;
  const fail = (why: string) => {
    console.error(`FAIL: ${why}`);
    failed = true;
  };
  try {
    await waitReady(base, worker.child);
    const direct = via === "direct" ? await userWorkerBase(worker.child.pid, port) : null;
    const timed = direct ?? base;
    console.log(`» timed ${direct ? `on the Worker's own port (${direct}), not through wrangler dev's proxy` : `through wrangler dev's proxy (${base})`}; state in ${stateRoot === "/dev/shm" ? "memory (/dev/shm)" : stateRoot}`);
    const depts = await seedDepartments(base, worker.seedSecret);
    const [A] = depts as [Dept, Dept, Dept];
    await fetch(`${timed}/bare`);
    await singleRequests(timed, A, 5); // warm: tokens, collections and templates read once

    console.log(`» bare Hono route: ${seconds}s × ${connections} connections`);
    const bare = await autocannon({ url: `${timed}/bare`, connections, duration: seconds });

    // One request at a time, by the same client as the drives (autocannon, one connection): what a single request takes.
    const one = await submissionDrive(A, timed, new Set(), { connections: 1, seconds: Math.max(3, Math.ceil(seconds / 2)), tag: "single" });
    const single = [one.latency.p50, one.latency.p99];
    console.log(`» one submission at a time (${rows} rows, department A, one connection): ${fmt(one.requests.average)} req/s, p50 ${single[0]} ms, p99 ${single[1]} ms`);

    console.log(`» department A's submissions, as fast as they are answered: ${seconds}s × ${connections} connections`);
    const acknowledged = new Set<string>();
    const sub = await submissionDrive(A, timed, acknowledged, { connections, seconds, tag: "max" });

    const line = (name: string, r: Result | Paced) =>
      `${name.padEnd(34)} ${fmt(r.requests.average).padStart(9)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)}`;
    const head = `${"".padEnd(34)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}`;
    console.log(`\n${head}`);
    console.log(line("GET /bare", bare));
    console.log(line("POST …/submissions (A, closed loop)", sub));
    const share = sub.requests.average / bare.requests.average;
    console.log(`ratio submissions/bare: ${fmt(share * 100)}% of req/s (bound ≥ 25%), p50 ×${fmt(sub.latency.p50 / Math.max(bare.latency.p50, 1))}`);
    if (share < 0.25) fail(`submissions reach ${fmt(share * 100)}% of the bare route (bound 25%)`);

    // Three departments: each alone at a fixed rate, then all three at once at the same rates.
    // Each at a sixth of what A reaches alone: all three together ask half of what the Worker serves.
    const rate = Math.max(3, Math.floor(sub.requests.average / 6));
    console.log(`\n» each department alone at ${rate} submissions/s, evenly spaced, then all three at once (${seconds}s)`);
    const alone: Paced[] = [];
    for (const [i, d] of depts.entries()) alone.push(await pacedDrive(d, timed, acknowledged, { rate, seconds, tag: `alone-${d.name}`, phase: i / depts.length }));
    // The driver's own event loop: a stall here would show as the Worker's latency in every department at once.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const together = await Promise.all(depts.map((d, i) => pacedDrive(d, timed, acknowledged, { rate, seconds, tag: `together-${d.name}`, phase: i / depts.length })));
    loop.disable();
    console.log(`driver's event loop while all three ran: delay p99 ${fmt(loop.percentile(99) / 1e6)} ms, max ${fmt(loop.max / 1e6)} ms`);
    console.log(head);
    depts.forEach((d, i) => {
      console.log(line(`department ${d.name} alone`, alone[i]!));
      console.log(line(`department ${d.name} with the other two`, together[i]!));
    });
    const [single50, single99] = single as [number, number];
    depts.forEach((d, i) => {
      const keep = together[i]!.requests.average / alone[i]!.requests.average;
      const tail = together[i]!.latency.p99 / single99;
      console.log(
        `department ${d.name}: keeps ${fmt(keep * 100)}% of its throughput alone (bound ≥ 80%); p99 with all three ${together[i]!.latency.p99} ms = ×${fmt(tail)} a single request's p99 ${fmt(single99)} ms (bound ×3; ×${fmt(together[i]!.latency.p99 / single50)} its p50 ${fmt(single50)} ms)`,
      );
      if (keep < 0.8) fail(`department ${d.name} kept ${fmt(keep * 100)}% of its throughput`);
      if (tail > 3) fail(`department ${d.name}'s p99 under load is ×${fmt(tail)} a single request's`);
      if (together[i]!.non2xx + together[i]!.errors > 0) fail(`department ${d.name}: non-2xx answers under load`);
    });

    // every acknowledged submission must be stored
    const stored = new Set<string>();
    for (const d of depts) for (const i of await listSubmissions(base, d.col, d.admin)) stored.add(i.id);
    const missing = [...acknowledged].filter((id) => !stored.has(id));
    console.log(`\nacknowledged (201): ${acknowledged.size}; stored: ${stored.size}; acknowledged but missing: ${missing.length}`);
    if (missing.length > 0 || acknowledged.size === 0) fail("acknowledged submissions missing from storage");
    else console.log("OK: every acknowledged submission is stored");

    if (hostileOn) failed = !(await hostileRun({ base, col: A.col, admin: A.admin, clerks: A.clerks, plain: sub, drive: () => submissionDrive(A, timed, acknowledged, { connections, seconds, tag: "beside-hostile" }) })) || failed;

    if (faultOn) {
      const fault = await faultRun({ base, depts, worker, restart: () => (worker = startWorker({ port, persistTo, quiet: true, vars: workerVars, detached: true })) });
      failed = !fault || failed;
    }
  } finally {
    await killGroup(worker.child, "SIGTERM", 5000);
    if (worker.child.pid && !(await killGroup(worker.child, "SIGKILL", 3000))) console.error(`wrangler dev group ${worker.child.pid} still alive`);
    if (!process.env.LOAD_KEEP_STATE) rmSync(persistTo, { recursive: true, force: true });
    else console.log(`state kept in ${persistTo}`);
  }
  if (failed) process.exitCode = 1;
}

/**
 * The ordinary drive again, with one hostile client beside it: a ReDoS-shaped cell against an
 * admin's `(a+)+` pattern, an xlsx export of every version (over the cap), a CSV export of every
 * version (streamed), in a loop. The clerks' p99 is compared with the drive without it.
 */
async function hostileRun(o: { base: string; col: string; admin: string; clerks: [string, string][]; plain: Result; drive: () => Promise<Result> }): Promise<boolean> {
  const auth = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const roster = (await (await fetch(`${o.base}/v1/templates/roster`, { headers: auth(o.admin) })).json()) as { template: { fields: { name: string; constraints?: object }[] } & Record<string, unknown> };
  const tpl = { ...roster.template, id: "roster-hostile", fields: roster.template.fields.map((f) => (f.name === "name" ? { ...f, constraints: { ...f.constraints, pattern: "(a+)+" } } : f)) };
  delete (tpl as { version?: number }).version;
  const pub = await fetch(`${o.base}/v1/templates`, { method: "POST", headers: auth(o.admin), body: JSON.stringify(tpl) });
  if (pub.status !== 201) throw new Error(`publish hostile template: ${pub.status} ${await pub.text()}`);
  const opened = await fetch(`${o.base}/v1/collections`, {
    method: "POST",
    headers: auth(o.admin),
    body: JSON.stringify({ title: "hostile", template: { id: "roster-hostile" }, period: "2025", dueAt: "2099-12-31", branchIds: o.clerks.map(([b]) => b) }),
  });
  if (opened.status !== 201) throw new Error(`open hostile collection: ${opened.status} ${await opened.text()}`);
  const hostileCol = ((await opened.json()) as { id: string }).id;
  const redosGrid = { sheets: [{ name: "花名册", values: [header, [`${"a".repeat(3000)}b`, "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"]] }] };

  console.log(`\n» hostile run: the same drive, plus one client looping, side by side, over a ReDoS-shaped cell, an oversized xlsx export and a streamed CSV export of every version`);
  const seen: Record<string, { n: number; status: Record<number, number>; ms: number[] }> = {};
  const note = (what: string, status: number, ms: number) => {
    const s = (seen[what] ??= { n: 0, status: {}, ms: [] });
    s.n++;
    s.status[status] = (s.status[status] ?? 0) + 1;
    s.ms.push(ms);
  };
  let stop = false;
  let k = 0;
  // Three loops side by side, each sending its next request as soon as the last is answered.
  const steps: [string, () => Promise<Response>][] = [
    ["ReDoS cell", () => fetch(`${o.base}/v1/collections/${hostileCol}/submissions`, { method: "POST", headers: { ...auth(o.clerks[0]![1]), "idempotency-key": `hostile-${k++}` }, body: JSON.stringify({ grid: redosGrid, asOf: "2025-12-01" }) })],
    ["xlsx export, every version", () => fetch(`${o.base}/v1/collections/${o.col}/export?format=xlsx&versions=all`, { headers: auth(o.admin) })],
    ["CSV export, every version", () => fetch(`${o.base}/v1/collections/${o.col}/export?format=csv&versions=all`, { headers: auth(o.admin) })],
  ];
  const loops = steps.map(async ([what, send]) => {
    while (!stop) {
      const t0 = performance.now();
      const r = await send();
      await r.arrayBuffer();
      note(what, r.status, performance.now() - t0);
    }
  });
  const withHostile = await o.drive();
  stop = true;
  await Promise.all(loops);

  const ratio = withHostile.latency.p99 / Math.max(o.plain.latency.p99, 1);
  console.log(`${"clerks' submissions".padEnd(34)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}`);
  for (const [name, r] of [["without the hostile client", o.plain], ["with the hostile client", withHostile]] as const) {
    console.log(`${name.padEnd(34)} ${fmt(r.requests.average).padStart(9)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)}`);
  }
  for (const [what, s] of Object.entries(seen)) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    console.log(`  hostile ${what}: ${s.n}× (status ${Object.entries(s.status).map(([st, n]) => `${st}×${n}`).join(", ")}), median ${fmt(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, max ${fmt(sorted.at(-1) ?? 0)} ms`);
  }
  console.log(`p99 with / without the hostile client: ×${fmt(ratio)} (bound ×2)`);
  const ok = ratio <= 2 && withHostile.non2xx + withHostile.errors === 0 && (seen["ReDoS cell"]?.n ?? 0) > 0;
  if (ok) console.log("OK: the hostile client did not stall the others");
  else console.error("FAIL: hostile run");
  return ok;
}

interface Listed {
  id: string;
  branchId: string;
  version: number;
  contentSha256: string;
  findingsSha256: string;
}

async function listSubmissions(base: string, col: string, admin: string): Promise<Listed[]> {
  const r = await fetch(`${base}/v1/collections/${col}/submissions`, { headers: { authorization: `Bearer ${admin}` } });
  if (r.status !== 200) throw new Error(`list submissions: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { items: Listed[] }).items;
}

interface Ack {
  id: string;
  dept: Dept;
  branchId: string;
  version: number;
  /** What the Worker said it stored: the SHA-256 of the bytes it received… */
  contentSha256: string;
  /** …and the hash of the body we sent, and of the grid in it (canonical), for the read-back. */
  sentSha256: string;
  gridSha256: string;
}

/**
 * Kill wrangler dev (its whole process group, SIGKILL) in the middle of a submission drive across
 * the three departments, restart it on the same state, and check that nothing acknowledged was
 * lost or half-written in any of them.
 */
async function faultRun(o: { base: string; depts: Dept[]; worker: { child: Child }; restart: () => { child: Child; base: string; seedSecret: string } }): Promise<boolean> {
  console.log(`\n» fault run: submission drive × ${connections} connections over ${o.depts.length} departments, distinct ledger per request; SIGKILL of the wrangler dev process group after ${killAfterMs} ms`);
  const acks: Ack[] = [];
  /** sha256 of the body of every request on the wire when the kill came (never acknowledged). */
  const inflight = new Map<number, string>();
  const cut = new Set<string>();
  let seq = 0;
  let killed = false;
  let otherStatus = 0;
  const started = Date.now();

  const drive = async () => {
    while (!killed) {
      const n = seq++;
      const dept = o.depts[n % o.depts.length]!;
      const [, token] = dept.clerks[Math.floor(n / o.depts.length) % dept.clerks.length]!;
      const g = rosterGrid(`故障${n}-`);
      const text = JSON.stringify({ grid: g, asOf: "2025-12-01" });
      const sentSha256 = sha256(text);
      inflight.set(n, sentSha256);
      try {
        const r = await fetch(`${o.base}/v1/collections/${dept.col}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": `fault-${n}` },
          body: text,
          signal: AbortSignal.timeout(20_000),
        });
        const answer = await r.text();
        if (r.status === 201) {
          const b = JSON.parse(answer) as Listed;
          acks.push({ id: b.id, dept, branchId: b.branchId, version: b.version, contentSha256: b.contentSha256, sentSha256, gridSha256: sha256(canonicalJson(g)) });
        } else otherStatus++;
      } catch {
        // the connection died with the server: this request may or may not have been stored
        cut.add(sentSha256);
      } finally {
        inflight.delete(n);
      }
    }
  };
  const drivers = Array.from({ length: connections }, drive);
  // kill mid-run: after killAfterMs, and not before the first acknowledgement (at most 15 s)
  while (Date.now() - started < killAfterMs || (acks.length === 0 && Date.now() - started < 15_000)) await new Promise((r) => setTimeout(r, 20));
  const onWire = inflight.size;
  for (const sha of inflight.values()) cut.add(sha);
  killed = true;
  const killedAt = Date.now() - started;
  const ackedAtKill = acks.length;
  const gone = await killGroup(o.worker.child, "SIGKILL", 10_000);
  const goneAfter = Date.now() - started - killedAt;
  await Promise.all(drivers);
  if (!gone) throw new Error("the wrangler dev process group survived SIGKILL");
  if (acks.length !== ackedAtKill) console.log(`  (${acks.length - ackedAtKill} answers were already on their way back when the signal went out)`);
  console.log(`  SIGKILL at ${killedAt} ms (group gone ${goneAfter} ms later): ${acks.length} acknowledged, ${onWire} on the wire, ${cut.size} cut off, ${otherStatus} other answers`);
  for (const d of o.depts) console.log(`    department ${d.name}: ${acks.filter((a) => a.dept === d).length} acknowledged`);

  const t0 = Date.now();
  const next = o.restart();
  await waitReady(o.base, next.child);
  console.log(`  restarted on the same state in ${Date.now() - t0} ms`);

  // 1. through the API: every acknowledged submission is listed with the same content hash,
  //    and its stored grid, read back, is the grid sent
  const listed = new Map<string, Listed>();
  for (const d of o.depts) for (const i of await listSubmissions(o.base, d.col, d.admin)) listed.set(i.id, i);
  const lost = acks.filter((a) => !listed.has(a.id));
  const wrongRow = acks.filter((a) => listed.has(a.id) && (listed.get(a.id)!.contentSha256 !== a.contentSha256 || listed.get(a.id)!.version !== a.version));
  const wrongAck = acks.filter((a) => a.contentSha256 !== a.sentSha256);
  let wrongBlob = 0;
  const present = acks.filter((a) => listed.has(a.id));
  for (let i = 0; i < present.length; i += 16) {
    await Promise.all(
      present.slice(i, i + 16).map(async (a) => {
        const r = await fetch(`${o.base}/v1/collections/${a.dept.col}/branches/${a.branchId}/versions/${a.version}?include=grid`, { headers: { authorization: `Bearer ${a.dept.admin}` } });
        const b = (await r.json()) as { id?: string; grid?: unknown };
        if (r.status !== 200 || b.id !== a.id || !b.grid || sha256(canonicalJson(b.grid)) !== a.gridSha256) wrongBlob++;
      }),
    );
  }
  const plainSha = sha256(body);
  const faultRows = [...listed.values()].filter((l) => l.contentSha256 !== plainSha);
  const ackedIds = new Set(acks.map((a) => a.id));
  const storedUnacked = faultRows.filter((l) => !ackedIds.has(l.id)).length;

  // 2. the orphan-blob sweep: what the kill left without a row must go, and only that
  const swept = await sweepAll(o.base, next.seedSecret);
  const sweptGrids = swept.deleted.flatMap((k) => /\/grids\/([0-9a-f]{64})\./.exec(k)?.[1] ?? []);
  const sweptFindings = swept.deleted.filter((k) => k.includes("/findings/")).length;
  const sweptGridsFromCut = sweptGrids.filter((sha) => cut.has(sha)).length;
  const sweptUnexplained = sweptGrids.length - sweptGridsFromCut + Math.max(0, sweptFindings - cut.size) + (swept.deleted.length - sweptGrids.length - sweptFindings);
  // (a findings report can be shared by many ledgers, so findings blobs are matched by count)

  // 3. the state itself: each department's store (asked while it runs), then R2 with the server stopped
  const stores = await Promise.all(o.depts.map((d) => inspectStore(o.base, next.seedSecret, d.tenant)));
  await killGroup(next.child, "SIGTERM", 10_000);
  await killGroup(next.child, "SIGKILL", 3000);
  const state = await inspectState(stores);
  const orphansLeft = state.orphanGrids.length + state.orphanFindings + state.orphanOther;

  console.log(`  acknowledged before the kill: ${acks.length}`);
  console.log(`  stored after restart:         ${acks.length - lost.length} of them (+${storedUnacked} committed but cut off before their answer)`);
  console.log(`  lost:                          ${lost.length}`);
  console.log(`  content: ack hash ≠ sent ${wrongAck.length}, row hash/version ≠ ack ${wrongRow.length}, stored grid ≠ sent ${wrongBlob}`);
  console.log(
    `  sweep (grace 0, ${swept.runs} step(s), ${swept.scanned} objects looked at): deleted ${swept.deleted.length} blobs without a row ` +
      `(${sweptGridsFromCut} grid + ${Math.min(sweptFindings, cut.size)} findings left by the ${cut.size} cut-off, never-acknowledged requests; unexplained: ${sweptUnexplained})`,
  );
  console.log(`  state: ${state.rows} submission rows in ${o.depts.length} stores, ${state.blobs} blobs in R2 and ${state.keptHere} bodies kept in the stores; rows without their blobs: ${state.rowsMissingBlobs}; published versions without their body: ${state.publishedMissing}; idempotency keys without a row: ${state.danglingKeys}`);
  console.log(`  blobs without a row after the sweep: ${orphansLeft}`);
  const ok =
    acks.length > 0 && lost.length === 0 && wrongAck.length === 0 && wrongRow.length === 0 && wrongBlob === 0 &&
    state.rowsMissingBlobs === 0 && state.publishedMissing === 0 && state.danglingKeys === 0 && sweptUnexplained === 0 && orphansLeft === 0;
  if (ok) console.log("OK: nothing acknowledged was lost, nothing half-written, in any department");
  else console.error(`FAIL: fault run${acks.length === 0 ? " (no acknowledgement before the kill)" : ""}`);
  return ok;
}

/** Walk the whole (small) bucket with the dev-only sweep route, bounded to 50 steps of 1,000 objects. */
async function sweepAll(base: string, seedSecret: string) {
  const out = { deleted: [] as string[], scanned: 0, runs: 0 };
  let startAfter: string | null = null;
  do {
    const q = new URLSearchParams({ graceSeconds: "0", maxObjects: "1000", ...(startAfter ? { startAfter } : {}) });
    const r = await fetch(`${base}/v1/_sweep?${q}`, { method: "POST", headers: { "x-seed-secret": seedSecret }, signal: AbortSignal.timeout(60_000) });
    if (r.status !== 200) throw new Error(`sweep: ${r.status} ${await r.text()}`);
    const b = (await r.json()) as { deleted: string[]; scanned: number; next: string | null };
    for (const k of b.deleted) out.deleted.push(k);
    out.scanned += b.scanned;
    out.runs++;
    startAfter = b.next;
  } while (startAfter && out.runs < 50);
  if (startAfter) throw new Error("sweep: bucket not walked in 50 steps");
  return out;
}

interface StoreState {
  submissions: { org_id: string; grid_sha256: string; findings_sha256: string; file_sha256: string | null; source: string; kept_here: number }[];
  /** Bodies the store keeps itself (small ones); a row's `kept_here` says which of its own are (1 content, 2 report). */
  smallBlobs: string[];
  published: string[];
  danglingKeys: number;
}

/** One department's store as the dev-only `/v1/_inspect` sees it. */
async function inspectStore(base: string, seedSecret: string, tenant: string): Promise<StoreState> {
  const r = await fetch(`${base}/v1/_inspect?tenant=${tenant}`, { method: "POST", headers: { "x-seed-secret": seedSecret } });
  if (r.status !== 200) throw new Error(`inspect ${tenant}: ${r.status} ${await r.text()}`);
  return (await r.json()) as StoreState;
}

interface MiniR2 {
  list(o: { cursor?: string; limit?: number }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>;
}

/** Open the stopped Worker's local R2 with Miniflare (wrangler's getPlatformProxy) and cross-check it with the stores' rows. */
async function inspectState(stores: StoreState[]) {
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ BLOBS: MiniR2 }>({
    configPath: path.join(ROOT as string, "wrangler.toml"),
    persist: { path: path.join(persistTo, "v3") }, // wrangler dev --persist-to X keeps its data in X/v3
    remoteBindings: false,
  });
  try {
    const { BLOBS } = proxy.env;
    const keys = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await BLOBS.list({ cursor, limit: 1000 });
      for (const obj of page.objects) keys.add(obj.key);
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    const referenced = new Set<string>();
    let rowsMissingBlobs = 0;
    let rows = 0;
    let publishedMissing = 0;
    let danglingKeys = 0;
    let keptHere = 0;
    for (const st of stores) {
      const held = new Set(st.smallBlobs);
      for (const r of st.submissions) {
        rows++;
        const content = r.source === "xlsx" && r.file_sha256 ? `${r.org_id}/files/${r.file_sha256}.xlsx` : `${r.org_id}/grids/${r.grid_sha256}.json`;
        const need: [string, boolean][] = [
          [content, (r.kept_here & 1) !== 0],
          [`${r.org_id}/findings/${r.findings_sha256}.json`, (r.kept_here & 2) !== 0],
        ];
        for (const [k, here] of need) if (!here) referenced.add(k);
        keptHere += need.filter(([, here]) => here).length;
        if (need.some(([k, here]) => (here ? !held.has(k) : !keys.has(k)))) rowsMissingBlobs++;
      }
      // every published version's body is there (the sweep must never take one)
      publishedMissing += st.published.filter((k) => !keys.has(k)).length;
      st.published.forEach((k) => referenced.add(k));
      danglingKeys += st.danglingKeys;
    }
    const orphanGrids: string[] = [];
    let orphanFindings = 0;
    let orphanOther = 0;
    for (const k of keys) {
      const m = /^[^/]+\/(grids|findings|files|ruleset|template)\/([0-9a-f]{64})\./.exec(k);
      if (!m || referenced.has(k)) continue;
      if (m[1] === "grids") orphanGrids.push(m[2]!);
      else if (m[1] === "findings") orphanFindings++;
      else orphanOther++;
    }
    return { rows, blobs: keys.size, keptHere, rowsMissingBlobs, publishedMissing, orphanGrids, orphanFindings, orphanOther, danglingKeys };
  } finally {
    await proxy.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * One submission through the Worker's own code path (functions/app.ts: auth, body reading and
 * validation or the file reader, the engine, the report, the puts, the commit) in a fresh Node
 * process with a capped heap, the bindings being small in-memory stand-ins that keep nothing of
 * what is put (R2's and the store's memory is not the Worker's). Run by bench/memory.ts with
 * --max-old-space-size=128 --trace-gc: prints the status, and the heap in use before the request
 * (the code loaded) and the largest ArrayBuffer memory seen.
 *
 *   node --expose-gc --max-old-space-size=128 --trace-gc --import tsx bench/memory-child.ts FILE json|xlsx TEMPLATE MAX_CELLS
 */
import { readFileSync } from "node:fs";
import { timingSafeEqual } from "node:crypto";
import { BUILTIN_TEMPLATES } from "../shared/index.js";

// The Worker's modules, loaded by path: they are type-checked with the Worker's own types
// (functions/tsconfig.json), not this process's Node ones.
const worker = (path: string) => import(new URL(path, import.meta.url).href) as Promise<Record<string, never>>;
const { app } = (await worker("../functions/app.ts")) as unknown as { app: { request(url: string, init: RequestInit, env: unknown): Promise<Response> } };
const { hashSecret } = (await worker("../functions/middleware/auth.ts")) as unknown as { hashSecret(s: string): Promise<string> };

// workerd's FixedLengthStream (a stream R2 takes as one object of that length), which Node lacks: passes chunks on as they are
(globalThis as unknown as { FixedLengthStream: unknown }).FixedLengthStream = class extends TransformStream<Uint8Array, Uint8Array> {
  constructor(_length: number) {
    super();
  }
};
// workerd's own crypto.subtle.timingSafeEqual, which Node lacks
(crypto.subtle as unknown as { timingSafeEqual: (a: Uint8Array, b: Uint8Array) => boolean }).timingSafeEqual = (a, b) => timingSafeEqual(a, b);

const [file, kind, templateId, maxCells] = process.argv.slice(2) as [string, "json" | "xlsx", string, string];
const bytes = new Uint8Array(readFileSync(file));

let arrayBuffersPeak = 0;
const sample = () => {
  const m = process.memoryUsage();
  arrayBuffersPeak = Math.max(arrayBuffersPeak, m.arrayBuffers);
};

const template = BUILTIN_TEMPLATES.find((t) => t.id === (templateId === "dues" ? "dues-monthly" : templateId))!;
const secret = "s".repeat(43);
const tokenRow = {
  org_id: "mem.b1", token_id: "tmem", role: "clerk", label: "x", hash: await hashSecret(secret), created_by: "x", created_at: "2025-01-01T00:00:00Z", revoked_at: null, last_used_at: new Date().toISOString(),
  root_id: "mem", parent_id: "mem", kind: "branch", name: "第一党支部", path: "/mem/mem.b1/", org_created_at: "2025-01-01T00:00:00Z",
};
const DB = { prepare: () => ({ bind: () => ({ first: async () => tokenRow, run: async () => ({}) }) }) };
const collection = {
  org_id: "mem", collection_id: "c-mem", owner_path: "/mem/", title: "x", template_org_id: "mem", template_id: template.id, template_version: 1, template_key: "mem/template/t.json",
  ruleset_org_id: null, ruleset_id: "default", ruleset_version: 1, ruleset_key: null, period: "2025", due_at: "2099-12-31T00:00:00Z", on_error: "store", on_wrong_template: "store", status: "open", created_by: "x", created_at: "2025-01-01T00:00:00Z",
};
const store = {
  collection: async () => ({ collection, member: true }),
  commitSubmission: async () => (sample(), { kind: "stored", version: 1, reput: [] }),
  deleteUnreferenced: async () => [],
};
const LEDGER = { getByName: () => store };
const templateText = JSON.stringify(template);
const BLOBS = {
  get: async () => ({ text: async () => templateText, arrayBuffer: async () => new TextEncoder().encode(templateText).buffer }),
  put: async (_key: string, body: unknown) => {
    sample();
    // drain a stream (R2 would read it); keep nothing
    if (body instanceof ReadableStream) {
      const reader = body.getReader();
      while (!(await reader.read()).done) sample();
    }
    return {};
  },
};
const env = { DB, LEDGER, BLOBS, MAX_CELLS: maxCells, MAX_BODY_BYTES: String(64 * 1024 * 1024) };

globalThis.gc?.();
const before = process.memoryUsage();
console.log(`MARK baseline heap ${(before.heapUsed / 1048576).toFixed(1)} MB, arrayBuffers ${(before.arrayBuffers / 1048576).toFixed(1)} MB`);
const res = await app.request(
  kind === "json" ? "/v1/collections/c-mem/submissions" : "/v1/collections/c-mem/submissions/xlsx?asOf=2025-12-31",
  { method: "POST", headers: { authorization: `Bearer plt_tmem_${secret}`, "content-type": kind === "json" ? "application/json" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, body: bytes },
  env,
);
// The answer is read as the client reads it, a chunk at a time; only its head is kept (its counts,
// or the error), so the harness's own copy of a large answer is not measured as the Worker's.
const reader = res.body!.getReader();
let head = "";
let bytesOut = 0;
const dec = new TextDecoder();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytesOut += value.length;
  if (head.length < 4000) head += dec.decode(value.subarray(0, 4000));
  sample();
}
const counts = /"counts":(\{[^}]*\})/.exec(head)?.[1] ?? /"error":\{"code":"([^"]+)"/.exec(head)?.[1] ?? head.slice(0, 200);
console.log(`RESULT ${res.status} ${counts} answer ${(bytesOut / 1048576).toFixed(1)} MB arrayBuffersPeak ${(arrayBuffersPeak / 1048576).toFixed(1)} MB`);

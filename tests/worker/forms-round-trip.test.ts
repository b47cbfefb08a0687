import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { readWorkbook } from "../../shared/xlsx/index.js";
import { inferTemplate } from "../../shared/template/infer/infer-template.js";
import { redHeaderCells } from "../../shared/template/infer/red-headers.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { fillForm } from "../fixtures/form-filler.js";
import { BASE, call, makeTenant } from "./helpers.js";

/**
 * The round trip over real forms, through the Worker: a department infers a template from one of
 * its forms → publishes it → downloads the Excel form of that version → a branch fills it in
 * (rows with planted errors) and uploads it to a collection pinned to that version. Every
 * planted finding is stored at its cell, no other error, every column of the form mapped. The
 * ledgers among the 83 real forms (kinds.json) and every seventh of the others.
 */
const SAMPLES = JSON.parse(env.TEST_SAMPLE_FILES) as { file: string; kind: string; base64: string }[];
const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function download(path: string, token: string): Promise<Uint8Array> {
  const res = await exports.default.fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe("real form → template on the Worker → its Excel form → filled by a branch → checked on submission", () => {
  it("covers the ledgers and a sample of the others", () => {
    expect(SAMPLES.filter((s) => s.kind !== "none").length).toBe(17);
    expect(SAMPLES.filter((s) => s.kind === "none").length).toBeGreaterThanOrEqual(8);
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))("%s", async (_, { file, base64 }) => {
    const t = await makeTenant(`rt${Math.abs([...file].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)).toString(36)}`, 1);
    const bytes = bytesOf(base64);
    const sheet = readWorkbook(bytes).sheets.find((s) => !s.hidden)!;
    const { template } = inferTemplate(sheet, { fileName: file, redCells: redHeaderCells(bytes, sheet.name) });
    const published = await call("/v1/templates", { token: t.admin, body: template });
    expect(published.status, published.text).toBe(201);
    const version = published.json.version as number;
    const stored = (await call(`/v1/templates/${template.id}@${version}`, { token: t.admin })).json.template as TemplateParsed;
    const form = await download(`/v1/templates/${template.id}/${version}/xlsx`, t.branches[0]!.token);
    const filled = await fillForm(form, stored);
    const col = await call("/v1/collections", {
      token: t.admin,
      body: { title: `${template.title}报送`, template: { id: template.id, version }, period: "2025", dueAt: "2099-12-31", branchIds: [t.branches[0]!.id] },
    });
    expect(col.status, col.text).toBe(201);
    const up = await call(`/v1/collections/${col.json.id}/submissions/xlsx?asOf=2025-12-31&fileName=${encodeURIComponent(`${template.title}.xlsx`)}`, {
      token: t.branches[0]!.token,
      raw: filled.bytes,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(up.status, up.text).toBe(201);
    const [main, guide] = up.json.sheets as { status: string; template: unknown; columns: { field: string | null; header: string }[]; skipReason?: string }[];
    expect(main!.status).toBe("checked");
    expect(main!.template).toEqual({ id: template.id, version });
    expect(main!.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([]);
    expect(guide).toMatchObject({ status: "skipped", skipReason: "instructions" });
    const findings = up.json.findings as { cell: string; code: string; severity: string }[];
    const found = findings.map((f) => `${f.cell}|${f.code}`);
    for (const p of filled.planted) expect(found).toContain(`${p.cell}|${p.code}`);
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.cell}|${f.code}`).sort();
    expect(errors).toEqual(filled.planted.filter((p) => p.severity === "error").map((p) => `${p.cell}|${p.code}`).sort());
    expect(up.json.status).toBe(errors.length ? "errors" : "clean");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { strToU8 } from "fflate";
import { binaryNamedCsv, encryptedXls, truncatedXls } from "../fixtures/make-format-bad-corpus.js";
import { call, makeTenant, openCollection, type Tenant, storeCount, storedBody } from "./helpers.js";

/**
 * The upload route reads every format the CLI and the pane read, in workerd (whose
 * TextDecoder has the gbk label), with the same caps and the same messages.
 */
let t: Tenant;
let col: string;
const FILES = JSON.parse(env.TEST_FORMAT_FILES) as Record<string, string>;
const file = (key: string) => Uint8Array.from(atob(FILES[key]!), (c) => c.charCodeAt(0));
const ROSTER = "东湖村党支部党员花名册";
const upload = (bytes: Uint8Array, opts: { name?: string; type?: string; token?: string; key?: string } = {}) =>
  call(`/v1/collections/${col}/submissions/xlsx?asOf=2025-12-31${opts.name ? `&fileName=${encodeURIComponent(opts.name)}` : ""}`, {
    token: opts.token ?? t.branches[0]!.token,
    raw: bytes,
    headers: { "content-type": opts.type ?? "application/octet-stream", ...(opts.key ? { "idempotency-key": opts.key } : {}) },
  });
const cells = (findings: { cell: string | null; code: string }[]) => findings.map((f) => `${f.cell}|${f.code}`).sort();

beforeAll(async () => {
  t = await makeTenant("formats", 2);
  col = await openCollection(t);
});

describe("uploads in every format", () => {
  it("checks a GBK CSV, an .xls, a WPS .et and an .ods as it checks the .xlsx, and says what it read", async () => {
    const original = await upload(file("original.xlsx"), { name: `${ROSTER}.xlsx` });
    expect(original.status, original.text).toBe(201);
    expect(original.json.file).toEqual({ format: "xlsx" });
    const expected = cells(original.json.findings);
    expect(expected.filter((c) => c.startsWith("D6|") || c.startsWith("D7|"))).toEqual(["D6|id.checkDigit", "D7|id.asNumber"]);
    const cases = [
      ["csv-gbk.csv", "text/csv", { format: "csv", encoding: "GBK", delimiter: "," }],
      ["xls.xls", "application/vnd.ms-excel", { format: "xls", biff: 8 }],
      ["et.et", "application/octet-stream", { format: "et", biff: 8 }],
      ["ods.ods", "application/vnd.oasis.opendocument.spreadsheet", { format: "ods" }],
    ] as const;
    for (const [key, type, source] of cases) {
      const r = await upload(file(key), { name: `${ROSTER}.${key.split(".")[1]}`, type });
      expect(r.status, r.text).toBe(201);
      expect(r.json.file).toEqual(source);
      expect(cells(r.json.findings)).toEqual(expected);
      const stored = await storedBody(t.deptId, `${t.deptId}/files/${r.json.fileSha256}.xlsx`);
      expect(stored?.contentType).toBe({ csv: "text/csv", xls: "application/vnd.ms-excel", et: "application/vnd.ms-excel", ods: "application/vnd.oasis.opendocument.spreadsheet" }[source.format]);
    }
  });

  it("takes the file's name from a multipart upload: a CSV's sheet is named after it", async () => {
    const form = new FormData();
    form.append("file", new File([file("csv-gbk.csv")], "二支部花名册.csv", { type: "text/csv" }));
    const r = await call(`/v1/collections/${col}/submissions/xlsx?asOf=2025-12-31`, { token: t.branches[1]!.token, raw: form });
    expect(r.status, r.text).toBe(201);
    expect(r.json.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["二支部花名册"]);
    expect(r.json.file).toMatchObject({ format: "csv", encoding: "GBK" });
  });

  it("refuses what it cannot read with the reader's own message, WPS's words for a WPS file, and stores nothing", async () => {
    const before = await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions");
    const cases: [Uint8Array, string, string, string][] = [
      [truncatedXls(), "花名册.xls", "xlsx_truncated", "文件不完整"],
      [encryptedXls(), "花名册.et", "xlsx_encrypted", "WPS 表格中取消密码（文件 → 文档加密 → 密码加密"],
      [encryptedXls(), "花名册.xls", "xlsx_encrypted", "在 Excel 中取消密码"],
      [binaryNamedCsv(), "花名册.csv", "xlsx_not-text", "内容不是文本"],
      // 500,000 lines in under the 1 MiB body limit of the tests: over the 300,000-row cap.
      [strToU8("a\n".repeat(500_000)), "名单.csv", "xlsx_too-many-rows", "超过 300000 行的上限"],
      [new Uint8Array(512).map((_, i) => (i * 37) & 0xff), "", "xlsx_not-xlsx", "不是能读取的表格文件"],
    ];
    for (const [bytes, name, code, words] of cases) {
      const r = await upload(bytes, name ? { name } : {});
      expect(r.status, `${name}: ${r.text}`).toBe(422);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.message).toContain(words);
      expect(r.json.error.messageEn.length).toBeGreaterThan(10);
    }
    expect(await storeCount(t.deptId, "SELECT COUNT(*) AS n FROM submissions")).toBe(before);
  });

  it("keeps the grid's source when the pane posts it as JSON", async () => {
    const grid = {
      sheets: [{ name: "花名册", values: [["姓名", "身份证号码", "入党时间", "转正时间"], ["张三", "11010519491231002X", "1980-07-01", "1981-07-01"]] }],
      source: { format: "csv", encoding: "GBK", delimiter: "," },
    };
    const r = await call(`/v1/collections/${col}/submissions`, { token: t.branches[0]!.token, body: { grid, asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(201);
    const back = await call(`/v1/submissions/${r.json.id}?include=grid`, { token: t.branches[0]!.token });
    expect(back.json.grid.source).toEqual(grid.source);
  });
});

import { describe, expect, it } from "vitest";
import { utils, write } from "@e965/xlsx";
import { readFileSync } from "node:fs";
import { checkSheet, checkSheetInBook } from "../../../shared/index.js";
import { proposeMapping } from "../../../shared/mapping/propose.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { LedgerClient, type Port } from "../../../addin/engine/ledger-client.js";
import { KEEP_SHEETS, LedgerService } from "../../../addin/engine/ledger-service.js";
import { FINDINGS_PER_MESSAGE, ROWS_PER_MESSAGE, type FromWorker, type ToWorker } from "../../../addin/engine/ledger-protocol.js";
import { duesSheet } from "../../../bench/dues-ledger.js";

/**
 * The pane's ledger worker, its page side (LedgerClient) wired to its worker side (LedgerService)
 * through structuredClone, the algorithm postMessage uses. Every message is counted: what the page
 * sends and receives, and how large each is.
 */
function wired() {
  const toWorker: ToWorker[] = [];
  const fromWorker: FromWorker[] = [];
  const port: Port = { onmessage: null, postMessage: () => undefined };
  const service = new LedgerService((m) => {
    const copy = structuredClone(m);
    fromWorker.push(copy);
    queueMicrotask(() => port.onmessage?.({ data: copy } as MessageEvent<FromWorker>));
  });
  let queue = Promise.resolve();
  port.postMessage = (m) => {
    const copy = structuredClone(m);
    toWorker.push(copy);
    queue = queue.then(() => service.handle(copy));
  };
  return { client: new LedgerClient(port), toWorker, fromWorker };
}

const xlsxOf = (rows: unknown[][], name = "花名册") => {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), name);
  return new Uint8Array(write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer);
};

/** What the pane's engine gives for one sheet in the page (a one-sheet book: side-by-side tables and transposed sheets read as the Worker reads them). */
function inPage(sheet: Parameters<typeof checkSheetInBook>[0], opts: Parameters<typeof checkSheetInBook>[2]) {
  const { report, findings } = checkSheetInBook(sheet, [], opts);
  return { report, findings };
}

describe("the pane's ledger worker", () => {
  it("reads a file into the grid the in-page reader gives, a thousand rows a message", async () => {
    const { client, fromWorker } = wired();
    const bytes = xlsxOf(duesSheet(2500).values);
    const expected = readWorkbookFile(bytes.slice());
    const grid = await client.read(bytes, "党费.xlsx");
    expect(grid).toEqual(expected);
    const rows = fromWorker.filter((m) => m.type === "rows");
    expect(rows.length).toBe(Math.ceil(expected.sheets[0]!.values.length / ROWS_PER_MESSAGE));
    for (const m of rows) expect(m.type === "rows" && m.values.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
  });

  it("passes the file's name, so a CSV's sheet is named after it and its encoding comes back", async () => {
    const { client } = wired();
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0, 0x0a]); // 姓名,性别 / 张三,男 in GBK
    const grid = await client.read(gbk, "花名册.csv");
    expect(grid.sheets.map((s) => [s.name, s.values])).toEqual([["花名册", [["姓名", "性别"], ["张三", "男"]]]]);
    expect(grid.source).toEqual({ format: "csv", encoding: "GBK", delimiter: "," });
  });

  it("keeps a refusal's code and both messages across the wire", async () => {
    const { client } = wired();
    const caught = await client.read(new Uint8Array(64).map((_, i) => (i * 37) & 0xff)).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: "LedgerReadError", code: "not-xlsx" });
    expect((caught as { messageZh: string }).messageZh).toContain("不是能读取的表格文件");
    expect((caught as { messageEn: string }).messageEn).toContain("not a spreadsheet file");
  });

  it("proposes the mapping step's columns in the worker, from the sheet it holds, as the page's engine would", async () => {
    const { client, toWorker } = wired();
    // A roster whose 入党年月 header no alias names: the proposal is where the clerk says what it is.
    const rows = [["姓名", "性别", "公民身份号码", "入党年月日"], ["张三", "男", "11010519491231002X", "1980-07-01"], ["李四", "女", "11010519491231002X", "1985-07-01"]];
    const grid = await client.read(xlsxOf(rows));
    const sent = toWorker.length;
    const opts = { template: { id: "roster" }, lang: "zh" as const };
    const got = await client.propose(grid.sheets[0]!, opts);
    expect(got).toEqual(proposeMapping(grid.sheets[0]!, opts));
    expect(got?.template.id).toBe("roster");
    expect(got?.columns.map((c) => c.header)).toEqual(["姓名", "性别", "公民身份号码", "入党年月日"]);
    // one message: the sheet itself did not cross again
    expect(toWorker.length - sent).toBe(1);
  });

  it("checks a sheet it read by its key, without the grid crossing again, and gives what the page's engine gives", async () => {
    const { client, toWorker } = wired();
    const grid = await client.read(xlsxOf(duesSheet(3000).values));
    const opts = { asOf: "2025-12-31" };
    const sent = toWorker.length;
    const got = await client.check(grid.sheets[0]!, opts);
    expect(toWorker.length - sent).toBe(1); // only the check itself
    expect(got).toEqual(structuredClone(inPage(grid.sheets[0]!, opts)));
    // the same findings as checking the sheet alone, in row order
    expect(got.findings.length).toBe(checkSheet(grid.sheets[0]!, opts).findings.length);
  });

  it("sends a sheet it does not hold (read from Excel, edited) in pieces first, then checks it; many findings come back in pieces", async () => {
    const { client, toWorker, fromWorker } = wired();
    const sheet = duesSheet(5000);
    // every member's January wrong: thousands of findings
    for (let r = 1; r < sheet.values.length; r++) sheet.values[r]![7] = 1.23;
    const opts = { asOf: "2025-12-31" };
    const got = await client.check(sheet, opts);
    const page = inPage(sheet, opts);
    expect(got.findings.length).toBe(page.findings.length);
    expect(got.findings.length).toBeGreaterThan(FINDINGS_PER_MESSAGE * 2);
    expect(got).toEqual(structuredClone(page));
    expect(toWorker.filter((m) => m.type === "rows").length).toBe(Math.ceil(sheet.values.length / ROWS_PER_MESSAGE));
    expect(fromWorker.filter((m) => m.type === "findings").length).toBe(Math.ceil(page.findings.length / FINDINGS_PER_MESSAGE));
    // the same grid again: only the check crosses
    const before = toWorker.length;
    await client.check(sheet, opts);
    expect(toWorker.length - before).toBe(1);
  });

  it("checks the shown sheet against the workbook's other ledgers in the worker, as the page would; known sheets do not cross again", async () => {
    const { client, toWorker } = wired();
    const dir = new URL("../../fixtures/realistic/book/", import.meta.url);
    const read = async (name: string) => (await client.read(new Uint8Array(readFileSync(new URL(`东湖村党支部2025年${name}.xlsx`, dir))), `${name}.xlsx`)).sheets[0]!;
    const dues = await read("党费");
    const roster = await read("花名册");
    const opts = { asOf: "2025-12-31" };
    const sent = toWorker.length;
    const got = await client.checkInBook(dues, [roster], opts);
    expect(toWorker.length - sent).toBe(1);
    const { report, findings, compared } = checkSheetInBook(dues, [roster], opts);
    expect(got).toEqual(structuredClone({ report, findings, compared }));
    expect(got.compared.map((c) => c.kind)).toEqual(["roster"]);
    // 吴八 paid for August after transferring out in June (花名册!G11): only the book says so.
    expect(got.findings.find((f) => f.code === "book.duesAfterTransferOut")).toMatchObject({ cell: "L10", related: { sheet: "花名册", cell: "G11" } });
  });

  it("sends a sheet again that the worker let go (it keeps those used last)", async () => {
    const { client, toWorker } = wired();
    const shown = duesSheet(20);
    const opts = { asOf: "2025-12-31" };
    const first = await client.check(shown, opts);
    // More other sheets than it keeps go through the worker: the shown one is no longer held there.
    for (let i = 0; i < KEEP_SHEETS + 2; i++) await client.check(duesSheet(5), opts);
    const before = toWorker.filter((m) => m.type === "sheet").length;
    expect(await client.check(shown, opts)).toEqual(first);
    expect(toWorker.filter((m) => m.type === "sheet").length - before).toBe(1);
  });

  it("fails every waiting request with WorkerGone when the worker dies, so the page can check it itself", async () => {
    const port: Port = { onmessage: null, postMessage: () => undefined };
    const client = new LedgerClient(port);
    const waiting = client.check(duesSheet(10), {});
    client.broken("the script failed to load");
    await expect(waiting).rejects.toMatchObject({ name: "WorkerGone" });
  });
});

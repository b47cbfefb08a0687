import { describe, expect, it } from "vitest";
import { utils, write } from "@e965/xlsx";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { fromReply, replyTo, type ReadReply } from "../../../addin/web/readerProtocol.js";

/** What crosses postMessage: structuredClone is the same algorithm. */
const overTheWire = (r: ReadReply) => structuredClone(r);

describe("web mode: the reader worker's messages", () => {
  it("returns the grid the in-page reader returns", () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([["姓名", "性别"], ["张三", "男"]]), "花名册");
    const bytes = new Uint8Array(write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
    const grid = fromReply(overTheWire(replyTo(readWorkbookFile, { bytes: bytes.slice() })));
    expect(grid).toEqual(readWorkbookFile(bytes));
    expect(grid.sheets[0]!.values[1]).toEqual(["张三", "男"]);
  });

  it("passes the file's name, so a CSV's sheet is named after it and its encoding comes back", () => {
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0, 0x0a]); // 姓名,性别 / 张三,男 in GBK
    const grid = fromReply(overTheWire(replyTo(readWorkbookFile, { bytes: gbk, fileName: "花名册.csv" })));
    expect(grid.sheets.map((s) => [s.name, s.values])).toEqual([["花名册", [["姓名", "性别"], ["张三", "男"]]]]);
    expect(grid.source).toEqual({ format: "csv", encoding: "GBK", delimiter: "," });
  });

  it("keeps a refusal's code and both messages across the wire", () => {
    const reply = overTheWire(replyTo(readWorkbookFile, { bytes: new Uint8Array(64).map((_, i) => (i * 37) & 0xff) }));
    expect(reply.ok).toBe(false);
    let caught: unknown;
    try {
      fromReply(reply);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: "LedgerReadError", code: "not-xlsx" });
    expect((caught as { messageZh: string }).messageZh).toContain("不是能读取的表格文件");
    expect((caught as { messageEn: string }).messageEn).toContain("not a spreadsheet file");
  });

  it("wraps an unexpected throw as a plain failure", () => {
    const reply = replyTo(() => {
      throw new RangeError("boom");
    }, { bytes: new Uint8Array(1) });
    expect(reply).toEqual({ ok: false, error: { name: "RangeError", message: "boom" } });
  });
});

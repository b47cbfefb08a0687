import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { FULL_SUPPORT } from "../../../addin/excel/requirements.js";
import { debounceCollect } from "../../../addin/taskpane/debounce.js";
import { FakeContext, FakeSheet, fakeRun, sheetId } from "./fake-excel.js";

/** Let queued promise work (an unsubscribe's own run) finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

const sheet = () => FakeSheet.withRows("党费", [["姓名", "1月"], ["张三", 25]]);

describe("Excel host: an event handler belongs to the request context that added it", () => {
  for (const [label, support, apiVersion] of [
    ["ExcelApi 1.9 (worksheets.onChanged)", FULL_SUPPORT, 99],
    ["ExcelApi 1.7 (worksheet.onChanged)", { ...FULL_SUPPORT, worksheetsOnChanged: false }, 8],
  ] as const) {
    it(`${label}: unsubscribing removes it, so changing sheet, language or template five times leaves no handler behind`, async () => {
      const ctx = new FakeContext([sheet()]);
      ctx.apiVersion = apiVersion;
      const live = () => (apiVersion >= 9 ? ctx.workbookHandlers : ctx.handlers);
      const host = new ExcelHost(fakeRun(ctx), support);
      const heard: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const off = await host.onChanged((c) => heard.push(c), "党费");
        expect(live()).toHaveLength(1);
        off();
        await settle();
      }
      expect(live()).toHaveLength(0);
      // and one still subscribed hears an edit exactly once
      await host.onChanged((c) => heard.push(c), "党费");
      const event = { worksheetId: sheetId(ctx, ctx.sheets[0]!), address: "B2", changeType: "RangeEdited", triggerSource: "Unknown" };
      for (const h of [...live()]) await h(event);
      expect(heard).toEqual([{ sheet: "党费", rows: { first: 2, last: 2 } }]);
    });
  }

  it("the fake holds the adapter to Office.js's rules: a proxy outlives its run only while its context serves handlers, and isNullObject needs a sync", async () => {
    const ctx = new FakeContext([sheet()]);
    const run = fakeRun(ctx);
    const ws = await run(async (c) => c.workbook.worksheets.getItem("党费"));
    expect(() => ws.load("name")).toThrow("InvalidObjectPath");
    await run(async (c) => {
      const gone = c.workbook.worksheets.getItemOrNullObject("不存在");
      expect(() => gone.isNullObject).toThrow("PropertyNotLoaded");
      await c.sync();
      expect(gone.isNullObject).toBe(true);
    });
    // remove() from another context is queued on the handler's own context: a sync elsewhere does nothing
    const reg = await run(async (c) => {
      const r = c.workbook.worksheets.onChanged.add(async () => undefined);
      await c.sync();
      return r;
    });
    await run(async (c) => {
      reg.remove();
      await c.sync();
    });
    expect(ctx.workbookHandlers).toHaveLength(1);
    await run(async (c) => {
      reg.remove();
      await c.sync();
    }, reg.context as Excel.RequestContext);
    expect(ctx.workbookHandlers).toHaveLength(0);
  });
});

describe("a cancelled debounce stays cancelled", () => {
  it("items pushed after cancel() are never delivered (a handler still firing cannot start a re-check)", async () => {
    const got: number[][] = [];
    const q = debounceCollect<number>(5, (b) => got.push(b));
    q.push(1);
    q.cancel();
    q.push(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([]);
  });
});

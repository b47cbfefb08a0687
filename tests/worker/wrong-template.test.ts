import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { call, cleanGrid, HEADER, makeTenant, openCollection } from "./helpers.js";

/** A dues ledger (月份 columns) — a fine ledger, but not the 党员花名册 a roster collection asks for. */
const duesLedger = (): WorkbookGrid => ({
  sheets: [
    {
      name: "2025年党费",
      values: [
        ["姓名", "人员类别", "缴费基数", "月应缴党费", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
        ["张三", "在职", 5100, 76.5, ...Array(12).fill(76.5)],
      ],
    },
  ],
});

describe("a ledger that is not the one a collection asks for is never stored as clean", () => {
  it("is refused with 422 and a clear message by default, and nothing is stored", async () => {
    const t = await makeTenant("wrongtpl", 1);
    const collectionId = await openCollection(t);
    const [b1] = t.branches;
    const r = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: duesLedger(), asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(422);
    expect(r.json.error.code).toBe("wrong_template");
    expect(r.json.error.message).toContain("不是本报送任务要求的“党员花名册”");
    expect(r.json.error.message).toContain("党费");
    expect(r.json.error.details.sheets).toEqual([expect.objectContaining({ sheet: "2025年党费", status: "unrecognised" })]);
    const en = await call(`/v1/collections/${collectionId}/submissions`, {
      token: b1!.token,
      body: { grid: duesLedger(), asOf: "2025-12-31" },
      headers: { "accept-language": "en" },
    });
    expect(en.json.error.message).toContain("not the \"Member roster\"");
    const list = await call(`/v1/collections/${collectionId}/submissions`, { token: t.admin });
    expect(list.json.items).toEqual([]);
    const status = await call(`/v1/collections/${collectionId}/status`, { token: t.admin });
    expect(status.json.counts).toMatchObject({ not_submitted: 1, submitted_clean: 0 });
  });

  it("says a blank form is blank: the collection's own ledger with headers only is refused as 未填写, nothing stored", async () => {
    const t = await makeTenant("blankform", 1);
    const collectionId = await openCollection(t);
    const [b1] = t.branches;
    const blank: WorkbookGrid = { sheets: [{ name: "花名册", values: [["某某党支部党员花名册"], ["序号", ...HEADER], ["1"], ["2"], ["3"]] }] };
    const r = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: blank, asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(422);
    expect(r.json.error.code).toBe("blank_form");
    expect(r.json.error.message).toBe("上传的「花名册」是一张空白的“党员花名册”，只有表头，还没有填写内容，没有可检查的内容。请填写后再报送。");
    expect(r.json.error.details.sheets).toEqual([expect.objectContaining({ sheet: "花名册", status: "skipped" })]);
    // The same form numbered in its first column (姓名), with no 序号 column: still blank.
    const numbered: WorkbookGrid = { sheets: [{ name: "花名册", values: [HEADER, ["1"], ["2"]] }] };
    const n = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: numbered, asOf: "2025-12-31" } });
    expect(n.json.error.code).toBe("blank_form");
    // A blank roster beside a dues ledger is a wrong file, not a blank form.
    const mixed: WorkbookGrid = { sheets: [...blank.sheets, ...duesLedger().sheets] };
    const m = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: mixed, asOf: "2025-12-31" } });
    expect(m.json.error.code).toBe("wrong_template");
    const list = await call(`/v1/collections/${collectionId}/submissions`, { token: t.admin });
    expect(list.json.items).toEqual([]);
  });

  it("is stored as wrong_template when the collection says so, and the status table shows it apart", async () => {
    const t = await makeTenant("wrongtpl2", 2);
    const collectionId = await openCollection(t, { onWrongTemplate: "store" });
    const col = await call(`/v1/collections/${collectionId}`, { token: t.admin });
    expect(col.json.onWrongTemplate).toBe("store");
    const [b1, b2] = t.branches;
    const wrong = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: duesLedger(), asOf: "2025-12-31" } });
    expect(wrong.status, wrong.text).toBe(201);
    expect(wrong.json).toMatchObject({ status: "wrong_template", counts: { errors: 0 } });
    expect(wrong.json.sheets[0]).toMatchObject({ status: "unrecognised" });
    const right = await call(`/v1/collections/${collectionId}/submissions`, { token: b2!.token, body: { grid: cleanGrid(), asOf: "2025-12-31" } });
    expect(right.json.status).toBe("clean");
    const status = await call(`/v1/collections/${collectionId}/status`, { token: t.admin });
    expect(status.json.counts).toMatchObject({ submitted_wrong_template: 1, submitted_clean: 1, not_submitted: 0 });
    const rows = Object.fromEntries(status.json.branches.map((b: { branchId: string; status: string }) => [b.branchId, b.status]));
    expect(rows).toEqual({ [b1!.id]: "submitted_wrong_template", [b2!.id]: "submitted_clean" });
  });

  it("checks a workbook whose roster sheet fits, and reports its other sheet as not checked", async () => {
    const t = await makeTenant("wrongtpl3", 1);
    const collectionId = await openCollection(t);
    const grid = cleanGrid();
    grid.sheets.push(duesLedger().sheets[0]!);
    const r = await call(`/v1/collections/${collectionId}/submissions`, { token: t.branches[0]!.token, body: { grid, asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(201);
    expect(r.json.status).toBe("clean");
    expect(r.json.sheets.map((s: { sheet: string; status: string }) => `${s.sheet} ${s.status}`)).toEqual(["花名册 checked", "2025年党费 unrecognised"]);
  });
});

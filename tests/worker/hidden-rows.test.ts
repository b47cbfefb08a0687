import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { call, HEADER, makeTenant, openCollection } from "./helpers.js";

/** Three women, all right, and a 合计 that says 2: right if the pane hid one of them, wrong if not. */
const roster = (flag: { hiddenRowsUnknown?: boolean }): WorkbookGrid => ({
  sheets: [
    {
      name: "花名册",
      values: [
        HEADER,
        ["张三", "女", "11010519491231002X", "1949-12-31", "正式党员", "1980-07-01", "1981-07-01"],
        ["李芳", "女", "110105195001010020", "1950-01-01", "正式党员", "1980-07-01", "1981-07-01"],
        ["王敏", "女", "110105195102020041", "1951-02-02", "正式党员", "1980-07-01", "1981-07-01"],
        ["合计：2人"],
      ],
      ...flag,
    },
  ],
});

describe("a pane that could not tell hidden rows: the Worker keeps what it said", () => {
  it("stores the disagreeing 合计 as a warning that says why, and the submission is not counted as having errors", async () => {
    const t = await makeTenant("hiddenunknown", 1);
    const collectionId = await openCollection(t);
    const [b1] = t.branches;
    const r = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: roster({ hiddenRowsUnknown: true }), asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(201);
    const counts = r.json.findings.filter((f: { code: string }) => f.code.startsWith("derived."));
    expect(counts.map((f: { cell: string; code: string; severity: string }) => `${f.cell} ${f.code} ${f.severity}`)).toEqual(["A5 derived.countMismatchHiddenUnknown warning"]);
    expect(counts[0].message).toContain("无法告知哪些行已隐藏");
    expect(r.json.status).not.toBe("errors");
  });

  it("without the flag the same 合计 over three shown rows is an error", async () => {
    const t = await makeTenant("hiddenknown", 1);
    const collectionId = await openCollection(t);
    const [b1] = t.branches;
    const r = await call(`/v1/collections/${collectionId}/submissions`, { token: b1!.token, body: { grid: roster({}), asOf: "2025-12-31" } });
    expect(r.status, r.text).toBe(201);
    expect(r.json.findings.filter((f: { code: string }) => f.code.startsWith("derived.")).map((f: { cell: string; code: string; severity: string }) => `${f.cell} ${f.code} ${f.severity}`)).toEqual(["A5 derived.countMismatch error"]);
    expect(r.json.status).toBe("errors");
  });
});

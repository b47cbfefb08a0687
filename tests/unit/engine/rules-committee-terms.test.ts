import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * A 党工委's list of its organisations' committees, one row per organisation (支部工作条例 第六章):
 * 7 or more 正式党员 set up a committee; a branch without one has no committee term to renew; a
 * 村/社区 committee serves 5 years, any other 3 — the organisation's 类型 column says which, not a
 * word inside its name.
 */
const H = ["党组织名称", "类型", "党员数", "正式党员数", "是否设立委员会", "委员职数", "上届选举时间", "任期", "届满时间"];
const grid = (...rows: CellValue[][]): CellValue[][] => [["某街道党工委所属党组织委员会设置情况表"], H, ...rows];

const run = (rows: CellValue[][]) => checkWorkbook(book(sheet("设置情况", rows)), { asOf: "2025-12-31" });
const at = (r: ReturnType<typeof run>, code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);

describe("a list of organisations' committees and terms", () => {
  const rows = grid(
    // 38 full members, 5 years from 2022-05-10 ends 2027-05-10: nothing to say.
    ["城东社区党支部", "社区", 40, 38, "是", 5, serial("2022-05-10"), 5, serial("2027-05-10")],
    // 9 full members (7 or more) and no committee: the 否 is the error; its term cells are `—` on purpose.
    ["区粮食局机关党支部", "机关", 10, 9, "否", "—", "—", "—", "—"],
    // 5 full members: a secretary only, no committee, no term written.
    ["金桥小学党支部", "学校", 6, 5, "否", "—", "—", "—", "—"],
    // A bank of type 企业 whose name holds 农村: 3 years from 2023-01-05 is right, ends 2026-01-05.
    ["农村商业银行党支部", "企业", 15, 15, "是", 3, serial("2023-01-05"), 3, serial("2026-01-05")],
    // A village branch whose name does not say 村: its 类型 does, so 3 years is wrong.
    ["大坪党支部", "村", 30, 28, "是", 5, serial("2023-03-01"), 3, serial("2026-03-01")],
    // A committee whose term end was left empty: that one is missing.
    ["区税务局党支部", "机关", 12, 12, "是", 3, serial("2024-06-01"), 3, null],
  );
  const r = run(rows);

  it("reads 是否设立委员会 as whether the organisation has a committee", () => {
    expect(r.sheets[0]!.kind).toBe("committee");
    expect(r.sheets[0]!.columns?.find((c) => c.column === "E")?.field).toBe("hasCommittee");
  });

  it("9 正式党员 and 否: a committee is required, said at the 否 (E4)", () => {
    expect(at(r, "committee.committeeRequired")).toEqual(["E4"]);
  });

  it("no 届满时间 is asked of an organisation without a committee, but still of one with a committee", () => {
    expect(at(r, "value.required")).toEqual(["I8"]);
  });

  it("the 类型 column decides the term: 企业 serves 3 years whatever its name, 村 serves 5", () => {
    expect(at(r, "committee.termYearsForType")).toEqual(["H7"]);
    // 2023-01-05 + 3 years is 2026-01-05 as written: no mismatch for the bank.
    expect(at(r, "committee.termMismatch")).not.toContain("I6");
  });

  it("without a 类型 column, a village's name still says its term", () => {
    const noType = [["某镇党委所属党支部换届情况"], ["党组织名称", "本届选举时间", "任期", "届满时间"], ["石门村党支部", serial("2023-03-01"), 3, serial("2026-03-01")]];
    const t = run(noType);
    expect(at(t, "committee.termYearsForType")).toEqual(["C3"]);
  });
});

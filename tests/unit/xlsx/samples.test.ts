import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../shared/grid/types.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { SAMPLES_DIR } from "../../fixtures/samples-dir.js";

const DIR = SAMPLES_DIR;
const files = readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));
const read = (tag: string): SheetGrid => {
  const file = files.find((f) => f.includes(`[${tag}]`));
  if (!file) throw new Error(`sample ${tag} missing`);
  const wb = readWorkbook(new Uint8Array(readFileSync(`${DIR}/${file}`)));
  expect(wb.sheets).toHaveLength(1);
  return wb.sheets[0]!;
};
const listFor = (s: SheetGrid, col: number, row: number) =>
  s.validations?.find((v) => v.ranges.some((r) => r.c0 <= col && col <= r.c1 && r.r0 <= row && row <= r.r1))?.values;

describe("the six real import templates", () => {
  it("all read without error, quickly", () => {
    expect(files).toHaveLength(6);
    for (const f of files) {
      const t = performance.now();
      const wb = readWorkbook(new Uint8Array(readFileSync(`${DIR}/${f}`)));
      expect(performance.now() - t).toBeLessThan(1000);
      expect(wb.sheets[0]!.values[0]!.length).toBeGreaterThan(3);
    }
  });

  it("三会一课: headers, 会议类型 drop-down, text dates", () => {
    const s = read("sample_pm_Meeting");
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values[0]!.slice(0, 5)).toEqual(["所在分党委编码", "所在分党委", "所在党支部编码", "所在党支部", "会议类型"]);
    expect(s.values[0]![19]).toBe("会议决议");
    // E2:E9 is the meeting-type list
    expect(listFor(s, 4, 1)).toEqual(["支部党员大会", "支部委员会", "党小组会", "党课"]);
    expect(listFor(s, 4, 8)).toEqual(["支部党员大会", "支部委员会", "党小组会", "党课"]);
    expect(listFor(s, 4, 9)).toBeUndefined();
    // the sample writes meeting times as text, with two spaces
    expect(s.values[1]![10]).toBe("2019/2/3  14:30");
    expect(s.numberFormats![1]![10]).toBe("@");
    expect(s.values[1]!.slice(13, 16)).toEqual([20, 20, 0]);
    // 189 ranges of an unrelated list far to the right (SD22:SD23 …) survive too
    expect(s.validations!.find((v) => v.values[0] === "申请入党人员")!.ranges.length).toBe(189);
  });

  it("党员发展: rich-text cell as plain text, a real date, a whole-column list", () => {
    const s = read("sample_memberApply");
    expect(s.values[0]![20]).toBe("当前发展阶段");
    expect(s.values[1]![3]).toBe("中共xxxx大学教育学部委员会"); // three rich-text runs in the file
    expect(s.values[1]![0]).toBe("11332019003"); // text-formatted number stays text
    expect(s.values[1]![6]).toBe(43358); // 2018-09-15
    expect(s.numberFormats![1]![6]).toBe("m/d/yy");
    expect(listFor(s, 20, 1048575)).toEqual(["入党申请人", "入党积极分子", "发展对象", "列入发展计划", "领取志愿书", "预备党员", "正式党员"]);
  });

  it("党员信息（校内）: merged notice cell, rich-text notice, 党籍状态 list on G2", () => {
    const s = read("sample_member_inSchool");
    expect(s.merges).toEqual([{ r0: 6, c0: 2, r1: 20, c1: 8 }]);
    expect(String(s.values[6]![2])).toMatch(/^填写注意事项：\n\n1、本表仅提供给校内人员/);
    expect(s.values[1]![0]).toBe(11312018275);
    expect(listFor(s, 6, 1)).toEqual(["正式党员", "预备党员"]);
  });

  it("评议结果: two lists, notice merge", () => {
    const s = read("sample_pm_eva_result");
    expect(s.values[0]).toEqual(["学工号", "姓名", "党籍状态", "评议结果"]);
    expect(listFor(s, 2, 2)).toEqual(["正式党员", "预备党员"]);
    expect(listFor(s, 2, 5)).toBeUndefined(); // C2:C3 C11:C1048576 leaves a gap for the notice
    expect(listFor(s, 3, 500)).toEqual(["优秀", "合格", "基本合格", "不合格"]);
    expect(s.merges).toEqual([{ r0: 3, c0: 1, r1: 9, c1: 6 }]);
  });

  it("党费补缴 and 干部考核: headers and instruction row", () => {
    const fee = read("sample_pmdFee");
    expect(fee.values).toEqual([["学工号", "姓名", "缴费类型", "缴费起始月份", "缴费截止月份", "缴费金额", "缴费说明", "备注"]]);
    expect(listFor(fee, 2, 1)).toEqual(["党费补缴"]);
    const ces = read("sample_cesResult1");
    expect(ces.values[0]).toEqual(["年份", "工作证号", "姓名", "时任单位", "时任职务", "测评类别", "总人数", "排名", "备注"]);
    expect(ces.values[1]).toEqual(["必填", "必填", null, "与系统内名称一致", null, "必填", "必填", "必填"]);
    expect(ces.validations).toEqual([]);
  });
});

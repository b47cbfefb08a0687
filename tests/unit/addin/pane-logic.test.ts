import { describe, expect, it } from "vitest";
import type { Finding } from "../../../shared/index.js";
import { chunkAddresses, compressCells, marksFor, rectAddress } from "../../../addin/host/marks.js";
import { applyFilter, columnsOf, countBySeverity, groupByPeriod, groupByRule } from "../../../addin/taskpane/findings.js";
import { patchRows } from "../../../addin/taskpane/patch.js";
import { freshen, routeChanges } from "../../../addin/taskpane/changes.js";
import { strings } from "../../../addin/i18n/strings.js";
import { changedRows } from "../../../addin/excel/events.js";

const f = (code: string, severity: Finding["severity"], cell: string | null, period: string | null = null): Finding => ({
  code,
  severity,
  sheet: "S",
  cell,
  row: cell ? Number(cell.replace(/\D/g, "")) : null,
  column: cell ? cell.replace(/\d/g, "") : null,
  period,
  message: code,
});

describe("findings in the pane", () => {
  const list = [f("value.required", "error", "A4"), f("value.required", "error", "A2"), f("phone.format", "warning", "G8"), f("meetings.missing", "warning", null, "2025-03"), f("meetings.missing", "info", null, "2025-01")];

  it("groups cell findings by rule, errors first, rows in order, with counts", () => {
    const groups = groupByRule(list);
    expect(groups.map((g) => [g.code, g.counts, g.findings.map((x) => x.cell)])).toEqual([
      ["value.required", { error: 2, warning: 0, info: 0 }, ["A2", "A4"]],
      ["phone.format", { error: 0, warning: 1, info: 0 }, ["G8"]],
    ]);
  });

  it("heads each group with the finding's title, Chinese unless English is chosen; unknown codes head themselves", () => {
    expect(groupByRule(list).map((g) => [g.code, g.title])).toEqual([
      ["value.required", "必填项为空"],
      ["phone.format", "电话号码无效"],
    ]);
    expect(groupByRule(list, "en").map((g) => g.title)).toEqual(["Required value missing", "Invalid phone number"]);
    expect(groupByRule([f("custom.rule", "error", "B2")], "en")[0]!.title).toBe("custom.rule");
  });

  it("lists findings without a cell by period", () => {
    expect(groupByPeriod(list).map((g) => g.period)).toEqual(["2025-01", "2025-03"]);
  });

  it("filters by severity and column, and summarises like the clerk reads it", () => {
    expect(applyFilter(list, { severity: "warning", column: "all" })).toHaveLength(2);
    expect(applyFilter(list, { severity: "all", column: "A" })).toHaveLength(2);
    expect(columnsOf(list)).toEqual(["A", "G"]);
    const c = countBySeverity(list);
    expect(strings("zh").summary(c.error, c.warning, 0)).toBe("2 处错误，2 处提醒");
    expect(strings("en").summary(3, 1, 0)).toBe("3 errors, 1 warning");
    expect(strings("zh").summary(0, 0, 0)).toBe("未发现问题");
  });

  it("marks each cell once with its worst severity", () => {
    expect(marksFor([f("a", "warning", "B2"), f("b", "error", "B2"), f("c", "info", null)], "S")).toEqual([{ cell: "B2", severity: "error" }]);
  });
});

describe("mark addresses", () => {
  it("compresses cells into rectangles", () => {
    expect(compressCells(["B3", "B4", "B5", "C3", "C4", "C5", "E9"]).map(rectAddress)).toEqual(["B3:C5", "E9"]);
  });
  it("chunks address lists under a length", () => {
    const chunks = chunkAddresses(Array.from({ length: 1000 }, (_, i) => `A${i * 2 + 1}`), 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(",").split(",")).toHaveLength(1000);
  });
});

describe("live re-check plumbing", () => {
  it("patches re-read rows into the cached grid", () => {
    const base = { name: "S", origin: { row: 1, col: 1 }, values: [["h1", "h2"], ["a", 1], ["b", 2]] };
    const rows = { name: "S", origin: { row: 3, col: 1 }, values: [["B", 20]] };
    expect(patchRows(base, rows).values).toEqual([["h1", "h2"], ["a", 1], ["B", 20]]);
  });
  it("re-checks edits to the sheet shown and marks other sheets stale, once each", () => {
    const changes = [
      { sheet: "花名册", rows: { first: 3, last: 3 } },
      { sheet: "党费", rows: { first: 2, last: 2 } },
      { sheet: "党费", rows: null },
      { sheet: "会议", rows: null },
    ];
    const { mine, stale } = routeChanges(changes, "花名册", ["会议"]);
    expect(mine).toEqual([{ sheet: "花名册", rows: { first: 3, last: 3 } }]);
    expect(stale).toEqual(["会议", "党费"]);
    expect(freshen(stale, "党费")).toEqual(["会议"]);
    expect(routeChanges([{ sheet: "花名册", rows: null }], "花名册", []).stale).toEqual([]);
  });
  it("turns onChanged events into rows", () => {
    expect(changedRows({ address: "C5:D9", changeType: "RangeEdited" }, "S", { triggerSource: false })).toEqual({ sheet: "S", rows: { first: 5, last: 9 } });
    expect(changedRows({ address: "A1", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" }, "S", { triggerSource: true })).toBeNull();
  });
});

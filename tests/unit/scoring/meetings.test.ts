import { describe, expect, it } from "vitest";
import { fromYmd } from "../../../shared/calendar/days.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { countMeetings, missingPeriods, resolveMeetingType, shortPeriods } from "../../../shared/scoring/meetings.js";

const rules = DEFAULT_RULE_SET.meetings;
const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return fromYmd(y, m, day);
};

const ledger: [string | null, string | null][] = [
  ["支委会", "2025-01-10"],
  ["支部委员会", "2025-02-12"],
  ["支部委员会会议", "2025-02-26"],
  ["2025年第4次支委会", "2025-04-08"],
  ["党员大会", "2025-03-30"],
  ["支部党员大会", "2025-07-01"],
  ["主题党日活动", "2025-01-05"],
  ["主题党日", "2025-02-05"],
  ["党课", "2025-06-30"],
  [null, "2025-05-05"],
  ["支委会", null],
  ["支委会", "2024-12-31"],
];
const types = ledger.map((r) => r[0]);
const dates = ledger.map((r) => (r[1] === null ? null : d(r[1])));

describe("resolveMeetingType", () => {
  it.each([
    ["支委会", "支部委员会"],
    ["支部委员会", "支部委员会"],
    ["党员大会", "支部党员大会"],
    ["支部党员大会", "支部党员大会"],
    ["主题党日活动", "主题党日"],
    ["2025年第4次支委会", "支部委员会"],
    [" 支 委 会 ", "支部委员会"],
    ["民主评议", "民主评议党员"],
  ])("%s → %s", (text, type) => {
    expect(resolveMeetingType(text, rules)?.type).toBe(type);
  });

  it("returns null for unknown and empty names", () => {
    expect(resolveMeetingType("篮球赛", rules)).toBeNull();
    expect(resolveMeetingType("", rules)).toBeNull();
  });
});

describe("missingPeriods", () => {
  it("lists months without a committee meeting; synonyms count as one type", () => {
    expect(missingPeriods(types, dates, "支委会", 2025, rules)).toEqual([
      "2025-03",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
  });

  it("lists quarters without a general meeting, whichever synonym is asked for", () => {
    expect(missingPeriods(types, dates, "党员大会", 2025, rules)).toEqual(["2025-Q2", "2025-Q4"]);
    expect(missingPeriods(types, dates, "支部党员大会", 2025, rules)).toEqual(["2025-Q2", "2025-Q4"]);
  });

  it("does not count periods that have not ended by the as-of date", () => {
    expect(missingPeriods(types, dates, "主题党日", 2025, rules, d("2025-04-15"))).toEqual(["2025-03"]);
    expect(missingPeriods(types, dates, "组织生活会", 2025, rules, d("2025-12-30"))).toEqual([]);
    expect(missingPeriods(types, dates, "组织生活会", 2025, rules, d("2025-12-31"))).toEqual(["2025"]);
  });

  it("is null for an unknown type", () => {
    expect(missingPeriods(types, dates, "篮球赛", 2025, rules)).toBeNull();
  });
});

describe("meeting counts", () => {
  it("counts per period of the type's frequency", () => {
    // A requirement no month meets, so every month of 2025 comes back with its count.
    const req = { ...resolveMeetingType("支委会", rules)!, min: 99 };
    const days = dates.filter((d, i): d is number => d !== null && resolveMeetingType(types[i], rules)?.type === req.type);
    const counts = new Map(shortPeriods(days, req, fromYmd(2025, 1, 1), fromYmd(2025, 12, 31)).map((s) => [s.period, s.count]));
    expect(counts.size).toBe(12);
    expect(counts.get("2025-02")).toBe(2);
    expect(counts.get("2025-01")).toBe(1);
  });

  it("counts in any named period", () => {
    expect(countMeetings(types, dates, "支委会", "2025-Q1", rules)).toBe(3);
    expect(countMeetings(types, dates, "支委会", "2025", rules)).toBe(4);
    expect(countMeetings(types, dates, "支委会", "2024", rules)).toBe(1);
    expect(countMeetings(types, dates, "主题党日", "2025-02", rules)).toBe(1);
    expect(countMeetings(types, dates, "主题党日", "2025-13", rules)).toBeNull();
  });
});

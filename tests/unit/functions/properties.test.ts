import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { dayToExcelSerial, excelSerialToDay, fromYmd } from "../../../shared/calendar/days.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { appraisalScore, gradeForScore } from "../../../shared/scoring/appraisal.js";
import { deductScore } from "../../../shared/scoring/deduct.js";
import { expectedDues } from "../../../shared/scoring/dues.js";
import { countMeetings, missingPeriods } from "../../../shared/scoring/meetings.js";
import { yuanToFen } from "../../../shared/scoring/money.js";
import { ageOn, probationEnd } from "../../../shared/scoring/probation.js";
import { weightedScore } from "../../../shared/scoring/weighted.js";
import * as DJ from "../../../addin/functions/functions.js";
import { setDjContext } from "../../../addin/functions/runtime.js";
import { makeContext } from "./fixtures.js";

/** Each =DJ.* function equals the shared calculator it wraps, on generated inputs. */
const rs = DEFAULT_RULE_SET;
beforeEach(() => setDjContext(makeContext()));
afterEach(() => setDjContext(null));

const fenAmount = fc.integer({ min: 0, max: 5_000_000 }); // 0 .. 50,000.00 yuan
const bracketCategory = fc.constantFrom("在职", "离退休", "退休", "年薪制");
const serialDate = fc.integer({ min: dayToExcelSerial(fromYmd(1930, 1, 1)), max: dayToExcelSerial(fromYmd(2060, 12, 31)) });

describe("DJ functions = shared calculators", () => {
  it("DUES and DUESRATE", () => {
    fc.assert(
      fc.property(fenAmount, bracketCategory, (fen, category) => {
        const key = category === "退休" ? "离退休" : category === "年薪制" ? "在职" : category;
        const e = expectedDues(fen, key, rs.dues);
        if (e?.kind !== "amount") throw new Error("bracket categories give amounts");
        expect(yuanToFen(DJ.dues(fen / 100, category) as number)).toBe(e.fen);
        expect(DJ.duesrate(fen / 100, category)).toBe(e.rateBasisPoints! / 10_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("APPRAISAL and GRADE", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), (a, b, c, d) => {
        fc.pre(a + b + c + d > 0);
        const votes = { excellent: a, competent: b, basic: c, incompetent: d };
        const score = appraisalScore(votes, rs.appraisal)!;
        expect(DJ.appraisal(a, b, c, d)).toBe(score);
        const share = d / (a + b + c + d);
        expect(DJ.grade(score, share)).toBe(gradeForScore(score, rs.appraisal, share));
      }),
      { numRuns: 2000 },
    );
  });

  it("SCORE", () => {
    const part = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
    fc.assert(
      fc.property(fc.array(part, { minLength: 5, maxLength: 5 }), (scores) => {
        const byKey = Object.fromEntries(rs.assessment.parts.map((p, i) => [p.key, scores[i]!]));
        const expected = weightedScore(byKey, rs.assessment);
        expect(expected.ok && DJ.score([scores])).toBe(expected.ok && expected.score);
      }),
    );
  });

  it("DEDUCT", () => {
    const keys = rs.deductions.items.map((i) => i.key);
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: keys.length, maxLength: keys.length }), (counts) => {
        const byKey = Object.fromEntries(keys.map((k, i) => [k, counts[i]!]));
        expect(DJ.deduct(counts.map((c) => [c]), keys.map((k) => [k]))).toBe(deductScore(byKey, rs.deductions.items).score);
      }),
    );
  });

  it("AGE and PROBATIONEND", () => {
    fc.assert(
      fc.property(serialDate, serialDate, fc.constantFrom(0, 6, 7, 9, 12), (a, b, ext) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        expect(DJ.age(birth, on)).toBe(ageOn(excelSerialToDay(birth), excelSerialToDay(on)));
        expect(DJ.probationend(a, ext)).toBe(dayToExcelSerial(probationEnd(excelSerialToDay(a), ext, rs.probation)!));
      }),
    );
  });

  it("MISSING and MEETINGS", () => {
    const names = ["支委会", "支部委员会", "党员大会", "支部党员大会", "主题党日活动", "党课", "组织生活会", "其他"];
    const row = fc.tuple(fc.constantFrom(...names), fc.integer({ min: dayToExcelSerial(fromYmd(2024, 12, 1)), max: dayToExcelSerial(fromYmd(2026, 1, 31)) }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom(...names.slice(0, 7)), fc.constantFrom("2025", "2025-Q2", "2025-07"), (rows, type, period) => {
        const types = rows.map((r) => r[0]);
        const days = rows.map((r) => excelSerialToDay(r[1]));
        const missing = missingPeriods(types, days, type, 2025, rs.meetings)!;
        expect(DJ.missing(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), type, 2025)).toEqual(missing.length ? missing.map((p) => [p]) : [[""]]);
        expect(DJ.meetings(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), type, period)).toBe(countMeetings(types, days, type, period, rs.meetings));
      }),
    );
  });
});

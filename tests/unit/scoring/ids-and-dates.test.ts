import { describe, expect, it } from "vitest";
import { fromYmd, toIso } from "../../../shared/calendar/days.js";
import { checkCharacter } from "../../../shared/idcard/gb11643.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { checkIdValue, normaliseIdText } from "../../../shared/scoring/idnumber.js";
import { ageOn, probationEnd } from "../../../shared/scoring/probation.js";

const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe("checkIdValue", () => {
  it("accepts the standard's example and reads birth, sex and province", () => {
    const r = checkIdValue("11010519491231002X");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(toIso(r.info.birth)).toBe("1949-12-31");
      expect(r.info.sex).toBe("女");
      expect(r.info.province).toBe("北京");
      expect(r.normalised).toBe(false);
    }
  });

  it("normalises full-width digits, a lower-case x and spaces (reported, not an error)", () => {
    expect(normaliseIdText("１１０１０５ 19491231002x")).toBe("11010519491231002X");
    const r = checkIdValue("１１０１０５19491231002x");
    expect(r).toMatchObject({ ok: true, normalised: true, id: "11010519491231002X" });
  });

  it("rejects a wrong check digit, an impossible date, an unknown province", () => {
    expect(checkIdValue("110105194912310021")).toMatchObject({ ok: false, problem: "checkDigit" });
    expect(checkIdValue(withCheck("11010519490230001"))).toMatchObject({ ok: false, problem: "birthDate" });
    expect(checkIdValue(withCheck("99010519490101001"))).toMatchObject({ ok: false, problem: "province" });
    expect(checkIdValue("12345")).toMatchObject({ ok: false, problem: "format" });
  });

  it("never trusts an ID held as a number or pasted in E notation", () => {
    expect(checkIdValue(110105194912310000)).toEqual({ ok: false, problem: "numeric" });
    expect(checkIdValue("1.10105E+17")).toEqual({ ok: false, problem: "numeric" });
  });

  it("flags a 15-digit legacy number as such", () => {
    expect(checkIdValue("110105491231002")).toEqual({ ok: false, problem: "legacy15" });
  });

  it("knows the sex from the 17th digit", () => {
    const r = checkIdValue(withCheck("44052419800101001"));
    expect(r.ok && r.info.sex).toBe("男");
  });
});

describe("probationEnd and ageOn (EDATE arithmetic)", () => {
  const p = DEFAULT_RULE_SET.probation;
  it("adds 12 months, clamped to the month's end", () => {
    expect(toIso(probationEnd(fromYmd(2024, 2, 29), 0, p)!)).toBe("2025-02-28");
    expect(toIso(probationEnd(fromYmd(2024, 6, 30), 0, p)!)).toBe("2025-06-30");
  });

  it("adds one extension of 6 to 12 months, and refuses others", () => {
    expect(toIso(probationEnd(fromYmd(2024, 8, 31), 6, p)!)).toBe("2026-02-28");
    expect(toIso(probationEnd(fromYmd(2024, 1, 15), 12, p)!)).toBe("2026-01-15");
    expect(probationEnd(fromYmd(2024, 1, 15), 5, p)).toBeNull();
    expect(probationEnd(fromYmd(2024, 1, 15), 13, p)).toBeNull();
    expect(probationEnd(fromYmd(2024, 1, 15), 6.5, p)).toBeNull();
  });

  it("counts full calendar years; 29 February birthdays count from 28 February", () => {
    expect(ageOn(fromYmd(2000, 2, 29), fromYmd(2018, 2, 27))).toBe(17);
    expect(ageOn(fromYmd(2000, 2, 29), fromYmd(2018, 2, 28))).toBe(18);
    expect(ageOn(fromYmd(2007, 6, 1), fromYmd(2025, 5, 31))).toBe(17);
    expect(ageOn(fromYmd(2007, 6, 1), fromYmd(2025, 6, 1))).toBe(18);
    expect(ageOn(fromYmd(2007, 6, 1), fromYmd(2007, 5, 31))).toBeNull();
  });
});

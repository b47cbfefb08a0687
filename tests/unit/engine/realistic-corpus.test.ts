import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook, type Finding } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import type { ExpectedFinding, RealisticLedger } from "../../fixtures/realistic/ledgers.js";

/**
 * Ledgers as clerks keep them (tests/fixtures/realistic: real xlsx written by ExcelJS, with the
 * findings each should raise written by hand beside it). Every expected finding must appear at its
 * sheet and cell, and no other error or warning may: a false finding is as wrong as a missed one.
 */
const DIR = new URL("../../fixtures/realistic/files/", import.meta.url).pathname;
const { ledgers } = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as { ledgers: Omit<RealisticLedger, "build">[] };

const key = (f: { sheet: string; cell: string | null; code: string; severity: string; period?: string | null }) =>
  `${f.sheet}!${f.cell ?? "-"} ${f.code} ${f.severity}${f.cell === null && f.period ? ` ${f.period}` : ""}`;

function check(ledger: Omit<RealisticLedger, "build">) {
  const bytes = new Uint8Array(readFileSync(join(DIR, ledger.file)));
  return checkWorkbook(readWorkbook(bytes), { asOf: ledger.asOf, fileName: ledger.file });
}

describe("the realistic ledger corpus", () => {
  it("has ledgers of every kind and looks-alike that are not ours", () => {
    expect(ledgers.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(ledgers.flatMap((l) => l.sheets.map((s) => s.kind ?? s.status)));
    for (const k of ["roster", "dues", "meetings", "development", "appraisal", "unrecognised", "skipped"]) expect(kinds, k).toContain(k);
  });

  it.each(ledgers.map((l) => [l.file, l] as const))("%s: read as a careful clerk would", (_, ledger) => {
    const report = check(ledger);
    for (const want of ledger.sheets) {
      const got = report.sheets.find((s) => s.sheet === want.sheet);
      expect(got, want.sheet).toBeDefined();
      expect(got!.status, `${want.sheet}: ${got!.reason}`).toBe(want.status);
      if (want.kind) expect(got!.kind).toBe(want.kind);
      if (want.meetingType) expect(got!.meetingType?.type).toBe(want.meetingType);
      if (want.looksLike) expect(got!.candidates[0]?.foreign, got!.reason).toBe(want.looksLike);
    }
    const judged = (f: Finding | ExpectedFinding) => f.severity === "error" || f.severity === "warning";
    const got = report.findings.filter(judged).map(key).sort();
    const want = ledger.findings.map(key).sort();
    expect(got).toEqual(want);
    for (const want of ledger.findings.filter((f) => f.related)) {
      const got = report.findings.find((f) => key(f) === key(want));
      expect(got?.related, key(want)).toMatchObject(want.related!);
    }
    for (const fact of ledger.facts ?? []) {
      const sheet = report.sheets.find((s) => s.sheet === fact.sheet)!;
      expect(sheet.facts.map((f) => `${f.cell} ${f.kind}`)).toContain(`${fact.cell} ${fact.kind}`);
    }
  });
});

import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { PLANTED_LEDGERS } from "../../fixtures/planted-ledgers.js";

describe("realistic ledgers with planted errors, as real xlsx files", () => {
  it.each(PLANTED_LEDGERS.map((l) => [l.file, l] as const))("%s: every planted finding at its cell, and no other error", async (_, ledger) => {
    const bytes = new Uint8Array(await ledger.build());
    const report = checkWorkbook(readWorkbook(bytes), { asOf: ledger.asOf });
    expect(report.sheets[0]!.kind).toBe(ledger.kind);
    for (const p of ledger.planted) {
      expect(report.findings).toContainEqual(expect.objectContaining({ code: p.code, cell: p.cell, severity: p.severity, ...(p.period ? { period: p.period } : {}) }));
    }
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);
    const plantedErrors = ledger.planted.filter((p) => p.severity === "error").map((p) => `${p.code}@${p.cell}`);
    expect(errors.sort()).toEqual(plantedErrors.sort());
  });
});

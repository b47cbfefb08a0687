import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prettyJsonPieces } from "../../../cli/json-pieces.js";

/** The CLI's --format json output is written in pieces; joined, they are JSON.stringify(value, null, 2) exactly. */
describe("JSON output in pieces", () => {
  const joined = (v: unknown, size?: number) => [...prettyJsonPieces(v, size)].join("");

  it("is JSON.stringify(value, null, 2) for any JSON value, whatever the piece size", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 200 }), (v, size) => {
        expect(joined(v, size)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it("is the same for a report-shaped object with undefined fields and empty lists, in small pieces", () => {
    const report = { sheets: [{ sheet: "花名册", status: "checked", note: undefined, matched: [] }], findings: Array.from({ length: 300 }, (_, i) => ({ code: "id.checkDigit", cell: `D${i + 2}`, expected: i % 2 ? undefined : "x" })), files: [] };
    const pieces = [...prettyJsonPieces(report, 1000)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(JSON.stringify(report, null, 2));
  });
});

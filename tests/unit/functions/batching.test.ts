import { afterEach, describe, expect, it } from "vitest";
import * as DJ from "../../../addin/functions/functions.js";
import { setDjContext } from "../../../addin/functions/runtime.js";
import { acmeRuleSet, excel, fakeWorker, makeContext } from "./fixtures.js";

afterEach(() => setDjContext(null));

describe("one Worker request per uncached rule set, however many cells name it", () => {
  it("10,000 concurrent =DJ.DUES(…, \"acme@1\") → 1 request, all answers right", async () => {
    const worker = fakeWorker([acmeRuleSet(1)]);
    setDjContext(makeContext({ baseUrl: "https://rules.test", fetch: worker.fetch }));
    const cells = Array.from({ length: 10_000 }, (_, i) => DJ.dues(1000 + i, "在职", "acme@1"));
    const values = await Promise.all(cells);
    expect(worker.requests()).toBe(1);
    values.forEach((v, i) => expect(v).toBe(DJ.dues(1000 + i, "在职") as number));
  });

  it("a mixed sheet (dues, appraisal, grade) naming two rule sets → 1 batched request", async () => {
    const worker = fakeWorker([acmeRuleSet(1), acmeRuleSet(2)]);
    setDjContext(makeContext({ baseUrl: "https://rules.test", fetch: worker.fetch }));
    const cells: unknown[] = [];
    for (let i = 0; i < 5_000; i++) {
      const name = i % 2 ? "acme@1" : "acme@2";
      cells.push(DJ.dues(3000 + i, "在职", name), DJ.appraisal(i % 7, 3, 1, 0, name), DJ.grade(i % 100, 0, name));
    }
    await Promise.all(cells);
    expect(worker.requests()).toBe(1);
    expect(worker.urls).toEqual(["https://rules.test/v1/rulesets?refs=acme@2,acme@1"]);
  });

  it("one recalculation naming 3 different rule sets (=DJ.RULESET, =DJ.DUES, =DJ.GRADE) → 1 request", async () => {
    const worker = fakeWorker([acmeRuleSet(1), acmeRuleSet(2), acmeRuleSet(3, { id: "beta" })]);
    setDjContext(makeContext({ baseUrl: "https://rules.test", fetch: worker.fetch }));
    const cells = [DJ.ruleset("acme@1"), DJ.dues(4200, "在职", "acme@2"), DJ.grade(88, 0, "beta@3"), DJ.ruleset("beta@3"), DJ.ruleset("acme@2")];
    const values = await Promise.all(cells);
    expect(worker.requests()).toBe(1);
    expect(worker.urls).toEqual(["https://rules.test/v1/rulesets?refs=acme@1,acme@2,beta@3"]);
    expect([values[0], values[3], values[4]]).toEqual(["acme@1", "beta@3", "acme@2"]);
    expect(values[1]).toBe(DJ.dues(4200, "在职") as number);
    // a second recalculation is served from the cache: synchronous, no request
    expect(DJ.ruleset("beta@3")).toBe("beta@3");
    expect(worker.requests()).toBe(1);
  });

  it("10,000 cells naming an unknown rule set → 1 request, each #VALUE! with a message", async () => {
    const worker = fakeWorker([]);
    setDjContext(makeContext({ baseUrl: "https://rules.test", fetch: worker.fetch }));
    const answers = await Promise.all(Array.from({ length: 10_000 }, () => excel(() => DJ.dues(5000, "在职", "ghost@1"))));
    expect(worker.requests()).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ error: "invalidValue", message: "未知规则集 ghost@1 / unknown rule set ghost@1" })]),
    );
  });
});

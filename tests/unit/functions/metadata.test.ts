import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFunctions, type FunctionsBuild } from "../../../addin/functions/build.js";
import { DJ_FUNCTIONS } from "../../../addin/functions/register.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";

interface ParamMeta {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}

/** [name, type, dimensionality, optional] per parameter, and the result, as Excel must see them. */
const EXPECTED: Record<string, { params: [string, string, "scalar" | "matrix", boolean][]; result: [string | undefined, "scalar" | "matrix"] }> = {
  DUES: { params: [["income", "any", "scalar", false], ["category", "string", "scalar", true], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  DUESRATE: { params: [["income", "any", "scalar", false], ["category", "string", "scalar", true], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  IDCHECK: { params: [["id", "any", "scalar", false], ["rule_set", "string", "scalar", true]], result: ["boolean", "scalar"] },
  IDINFO: { params: [["id", "any", "scalar", false], ["rule_set", "string", "scalar", true]], result: [undefined, "matrix"] },
  AGE: { params: [["birth_or_id", "any", "scalar", false], ["on", "any", "scalar", true], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  PROBATIONEND: { params: [["admission", "any", "scalar", false], ["extension_months", "any", "scalar", true], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  APPRAISAL: {
    params: [["excellent", "any", "scalar", false], ["competent", "any", "scalar", false], ["basic", "any", "scalar", false], ["incompetent", "any", "scalar", false], ["rule_set", "string", "scalar", true]],
    result: ["number", "scalar"],
  },
  GRADE: { params: [["score", "any", "scalar", false], ["incompetent_share", "any", "scalar", true], ["rule_set", "string", "scalar", true]], result: ["string", "scalar"] },
  SCORE: { params: [["part_scores", "any", "matrix", false], ["scheme", "any", "matrix", true], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  DEDUCT: { params: [["counts", "any", "matrix", false], ["items", "any", "matrix", false], ["rule_set", "string", "scalar", true]], result: ["number", "scalar"] },
  MISSING: {
    params: [["types", "any", "matrix", false], ["dates", "any", "matrix", false], ["type", "string", "scalar", false], ["year", "any", "scalar", false], ["as_of", "any", "scalar", true], ["rule_set", "string", "scalar", true]],
    result: ["string", "matrix"],
  },
  MEETINGS: {
    params: [["types", "any", "matrix", false], ["dates", "any", "matrix", false], ["type", "string", "scalar", false], ["period", "any", "scalar", false], ["rule_set", "string", "scalar", true]],
    result: ["number", "scalar"],
  },
  RULESET: { params: [["rule_set", "string", "scalar", true]], result: ["string", "scalar"] },
};

let out: string;
let built: FunctionsBuild;
let functions: FunctionMeta[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "dj-functions-"));
  built = await buildFunctions(out);
  functions = (JSON.parse(await readFile(built.metadataPath, "utf8")) as { functions: FunctionMeta[] }).functions;
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe("generated functions.json", () => {
  it("holds every function, and nothing else", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(DJ_FUNCTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))("%s: parameter names, types, optional flags and result", (id) => {
    const f = functions.find((x) => x.id === id)!;
    const spec = EXPECTED[id]!;
    expect(f.name).toBe(id);
    expect(f.id).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
    expect(f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual(spec.params);
    expect([f.result.type, f.result.dimensionality ?? "scalar"]).toEqual(spec.result);
    // bilingual help: Chinese and English in the function and every parameter
    for (const text of [f.description, ...f.parameters.map((p) => p.description ?? "")]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toMatch(/[A-Za-z]{3,}/);
    }
    // optional parameters only after required ones, and the rule set always last and optional
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    expect(f.parameters.at(-1)).toMatchObject({ name: "rule_set", optional: true });
  });
});

describe("bundle for the shared runtime", () => {
  it("associates every id with its implementation and computes inside a bare JS context", async () => {
    const code = await readFile(built.bundlePath, "utf8");
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class CfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
        Error: CfError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
      },
    };
    sandbox.globalThis = sandbox;
    runInNewContext(code, sandbox);
    expect([...associated.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(associated.get("DUES")!(5100, null, null)).toBe(76.5);
    expect(associated.get("APPRAISAL")!(1, 2, 0, 0, null)).toBe(86.67);
    let thrown: unknown;
    try {
      associated.get("DUES")!(5100, null, "nobody@9");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CfError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("未知规则集 nobody@9") });
    // zod (without its locale index) still validates a fetched rule set inside the bundle
    const api = sandbox.partyLedgerFunctions as { configure: (s: object) => void; cachedRuleSets: () => string[] };
    const body = { meta: { version: 4 }, ruleSet: { ...DEFAULT_RULE_SET, id: "acme", version: 4 } };
    let requests = 0;
    const fakeFetch = async () => {
      requests++;
      return { status: 200, ok: true, json: async () => JSON.parse(JSON.stringify(body)) as unknown };
    };
    api.configure({ baseUrl: "https://rules.test", fetch: fakeFetch });
    const answers = await Promise.all([1, 2, 3].map(() => associated.get("DUES")!(5100, "在职", "acme@4")));
    expect(answers).toEqual([76.5, 76.5, 76.5]);
    expect(requests).toBe(1);
    expect(api.cachedRuleSets()).toEqual(["acme@4", "default@1"]);
    const broken = { ruleSet: { ...DEFAULT_RULE_SET, id: "bad", version: 1, appraisal: { ...DEFAULT_RULE_SET.appraisal, vetoCeilingGrade: "甲" } } };
    api.configure({ fetch: async () => ({ status: 200, ok: true, json: async () => broken }) });
    await expect(Promise.resolve(associated.get("DUES")!(5100, "在职", "bad@1"))).rejects.toMatchObject({ code: "#VALUE!", message: expect.stringContaining("等次「甲」不在分数线中") });
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../../shared/findings/messages.js";
import { FINDING_TITLES } from "../../../shared/findings/titles.js";
import { RULES as REGISTRY } from "../../../shared/rules/registry.js";

const RULE_NAMES = Object.keys(REGISTRY);

const RULES = new URL("../../../shared/", import.meta.url).pathname;

/** Every finding code the engine can emit, read from its sources (quoted "x.y" first arguments). */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts")) {
        const text = readFileSync(path, "utf8");
        // Codes are the "family.name" string literals; module paths end in .js and rule names sit in the registry.
        for (const m of text.matchAll(/"([a-z]+\.[A-Za-z]+)"/g)) if (!m[1]!.endsWith(".js")) codes.add(m[1]!);
      }
    }
  };
  walk(join(RULES, "rules"));
  for (const ruleName of RULE_NAMES) codes.delete(ruleName);
  walk(join(RULES, "normalise"));
  // Built from the ID validator's problem names: `id.${problem}`.
  for (const problem of ["format", "checkDigit", "birthDate", "province"]) codes.add(`id.${problem}`);
  return codes;
}

describe("the findings catalogue", () => {
  it("has a message and a title, in both languages, for every code the engine emits", () => {
    const codes = emittedCodes();
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) {
      expect(MESSAGES[code], code).toBeDefined();
      expect(FINDING_TITLES[code], code).toBeDefined();
    }
  });
  it("names no title without a message", () => {
    for (const code of Object.keys(FINDING_TITLES)) expect(MESSAGES[code], code).toBeDefined();
  });
});

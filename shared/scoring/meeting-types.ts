import { headerKey } from "../normalise/text.js";
import type { RuleSet } from "../ruleset/schema.js";

type Requirement = RuleSet["meetings"]["requirements"][number];

/**
 * Meeting names clerks write → the rule set's meeting type. Synonyms are one type
 * (支委会 = 支部委员会); a name that contains a type's name counts as it
 * ("2025年第一季度支部党员大会" is a 支部党员大会).
 */
export class MeetingTypes {
  private readonly exact = new Map<string, Requirement>();
  private readonly byLength: { key: string; req: Requirement }[] = [];

  constructor(readonly requirements: Requirement[]) {
    for (const req of requirements) {
      for (const name of [req.type, ...req.synonyms]) {
        const key = headerKey(name);
        this.exact.set(key, req);
        this.byLength.push({ key, req });
      }
    }
    // Longest names first, so 支部委员会 is not read as a shorter name it contains.
    this.byLength.sort((a, b) => b.key.length - a.key.length);
  }

  resolve(text: string | null): Requirement | null {
    if (text === null) return null;
    const key = headerKey(text);
    const hit = this.exact.get(key);
    if (hit) return hit;
    for (const { key: name, req } of this.byLength) if (key.includes(name)) return req;
    return null;
  }

  /** Every type the text names, longest names first, each name taken once ("支委会、党小组会记录": two). */
  resolveAll(text: string): Requirement[] {
    let key = headerKey(text);
    const out: Requirement[] = [];
    for (const { key: name, req } of this.byLength) {
      if (!key.includes(name)) continue;
      key = key.split(name).join("|");
      if (!out.includes(req)) out.push(req);
    }
    return out;
  }
}

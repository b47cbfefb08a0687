/**
 * How a cell names a rule set: "default", "default@2", an organisation's "acme-dues@3".
 * No version means "the newest one this runtime knows" (see RuleSetCache.latest).
 */
export interface RuleSetRef {
  id: string;
  version: number | null;
}

const REF = /^([a-z0-9][a-z0-9-]*)(?:@([1-9]\d{0,8}))?$/;

/** Parse a rule-set name; null when it cannot be one (empty names mean the default, decided by callers). */
export function parseRuleSetRef(text: string): RuleSetRef | null {
  const m = REF.exec(text.trim().toLowerCase());
  if (!m) return null;
  return { id: m[1]!, version: m[2] === undefined ? null : Number(m[2]) };
}

export function formatRuleSetRef(ref: RuleSetRef): string {
  return ref.version === null ? ref.id : `${ref.id}@${ref.version}`;
}

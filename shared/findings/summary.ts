import type { Finding, Lang, Severity } from "./types.js";

/** How many findings of each severity: what every host's summary line says. */
export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A count or amount with thousands separators, as clerks read figures: 12345 → "12,345", "1200.50" → "1,200.50". */
export function groupDigits(n: number | string): string {
  const text = String(n);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+$)/g, ",")}${m[3] ?? ""}`;
}

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "提醒", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** The word for a severity, as every host shows it. */
export function severityLabel(s: Severity, lang: Lang): string {
  return SEVERITY[lang][s];
}

/** "3 处错误，2 处提醒" / "3 errors, 2 warnings"; zero counts are left out, all zero gives "". */
export function formatCounts(c: SeverityCounts, lang: Lang): string {
  const n = groupDigits;
  const parts =
    lang === "zh"
      ? [c.error && `${n(c.error)} 处错误`, c.warning && `${n(c.warning)} 处提醒`, c.info && `${n(c.info)} 条提示`]
      : [
          c.error && `${n(c.error)} error${c.error === 1 ? "" : "s"}`,
          c.warning && `${n(c.warning)} warning${c.warning === 1 ? "" : "s"}`,
          c.info && `${n(c.info)} note${c.info === 1 ? "" : "s"}`,
        ];
  return parts.filter(Boolean).join(lang === "zh" ? "，" : ", ");
}

const KIND_LABELS: Record<Lang, Record<string, string>> = {
  zh: {
    roster: "党员花名册",
    dues: "党费台账",
    meetings: "三会一课",
    development: "发展党员",
    appraisal: "民主评议",
    assessment: "干部考核测评",
    committee: "支部委员会",
    "organisation-assessment": "党组织书记考核",
    "cadre-grades": "干部年度考核等次",
    form: "本单位表格",
  },
  en: {
    roster: "member roster",
    dues: "dues ledger",
    meetings: "meetings (三会一课)",
    development: "member development",
    appraisal: "democratic appraisal",
    assessment: "cadre assessment",
    committee: "branch committee",
    "organisation-assessment": "branch / secretary assessment",
    "cadre-grades": "cadre yearly grades",
    form: "own form",
  },
};

/** A ledger kind's name for people ("roster" → 党员花名册). */
export function kindLabel(kind: string, lang: Lang): string {
  return KIND_LABELS[lang][kind] ?? kind;
}

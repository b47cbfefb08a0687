import type { Lang } from "../shared/findings/types.js";
import { cliText } from "./messages.js";

/** Thrown for a bad command line: the message is shown as is and the exit code is 2. */
export class UsageError extends Error {}

export interface RawCheckOptions {
  asOf?: string;
  format?: string;
  lang?: string;
  annotate?: string;
  annotateInInputFolder?: boolean;
  template?: string;
  rules?: string;
  book?: boolean;
  mapping?: string;
}

export interface CheckCliOptions {
  asOf?: string;
  format: "text" | "json";
  lang: Lang;
  annotateDir?: string;
  /** The user asked for copies in a folder that holds the inputs (they still never replace anything). */
  annotateInInputFolder?: boolean;
  template?: { id: string; version?: number };
  rulesFile?: string;
  /** Check the files as one branch's book: each file, then the ledgers against each other. */
  book?: boolean;
  mappingFile?: string;
}

export function parseLang(v: string | undefined): Lang {
  if (v === undefined || v === "zh" || v === "zh-CN") return "zh";
  if (v === "en") return "en";
  throw new UsageError(cliText("zh").badLang(v));
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** "meetings" or "meetings@2". */
export function parseTemplateOption(v: string, lang: Lang): { id: string; version?: number } {
  const m = /^([a-z0-9][a-z0-9-]*)(?:@(\d+))?$/.exec(v.trim());
  if (!m) throw new UsageError(cliText(lang).badTemplate(v));
  return m[2] ? { id: m[1]!, version: Number(m[2]) } : { id: m[1]! };
}

export function parseCheckOptions(raw: RawCheckOptions): CheckCliOptions {
  const lang = parseLang(raw.lang);
  const t = cliText(lang);
  const format = raw.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(t.badFormat(format));
  if (raw.asOf !== undefined && !isRealDate(raw.asOf)) throw new UsageError(t.badAsOf(raw.asOf));
  const out: CheckCliOptions = { format, lang };
  if (raw.asOf) out.asOf = raw.asOf;
  if (raw.annotate) out.annotateDir = raw.annotate;
  if (raw.annotateInInputFolder) out.annotateInInputFolder = true;
  if (raw.template) out.template = parseTemplateOption(raw.template, lang);
  if (raw.rules) out.rulesFile = raw.rules;
  if (raw.book) out.book = true;
  if (raw.mapping) out.mappingFile = raw.mapping;
  return out;
}

import type { CheckReport } from "../shared/findings/types.js";
import type { GridSource } from "../shared/grid/types.js";

/** What checking one file came to: a report, or the reason it could not be read. */
export type FileOutcome =
  | { file: string; ok: true; report: CheckReport; source?: GridSource }
  | { file: string; ok: false; code: string; messageZh: string; messageEn: string };

export function reasonIn(o: Extract<FileOutcome, { ok: false }>, lang: "zh" | "en"): string {
  return lang === "en" ? o.messageEn : o.messageZh;
}

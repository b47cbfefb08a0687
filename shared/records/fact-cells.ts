import { readDateText, type ReadDate } from "../normalise/dates.js";
import { toHalfWidth } from "../normalise/text.js";
import { readNotes } from "../notes/read-notes.js";

/**
 * Cells of a community roster that hold several facts, as clerks type a person's line:
 * - 基本情况 `男，汉族，1988年3月生，大学本科`: sex, ethnicity, birth (to the month) and education;
 * - 入党及转正 `2015.6.12入党；2016.6.12转正`, `2025.5.8入党（预备党员）`, `…转正（延长预备期6个月）`:
 *   the day of admission, the day of full membership, and an extension written beside them.
 * A cell read only in part is not read at all: its fields stay empty and are checked as before.
 */
export interface BasicFacts {
  sex?: string;
  ethnicity?: string;
  birth?: ReadDate;
  education?: string;
}

const PARTS = /[，,、；;]\s*/;
const SEX = /^(男|女)(?:性)?$/;
const ETHNICITY = /^[\u4e00-\u9fa5]{1,6}族$/;
const BIRTH = /^(.+?)\s*(?:生|出生)$/;
const EDUCATION = /^(?:研究生|博士研究生|硕士研究生|博士|硕士|大学本科|本科|大学专科|大专|专科|中专|中技|技校|职高|高中|初中|小学)(?:学历|毕业)?$/;

export function readBasicFacts(raw: string): BasicFacts | null {
  const parts = toHalfWidth(raw).trim().split(PARTS).filter((p) => p !== "");
  if (parts.length < 2) return null;
  const out: BasicFacts = {};
  for (const part of parts) {
    const birth = BIRTH.exec(part);
    if (SEX.test(part) && out.sex === undefined) out.sex = SEX.exec(part)![1]!;
    else if (ETHNICITY.test(part) && out.ethnicity === undefined) out.ethnicity = part;
    else if (EDUCATION.test(part) && out.education === undefined) out.education = part;
    else if (birth && out.birth === undefined && readDateText(birth[1]!)) out.birth = readDateText(birth[1]!)!;
    else return null;
  }
  return out;
}

export interface JoinFacts {
  join: ReadDate;
  full: ReadDate | null;
  /** 延长预备期6个月 written in the cell. */
  extensionMonths: number | null;
}

const JOIN_FULL = /^(.+?)\s*(?:入党|接收为预备党员)\s*(?:[；;，,]\s*(.+?)\s*(?:转正|转为正式党员))?\s*(?:[(（]([^()（）]*)[)）])?\s*[。.]?$/;

export function readJoinFacts(raw: string): JoinFacts | null {
  const m = JOIN_FULL.exec(toHalfWidth(raw).trim());
  if (!m) return null;
  const join = readDateText(m[1]!);
  const full = m[2] === undefined ? null : readDateText(m[2]);
  if (!join || (m[2] !== undefined && !full)) return null;
  const aside = m[3] ?? "";
  // （预备党员）: not yet full, said so; （延长预备期6个月）: the extension. Anything else is not understood.
  const extension = aside === "" ? null : (readNotes(aside).find((f) => f.kind === "extension")?.months ?? null);
  if (aside !== "" && extension === null && !/^预备(?:党员|期)?(?:中|内)?$/.test(aside)) return null;
  return { join, full, extensionMonths: extension };
}

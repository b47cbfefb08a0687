import { fromYmd, isValidYmd, type DayNumber } from "../calendar/days.js";
import { provinceName } from "./provinces.js";

/** ISO 7064 MOD 11-2 as GB 11643-1999 uses it: weights 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdProblem =
  | "format" // not 18 characters of digits (+ a final X)
  | "checkDigit"
  | "birthDate" // not a real date, in the future, or before 1900
  | "province"; // first two digits name no province

export interface IdInfo {
  birth: DayNumber;
  sex: "男" | "女";
  provinceCode: string;
  province: string | null;
}

export type IdResult = { ok: true; info: IdInfo } | { ok: false; problem: IdProblem; info?: IdInfo };

/** Validate an already-normalised 18-character ID (upper-case X, half-width digits). */
export function validateIdNumber(id: string, today?: DayNumber): IdResult {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: "format" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isValidYmd(y, m, d) || y < 1900) return { ok: false, problem: "birthDate" };
  const birth = fromYmd(y, m, d);
  if (today !== undefined && birth > today) return { ok: false, problem: "birthDate" };
  const info: IdInfo = {
    birth,
    sex: Number(id[16]) % 2 === 1 ? "男" : "女",
    provinceCode: id.slice(0, 2),
    province: provinceName(id.slice(0, 2)),
  };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: "checkDigit", info };
  if (info.province === null) return { ok: false, problem: "province", info };
  return { ok: true, info };
}

/**
 * Money in integer fen (0.01 yuan): never binary floating point for amounts.
 * Yuan text like "76.5" or 76.5 becomes 7650 exactly, by decimal string handling.
 */
export type Fen = number;

/** Yuan (number or decimal text) → fen, rounding half-up beyond the second decimal; null if not a number. */
export function yuanToFen(yuan: number | string): Fen | null {
  if (typeof yuan === "number" && Math.abs(yuan) < 1e13) {
    // Fast path: a number with at most two decimals is exactly f/100 for the integer f.
    const fen = Math.round(yuan * 100);
    if (fen / 100 === yuan) return fen === 0 ? 0 : fen;
  }
  const text = typeof yuan === "number" ? numberToPlainString(yuan) : yuan.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const whole = m[2] === "" ? 0 : Number(m[2]);
  const frac = (m[3] ?? "").padEnd(3, "0");
  let fen = whole * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) fen += 1;
  return sign * fen;
}

/** 7650 → "76.50" */
export function fenToYuanText(fen: Fen): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** A JS number as plain decimal text (no exponent), shortest round-trip digits. */
function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return "NaN";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** Percent with up to two decimals (1.5) → basis points (150), exactly. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

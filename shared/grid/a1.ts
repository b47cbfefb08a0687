/** A1 addresses as the user sees them: 0-based (row, col) → "C7". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "C7" → { row: 6, col: 2 }; "$C$7" accepted; returns null for anything else. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A2:C10" (or a single cell) → a 0-based inclusive range. */
export function parseRange(ref: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? "");
  if (!a || !b) return null;
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

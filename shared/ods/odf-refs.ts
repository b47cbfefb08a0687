/**
 * OpenDocument's cell addresses and list conditions, turned into the formula text an
 * .xlsx carries (`'Sheet 2'!$A$1:$A$9`, `"a,b,c"`), so one resolver serves every format.
 */

/** "$Sheet2.$A$1", "'My sheet'.A1", ".D4" → [sheet or null, "A1"]. */
function splitOdfCell(ref: string): [string | null, string] | null {
  const m = /^\$?(?:'((?:[^']|'')*)'|([^.'[\]]*))\.(\$?[A-Za-z]{1,3}\$?\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] || null;
  return [sheet, m[3]!];
}

/** An ODF range address ("$Sheet2.$A$1:.$A$9", ".D4:.D100") as formula text; null when it is not one. */
export function odfRangeFormula(address: string): string | null {
  const text = address.trim().replace(/^\[|\]$/g, "");
  const [from = "", to] = text.split(/:(?=(?:[^']*'[^']*')*[^']*$)/);
  const a = splitOdfCell(from);
  if (!a) return null;
  const b = to === undefined ? null : splitOdfCell(to);
  if (to !== undefined && !b) return null;
  const cells = b ? `${a[1]}:${b[1]}` : a[1];
  return a[0] === null ? cells : `'${a[0].replace(/'/g, "''")}'!${cells}`;
}

/** Splits `"a";"b"` on the semicolons between quoted strings. */
function quotedValues(args: string): string[] | null {
  const out: string[] = [];
  const re = /\s*"((?:[^"]|"")*)"\s*(;|$)/y;
  let at = 0;
  while (at < args.length) {
    re.lastIndex = at;
    const m = re.exec(args);
    if (!m) return null;
    out.push(m[1]!.replace(/""/g, '"'));
    at = re.lastIndex;
    if (m[2] === "") break;
  }
  return out;
}

/**
 * `of:cell-content-is-in-list("优秀";"合格")`, `…([$Sheet2.$A$1:.$A$9])` or `…(名单)` → the
 * list's formula text; null for any other condition (a number range, a custom formula).
 */
export function odfListFormula(condition: string): string | null {
  const m = /^(?:[\w-]+:)?cell-content-is-in-list\(([\s\S]*)\)\s*$/.exec(condition.trim());
  if (!m) return null;
  const args = m[1]!.trim();
  if (args.startsWith('"')) {
    const values = quotedValues(args);
    return values ? `"${values.join(",").replace(/"/g, '""')}"` : null;
  }
  if (args.startsWith("[")) return odfRangeFormula(args);
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(args) ? args : null;
}

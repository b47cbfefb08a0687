/**
 * A cell's `<v>` number from its bytes. Plain decimals (`76.5`, `-12`, `4900`) are built from
 * their digits: an integer below 2^53 divided by a power of ten is one correctly rounded
 * operation on exact operands, so it is the same double `parseFloat` gives. Anything else
 * (exponents, very long digit strings) goes through `parseFloat`.
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

export function cellNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (b[i] === 0x2d) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digitCount = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digitCount++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0) fraction = 0;
    else return slow(b, start, end);
  }
  if (digitCount === 0 || digitCount > 15 || fraction > 22) return slow(b, start, end);
  const v = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  return negative ? -v : v;
}

function slow(b: Uint8Array, start: number, end: number): number {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return Number.parseFloat(s);
}

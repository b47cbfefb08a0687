/**
 * `JSON.stringify(value, null, 2)`, byte for byte, in pieces: the top level's arrays are written an
 * element at a time, so a report of a hundred thousand findings is never one string of tens of
 * megabytes (and a second one with the newline added) before it reaches stdout.
 */
export function* prettyJsonPieces(value: unknown, pieceChars = 64 * 1024): Generator<string> {
  let buf = "";
  const emit = function* (s: string) {
    buf += s;
    if (buf.length >= pieceChars) {
      yield buf;
      buf = "";
    }
  };
  const nested = (v: unknown, pad: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);
  if (!isPlainObject(value)) {
    yield JSON.stringify(value, null, 2);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield* emit("{\n");
  for (const [i, [k, v]] of entries.entries()) {
    yield* emit(`  ${JSON.stringify(k)}: `);
    if (Array.isArray(v) && v.length > 0) {
      yield* emit("[\n");
      for (let j = 0; j < v.length; j++) yield* emit(`    ${nested(v[j] === undefined ? null : v[j], "    ")}${j < v.length - 1 ? "," : ""}\n`);
      yield* emit("  ]");
    } else yield* emit(nested(v, "  "));
    yield* emit(i < entries.length - 1 ? ",\n" : "\n");
  }
  yield* emit("}");
  if (buf) yield buf;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

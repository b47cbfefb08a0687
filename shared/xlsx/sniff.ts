/** What the first bytes say a file is, before any parser touches it. */
export type ContainerKind = "zip" | "ole2" | "other";

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(bytes: Uint8Array): ContainerKind {
  // "PK" followed by a local header (03 04), an empty archive (05 06) or a spanned marker (07 08).
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const b2 = bytes[2];
    if (b2 === 0x03 || b2 === 0x05 || b2 === 0x07) return "zip";
  }
  if (bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b)) return "ole2";
  return "other";
}

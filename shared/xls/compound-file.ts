import { readErrors } from "../xlsx/errors.js";
import { u16, u32 } from "./biff-bytes.js";

/**
 * A guarded reader of the OLE2 Compound File ([MS-CFB]) that holds .xls and .et workbooks.
 * Every number the header and the directory claim (sector counts, chain links, stream
 * sizes) is checked against the file's real length before anything is allocated, chains
 * are followed with a visited set (a loop is refused, not followed forever), and only the
 * streams asked for are copied out. SheetJS never parses the container itself.
 */
export interface CompoundFile {
  /** Stream names (the last path element), as stored. */
  streamNames: string[];
  /** A stream's bytes by name (case-insensitive), or null when absent. */
  stream(name: string): Uint8Array | null;
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIR_ENTRY = 128;
const MINI_SECTOR = 64;

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}


const damaged = (what: string) => readErrors.corrupt(`compound file: ${what}`);

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw readErrors.truncated();
  const major = u16(bytes, 26);
  const shift = u16(bytes, 30);
  if (u16(bytes, 28) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw damaged("bad header");
  const sectorSize = 1 << shift;
  if (u16(bytes, 32) !== 6 || u32(bytes, 56) !== 4096) throw damaged("bad mini stream settings");
  // Sectors that exist in the file; a partial last sector still counts (writers pad, truncation does not).
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const fatSectors = u32(bytes, 44);
  const difatSectors = u32(bytes, 72);
  if (fatSectors > sectorCount || difatSectors > sectorCount) throw readErrors.truncated();

  const sectorAt = (n: number): number => {
    if (n > MAXREGSECT || n >= sectorCount) throw readErrors.truncated();
    return (n + 1) * sectorSize;
  };

  // The FAT's own sectors: 109 in the header, then a chain of DIFAT sectors.
  const fatLocations: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatLocations.length < fatSectors; i++) fatLocations.push(u32(bytes, 76 + i * 4));
  let difat = u32(bytes, 68);
  const perDifat = sectorSize / 4 - 1;
  for (let seen = 0; fatLocations.length < fatSectors; seen++) {
    if (seen >= difatSectors || difat === ENDOFCHAIN || difat === FREESECT) throw damaged("DIFAT shorter than the FAT it describes");
    const at = sectorAt(difat);
    for (let i = 0; i < perDifat && fatLocations.length < fatSectors; i++) fatLocations.push(u32(bytes, at + i * 4));
    difat = u32(bytes, at + perDifat * 4);
  }

  const perFat = sectorSize / 4;
  const fat = new Uint32Array(fatSectors * perFat);
  fatLocations.forEach((loc, i) => {
    const at = sectorAt(loc);
    for (let j = 0; j < perFat; j++) fat[i * perFat + j] = u32(bytes, at + j * 4);
  });

  /** The sector numbers of a chain, refusing loops and links outside the file. */
  const chain = (start: number, table: Uint32Array, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== ENDOFCHAIN; s = table[s]!) {
      if (s >= limit) throw readErrors.truncated(); // a link past the file's end: cut off
      if (s >= table.length) throw damaged(`${what} runs outside its table`);
      if (seen.has(s)) throw damaged(`${what} loops`);
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const dirChain = chain(u32(bytes, 48), fat, sectorCount, "directory");
  const entries: DirEntry[] = [];
  for (const s of dirChain) {
    const at = sectorAt(s);
    for (let off = 0; off < sectorSize; off += DIR_ENTRY) {
      const p = at + off;
      const type = bytes[p + 66]!;
      if (type === 0) continue;
      const nameBytes = Math.min(u16(bytes, p + 64), 64);
      let name = "";
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(u16(bytes, p + i));
      // Version 3 files keep only the low 32 bits of a size; the high word may hold junk.
      const size = major === 3 ? u32(bytes, p + 120) : u32(bytes, p + 120) + u32(bytes, p + 124) * 2 ** 32;
      entries.push({ name, type, start: u32(bytes, p + 116), size });
    }
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw damaged("no root entry");
  // A stream cannot hold more than the file does: a claim of gigabytes is refused here. Writers
  // fill whole sectors, so a file that ends mid-sector was cut off rather than lying.
  const wholeSectors = (bytes.length - sectorSize) % sectorSize === 0;
  for (const e of entries) {
    if ((e.type === 2 || e.type === 5) && e.size > bytes.length) {
      throw wholeSectors ? damaged(`stream "${e.name}" claims ${e.size} bytes in a file of ${bytes.length}`) : readErrors.truncated();
    }
  }

  const readRegular = (start: number, size: number, what: string): Uint8Array => {
    const sectors = chain(start, fat, sectorCount, what);
    if (sectors.length * sectorSize < size) throw readErrors.truncated();
    const out = new Uint8Array(size);
    for (let i = 0, done = 0; done < size; i++) {
      const at = sectorAt(sectors[i]!);
      const n = Math.min(sectorSize, size - done);
      if (at + n > bytes.length) throw readErrors.truncated();
      out.set(bytes.subarray(at, at + n), done);
      done += n;
    }
    return out;
  };

  let mini: { fat: Uint32Array; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatSectors = u32(bytes, 64);
    if (miniFatSectors > sectorCount) throw readErrors.truncated();
    const fatBytes = miniFatSectors > 0 ? readRegular(u32(bytes, 60), miniFatSectors * sectorSize, "mini FAT") : new Uint8Array(0);
    const table = new Uint32Array(fatBytes.length / 4);
    for (let i = 0; i < table.length; i++) table[i] = u32(fatBytes, i * 4);
    mini = { fat: table, data: root.size > 0 ? readRegular(root.start, root.size, "mini stream") : new Uint8Array(0) };
    return mini;
  };

  const readStream = (e: DirEntry): Uint8Array => {
    if (e.size >= 4096) return readRegular(e.start, e.size, `stream "${e.name}"`);
    const m = miniStream();
    const sectors = chain(e.start, m.fat, Math.ceil(m.data.length / MINI_SECTOR), `stream "${e.name}"`);
    if (sectors.length * MINI_SECTOR < e.size) throw readErrors.truncated();
    const out = new Uint8Array(e.size);
    sectors.forEach((s, i) => {
      const from = s * MINI_SECTOR;
      const n = Math.min(MINI_SECTOR, e.size - i * MINI_SECTOR);
      if (n > 0) out.set(m.data.subarray(from, from + n), i * MINI_SECTOR);
    });
    return out;
  };

  const streams = entries.filter((e) => e.type === 2);
  return {
    streamNames: streams.map((e) => e.name),
    stream(name) {
      const want = name.toLowerCase();
      const e = streams.find((x) => x.name.toLowerCase() === want);
      return e ? readStream(e) : null;
    },
  };
}

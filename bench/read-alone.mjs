// The peer of the CLI benchmark: read the same file with the same xlsx library, nothing else.
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";

const wb = XLSX.read(readFileSync(process.argv[2]), { type: "buffer", dense: true });
const ws = wb.Sheets[wb.SheetNames[0]];
const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null });
process.stdout.write(`${rows.length}\n`);

import { cpus, totalmem } from "node:os";
import { benchEngine, benchEngineAtSize } from "./engine.js";
import { benchCli } from "./cli.js";
import { benchFormats } from "./formats.js";
import { benchFunctions } from "./functions.js";
import { benchPane } from "./pane.js";
import { benchBook } from "./book.js";
import { benchForms } from "./forms.js";
import { benchMemory } from "./memory.js";

/**
 * `npm run bench`: every figure beside a named peer measured in the same run. Other
 * parts (custom functions, task pane) register themselves in `parts` below.
 */
const parts: { name: string; run: () => Promise<string[]> }[] = [
  { name: "engine", run: benchEngine },
  { name: "book", run: benchBook },
  { name: "engine-size", run: async () => benchEngineAtSize() },
  { name: "cli", run: benchCli },
  { name: "formats", run: benchFormats },
  { name: "functions", run: async () => (await benchFunctions()).lines },
  { name: "pane", run: benchPane },
  { name: "forms", run: benchForms },
  { name: "memory", run: benchMemory },
];

const only = process.argv.slice(2);
console.log(`party-ledger bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const part of parts) {
  if (only.length > 0 && !only.includes(part.name)) continue;
  for (const line of await part.run()) console.log(line);
}

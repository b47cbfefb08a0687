/**
 * Writes the sixth blind corpus (tests/fixtures/blind6/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind6/files/, and expected.json beside them (same bytes every run).
 * `npm run blind6:make`.
 */
import { blind6Corpus, blind6Expected } from "../tests/fixtures/blind6/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind6", blind6Corpus(), blind6Expected);

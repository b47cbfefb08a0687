/** The engine as the pane loads it (see index.ts): one lazy chunk. */
export { BUILTIN_TEMPLATES, checkSheet, checkSheetInBook } from "../../shared/index.js";

/** The engine as the pane loads it (see index.ts): one lazy chunk. */
export { BUILTIN_TEMPLATES, checkSheet, checkSheetInBook } from "../../shared/index.js";
export { proposeMapping, mappingFromAnswers, guessValue } from "../../shared/mapping/propose.js";
export { mergeMappings } from "../../shared/template/mapping.js";
export { inferTemplate } from "../../shared/template/infer/infer-template.js";
export { redHeaderCells } from "../../shared/template/infer/red-headers.js";
export { Template } from "../../shared/template/schema.js";

/** The engine's public face: what the task pane, the custom functions, the Worker and the CLI import. */
export type { CellValue, CellError, CellRange, ListValidation, SheetGrid, WorkbookGrid } from "./grid/types.js";
export { isCellError } from "./grid/types.js";
export { a1, columnLetters, parseA1, parseRange } from "./grid/a1.js";
export type { Finding, SheetReport, SheetStatus, SkipReason, KindCandidate, CheckReport, Severity, Lang } from "./findings/types.js";
export { renderMessage } from "./findings/render.js";
export { findingTitle, FINDING_TITLES } from "./findings/titles.js";
export { Template, Field, Constraints, RuleRef, LedgerKind, FieldType } from "./template/schema.js";
export type { TemplateParsed, FieldParsed } from "./template/schema.js";
export { BUILTIN_TEMPLATES } from "./template/builtin/index.js";
export { RuleSet } from "./ruleset/schema.js";
export { DEFAULT_RULE_SET } from "./ruleset/default.js";
export type { CheckOptions } from "./check/options.js";
export { checkSheet, CheckOptionError } from "./check/check-sheet.js";
export { checkWorkbook } from "./check/check-workbook.js";
export { checkBook, type BookPart } from "./book/check-book.js";
export { checkSheetInBook, type ComparedLedger } from "./book/sheet-in-book.js";
export { countBySeverity, formatCounts, kindLabel, type SeverityCounts } from "./findings/summary.js";

/**
 * ExcelApi requirement sets the adapter uses beyond the manifest's floor (ExcelApi 1.7:
 * conditional formats 1.6, worksheet.onChanged 1.7). Each missing set degrades one feature.
 */
export interface ExcelSupport {
  /** 1.9: getRanges (RangeAreas) for one mark per severity chunk; else one rule per rectangle. */
  rangeAreas: boolean;
  /** 1.9: suspendScreenUpdatingUntilNextSync while marking. */
  suspendScreen: boolean;
  /** 1.8: Range.dataValidation, to read the sheet's drop-down lists; else columns have no allowed values from the sheet. */
  dataValidation: boolean;
  /** 1.9: workbook.worksheets.onChanged (edits in any sheet); else only the active sheet's onChanged. */
  worksheetsOnChanged: boolean;
  /** 1.13: getMergedAreasOrNullObject; else merges are not reported to the engine. */
  mergedAreas: boolean;
  /** 1.14: event triggerSource, to ignore the add-in's own edits. */
  triggerSource: boolean;
  /** 1.9: Range.getCellProperties, to see red header fonts (required columns) for 「从此表生成模板」. */
  cellProperties: boolean;
  /**
   * 1.9: getSpecialCellsOrNullObject("Visible"), to tell which rows and columns the clerk hid; else only
   * a used range with none or all hidden is known (Range.rowHidden, 1.2), and a mix is reported as unknown.
   */
  visibleCells: boolean;
}

export type IsSetSupported = (version: string) => boolean;

export function officeIsSetSupported(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function detectSupport(isSet: IsSetSupported = officeIsSetSupported): ExcelSupport {
  return {
    rangeAreas: isSet("1.9"),
    suspendScreen: isSet("1.9"),
    dataValidation: isSet("1.8"),
    worksheetsOnChanged: isSet("1.9"),
    mergedAreas: isSet("1.13"),
    triggerSource: isSet("1.14"),
    cellProperties: isSet("1.9"),
    visibleCells: isSet("1.9"),
  };
}

export const FULL_SUPPORT: ExcelSupport = {
  rangeAreas: true,
  suspendScreen: true,
  dataValidation: true,
  worksheetsOnChanged: true,
  mergedAreas: true,
  triggerSource: true,
  cellProperties: true,
  visibleCells: true,
};

import { toYmd } from "../calendar/days.js";
import type { SheetView } from "../grid/sheet-view.js";
import { formatPrecision, serialToDay } from "../normalise/dates.js";
import { isDateFormat } from "../xlsx/date-format.js";

/**
 * A header cell that is a date serial shown as a month (45658 under yyyy"年"m"月" shows 2025年1月;
 * under yyyy.mm, 2025.01): Excel and WPS clerks fill a row of month headers by dragging a date.
 * Read as the month it shows, written 2025年1月, the way a typed header says it. A serial shown
 * to the day is a date, not a month heading, and is left as it is (a meeting matrix reads those).
 */
export function monthShownBySerial(view: SheetView, row: number, col: number): string | null {
  const owner = view.coveringMerge(row, col);
  const r = owner ? owner.r0 : row;
  const c = owner ? owner.c0 : col;
  const v = view.value(r, c);
  if (typeof v !== "number") return null;
  const format = view.format(r, c);
  if (format === null || !isDateFormat(format) || formatPrecision(format) !== "month") return null;
  const day = serialToDay(v);
  if (day === null) return null;
  const { y, m } = toYmd(day);
  return `${y}年${m}月`;
}

/**
 * Does an Excel number format show a date or time? The same answer as SheetJS's `SSF.is_date`
 * (quoted text, escapes, fills and colours skipped; y m d h s e g, AM/PM, 上午/下午, [h] [mm]
 * elapsed times, B1/B2 calendars count), without loading SheetJS for it.
 */
const ELAPSED = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

const isGeneralAt = (s: string, i: number) => s.length >= 7 + i && s.slice(i, i + 7).toLowerCase() === "general";

export function isDateFormat(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    let c = fmt.charAt(i);
    switch (c) {
      case "G":
        if (isGeneralAt(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        while (fmt.charCodeAt(++i) !== 34 && i < fmt.length) {
          // skip quoted text
        }
        ++i;
        break;
      case "\\":
      case "_":
        i += 2;
        break;
      case "@":
        ++i;
        break;
      case "B":
      case "b":
        if (fmt.charAt(i + 1) === "1" || fmt.charAt(i + 1) === "2") return true;
        return true;
      case "M":
      case "D":
      case "Y":
      case "H":
      case "S":
      case "E":
      case "m":
      case "d":
      case "y":
      case "h":
      case "s":
      case "e":
      case "g":
        return true;
      case "A":
      case "a":
      case "上":
        if (fmt.substr(i, 3).toUpperCase() === "A/P") return true;
        if (fmt.substr(i, 5).toUpperCase() === "AM/PM") return true;
        if (fmt.substr(i, 5).toUpperCase() === "上午/下午") return true;
        ++i;
        break;
      case "[": {
        let o = c;
        while (fmt.charAt(i++) !== "]" && i < fmt.length) o += fmt.charAt(i);
        if (ELAPSED.test(o)) return true;
        break;
      }
      case ".":
      case "0":
      case "#":
        while (i < fmt.length && ("0#?.,E+-%".includes((c = fmt.charAt(++i))) || (c === "\\" && fmt.charAt(i + 1) === "-" && "0#".includes(fmt.charAt(i + 2))))) {
          // a number's digits
        }
        break;
      case "?":
        while (fmt.charAt(++i) === c) {
          // ???
        }
        break;
      case "*":
        ++i;
        if (fmt.charAt(i) === " " || fmt.charAt(i) === "*") ++i;
        break;
      case "(":
      case ")":
      case " ":
        ++i;
        break;
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        while (i < fmt.length && "0123456789".includes(fmt.charAt(++i))) {
          // digits
        }
        break;
      default:
        ++i;
        break;
    }
  }
  return false;
}

import { createContext, useContext } from "react";
import { strings, type Strings } from "../i18n/strings.js";

export const StringsContext = createContext<Strings>(strings("zh"));

export function useT(): Strings {
  return useContext(StringsContext);
}

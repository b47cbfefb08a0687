import type { ContinuedFrom } from "./continuation.js";
import type { RegisterParts } from "./register-parts.js";

/**
 * What the other ledgers of a branch's book tell one sheet's rules: a committee's required
 * size depends on the roster's 正式党员, a 支委会 is required monthly when the roster has 7 or
 * more. Null fields: the book has no sheet that says.
 */
export interface BookContext {
  /** 正式党员 on the roster on the as-of day. */
  fullMembers: number | null;
  /** For a sheet that is one part of a register kept in parts (一季度 … 四季度): all the parts. */
  register?: RegisterParts;
  /** For a sheet that continues the sheets before it (党费台账（续）): those sheets. */
  continued?: ContinuedFrom;
}

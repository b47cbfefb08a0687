import type { RosterIndex, RosterPerson } from "./roster-index.js";

/**
 * The one roster member whose name differs from `name` in a single character of the same length
 * (王小琳 for 王晓琳): likely the same person typed another way. Null when there is none or more than one.
 */
export function nearNameOnRoster(name: string, roster: RosterIndex): RosterPerson | null {
  const chars = [...name];
  if (chars.length < 2) return null;
  const near = roster.people.filter((p) => {
    if (p.name === null) return false;
    const other = [...p.name];
    if (other.length !== chars.length) return false;
    let diff = 0;
    for (let i = 0; i < chars.length; i++) if (chars[i] !== other[i]) diff++;
    return diff === 1;
  });
  return near.length === 1 ? near[0]! : null;
}

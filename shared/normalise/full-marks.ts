import { unspacedHalfWidth } from "./text.js";

/** 满分 (得满分, 满分。) in an item's score: the item's full marks, which its header states (述职报告（20分）). */
export function saysFullMarks(text: string): boolean {
  return /^(?:得)?满分[。.]?$/.test(unspacedHalfWidth(text));
}

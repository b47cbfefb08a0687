/**
 * Places by score, highest first. Ties share a place; after them the next place is skipped ("competition":
 * 3, 3, 5, 并列排名，其后名次顺延) or not ("dense": 3, 3, 4). Scores compared to 1e-9.
 */
export type RankTies = "competition" | "dense";

export function placesByScore(scores: readonly number[], ties: RankTies): number[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
  const places = new Array<number>(scores.length);
  let place = 0;
  let distinct = 0;
  let previous = Number.NaN;
  order.forEach(({ s, i }, k) => {
    if (!(Math.abs(s - previous) <= 1e-9)) {
      distinct++;
      place = ties === "competition" ? k + 1 : distinct;
      previous = s;
    }
    places[i] = place;
  });
  return places;
}

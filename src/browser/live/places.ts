import type { Place } from './types.js';

/**
 * The source place under a point of a page: the smallest box around it, or the nearest box
 * within a few points (a click between two words of one paragraph, or in its line gap).
 */
export function placeAt(places: readonly Place[], page: number, x: number, y: number): Place | undefined {
  const SLACK = 4;
  let best: Place | undefined;
  let bestScore = Infinity;
  for (const place of places) {
    if (place.page !== page) continue;
    const dx = Math.max(place.x - x, 0, x - (place.x + place.width));
    const dy = Math.max(place.y - y, 0, y - (place.y + place.height));
    if (dx > SLACK || dy > SLACK) continue;
    const score = (dx + dy) * 1e6 + place.width * place.height;
    if (score < bestScore) {
      best = place;
      bestScore = score;
    }
  }
  return best;
}

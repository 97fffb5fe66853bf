import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';
import { WRITE_THIS } from '../new/skeleton.js';

const MARKERS = Object.values(WRITE_THIS);

/**
 * A warning at every line still holding a placeholder text from `dialogkit new` (`SKRIV: …`,
 * `WRITE: …`): printed as it stands, it would reach the participants. Author comments
 * (`<!-- … -->`) are not printed, so their lines are skipped. Pure.
 */
export function checkWriteThis(file: string, lines: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Comments blanked out character for character, so lines and columns stay where they were.
  const visible = lines
    .join('\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .split('\n');
  visible.forEach((text, index) => {
    const marker = MARKERS.find((m) => text.includes(m));
    if (marker === undefined) return;
    out.push(diagnostic('DK0307', { marker }, file, index + 1, text.indexOf(marker) + 1));
  });
  return out;
}

/**
 * When the file changed on disk after it was opened, the save stops and both versions are shown
 * side by side, the lines that differ marked, and the editor chooses: keep mine (saved over the
 * disk's version just shown, and only that one) or take the disk's (loaded into the editor; undo
 * brings mine back).
 */
export interface ConflictPanel {
  element: HTMLElement;
  show(mine: string, disk: string, choose: (choice: 'mine' | 'disk') => void): void;
  hide(): void;
}

export function createConflictPanel(): ConflictPanel {
  const element = document.createElement('section');
  element.className = 'conflict';
  element.setAttribute('role', 'alertdialog');
  element.setAttribute('aria-label', 'Filen er ændret på disken');
  element.hidden = true;
  const hide = () => {
    element.hidden = true;
    element.replaceChildren();
  };
  return {
    element,
    hide,
    show(mine, disk, choose) {
      const title = document.createElement('p');
      title.className = 'conflict-title';
      title.textContent =
        'Filen er ændret på disken, siden du åbnede den (måske i et andet program). Intet er gemt. Vælg, hvilken version der skal gælde:';
      const versions = document.createElement('div');
      versions.className = 'conflict-versions';
      versions.append(version('Din version', 'mine', mine, disk), version('Versionen på disken', 'disk', disk, mine));
      const buttons = document.createElement('div');
      buttons.className = 'conflict-buttons';
      const keep = button('Behold min version', () => choose('mine'));
      keep.dataset['choice'] = 'mine';
      const take = button('Brug versionen fra disken', () => choose('disk'));
      take.dataset['choice'] = 'disk';
      buttons.append(keep, take);
      element.replaceChildren(title, versions, buttons);
      element.hidden = false;
      // Each version opens at its first changed line.
      for (const pre of versions.querySelectorAll<HTMLElement>('pre')) {
        const first = pre.querySelector<HTMLElement>('.differs');
        if (first) pre.scrollTop = first.offsetTop - pre.offsetTop - 24;
      }
    },
  };
}

// --- internal ---

function version(label: string, kind: string, text: string, other: string): HTMLElement {
  const box = document.createElement('figure');
  box.className = `conflict-version conflict-${kind}`;
  const caption = document.createElement('figcaption');
  caption.textContent = label;
  const pre = document.createElement('pre');
  const theirs = new Set(other.split(/\r?\n/));
  for (const line of text.split(/\r?\n/)) {
    const row = document.createElement('span');
    row.textContent = `${line}\n`;
    // A line the other version does not have anywhere: what differs, at a glance.
    if (!theirs.has(line)) row.className = 'differs';
    pre.append(row);
  }
  box.append(caption, pre);
  return box;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

import type { LiveTopic, Place } from './types.js';

/**
 * From the preview to the source: a click on a block of a PDF page shows `file:line` of the
 * Markdown it came from (the build's own record of where each line's text was drawn, not a text
 * search), an "open in editor" link (`vscode://file/…:line:col`) and a command to copy for
 * editors started from a terminal (`$EDITOR +line file`).
 */
export interface SourcePopover {
  element: HTMLElement;
  show(topic: LiveTopic, place: Place | undefined, event: MouseEvent): void;
  hide(): void;
}

export function editorLink(path: string, line: number, col = 1): string {
  return `vscode://file${path.startsWith('/') ? '' : '/'}${encodeURI(path.replace(/\\/g, '/'))}:${line}:${col}`;
}

/** A shell command, quoted for POSIX shells: the path may hold spaces or quotes. */
export function editorCommand(path: string, line: number): string {
  return `"\${EDITOR:-vi}" +${line} '${path.replace(/'/g, `'\\''`)}'`;
}

export function createSourcePopover(): SourcePopover {
  const element = document.createElement('div');
  element.className = 'source-popover';
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', 'Kilde');
  element.hidden = true;
  const hide = () => {
    element.hidden = true;
  };
  document.addEventListener('keydown', (event) => event.key === 'Escape' && hide());
  document.addEventListener('click', (event) => {
    if (!element.hidden && !element.contains(event.target as Node) && !(event.target as Element).closest?.('.pdf-page')) hide();
  });
  return {
    element,
    hide,
    show(topic, place, event) {
      const parts: (HTMLElement | string)[] = [];
      if (!place) {
        const none = document.createElement('p');
        none.textContent = 'Her er ingen tekst fra emnefilen (fx en overskrift, som layoutet selv skriver).';
        parts.push(none);
      } else {
        const where = document.createElement('p');
        where.className = 'where';
        const code = document.createElement('code');
        code.textContent = `${topic.source}:${place.line}`;
        where.append(code);
        const open = document.createElement('a');
        open.className = 'open';
        open.href = editorLink(topic.sourcePath, place.line);
        open.textContent = 'Åbn i editor';
        const command = document.createElement('code');
        command.className = 'command';
        command.textContent = editorCommand(topic.sourcePath, place.line);
        const copy = document.createElement('button');
        copy.type = 'button';
        copy.textContent = 'Kopiér kommando';
        copy.addEventListener('click', () => {
          void navigator.clipboard?.writeText(command.textContent ?? '').then(() => (copy.textContent = 'Kopieret'));
        });
        parts.push(where, open, command, copy);
      }
      element.replaceChildren(...parts);
      element.dataset['line'] = place ? String(place.line) : '';
      element.style.left = `${Math.min(event.clientX + 8, innerWidth - 340)}px`;
      element.style.top = `${Math.min(event.clientY + 8, innerHeight - 160)}px`;
      element.hidden = false;
    },
  };
}

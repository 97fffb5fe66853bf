/**
 * A topic's Markdown as the download page embeds it for the in-browser kit, which anyone who
 * opens the page can read: with every HTML comment (`<!-- … -->`, "not printed") taken out, so a
 * note to a colleague is not published. Each comment is replaced by the line breaks it held, so
 * every line keeps its number and the kit's diagnostics point at the same lines as the CLI's.
 * Comments inside code (a fenced block or a backtick span) are printed text, and stay.
 */
export function embeddedSource(text: string): string {
  let out = '';
  let fence: string | undefined;
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end + 1;
    const line = text.slice(at, lineEnd);
    if (fence !== undefined) {
      const closer = /^ {0,3}(`{3,}|~{3,})[ \t]*\n?$/.exec(line)?.[1];
      if (closer !== undefined && closer[0] === fence[0] && closer.length >= fence.length) fence = undefined;
      out += line;
      at = lineEnd;
      continue;
    }
    const opener = /^ {0,3}(`{3,}(?=[^`\n]*\n?$)|~{3,})/.exec(line)?.[1];
    if (opener !== undefined) {
      fence = opener;
      out += line;
      at = lineEnd;
      continue;
    }
    const comment = commentStart(line);
    if (comment === -1) {
      out += line;
      at = lineEnd;
      continue;
    }
    // From the comment's start to its end (or the file's, as Markdown reads an unclosed one).
    const start = at + comment;
    const close = text.indexOf('-->', start + 4);
    const stop = close === -1 ? text.length : close + 3;
    out += text.slice(at, start) + text.slice(start, stop).replace(/[^\n]/g, '');
    at = stop;
  }
  return out;
}

/** Where an HTML comment starts on the line, outside backtick code spans; -1 when none. */
function commentStart(line: string): number {
  let inCode: string | undefined;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      if (inCode === undefined) inCode = run;
      else if (run === inCode) inCode = undefined;
      i += run.length - 1;
    } else if (inCode === undefined && line.startsWith('<!--', i)) return i;
  }
  return -1;
}

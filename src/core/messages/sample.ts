import { MESSAGES, type Code, type Lang } from './index.js';

/**
 * A code's text with each parameter shown as `{name}`, and the parameters the text used: for the
 * table in docs/diagnostics.md and for the test that both languages use the same parameters.
 */
export function sampleText(code: Code, lang: Lang): { message: string; hint?: string; used: string[] } {
  const used = new Set<string>();
  const params = new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        used.add(key);
        // Text that reads `{name}`, and a list of that one text when joined or mapped.
        const shown = `{${key}}`;
        return Object.assign(new String(shown), { join: () => shown, map: (f: (s: string) => string) => [f(shown)] });
      },
    },
  );
  const entry = MESSAGES[code] as { en: (p: object) => readonly [string, string?]; da: (p: object) => readonly [string, string?] };
  const [message, hint] = entry[lang](params);
  return { message: String(message), ...(hint !== undefined && { hint: String(hint) }), used: [...used].sort() };
}

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
        // A list that prints as `{name}` when joined, and as itself otherwise.
        return Object.assign([`{${key}}`], { toString: () => `{${key}}` });
      },
    },
  );
  const entry = MESSAGES[code] as { en: (p: object) => readonly [string, string?]; da: (p: object) => readonly [string, string?] };
  const [message, hint] = entry[lang](params);
  return { message, ...(hint !== undefined && { hint }), used: [...used].sort() };
}

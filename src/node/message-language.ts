import type { Lang } from '../core/messages/index.js';

/**
 * The language diagnostics are written in: `--lang da|en`, else the locale the terminal says
 * (the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX orders them): Danish when it
 * starts with `da`, English otherwise. Everything else the CLI says stays English.
 */
export function messageLanguage(flag: string | undefined, env: Record<string, string | undefined>): Lang | { problem: string } {
  if (flag !== undefined) return flag === 'da' || flag === 'en' ? flag : { problem: `--lang must be da or en, not "${flag}"` };
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return locale?.toLowerCase().startsWith('da') ? 'da' : 'en';
}

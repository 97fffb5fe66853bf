import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may write through the preview: only the preview's own page. Each server start makes a
 * random token and puts it into the pages it serves; a request that changes a file must carry it
 * in a header. Another web page on the machine cannot read the token (no CORS is ever granted,
 * so it cannot read our pages), cannot send the header without a preflight we never answer, and
 * is refused anyway by its `Origin` or `Sec-Fetch-Site: cross-site`. The Host check in server.ts
 * keeps a rebound host name out before this runs.
 */
export const TOKEN_HEADER = 'x-dialogkit-token';

export function makeToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Why a write is refused (a line for the page, in Danish), or `undefined` when it may go ahead. */
export function writeRefusal(req: IncomingMessage, token: string): string | undefined {
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, token))
    return 'Forespørgslen mangler forhåndsvisningens nøgle. Genindlæs siden, og prøv igen.';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'Kun forhåndsvisningens egen side kan gemme.';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return 'Kun forhåndsvisningens egen side kan gemme.';
  return undefined;
}

// --- internal ---

/** Compared in constant time: the token is a secret. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

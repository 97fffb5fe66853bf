/**
 * Addresses that stand in for a real one while a topic is being written: example.org/.com/.net
 * (reserved for examples), localhost, a bare `#`, or anything that says TODO. Printed, they send
 * readers nowhere, so they are a warning wherever a topic gives an address.
 */
export function isPlaceholder(address: string): boolean {
  const trimmed = address.trim();
  if (trimmed === '' || trimmed === '#' || /todo/i.test(trimmed)) return true;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]+)/i.exec(trimmed)?.[1]?.toLowerCase().replace(/\.$/, '');
  if (host === undefined) return false;
  return (
    /(^|\.)example\.(org|com|net)$/.test(host) ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '[::1]'
  );
}

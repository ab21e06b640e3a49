// Our marker on a switch-role link that the sign-in page may submit by itself (docs/aws-facts.md
// §1.2 fallback). It lives in the URL fragment, which is never sent to AWS, and carries a one-time
// nonce the background issued for that tab: a link someone else crafted (even one with a marker)
// is never auto-submitted, because the background does not know its nonce.
const PARAM = 'rsb-switch';
/** A one-time nonce as the background issues it (also the switch-autosubmit message's schema). */
export const SWITCH_NONCE = /^[A-Za-z0-9_-]{16,64}$/;

/** Appends `#rsb-switch=<nonce>` (replacing any fragment the link had). */
export function withSwitchMarker(url: string, nonce: string): string {
  const hash = url.indexOf('#');
  return `${hash < 0 ? url : url.slice(0, hash)}#${PARAM}=${nonce}`;
}

/** The nonce in a location hash (`#rsb-switch=…`, possibly among other `&` parts), or null. */
export function readSwitchMarker(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === PARAM && SWITCH_NONCE.test(part.slice(eq + 1))) return part.slice(eq + 1);
  }
  return null;
}

/** The hash without our marker ('' when nothing else was there). */
export function withoutSwitchMarker(hash: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith(`${PARAM}=`));
  return rest.length > 0 ? `#${rest.join('&')}` : '';
}

// One-time permissions for the sign-in page to submit its pre-filled switch form
// (docs/aws-facts.md §1.2 fallback). The background issues a nonce when it opens a marked switch
// link in a tab; the sign-in content script may submit only when it presents that nonce, from
// that tab, on a sign-in host of the right partition, within a minute, and only once. A marker on a link that someone
// else made is therefore never honoured.
import { isSignInHostOf, type Partition, type SwitchAutosubmitReply } from '../core';
import { sessionGet, sessionSet } from '../platform/session-store';

const KEY = 'autosubmit.pending';
const LIFETIME_MS = 60_000;

interface Pending {
  nonce: string;
  tabId: number;
  account: string;
  roleName: string;
  partition: Partition;
  expires: number;
}

function isPending(v: unknown): v is Pending {
  const p = v as Pending;
  return (
    typeof p === 'object' && p !== null && typeof p.nonce === 'string' && typeof p.tabId === 'number' &&
    typeof p.account === 'string' && typeof p.roleName === 'string' && typeof p.partition === 'string' && typeof p.expires === 'number'
  );
}

async function load(): Promise<Pending[]> {
  const stored = await sessionGet(KEY);
  const now = Date.now();
  return Array.isArray(stored) ? stored.filter(isPending).filter((p) => p.expires > now) : [];
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Records a nonce for the tab its link is about to open in (the tab exists already). */
export async function issue(nonce: string, target: Omit<Pending, 'nonce' | 'expires' | 'tabId'>, tabId: number): Promise<void> {
  const pending = await load();
  pending.push({ nonce, tabId, ...target, expires: Date.now() + LIFETIME_MS });
  await sessionSet(KEY, pending);
}

/** Consumes a nonce (whatever the verdict) and says whether that page may submit. */
export async function redeem(nonce: string, sender: { tabId?: number; url?: string }): Promise<SwitchAutosubmitReply> {
  const pending = await load();
  const found = pending.find((p) => p.nonce === nonce);
  await sessionSet(
    KEY,
    pending.filter((p) => p !== found),
  );
  if (!found || found.tabId !== sender.tabId || !sender.url) return { submit: false };
  let host: string;
  try {
    const url = new URL(sender.url);
    if (url.protocol !== 'https:') return { submit: false };
    host = url.hostname;
  } catch {
    return { submit: false };
  }
  if (!isSignInHostOf(host, found.partition)) return { submit: false };
  return { submit: true, account: found.account, roleName: found.roleName };
}

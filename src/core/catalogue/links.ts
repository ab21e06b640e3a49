// The two documented links that open a console in a role, no extension needed on the other
// end: the switch-role GET link (docs/aws-facts.md §1.1) and the IAM Identity Center console shortcut
// (docs/aws-facts.md §2). Both are shareable, so they are also what "copy link" gives.
import { BoundedCache } from '../bounded-cache';
import { linkColor } from './colors';
import type { Partition } from '../types';

/** The region of the European Sovereign Cloud's sign-in host until a second ESC region opens. */
export const EUSC_DEFAULT_REGION = 'eusc-de-east-1';

/**
 * The sign-in host of each partition. The European Sovereign Cloud has no global sign-in host:
 * AWS's own documentation links `https://eusc-de-east-1.signin.amazonaws-eusc.eu/` as the ESC
 * partition's sign-in, the SDKs' endpoint rules for the sign-in service give
 * `https://{Region}.signin.amazonaws-eusc.eu` for aws-eusc, and AWS Extend Switch Roles' switch
 * failed there while it used the bare `signin.amazonaws-eusc.eu` (its issue #407, fixed in #412).
 */
export const SIGN_IN_HOSTS: Readonly<Record<Partition, string>> = Object.freeze({
  aws: 'signin.aws.amazon.com',
  'aws-us-gov': 'signin.amazonaws-us-gov.com',
  'aws-cn': 'signin.amazonaws.cn',
  'aws-eusc': `${EUSC_DEFAULT_REGION}.signin.amazonaws-eusc.eu`,
});

const CONSOLE_HOSTS: Readonly<Record<Partition, string>> = Object.freeze({
  aws: 'console.aws.amazon.com',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-eusc': 'console.amazonaws-eusc.eu',
});

/** The console refuses a displayName over 64 characters with HTTP 400. */
export const MAX_DISPLAY_NAME = 64;

/** `us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `ap-southeast-3`, `eusc-de-east-1`. */
export function isRegion(value: string): boolean {
  // /^(?:[a-z]{2}|eusc)(?:-[a-z]+)+-\d{1,2}$/, by hand (importConfig checks one per profile).
  // The European Sovereign Cloud's regions are the only ones with a four-letter first part.
  if (value.startsWith('eusc-')) return isRegion(value.slice(2));
  const n = value.length;
  if (n < 6 || !isLowerAscii(value.charCodeAt(0)) || !isLowerAscii(value.charCodeAt(1)) || value.charCodeAt(2) !== 0x2d) return false;
  // The end: '-' and one or two digits.
  let d = n - 1;
  if (!isDigitAscii(value.charCodeAt(d))) return false;
  if (isDigitAscii(value.charCodeAt(d - 1))) d--;
  if (value.charCodeAt(d - 1) !== 0x2d) return false;
  // Between: one or more runs of a-z separated by single '-' (value[2] is the first '-').
  let letters = 0;
  for (let i = 3; i < d - 1; i++) {
    const c = value.charCodeAt(i);
    if (isLowerAscii(c)) letters++;
    else if (c === 0x2d && letters > 0) letters = 0;
    else return false;
  }
  return letters > 0;
}

function isLowerAscii(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isDigitAscii(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The partition a region belongs to (regions are partition-specific). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/**
 * At most 64 UTF-16 code units (what the console counts), never splitting a surrogate pair,
 * so a long emoji-laden name still yields a valid link.
 */
export function truncateDisplayName(name: string, max = MAX_DISPLAY_NAME): string {
  if (name.length <= max) return name;
  let end = max;
  const last = name.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // high surrogate whose pair would be cut off
  return name.slice(0, end);
}

/** The console home page of a region, or the partition's default console when the region is not usable there. */
export function consoleHomeUrl(partition: Partition, region?: string): string {
  return homes[partition].get(region ?? '');
}
const homes = Object.fromEntries(
  (['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc'] as const).map((partition) => [partition, new BoundedCache<string, string>(1000, (region) => buildConsoleHomeUrl(partition, region || undefined))]),
) as Record<Partition, BoundedCache<string, string>>;

function buildConsoleHomeUrl(partition: Partition, region?: string): string {
  const host = CONSOLE_HOSTS[partition];
  if (region && isRegion(region) && partitionOfRegion(region) === partition) {
    const regional = partition === 'aws' ? `${region}.${host}` : host;
    return `https://${regional}/console/home?region=${region}`;
  }
  return `https://${host}/console/home`;
}

export interface SwitchRoleLink {
  partition: Partition;
  /** 12-digit account ID or account alias. */
  account: string;
  /** Role path + name without the leading slash. */
  roleName: string;
  displayName: string;
  /** `#rrggbb`; mapped to the nearest console palette colour (the GET pre-fill honours only those). */
  color?: string;
  /** The role is production: only then may the link's colour be the palette's red. */
  production?: boolean;
  /** Where the console goes after the switch. */
  redirectUri?: string;
}

// Roles and console homes repeat across thousands of profiles: encode each once.
const encoded = new BoundedCache<string, string>(10000, encodeURIComponent);
function encode(value: string): string {
  return encoded.get(value);
}

/** encodeURIComponent, without the call when nothing needs encoding (account IDs, most names). */
function encodeComponent(value: string): string {
  return keptByEncoding(value, 0, value.length) ? value : encodeURIComponent(value);
}

/** encodeURIComponent leaves text[from, to) as it is: only A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
export function keptByEncoding(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e) continue;
    if (c === 0x21 || c === 0x7e || c === 0x2a || c === 0x27 || c === 0x28 || c === 0x29) continue;
    return false;
  }
  return true;
}

const SWITCH_PREFIX: Readonly<Record<Partition, string>> = Object.freeze({
  aws: `https://${SIGN_IN_HOSTS.aws}/switchrole?account=`,
  'aws-us-gov': `https://${SIGN_IN_HOSTS['aws-us-gov']}/switchrole?account=`,
  'aws-cn': `https://${SIGN_IN_HOSTS['aws-cn']}/switchrole?account=`,
  'aws-eusc': `https://${SIGN_IN_HOSTS['aws-eusc']}/switchrole?account=`,
});

// `&roleName=…&displayName=` per role, and `&color=…&redirect_uri=…` per palette colour and
// console home: both repeat across profiles, so a link is four joins.
const rolePart = new BoundedCache<string, string>(10000, (roleName) => `&roleName=${encode(roleName)}&displayName=`);
/** Per palette colour ('' for none; a handful in all), the tail for each console home. */
const tails = new Map<string, BoundedCache<string, string>>();

function tailOf(color: string | undefined, production: boolean, redirectUri: string | undefined): string {
  // Not cached: working the colour out costs less than finding it in a cache of every colour
  // (a config may give each profile a colour of its own).
  const palette = (color ? linkColor(color, production) : undefined) ?? '';
  let byHome = tails.get(palette);
  if (byHome === undefined) {
    byHome = new BoundedCache(1000, (home) => `${palette ? `&color=${palette}` : ''}${home ? `&redirect_uri=${encode(home)}` : ''}`);
    tails.set(palette, byHome);
  }
  return byHome.get(redirectUri ?? '');
}

/** `https://signin.aws.amazon.com/switchrole?account=…&roleName=…&displayName=…&color=…&redirect_uri=…` */
export function switchRoleUrl(link: SwitchRoleLink): string {
  const displayName = encodeComponent(truncateDisplayName(link.displayName));
  return switchRoleLinkEncoded(link.partition, encodeComponent(link.account), link.roleName, displayName, link.color, link.production === true, link.redirectUri);
}

/**
 * switchRoleUrl for a caller that already has the account and display name URI-encoded
 * (importConfig builds thousands: account IDs and most names need no encoding).
 */
export function switchRoleLinkEncoded(
  partition: Partition,
  account: string,
  roleName: string,
  displayName: string,
  color: string | undefined,
  production: boolean,
  redirectUri: string | undefined,
): string {
  return SWITCH_PREFIX[partition] + account + rolePart.get(roleName) + displayName + tailOf(color, production, redirectUri);
}

/**
 * The start URL as the shortcut link wants it: no trailing `/`, `#`, `#/` (`aws configure sso`
 * writes `https://d-123.awsapps.com/start#/`). Undefined when it is not an https URL.
 */
export function normaliseStartUrl(startUrl: string): string | undefined {
  let url = startUrl.trim();
  while (url.endsWith('/') || url.endsWith('#')) url = url.slice(0, -1);
  if (!/^https:\/\/[^\s/?#<>"']+(?:\/[^\s?#<>"']*)?$/.test(url)) return undefined;
  return url;
}

/**
 * An IAM Identity Center access portal (docs/aws-facts.md §2): `<name or d-id>.awsapps.com` (`.awsapps.cn`
 * in China), and, the default for new instances since 2026, `<instance>.<region>.portal.amazonaws.com`
 * and the dual-stack `<instance>.portal.<region>.app.aws`. A start URL on any other host is not
 * AWS's: the importer warns about it.
 */
export function isAccessPortalHost(host: string): boolean {
  const h = host.toLowerCase();
  return /^[a-z0-9-]+\.awsapps\.(?:com|cn)$/.test(h) || /^(?:[a-z0-9-]+\.)+portal\.amazonaws\.com$/.test(h) || /^(?:[a-z0-9-]+\.)+portal\.[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}\.app\.aws$/.test(h);
}

/** The host of an https start URL, lower-cased; undefined when it is not one. */
export function startUrlHost(startUrl: string): string | undefined {
  return /^https:\/\/([^\s/?#:@]+)(?::\d+)?(?:[/?#]|$)/i.exec(startUrl.trim())?.[1]?.toLowerCase();
}

export interface SsoConsoleLink {
  /** `https://d-1234567890.awsapps.com/start` (normalised by the caller or here). */
  startUrl: string;
  accountId: string;
  /** Permission-set name, not the `AWSReservedSSO_…` role. */
  permissionSet: string;
  /** Console URL to land on after sign-in. */
  destination?: string;
}

const startUrls = new BoundedCache<string, string>(1000, (url) => normaliseStartUrl(url) ?? url);

/** `<start URL>/#/console?account_id=…&role_name=…&destination=…` */
export function ssoConsoleUrl(link: SsoConsoleLink): string {
  const start = startUrls.get(link.startUrl);
  let url = `${start}/#/console?account_id=${encodeURIComponent(link.accountId)}&role_name=${encode(link.permissionSet)}`;
  if (link.destination) url += `&destination=${encode(link.destination)}`;
  return url;
}

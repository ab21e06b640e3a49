// What the console banner says and in which colours, decided from the page's identity, its
// catalogue match and the user's settings. Pure and text-only: the view renders these strings
// with textContent and nothing else, so no page or profile text can become markup.
//
// Imported by the content script: no zod, type-only imports.
import { type BannerEntry, type IdentityMatch } from './console-identity';
import { formatAccountId } from '../aws-names';
import { textColourFor } from '../contrast';
import type { ConsoleIdentity } from '../protocol/messages';
import type { Settings } from '../catalogue/schemas';

export type BannerSettings = Pick<Settings, 'bannerEnabled' | 'bannerPosition' | 'titlePrefix'>;

/** Same as DEFAULT_SETTINGS (a unit test keeps them equal): the content script cannot import zod. */
export const DEFAULT_BANNER_SETTINGS: BannerSettings = { bannerEnabled: true, bannerPosition: 'top', titlePrefix: true };

export type BannerState =
  /** The identity is a profile of the catalogue. */
  | 'profile'
  /** The account is in the catalogue, the role (or IAM user) is not. */
  | 'account'
  /** The account is not in the catalogue. */
  | 'not-in-profiles'
  /** No trustworthy source said which account this is. */
  | 'unknown'
  /** The identity is known but the catalogue has not been loaded yet (first run): say so, don't claim "not in your profiles". */
  | 'loading';

export interface BannerField {
  label: string;
  value: string;
}

export interface BannerModel {
  state: BannerState;
  /** `#rrggbb` banner background. */
  background: string;
  /** `#000000` or `#ffffff`, whichever contrasts more with the background. */
  foreground: string;
  /** Environment badge ("PRODUCTION", "QA", ...), absent when the environment is not known. */
  badge?: { text: string; background: string; foreground: string };
  /** The headline: app and profile, or the account for banners without a profile. */
  headline: string;
  /** Labelled facts, in display order. */
  fields: BannerField[];
  /** The whole banner as one sentence: tooltip, accessible description and the collapsed stripe's label. */
  summary: string;
  isProduction: boolean;
  /** Production can never be collapsed or hidden. */
  collapsible: boolean;
  /** Title prefix to keep on the tab's title, or null. */
  titlePrefix: string | null;
  position: 'top' | 'bottom';
  /** False when the user turned the banner off, except for production (the title prefix and "where am I?" still work). */
  visible: boolean;
}

export const PRODUCTION_TITLE_PREFIX = '[PROD] ';

const NEUTRAL_BACKGROUND = '#e9ebed';
const UNKNOWN_BACKGROUND = '#414d5c';
/** The production badge is always this red on white, whatever colour the user gave the profile. */
const PRODUCTION_BADGE = { background: '#ffffff', foreground: '#b0081a' };

const validColour = (c: string): string => (/^#[0-9a-f]{6}$/i.test(c) ? c.toLowerCase() : NEUTRAL_BACKGROUND);

function envBadge(entry: BannerEntry, foreground: string): BannerModel['badge'] {
  if (entry.isProduction) return { text: 'PRODUCTION', ...PRODUCTION_BADGE };
  if (entry.env === 'other') return undefined;
  const text = (entry.envLabel || entry.env).toUpperCase();
  // A badge in the banner's own text colour, inverted: readable on any entry colour.
  return { text, background: foreground, foreground: foreground === '#000000' ? '#ffffff' : '#000000' };
}

function accountText(identity: ConsoleIdentity, entry?: BannerEntry): string {
  // Only the ID a source gave: a page that names its account by alias alone is shown by that alias.
  const id = identity.accountId;
  // The page's alias first (a source says so); the user's own alias for the account otherwise.
  const alias = identity.accountAlias ?? entry?.accountAlias;
  return id ? `${formatAccountId(id)}${alias ? ` (${alias})` : ''}` : (alias ?? 'unknown');
}

function principalField(identity: ConsoleIdentity): BannerField | null {
  if (identity.principalKind === 'root') return { label: 'Signed in as', value: 'root user' };
  if (!identity.roleName) return null;
  if (identity.principalKind === 'user') return { label: 'IAM user', value: identity.roleName };
  if (identity.permissionSet) return { label: 'Permission set', value: identity.permissionSet };
  return { label: 'Role', value: identity.roleName };
}

/**
 * The banner for a page. `identity` null or without an account → "unknown account";
 * `catalogueLoaded` false → the identity is shown without claiming anything about the catalogue.
 */
export function bannerModel(
  identity: ConsoleIdentity | null,
  match: IdentityMatch,
  settings: BannerSettings,
  catalogueLoaded = true,
): BannerModel {
  const entry = match.kind === 'none' ? undefined : match.entry;
  let state: BannerState;
  let headline: string;
  let fields: BannerField[] = [];
  let background = entry ? validColour(entry.color) : NEUTRAL_BACKGROUND;
  if (!identity || match.kind === 'disputed' || (identity.accountId === null && !identity.accountAlias && !entry)) {
    state = 'unknown';
    headline = 'Unknown account';
    fields = [{ label: 'Note', value: identity?.reason ?? 'this page does not say which account it is signed in to' }];
    // The sources disagree and one names a production account: still unknown, but as unmistakable as production.
    if (match.kind === 'disputed') fields.push({ label: 'Could be', value: match.entry.profile });
    else background = UNKNOWN_BACKGROUND;
  } else {
    const account: BannerField = { label: 'Account', value: accountText(identity, entry) };
    const principal = principalField(identity);
    if (match.kind === 'none') {
      state = catalogueLoaded ? 'not-in-profiles' : 'loading';
      headline = `Account ${account.value}${catalogueLoaded ? ' — not in your profiles' : ''}`;
    } else if (match.kind === 'profile') {
      state = 'profile';
      headline = match.entry.app;
      fields = [{ label: 'Profile', value: match.entry.profile }, account];
    } else {
      // Known account, but this role (or IAM user) is none of the user's profiles.
      state = 'account';
      headline = entry ? entry.app : `Account ${account.value}`;
      const note = { label: 'Note', value: identity.principalKind === 'user' ? 'IAM user sign-in' : 'role not in your profiles' };
      fields = entry ? [account, note] : [note];
    }
    if (principal) fields.push(principal);
  }
  const foreground = textColourFor(background);
  const isProduction = entry?.isProduction ?? false;
  const badge = entry ? envBadge(entry, foreground) : undefined;
  const summary = [badge?.text, headline, ...fields.map((f) => `${f.label} ${f.value}`)].filter(Boolean).join(' · ');
  return {
    state,
    background,
    foreground,
    badge,
    headline,
    fields,
    summary,
    isProduction,
    collapsible: !isProduction,
    titlePrefix: isProduction && settings.titlePrefix ? PRODUCTION_TITLE_PREFIX : null,
    position: settings.bannerPosition,
    // Production cannot be hidden: the "banner off" setting applies to the other banners.
    visible: settings.bannerEnabled || isProduction,
  };
}

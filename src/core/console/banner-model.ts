// What the console banner says and in which colours, decided from the page's identity, its
// catalogue match and the user's settings. Pure and text-only: the view renders these strings
// with textContent and nothing else, so no page or profile text can become markup.
//
// Imported by the content script: no zod, type-only imports.
import type { BannerEntry, IdentityMatch } from './identity-match';
import { formatAccountId } from '../aws-names';
import { NO_ACCOUNT_SAID } from './console-identity';
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
  /** The headline and the facts as the view lays them out: in pieces that say how each may be shortened. */
  line: BannerItem[];
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

/** A piece of the banner's line and how it gives way when the window is narrow (issue 15 §4). */
export interface BannerPiece {
  text: string;
  /**
   * keep: never shortened (the environment, account IDs, fixed words); first: shortened first,
   * to a few characters and an ellipsis (app, profile, alias, notes); last: shortened only when
   * nothing else can give, and never to nothing (the role, an account known only by its alias).
   */
  fit: 'keep' | 'first' | 'last';
}

/** One fact on the line: an optional label (`Role`), then its value in pieces. The first item is the headline. */
export interface BannerItem {
  label?: string;
  pieces: BannerPiece[];
}

const piece = (text: string, fit: BannerPiece['fit']): BannerPiece => ({ text, fit });
export const itemText = (item: BannerItem): string => item.pieces.map((p) => p.text).join('');

function accountPieces(identity: ConsoleIdentity, entry?: BannerEntry): BannerPiece[] {
  // Only the ID a source gave: a page that names its account by alias alone is shown by that alias.
  const id = identity.accountId;
  // The page's alias first (a source says so); the user's own alias for the account otherwise.
  const alias = identity.accountAlias ?? entry?.accountAlias;
  if (!id) return [piece(alias ?? 'unknown', 'last')];
  return alias ? [piece(formatAccountId(id), 'keep'), piece(` (${alias})`, 'first')] : [piece(formatAccountId(id), 'keep')];
}

function principalItem(identity: ConsoleIdentity): BannerItem | null {
  const item = (label: string, value: string): BannerItem => ({ label, pieces: [piece(value, 'last')] });
  if (identity.principalKind === 'root') return item('Signed in as', 'root user');
  if (!identity.roleName) return null;
  if (identity.principalKind === 'user') return item('IAM user', identity.roleName);
  if (identity.permissionSet) return item('Permission set', identity.permissionSet);
  return item('Role', identity.roleName);
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
  const disputed = match.kind === 'disputed';
  let state: BannerState;
  let line: BannerItem[];
  let background = entry ? validColour(entry.color) : NEUTRAL_BACKGROUND;
  const note = (value: string): BannerItem => ({ label: 'Note', pieces: [piece(value, 'first')] });
  if (!identity || disputed || (identity.accountId === null && !identity.accountAlias && !entry)) {
    state = 'unknown';
    line = [{ pieces: [piece('Unknown account', 'keep')] }, note((disputed ? match.reason : undefined) ?? identity?.reason ?? NO_ACCOUNT_SAID)];
    // The page names several accounts and one is production: still unknown, but as unmistakable as production.
    if (disputed && match.entry) line.push({ label: 'Could be', pieces: [piece(match.entry.profile, 'first')] });
    else background = UNKNOWN_BACKGROUND;
  } else {
    const account: BannerItem = { label: 'Account', pieces: accountPieces(identity, entry) };
    const headline = (...more: BannerPiece[]): BannerItem => ({ pieces: entry && match.kind !== 'none' ? [piece(entry.app, 'first')] : [piece('Account ', 'keep'), ...account.pieces, ...more] });
    if (match.kind === 'none') {
      state = catalogueLoaded ? 'not-in-profiles' : 'loading';
      line = [headline(...(catalogueLoaded ? [piece(' — not in your profiles', 'keep')] : []))];
    } else if (match.kind === 'profile') {
      state = 'profile';
      line = [headline(), { label: 'Profile', pieces: [piece(match.entry.profile, 'first')] }, account];
    } else {
      // Known account, but this role (or IAM user) is none of the user's profiles.
      state = 'account';
      const why = note(identity.principalKind === 'user' ? 'IAM user sign-in' : 'role not in your profiles');
      line = entry ? [headline(), account, why] : [headline(), why];
    }
    const principal = principalItem(identity);
    if (principal) line.push(principal);
  }
  const headline = itemText(line[0]!);
  const fields = line.slice(1).map((item): BannerField => ({ label: item.label!, value: itemText(item) }));
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
    line,
    summary,
    isProduction,
    collapsible: !isProduction,
    titlePrefix: isProduction && settings.titlePrefix ? PRODUCTION_TITLE_PREFIX : null,
    position: settings.bannerPosition,
    // Production cannot be hidden: the "banner off" setting applies to the other banners.
    visible: settings.bannerEnabled || isProduction,
  };
}

// The zod-free half of the protocol: hand-written guards for the messages and replies the
// content scripts receive (they run on every console page under a size budget and cannot take
// zod). Each guard accepts exactly what its schema in messages.ts accepts: guards.test.ts holds
// them to it. Types only from messages.ts.
import { isPlainObject } from '../plain-object';
import { MESSAGE } from './message-names';
import type { IdentityReportReply, SwitchAutosubmitReply, WhereAmIRequest } from './messages';
import type { SessionBanner } from '../sessions/session-records';


export const isWhereAmIRequest = (v: unknown): v is WhereAmIRequest => isPlainObject(v) && v.type === MESSAGE.whereAmI;

export const isIdentityReportReply = (v: unknown): v is IdentityReportReply => isPlainObject(v) && typeof v.report === 'string';

export const isSwitchAutosubmitReply = (v: unknown): v is SwitchAutosubmitReply =>
  isPlainObject(v) && (v.submit === false || (v.submit === true && typeof v.account === 'string' && typeof v.roleName === 'string'));

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The banner's session line (sessionBannerSchema). */
export const isSessionBanner = (v: unknown): v is SessionBanner =>
  isPlainObject(v) &&
  ((v.kind === 'countdown' && isTime(v.endsAt) && (v.profile === null || typeof v.profile === 'string')) ||
    (v.kind === 'seen' && isTime(v.since)) ||
    v.kind === 'none');

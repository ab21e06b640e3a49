// Every message between the extension's contexts and every reply, each with its zod schema
// (names and who sends what: message-names.ts). Everything is validated on receipt, replies
// too: a content script runs next to untrusted page code, so nothing it answers is trusted
// without parsing. The content scripts cannot take zod: they check what they receive with the
// hand-written guards in guards.ts, which a unit test holds to these schemas.
import * as z from '../zod';
import { isAccountAlias } from '../aws-names';
import { catalogueEntrySchema } from '../catalogue/schemas';
import { combineIdentity, type IdentityReading } from '../console/console-identity';
import { identityReport, identityVerdict } from '../console/identity-report';
import type { Basis } from '../console/basis';
import { SWITCH_NONCE } from '../console/switch-marker';
import { MESSAGE } from './message-names';

const identitySourceSchema = z.enum(['session-data', 'host-label', 'nav-button', 'navigation', 'cookie']);

/** What one source of a console page said, and what the judge made of it (the banner's "Why?"). */
export const sourceReportSchema = z.object({
  source: identitySourceSchema,
  /** decided: it named the account; who-signed-in: it names who signed in (the cookie), not this tab; no-account: it named none. */
  verdict: z.enum(['decided', 'agrees', 'disagrees', 'who-signed-in', 'unusable', 'no-account']),
  /** As shown: `1234-5678-9012`, `1234-5678-9012 (alias)` or an alias. */
  account: z.optional(z.string()),
  /** `role Admin`, `IAM user alice`, `root user`. */
  principal: z.optional(z.string()),
  note: z.optional(z.string()),
});
export type SourceReport = z.infer<typeof sourceReportSchema>;

export const consoleIdentitySchema = z.object({
  /** 12 digits, or null when no trustworthy source gave one ("unknown account", or an alias only). */
  accountId: z.nullable(z.string().check(z.regex(/^\d{12}$/))),
  accountAlias: z.optional(z.string()),
  /** Role name (last segment) for assumed roles; IAM user name for users. */
  roleName: z.optional(z.string()),
  /** For SSO roles (`AWSReservedSSO_<set>_<hash>`): the permission-set name. */
  permissionSet: z.optional(z.string()),
  principalKind: z.enum(['assumed-role', 'user', 'root', 'unknown']),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']),
  region: z.optional(z.string()),
  /** Multi-session console: the first host label (`<account>-<8 chars>`). */
  sessionId: z.optional(z.string()),
  /** Which source decided the account, most robust first. */
  source: z.enum(['session-data', 'host-label', 'nav-button', 'navigation', 'cookie', 'none']),
  /** Multi-session console (docs/aws-facts.md §1.3): switching opens a new session instead of replacing this one. */
  multiSession: z.optional(z.boolean()),
  /** The sign-in host the page names (`signin.aws.amazon.com` or a regional one), checked against the partition. */
  signInEndpoint: z.optional(z.string()),
  /** The role came from the aws-userInfo cookie only, which can be stale after a switch. */
  weakPrincipal: z.optional(z.boolean()),
  /** Unknown account: why. */
  reason: z.optional(z.string()),
  /** Unknown account because sources disagree: the account IDs they name (production is never downgraded). */
  candidates: z.optional(z.array(z.string().check(z.regex(/^\d{12}$/)))),
  /** Unknown account: the account aliases its sources name (an alias dispute, or aliases beside the IDs). */
  candidateAliases: z.optional(z.array(z.string().check(z.refine(isAccountAlias)))),
  /** What each source said, strongest first. */
  sources: z.optional(z.array(sourceReportSchema)),
});
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>;

/**
 * One source's raw reading as a console content script sends it. Only its envelope is checked
 * here (a known source; an `unusable` reason is text); its values stay `unknown` because the
 * judge (console-identity.ts) is what checks them, exactly as it does in the content script.
 */
const loose = z.optional(z.unknown());
export const identityReadingSchema = z.object({
  source: identitySourceSchema,
  unusable: z.optional(z.string()),
  accountId: loose,
  account: loose,
  accountAlias: loose,
  arn: loose,
  principal: loose,
  role: loose,
  labels: loose,
  username: loose,
  issuer: loose,
  region: loose,
  sessionId: loose,
  multiSession: loose,
  signInEndpoint: loose,
  signedIn: loose,
}) satisfies z.ZodMiniType<IdentityReading, unknown>;

/** A console page's readings and its host: what the judge needs to say who the tab is, and why. */
const pageReadings = {
  readings: z.array(identityReadingSchema),
  host: z.string().check(z.maxLength(253)),
};

// ---------------------------------------------------------------------------------------------
// where-am-i (popup, background → console content script).

export const whereAmIRequestSchema = z.object({ type: z.literal(MESSAGE.whereAmI) });
export type WhereAmIRequest = z.infer<typeof whereAmIRequestSchema>;

/** What the content script answers: the page's readings, not its conclusions, and the profile its banner matched. */
export const whereAmIReplySchema = z.object({
  ...pageReadings,
  /** Profile name of the matched catalogue entry, or null. */
  profile: z.nullable(z.string()),
});
export type WhereAmIReply = z.infer<typeof whereAmIReplySchema>;

/**
 * The reply, validated and judged: the identity (with what each source said), the verdict in one
 * line and the plain-text "Why?" report, built here from the readings by the same judge the
 * banner ran (so the content script, which runs on every console page, carries no report code).
 */
export const whereAmIResponseSchema = z.pipe(
  whereAmIReplySchema,
  z.transform(({ readings, host, profile }: WhereAmIReply) => {
    const identity = combineIdentity(readings, host);
    return { identity, profile, verdict: identityVerdict(identity), report: identityReport(identity, host) };
  }),
);
export type WhereAmIResponse = z.output<typeof whereAmIResponseSchema>;

// ---------------------------------------------------------------------------------------------
// identity-report (console content script → background): the banner's "Why?" on demand.

export const identityReportRequestSchema = z.object({ type: z.literal(MESSAGE.identityReport), ...pageReadings });
export type IdentityReportRequest = z.infer<typeof identityReportRequestSchema>;
export const identityReportReplySchema = z.object({ report: z.string() });
export type IdentityReportReply = z.infer<typeof identityReportReplySchema>;

// ---------------------------------------------------------------------------------------------
// banner-index-refresh (console content script → background) and catalogue:rebuild (extension
// pages → background): rebuild a derived cache; the answer only says it is done.

export const bannerIndexRefreshSchema = z.object({ type: z.literal(MESSAGE.bannerIndexRefresh) });
export const catalogueRebuildSchema = z.object({ type: z.literal(MESSAGE.catalogueRebuild) });
export const CATALOGUE_REBUILD_REQUEST: z.infer<typeof catalogueRebuildSchema> = { type: MESSAGE.catalogueRebuild };
export const doneReplySchema = z.object({ ok: z.literal(true) });
export type DoneReply = z.infer<typeof doneReplySchema>;

// ---------------------------------------------------------------------------------------------
// One-click switching (popup → background) and the sign-in page's auto-submit check
// (sign-in content script → background). See src/background/switch-role.ts.

export const switchRoleRequestSchema = z.object({
  type: z.literal(MESSAGE.switchRole),
  entry: catalogueEntrySchema,
  /** The tab the popup was opened on (the active tab), if any. */
  tabId: z.optional(z.int()),
  newTab: z.boolean(),
  /** The user confirmed re-entering a profile that already has a multi-session session, or a sixth session. */
  confirmReentry: z.optional(z.boolean()),
  /** Sign in again even when the profile has a live session (without it, the switch goes to that session). */
  signInAgain: z.optional(z.boolean()),
});
export type SwitchRoleRequest = z.infer<typeof switchRoleRequestSchema>;

export const switchOutcomeSchema = z.object({
  /** Which path was taken: the switch-role/SSO link, the classic console POST, the multi-session switch, going to the profile's live session, or nothing. */
  method: z.enum(['link', 'console-post', 'multi-session', 'session', 'none']),
  /** done: the switch is under way; needs-confirmation: ask the user, then send again with confirmReentry; failed: nothing changed. */
  status: z.enum(['done', 'needs-confirmation', 'failed']),
  /** What happened, in words shown to the user. */
  message: z.string(),
  /** needs-confirmation: what is asked, signing a session out again or a sixth session. */
  confirm: z.optional(z.enum(['re-sign-in', 'sixth-session'])),
});
export type SwitchOutcome = z.infer<typeof switchOutcomeSchema>;

export const switchAutosubmitRequestSchema = z.object({
  type: z.literal(MESSAGE.switchAutosubmit),
  nonce: z.string().check(z.regex(SWITCH_NONCE)),
});
export type SwitchAutosubmitRequest = z.infer<typeof switchAutosubmitRequestSchema>;

/** Whether the sign-in page may submit its pre-filled form, and which values the form must hold. */
export const switchAutosubmitReplySchema = z.union([
  z.object({ submit: z.literal(false) }),
  z.object({ submit: z.literal(true), account: z.string(), roleName: z.string() }),
]);
export type SwitchAutosubmitReply = z.infer<typeof switchAutosubmitReplySchema>;

// ---------------------------------------------------------------------------------------------
// Console sessions (issue 13). session-seen: a console content script says which session its
// tab is in (its readings, judged here, and the profile its banner matched). session-status and
// session-renew: the banner's session chip (src/content/session-chip.ts, injected by the
// background into tabs whose session it knows) asks for its line and for the same switch again.
// sessions: the popup asks which profiles are signed in.

export const sessionSeenSchema = z.object({ type: z.literal(MESSAGE.sessionSeen), ...pageReadings, profile: z.nullable(z.string()) });
export type SessionSeen = z.infer<typeof sessionSeenSchema>;
export const sessionStatusRequestSchema = z.object({ type: z.literal(MESSAGE.sessionStatus) });
export const sessionRenewRequestSchema = z.object({ type: z.literal(MESSAGE.sessionRenew) });

/** The banner's session line: a countdown to `endsAt` (a session this extension started), or since when the session is known. */
export const sessionBannerSchema = z.union([
  z.object({ kind: z.literal('countdown'), endsAt: z.number(), profile: z.nullable(z.string()) }),
  z.object({ kind: z.literal('seen'), since: z.number() }),
  z.object({ kind: z.literal('none') }),
]);

// ---------------------------------------------------------------------------------------------
// basis, switch-back (popup → background): who signed in on the tab, and going back to it.

export const basisRequestSchema = z.object({ type: z.literal(MESSAGE.basis), tabId: z.int() });
export const switchBackRequestSchema = z.object({ type: z.literal(MESSAGE.switchBack), tabId: z.int() });

const partitionSchema = z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']);
/** core/console/basis.ts's Basis. */
export const basisSchema = z.union([
  z.object({
    known: z.literal(true),
    partition: partitionSchema,
    accountId: z.optional(z.string().check(z.regex(/^\d{12}$/))),
    accountAlias: z.optional(z.string()),
    name: z.string(),
    text: z.string(),
    from: z.string(),
    switched: z.nullable(z.boolean()),
    sessionKey: z.optional(z.string()),
  }),
  z.object({ known: z.literal(false), reason: z.string() }),
]) satisfies z.ZodMiniType<Basis, unknown>;

export const sessionsRequestSchema = z.object({ type: z.literal(MESSAGE.sessions) });
export const SESSIONS_REQUEST: z.infer<typeof sessionsRequestSchema> = { type: MESSAGE.sessions };

/** One session as the popup shows it. */
export const sessionSummarySchema = z.object({
  profile: z.nullable(z.string()),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']),
  multiSession: z.boolean(),
  status: z.enum(['live', 'expired', 'unknown']),
  /** Open tabs that show it now. */
  tabs: z.int(),
  firstSeen: z.number(),
  /** Sessions this extension started: when they run out. */
  endsAt: z.optional(z.number()),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionsOverviewSchema = z.object({
  sessions: z.array(sessionSummarySchema),
  /** Partitions in multi-session mode and how many of their sessions may be signed in (the console allows `limit`). */
  multiSession: z.array(z.object({ partition: z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']), count: z.int() })),
  limit: z.int(),
  /** The background's clock when it answered. */
  now: z.number(),
});
export type SessionsOverview = z.infer<typeof sessionsOverviewSchema>;

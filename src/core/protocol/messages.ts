// Messages between extension contexts, validated on receipt: a content script runs next to
// untrusted page code, so nothing it answers is trusted without parsing.
import * as z from '../zod';
import { catalogueEntrySchema } from '../catalogue/schemas';

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
  /** Multi-session console (aws-facts §1.3): switching opens a new session instead of replacing this one. */
  multiSession: z.optional(z.boolean()),
  /** The sign-in host the page names (`signin.aws.amazon.com` or a regional one), checked against the partition. */
  signInEndpoint: z.optional(z.string()),
  /** The role came from the aws-userInfo cookie only, which can be stale after a switch. */
  weakPrincipal: z.optional(z.boolean()),
  /** Unknown account: why. */
  reason: z.optional(z.string()),
  /** Unknown account because sources disagree: the account IDs they name (production is never downgraded). */
  candidates: z.optional(z.array(z.string().check(z.regex(/^\d{12}$/)))),
  /** What each source said, strongest first. */
  sources: z.optional(z.array(sourceReportSchema)),
});
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>;

export const whereAmIRequestSchema = z.object({ type: z.literal('where-am-i') });
export type WhereAmIRequest = z.infer<typeof whereAmIRequestSchema>;

export const whereAmIResponseSchema = z.object({
  identity: z.nullable(consoleIdentitySchema),
  /** Profile name of the matched catalogue entry, or null. */
  profile: z.nullable(z.string()),
  /** The banner's verdict in one line and its plain-text "Why?" report (identity-report.ts), for the popup to show and copy. */
  verdict: z.optional(z.string()),
  report: z.optional(z.string()),
});
export type WhereAmIResponse = z.infer<typeof whereAmIResponseSchema>;

// ---------------------------------------------------------------------------------------------
// One-click switching (popup → background) and the sign-in page's auto-submit check
// (sign-in content script → background). See src/background/switch-role.ts.

export const switchRoleRequestSchema = z.object({
  type: z.literal('switch-role'),
  entry: catalogueEntrySchema,
  /** The tab the popup was opened on (the active tab), if any. */
  tabId: z.optional(z.int()),
  newTab: z.boolean(),
  /** The user confirmed re-entering a profile that already has a multi-session session. */
  confirmReentry: z.optional(z.boolean()),
});
export type SwitchRoleRequest = z.infer<typeof switchRoleRequestSchema>;

export const switchOutcomeSchema = z.object({
  /** Which path was taken: the switch-role/SSO link, the classic console POST, the multi-session switch, or nothing. */
  method: z.enum(['link', 'console-post', 'multi-session', 'none']),
  /** done: the switch is under way; needs-confirmation: ask the user, then send again with confirmReentry; failed: nothing changed. */
  status: z.enum(['done', 'needs-confirmation', 'failed']),
  /** What happened, in words shown to the user. */
  message: z.string(),
});
export type SwitchOutcome = z.infer<typeof switchOutcomeSchema>;

export const bannerIndexRefreshSchema = z.object({ type: z.literal('banner-index-refresh') });

export const switchAutosubmitRequestSchema = z.object({
  type: z.literal('switch-autosubmit'),
  nonce: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
});
/** Whether the sign-in page may submit its pre-filled form, and which values the form must hold. */
export type SwitchAutosubmitResponse = { submit: false } | { submit: true; account: string; roleName: string };

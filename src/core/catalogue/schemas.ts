// zod schemas for everything that crosses a trust boundary: data read back from storage
// (possibly written by an older version or corrupted) and messages between contexts.
import * as z from '../zod';
import { ENVIRONMENTS } from '../types';
import { DEFAULT_SESSION_MINUTES, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from '../sessions/session-time';

export const diagnosticSchema = z.object({
  line: z.int().check(z.minimum(1)),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const catalogueEntrySchema = z.object({
  profile: z.string().check(z.minLength(1)),
  kind: z.enum(['role', 'sso']),
  accountId: z.optional(z.string().check(z.regex(/^\d{12}$/))),
  accountAlias: z.optional(z.string().check(z.minLength(1))),
  roleName: z.string().check(z.minLength(1)),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']),
  region: z.optional(z.string()),
  app: z.string(),
  env: z.enum(ENVIRONMENTS),
  envLabel: z.string(),
  isProduction: z.boolean(),
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/)),
  url: z.url(),
  displayName: z.string().check(z.maxLength(64)),
  sourceProfile: z.optional(z.array(z.string())),
  base: z.optional(
    z.union([
      z.object({ accountId: z.optional(z.string().check(z.regex(/^\d{12}$/))), accountAlias: z.optional(z.string()), from: z.string() }),
      z.object({ unknown: z.string() }),
    ]),
  ),
  ssoStartUrl: z.optional(z.string()),
  ssoRegion: z.optional(z.string()),
  notes: z.optional(z.array(z.string())),
  line: z.int().check(z.minimum(1)),
  origin: z.optional(z.literal('organisation')),
  sessionMinutes: z.optional(z.int().check(z.minimum(MIN_SESSION_MINUTES), z.maximum(MAX_SESSION_MINUTES))),
}).check(
  z.refine((entry) => entry.accountId !== undefined || entry.accountAlias !== undefined, {
    message: 'an entry needs accountId or accountAlias',
    path: ['accountId'],
  }),
);

export const catalogueSchema = z.object({
  entries: z.array(catalogueEntrySchema),
  skipped: z.array(z.object({ profile: z.string(), reason: z.string(), line: z.int().check(z.minimum(1)), expected: z.optional(z.literal(true)) })),
  diagnostics: z.array(diagnosticSchema),
  removedSecrets: z.array(
    z.object({ section: z.string(), keys: z.array(z.string()), lines: z.array(z.int()), what: z.array(z.string()) }).check(
      z.refine((r) => r.what.length === r.lines.length, { message: 'one description per removed line', path: ['what'] }),
    ),
  ),
});

export const settingsSchema = z.object({
  bannerEnabled: z._default(z.boolean(), true),
  bannerPosition: z._default(z.enum(['top', 'bottom']), 'top'),
  titlePrefix: z._default(z.boolean(), true),
  /** Submit the pre-filled sign-in switch form automatically, only when our marker is in the URL. */
  autoSubmitSwitchForm: z._default(z.boolean(), true),
  favourites: z._default(z.array(z.string()), []),
  /** How long a console session the extension starts lasts, unless its profile says (docs/aws-facts.md §7). */
  sessionMinutes: z._default(z.int().check(z.minimum(MIN_SESSION_MINUTES), z.maximum(MAX_SESSION_MINUTES)), DEFAULT_SESSION_MINUTES),
  /** A switch started on a tab that is not an AWS console page: open a new tab (the page stays) or use that tab. */
  otherTabSwitch: z._default(z.enum(['new-tab', 'this-tab']), 'new-tab'),
  /** The popup's rows: one line each (16+ roles in view) or two. */
  density: z._default(z.enum(['compact', 'comfortable']), 'compact'),
  /** The popup's list: by app and environment, or the config's own order (as AWS Extend Switch Roles shows it). */
  listOrder: z._default(z.enum(['grouped', 'config']), 'grouped'),
  /** Lower-cased apps whose groups the user folded in the popup. */
  collapsedApps: z._default(z.array(z.string()), []),
  /** The popup lists only the roles reachable from the console tab's sign-in (issue 15 §2, core/console/basis.ts). */
  onlyReachable: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

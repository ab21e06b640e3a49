// zod schemas for everything that crosses a trust boundary: data read back from storage
// (possibly written by an older version or corrupted) and messages between contexts.
import * as z from './zod';
import { ENVIRONMENTS } from './types';

export const diagnosticSchema = z.object({
  line: z.number().int().min(1),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const catalogueEntrySchema = z.object({
  profile: z.string().min(1),
  kind: z.enum(['role', 'sso']),
  accountId: z.string().regex(/^\d{12}$/).optional(),
  accountAlias: z.string().min(1).optional(),
  roleName: z.string().min(1),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']),
  region: z.string().optional(),
  app: z.string(),
  env: z.enum(ENVIRONMENTS),
  envLabel: z.string(),
  isProduction: z.boolean(),
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  url: z.string().url(),
  displayName: z.string().max(64),
  sourceProfile: z.array(z.string()).optional(),
  ssoStartUrl: z.string().optional(),
  ssoRegion: z.string().optional(),
  notes: z.array(z.string()).optional(),
  line: z.number().int().min(1),
}).refine((entry) => entry.accountId !== undefined || entry.accountAlias !== undefined, {
  message: 'an entry needs accountId or accountAlias',
  path: ['accountId'],
});

export const catalogueSchema = z.object({
  entries: z.array(catalogueEntrySchema),
  skipped: z.array(z.object({ profile: z.string(), reason: z.string(), line: z.number().int().min(1) })),
  diagnostics: z.array(diagnosticSchema),
  removedSecrets: z.array(z.object({ section: z.string(), keys: z.array(z.string()), lines: z.array(z.number().int()) })),
});

export const settingsSchema = z.object({
  bannerEnabled: z.boolean().default(true),
  bannerPosition: z.enum(['top', 'bottom']).default('top'),
  titlePrefix: z.boolean().default(true),
  /** Submit the pre-filled sign-in switch form automatically, only when our marker is in the URL. */
  autoSubmitSwitchForm: z.boolean().default(true),
  favourites: z.array(z.string()).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

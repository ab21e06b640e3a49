// Messages between extension contexts, validated on receipt: a content script runs next to
// untrusted page code, so nothing it answers is trusted without parsing.
import { z } from './zod';

export const consoleIdentitySchema = z.object({
  /** 12 digits, or null when no trustworthy source gave one ("unknown account"). */
  accountId: z.string().regex(/^\d{12}$/).nullable(),
  accountAlias: z.string().optional(),
  /** Role name (last segment) for assumed roles; IAM user name for users. */
  roleName: z.string().optional(),
  /** For SSO roles (`AWSReservedSSO_<set>_<hash>`): the permission-set name. */
  permissionSet: z.string().optional(),
  principalKind: z.enum(['assumed-role', 'user', 'root', 'unknown']),
  partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']),
  region: z.string().optional(),
  /** Multi-session console: the first host label (`<account>-<8 chars>`). */
  sessionId: z.string().optional(),
  /** Which source the identity came from, most robust first. */
  source: z.enum(['session-data', 'host-label', 'navigation', 'cookie', 'none']),
});
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>;

export const whereAmIRequestSchema = z.object({ type: z.literal('where-am-i') });
export type WhereAmIRequest = z.infer<typeof whereAmIRequestSchema>;

export const whereAmIResponseSchema = z.object({
  identity: consoleIdentitySchema.nullable(),
  /** Profile name of the matched catalogue entry, or null. */
  profile: z.string().nullable(),
});
export type WhereAmIResponse = z.infer<typeof whereAmIResponseSchema>;

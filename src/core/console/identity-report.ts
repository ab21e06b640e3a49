// The plain-text "Why?" report: what each identity source of a console page said, which one
// decided the account, or why it is unknown. The banner and the popup show it on demand and a
// user whose console changed can copy it into a bug report. It holds what the banner shows
// (account IDs, aliases, role names) and the judge's verdicts, never a session name, a cookie
// value or a token.
//
// Built where it is shown, from the readings a content script sends (messages.ts): the popup
// when it parses the where-am-i reply, the background for the banner's "Why?" button. The
// content script itself carries no report code (its size budget).
import { IDENTITY_SOURCES, SOURCE_LABELS, principalText } from './console-identity';
import { formatAccountId } from '../aws-names';
import type { ConsoleIdentity } from '../protocol/messages';

/** The verdict in one line: the account and role, or "unknown account" and why. */
export function identityVerdict(identity: ConsoleIdentity | null): string {
  if (!identity || identity.source === 'none') return `Unknown account: ${identity?.reason ?? 'the page did not answer'}`;
  const id = identity.accountId && formatAccountId(identity.accountId);
  const alias = identity.accountAlias;
  const role = identity.permissionSet ? `permission set ${identity.permissionSet}` : principalText(identity.principalKind, identity.roleName);
  return `Account ${id && alias ? `${id} (${alias})` : (id || alias)}${role ? `, ${role}` : ''}: decided by the ${SOURCE_LABELS[identity.source]}`;
}

/** The whole report, one line per source reading, strongest source first. */
export function identityReport(identity: ConsoleIdentity | null, host: string): string {
  const lines = [`Role Switchboard: who is this console tab? ${host} (partition ${identity?.partition})`, identityVerdict(identity)];
  for (const source of IDENTITY_SOURCES) {
    const said = identity?.sources?.filter((s) => s.source === source) ?? [];
    if (!said[0]) lines.push(`- ${SOURCE_LABELS[source]}: not found`);
    for (const s of said) {
      const what = [s.account, s.principal, s.verdict.split('-').join(' ')].filter(Boolean).join(', ');
      lines.push(`- ${SOURCE_LABELS[source]}: ${what}${s.note ? ` (${s.note})` : ''}`);
    }
  }
  return lines.join('\n');
}

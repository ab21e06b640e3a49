// The base of a role entry: the account of the identity at the root of its source_profile chain
// (issue 15 §2, AWS Extend Switch Roles' base account). The console's "Only roles I can reach
// from here" compares it with the account the user signed in to (src/core/console/basis.ts).
//
// What the config says about that identity, strongest first:
// - the root's `aws_account_id` (how AWS Extend Switch Roles users write their base account),
// - the root's `sso_account_id` (an Identity Center profile as the source),
// - the root's own `role_arn` when the root is a role without keys (credential_source, web identity),
// - an `mfa_serial` ARN on the entry or any profile of its chain: the MFA device belongs to the
//   IAM user whose keys start the chain (docs/aws-facts.md §4).
// When these name different accounts, or none, the base is unknown and says why: never guessed.
import { isAccountAlias, isAccountId } from '../aws-names';
import { splitArn } from '../aws-arn';
import type { EntryBase } from '../types';
import { clean, raw, sourceOf, type Profile, type Profiles } from './import-profile';

/** Where evidence was read, as the base's `from` says it (built only for evidence found). */
const where = (p: Profile, key: string) => `${key} in [${p.name}]`;

interface Evidence {
  accountId?: string;
  accountAlias?: string;
  from: string;
}

/** An account as `key` of `p` writes it: 12 digits (dashes allowed), or an alias. */
function accountIn(value: string | undefined, p: Profile, key: string): Evidence | null {
  const v = clean(value);
  if (!v) return null;
  const digits = v.replace(/-/g, '');
  if (/^[\d-]+$/.test(v) && isAccountId(digits)) return { accountId: digits, from: where(p, key) };
  return isAccountAlias(v) ? { accountAlias: v, from: where(p, key) } : null;
}

/** The account of an IAM ARN (`arn:aws:iam::<account>:mfa/alice`, `...:role/X`) that `key` of `p` holds. */
function arnAccount(value: string | undefined, p: Profile, key: string): Evidence | null {
  // Most profiles have no such key: nothing to split.
  if (value === undefined) return null;
  const arn = splitArn(clean(value) ?? '');
  return arn && isAccountId(arn.account) ? { accountId: arn.account, from: where(p, key) } : null;
}

/** The profiles of the chain after `p`, nearest first, and whether the chain ends at a profile that is not in the text. */
function chainOf(p: Profile, profiles: Profiles): { chain: Profile[]; missing?: string } {
  const chain: Profile[] = [];
  let current = p;
  for (const name of p.sourceProfile ?? []) {
    const next = sourceOf(current, profiles);
    if (!next) return { chain, missing: name };
    chain.push(next);
    current = next;
  }
  return { chain };
}

/** What the root says about its own account, added to `evidence`. */
function addRootEvidence(root: Profile, evidence: Evidence[]): void {
  const found = [
    accountIn(root.aws_account_id, root, 'aws_account_id'),
    accountIn(raw(root, 'sso_account_id') ?? raw(root, 'granted_sso_account_id'), root, 'sso_account_id'),
    // A role at the root with keys of its own would use the keys, not the role (botocore).
    root.hadKeys ? null : arnAccount(root.role_arn, root, 'role_arn'),
  ];
  for (const e of found) if (e !== null) evidence.push(e);
}

const accountText = (e: Evidence) => `${e.accountId ?? e.accountAlias} (${e.from})`;

/** The account of `q`'s MFA device, added to `evidence`. */
function addMfaEvidence(q: Profile, evidence: Evidence[]): void {
  const mfa = arnAccount(raw(q, 'mfa_serial'), q, 'mfa_serial');
  if (mfa) evidence.push(mfa);
}

/**
 * The bases an import has worked out, by the first source profile of the chain: a chain that
 * resolved is the same from its first source on whoever names it (botocore follows it the same
 * way), so an entry without an mfa_serial of its own has the base of every other entry with that
 * source. Ten thousand entries often share one identity profile (and its mfa_serial ARN).
 */
export type BasesBySource = Map<Profile, EntryBase>;

/**
 * The base of a role profile already classified (its `sourceProfile` chain resolved). Entries
 * with the same first source share one base record (nothing changes an entry's base in place).
 */
export function baseOf(p: Profile, profiles: Profiles, bySource: BasesBySource): EntryBase {
  const first = p.sourceProfile && raw(p, 'mfa_serial') === undefined && sourceOf(p, profiles);
  let base = first && bySource.get(first);
  if (!base) {
    base = chainBase(p, profiles);
    if (first) bySource.set(first, base);
  }
  return base;
}

/** What the profiles of `p`'s chain, and `p` itself, say about the account at its root. */
function chainBase(p: Profile, profiles: Profiles): EntryBase {
  const selfSource = p.source !== undefined && p.source === p.name;
  if (!p.sourceProfile && !selfSource) return { unknown: 'it has no source_profile, so the config does not say who assumes it' };
  const { chain, missing } = chainOf(p, profiles);
  const root = missing === undefined && chain.length > 0 ? chain[chain.length - 1]! : undefined;
  const evidence: Evidence[] = [];
  if (root) addRootEvidence(root, evidence);
  addMfaEvidence(p, evidence);
  for (const q of chain) addMfaEvidence(q, evidence);
  const first = evidence[0];
  if (!first) {
    if (missing !== undefined) return { unknown: `its source profile "${missing}" is not in this file` };
    const name = root?.name ?? p.name;
    return { unknown: `[${name}] does not say its account (aws_account_id, sso_account_id, role_arn or mfa_serial)` };
  }
  // The first ID and the first alias named; two different ones of either make the base unknown.
  const id = evidence.find((e) => e.accountId !== undefined)?.accountId;
  const alias = evidence.find((e) => e.accountAlias !== undefined)?.accountAlias;
  if (evidence.some((e) => (e.accountId !== undefined && e.accountId !== id) || (e.accountAlias !== undefined && e.accountAlias !== alias))) {
    return { unknown: `the config names different accounts for it: ${evidence.map(accountText).join(', ')}` };
  }
  const base: EntryBase = { from: evidence.map((e) => e.from).join(', ') };
  if (id !== undefined) base.accountId = id;
  if (alias !== undefined) base.accountAlias = alias;
  return base;
}

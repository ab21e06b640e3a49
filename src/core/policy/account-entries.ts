// Accounts the organisation describes in `accounts` that no profile names: there is nothing to
// switch to, so they are not in the catalogue, but a console page of such an account must still
// say what the organisation says about it (above all: production). One stand-in entry per such
// account, for the banner index only. Its role name is empty, so it never matches a signed-in
// role: the banner shows the account (state 'account') in the organisation's environment.
// An account ID says nothing of its partition, so there is one stand-in in each partition.
import { ENV_COLORS, PRODUCTION_COLOR } from '../catalogue/colors';
import { PARTITIONS } from '../aws-arn';
import { formatAccountId } from '../aws-names';
import type { BannerEntry } from '../console/identity-match';
import type { Partition } from '../types';
import type { AccountPolicy, OrganisationPolicy } from './policy-values';

/** The headline of a stand-in without an `app`. */
export const ORGANISATION_ACCOUNT_APP = "Your organisation's account";

export function policyAccountEntries(policy: Pick<OrganisationPolicy, 'accounts'>, entries: readonly Pick<BannerEntry, 'accountId' | 'partition'>[]): BannerEntry[] {
  const named = new Set(entries.flatMap((e) => (e.accountId !== undefined ? [`${e.partition}:${e.accountId}`] : [])));
  const ids = Object.keys(policy.accounts).sort();
  return PARTITIONS.flatMap((partition) =>
    ids
      .filter((id) => !named.has(`${partition}:${id}`))
      .map((id) => standIn(id, partition, policy.accounts[id]!)),
  );
}

function standIn(id: string, partition: Partition, account: AccountPolicy): BannerEntry {
  const env = account.production ? 'production' : (account.env ?? 'other');
  const entry: BannerEntry = {
    // Profile names are unique in an index record: the partition tells the stand-ins apart.
    profile: `Account ${formatAccountId(id)}${partition === 'aws' ? '' : ` (${partition})`}`,
    kind: 'role',
    accountId: id,
    roleName: '',
    partition,
    app: account.app ?? ORGANISATION_ACCOUNT_APP,
    env,
    envLabel: account.production ? 'production' : (account.envLabel ?? 'other'),
    isProduction: account.production,
    color: account.production ? PRODUCTION_COLOR : ENV_COLORS[env],
  };
  if (account.alias !== undefined) entry.accountAlias = account.alias;
  return entry;
}

// The organisation's policy (docs/administrators.md), as the background applies it: its part of
// the catalogue (merged into the cache that every page reads) and the settings it locks.
import { checksumText, effectiveSettings, mergeCatalogues, policyAccountEntries, policyFingerprint, type BannerEntry, type Catalogue, type CatalogueEntry, type Settings } from '../core';
import { readPolicy } from '../platform/policy-store';
import { loadSettings, type OrganisationPart } from '../platform/storage';

/** What the policy adds to the catalogue now ('' key and no change when there is no policy). */
export async function organisationPart(): Promise<OrganisationPart> {
  const policy = await readPolicy();
  const fingerprint = policyFingerprint(policy);
  if (!fingerprint) return { key: '', apply: (personal) => personal };
  return {
    key: await checksumText(fingerprint),
    apply: (personal: Catalogue) => ({ ...personal, entries: mergeCatalogues(policy, personal.entries).entries }),
  };
}

/** The settings in force: the user's, with the organisation's locked values over them. */
export async function settingsInForce(): Promise<Settings> {
  const [stored, policy] = await Promise.all([loadSettings(), readPolicy()]);
  return effectiveSettings(stored, policy).settings;
}

/**
 * The banner index's entries: the catalogue's, and a stand-in for each account the organisation
 * describes that no profile names (a production account must banner as production all the same).
 */
export async function bannerEntries(entries: readonly CatalogueEntry[]): Promise<(CatalogueEntry | BannerEntry)[]> {
  const policy = await readPolicy();
  return [...entries, ...policyAccountEntries(policy, entries)];
}

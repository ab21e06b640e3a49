// The organisation's policy (docs/administrators.md), as the background applies it: its part of
// the catalogue (merged into the cache that every page reads) and the settings it locks.
import { checksumText, effectiveSettings, mergeCatalogues, policyFingerprint, type Catalogue, type Settings } from '../core';
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

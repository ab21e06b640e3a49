// What the import page says about the organisation's policy (docs/administrators.md): how many
// roles it publishes, whether people may add their own, what it locked, what is wrong with it,
// and what happened to the user's own profiles. Pure: the page renders these strings as text.
import type { CatalogueEntry } from '../types';
import { LOCKABLE_SETTINGS, type LockableSetting } from './lockable';
import { mergeCatalogues } from './merge-catalogues';
import { groupPolicyProblems, type OrganisationPolicy, type PolicyProblemGroup } from './policy-values';

export interface OrganisationView {
  /** Some policy value is set for this extension. */
  active: boolean;
  /** The organisation's profiles (its config's entries). */
  profiles: number;
  /** false: only the organisation's profiles are shown, and the user cannot import their own. */
  personalAllowed: boolean;
  /** The settings it locked, to these values, in LOCKABLE_SETTINGS order. */
  locked: { key: LockableSetting; value: boolean }[];
  /** Its problems, one group per part of the policy ("Your organisation's config: 2 errors (lines 3, 7)"). */
  problems: PolicyProblemGroup[];
  /** About the user's own profiles: kept but hidden, shown once, renamed. */
  notices: string[];
}

export function organisationView(policy: OrganisationPolicy, personal: readonly CatalogueEntry[]): OrganisationView {
  const locked = LOCKABLE_SETTINGS.flatMap((key) => (policy.locked[key] === undefined ? [] : [{ key, value: policy.locked[key]! }]));
  return {
    active: policy.active,
    profiles: policy.config?.catalogue.entries.length ?? 0,
    personalAllowed: policy.allowPersonalConfig,
    locked,
    problems: groupPolicyProblems(policy.problems),
    notices: policy.active ? mergeCatalogues(policy, personal).notices : [],
  };
}

export const ORGANISATION_EXPORT_HEADING = "# From your organisation's browser policy";

/**
 * The export: the user's own config as stored, then the organisation's profiles, each line
 * commented out under a heading that says where they came from. Commented out, so that
 * importing the file again never copies the organisation's profiles into the user's own (they
 * would outlive a change to the policy). null when there is nothing to export.
 */
export function exportWithOrganisation(personal: string | null, policy: Pick<OrganisationPolicy, 'config'>): { text: string; organisationProfiles: number } | null {
  const organisation = policy.config;
  const count = organisation?.catalogue.entries.length ?? 0;
  if (!organisation || count === 0) return personal === null ? null : { text: personal, organisationProfiles: 0 };
  const commented = organisation.text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line === '' ? '#' : `# ${line}`));
  const block = [
    ORGANISATION_EXPORT_HEADING,
    `# (${count} ${count === 1 ? 'profile' : 'profiles'}, commented out: they are set by your organisation, not part of your own config.)`,
    '#',
    ...commented,
    '',
  ].join('\n');
  const own = personal === null || personal.trim() === '' ? '' : `${personal.replace(/\n*$/, '\n')}\n`;
  return { text: own + block, organisationProfiles: count };
}

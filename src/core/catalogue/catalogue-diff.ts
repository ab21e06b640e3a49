// What an import would change in the catalogue, so that nothing removes a user's roles without
// asking: the import page shows this and asks first when roles would go, or when a production
// role would stop being production.
import { formatAccountId } from '../aws-names';
import type { CatalogueEntry } from '../types';

export interface ChangedEntry {
  before: CatalogueEntry;
  after: CatalogueEntry;
  /** What changed, in words (`account 1111-2222-3333 → 4444-5555-6666`). */
  what: string[];
}

export interface CatalogueDiff {
  added: CatalogueEntry[];
  removed: CatalogueEntry[];
  changed: ChangedEntry[];
  unchanged: number;
}

const account = (e: CatalogueEntry) => (e.accountId ? formatAccountId(e.accountId) : (e.accountAlias ?? ''));
const environment = (e: CatalogueEntry) => (e.isProduction ? `${e.envLabel} (production)` : e.envLabel);

/** The fields a user would call "a different role", each with how to say it. */
const COMPARED: readonly { name: string; of: (e: CatalogueEntry) => string }[] = [
  { name: 'account', of: account },
  { name: 'role', of: (e) => e.roleName },
  { name: 'partition', of: (e) => e.partition },
  { name: 'kind', of: (e) => (e.kind === 'sso' ? 'IAM Identity Center' : 'role') },
  { name: 'region', of: (e) => e.region ?? 'none' },
  { name: 'app', of: (e) => e.app },
  { name: 'environment', of: environment },
  { name: 'colour', of: (e) => e.color },
  { name: 'SSO start URL', of: (e) => e.ssoStartUrl ?? 'none' },
];

function differences(before: CatalogueEntry, after: CatalogueEntry): string[] {
  const out: string[] = [];
  for (const field of COMPARED) {
    const a = field.of(before);
    const b = field.of(after);
    if (a !== b) out.push(`${field.name} ${a} → ${b}`);
  }
  return out;
}

/** Entries matched by profile name: added, removed, changed (with what), and how many are the same. */
export function diffCatalogues(before: readonly CatalogueEntry[], after: readonly CatalogueEntry[]): CatalogueDiff {
  const old = new Map(before.map((e) => [e.profile, e]));
  const diff: CatalogueDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const entry of after) {
    seen.add(entry.profile);
    const was = old.get(entry.profile);
    if (!was) {
      diff.added.push(entry);
      continue;
    }
    const what = differences(was, entry);
    if (what.length > 0) diff.changed.push({ before: was, after: entry, what });
    else diff.unchanged++;
  }
  for (const entry of before) if (!seen.has(entry.profile)) diff.removed.push(entry);
  return diff;
}

/** Production roles that the change would show as something else. */
export function productionLost(diff: CatalogueDiff): ChangedEntry[] {
  return diff.changed.filter((c) => c.before.isProduction && !c.after.isProduction);
}

/** An import must be confirmed when it removes a role or makes a production role look like another environment. */
export function needsConfirmation(diff: CatalogueDiff): boolean {
  return diff.removed.length > 0 || productionLost(diff).length > 0;
}

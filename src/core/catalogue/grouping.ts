// How the popup lists roles: by app (alphabetical, `Other` last), then by environment in a
// fixed order (development → test → staging → production → sandbox → other). Environments
// written differently (`qa` and `uat` are both test) stay separate rows, in label order, so the
// user sees the words of their own config.
import { OTHER_APP } from './environments';
import { ENVIRONMENTS, type CatalogueEntry, type Environment } from '../types';

export interface EnvGroup<T> {
  env: Environment;
  envLabel: string;
  entries: T[];
}

export interface AppGroup<T> {
  app: string;
  envs: EnvGroup<T>[];
}

const ENV_RANK: Readonly<Record<Environment, number>> = Object.fromEntries(ENVIRONMENTS.map((env, i) => [env, i])) as Record<Environment, number>;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Minimal shape grouping needs, so UI code can group its own view models too. */
export type Groupable = Pick<CatalogueEntry, 'profile' | 'app' | 'env' | 'envLabel'>;

export function groupEntries<T extends Groupable>(entries: readonly T[]): AppGroup<T>[] {
  // App names group case-insensitively; the first spelling seen is shown.
  const apps = new Map<string, { app: string; envs: Map<string, EnvGroup<T>> }>();
  for (const entry of entries) {
    const key = entry.app.toLowerCase();
    let app = apps.get(key);
    if (!app) {
      app = { app: entry.app, envs: new Map() };
      apps.set(key, app);
    }
    const envKey = `${entry.env}\u0000${entry.envLabel}`;
    let env = app.envs.get(envKey);
    if (!env) {
      env = { env: entry.env, envLabel: entry.envLabel, entries: [] };
      app.envs.set(envKey, env);
    }
    env.entries.push(entry);
  }
  const otherKey = OTHER_APP.toLowerCase();
  const groups = [...apps.entries()]
    .sort(([a], [b]) => (a === otherKey ? 1 : b === otherKey ? -1 : collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)))
    .map(([, app]) => ({
      app: app.app,
      envs: [...app.envs.values()]
        .sort((a, b) => ENV_RANK[a.env] - ENV_RANK[b.env] || compareLabels(a, b))
        .map((env) => ({ ...env, entries: env.entries.sort((a, b) => collator.compare(a.profile, b.profile) || (a.profile < b.profile ? -1 : a.profile > b.profile ? 1 : 0)) })),
    }));
  return groups;
}

/** The canonical word first (`test` before `qa`), then alphabetical; `other` last within other. */
function compareLabels(a: EnvGroup<unknown>, b: EnvGroup<unknown>): number {
  const aCanonical = a.envLabel === a.env;
  const bCanonical = b.envLabel === b.env;
  if (a.env === 'other') {
    if (aCanonical !== bCanonical) return aCanonical ? 1 : -1;
  } else if (aCanonical !== bCanonical) return aCanonical ? -1 : 1;
  return collator.compare(a.envLabel, b.envLabel);
}

/** Entries in the popup's fixed order: apps (alphabetical, Other last), then environments in fixed order. */
export function orderForDisplay<T extends Groupable>(entries: readonly T[]): T[] {
  const out: T[] = [];
  for (const app of groupEntries(entries)) for (const env of app.envs) out.push(...env.entries);
  return out;
}

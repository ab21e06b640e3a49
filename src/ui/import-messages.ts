// What an import did, in words: the import page and the popup's paste box say it the same way.
import type { RemovedSecrets } from '../core';
import type { SaveResult } from '../platform/storage';
import { plural } from './format';

/** The parts of an import that its message reports. */
export interface ImportFacts {
  roles: number;
  skipped: number;
  removedSecrets: readonly RemovedSecrets[];
  repairedLines: readonly number[];
}

export function importSummary(facts: ImportFacts, save: SaveResult, verb = 'Imported'): string {
  const parts = [`${verb} ${plural(facts.roles, 'role')}.`];
  if (facts.skipped > 0) parts.push(`${plural(facts.skipped, 'profile')} skipped.`);
  // An empty or all-commented text: say what was expected rather than a bare "0 roles".
  else if (facts.roles === 0) parts.push('The text has no profiles: paste the whole of ~/.aws/config, with its [profile name] sections.');
  const removedLines = facts.removedSecrets.reduce((n, r) => n + r.lines.length, 0);
  if (removedLines > 0) parts.push(`${plural(removedLines, 'secret line')} removed before saving.`);
  if (facts.repairedLines.length > 0) parts.push(`${plural(facts.repairedLines.length, 'line')} with a broken character repaired.`);
  if (save.where === 'sync') parts.push(`Saved in sync storage (${kb(save.syncBytes)} of 100 KB).`);
  return parts.join(' ');
}

/** A warning when nothing usable came of it or the save had a problem. */
export function importTone(facts: ImportFacts, save: SaveResult): 'success' | 'warning' {
  return save.problem || facts.roles === 0 ? 'warning' : 'success';
}

export function importMessage(facts: ImportFacts, save: SaveResult, verb?: string): { tone: 'success' | 'warning'; text: string } {
  return { tone: importTone(facts, save), text: [importSummary(facts, save, verb), save.problem].filter(Boolean).join(' ') };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}

/** "too big" in the same words for a file and a paste. */
export function tooBigMessage(what: string, bytes: number): string {
  return `${what} is ${kb(bytes)}: that is not an AWS config (the limit is 5 MB).`;
}

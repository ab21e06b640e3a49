// "Add to my config": a second config text merged into the stored one. Sections the stored
// config lacks are appended as written; a section it already has (a profile, an sso-session, a
// services block or a bare section of the same name, as the AWS CLI names them) keeps the stored
// version and is reported, so a merge never changes or removes a role the user already has.
// A [DEFAULT] section is never merged: it would change every profile in the stored config.
//
// Both texts must already be free of secrets (secrets are removed before anything else).
import { headerName, scanConfigLines } from './config-scanner';
import { parseAwsConfig } from './parse-aws-config';
import type { ConfigValue, ParsedConfig } from '../types';

export interface SectionReport {
  /** The section as written in the added text, e.g. `profile billing-dev`. */
  section: string;
  /** 1-based line of its header in the added text. */
  line: number;
}

export interface MergeResult {
  text: string;
  added: SectionReport[];
  /** Same-named sections: the stored one is kept; `identical` when both say the same. */
  sameNamed: (SectionReport & { identical: boolean })[];
  /** Sections of the added text that were not merged, with the reason. */
  notMerged: (SectionReport & { reason: string })[];
}

type Kind = 'profiles' | 'ssoSessions' | 'services' | 'otherSections';
const KINDS: readonly Kind[] = ['profiles', 'ssoSessions', 'services', 'otherSections'];

interface Identified {
  /** `profiles:dev`, the name the AWS CLI knows the section by. */
  id: string;
  values: Record<string, ConfigValue>;
}

/** Header line → the section's identity, for the sections the AWS CLI reads. */
function identities(parsed: ParsedConfig): Map<number, Identified> {
  const byLine = new Map<number, Identified>();
  for (const kind of KINDS) {
    for (const [name, location] of Object.entries(parsed.locations[kind])) {
      byLine.set(location.line, { id: `${kind}:${name}`, values: parsed[kind][name]! });
    }
  }
  return byLine;
}

interface Block {
  name: string;
  line: number;
  /** The header and every line up to the next header. */
  text: string;
}

function sectionBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: { name: string; line: number; start: number } | null = null;
  scanConfigLines(text, (line) => {
    if (line.kind !== 'header') return;
    if (open) blocks.push({ name: open.name, line: open.line, text: text.slice(open.start, line.start) });
    // From the '[' on: an indented header read after a stored key would continue that key's value.
    open = { name: headerName(text, line), line: line.lineNo, start: line.from };
  });
  const last = open as { name: string; line: number; start: number } | null;
  if (last) blocks.push({ name: last.name, line: last.line, text: text.slice(last.start) });
  return blocks;
}

const sameValues = (a: Record<string, ConfigValue>, b: Record<string, ConfigValue>) => JSON.stringify(a) === JSON.stringify(b);

export function mergeConfigText(current: string, addition: string): MergeResult {
  const stored = identities(parseAwsConfig(current));
  const storedById = new Map([...stored.values()].map((s) => [s.id, s]));
  const incoming = identities(parseAwsConfig(addition));
  const result: MergeResult = { text: current, added: [], sameNamed: [], notMerged: [] };
  const appended: string[] = [];
  for (const block of sectionBlocks(addition)) {
    const report = { section: block.name, line: block.line };
    const identity = incoming.get(block.line);
    if (block.name === 'DEFAULT') result.notMerged.push({ ...report, reason: '[DEFAULT] would change every profile in your config' });
    else if (!identity) result.notMerged.push({ ...report, reason: 'the AWS CLI does not read this section (or the text defines it twice)' });
    else if (storedById.has(identity.id)) result.sameNamed.push({ ...report, identical: sameValues(storedById.get(identity.id)!.values, identity.values) });
    else {
      result.added.push(report);
      appended.push(block.text.endsWith('\n') ? block.text : `${block.text}\n`);
    }
  }
  if (appended.length > 0) {
    const base = current === '' || current.endsWith('\n') ? current : `${current}\n`;
    result.text = `${base}${base === '' ? '' : '\n'}${appended.join('')}`;
  }
  return result;
}

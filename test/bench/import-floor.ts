// The floor of the import budgets: an importer that checks nothing. leanImport reads the
// shapes of the bench's AESR-compatible and own-colours texts (`[profile x]` with role_arn,
// AWS Extend Switch Roles' aws_account_id + role_name, and base accounts with targets) into
// entries with what importConfig's carry for them (account, role, colour, app, switch link
// with the region's console), and nothing else: no botocore rules, no diagnostics, no secret
// removal, no production rules, no checks of any value. No real config could be imported
// this way; it says how fast the job itself can be done in this engine, so the budget
// against aesr-config can be read against it.

interface LeanEntry {
  profile: string;
  accountId: string;
  roleName: string;
  color: string;
  app: string;
  url: string;
}

type Values = Record<string, string>;

/** `[name]` sections and their `key = value` lines, split at the first '=' ('#' lines skipped). */
function leanSections(text: string): [string, Values][] {
  const sections: [string, Values][] = [];
  let values: Values | null = null;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(pos);
    if (c === 0x5b /* [ */) {
      const name = text.slice(pos + 1, text.lastIndexOf(']', end));
      values = {};
      sections.push([name.startsWith('profile ') ? name.slice(8) : name, values]);
    } else if (c !== 0x23 /* # */ && values !== null) {
      const eq = text.indexOf('=', pos);
      if (eq > 0 && eq < end) values[text.slice(pos, eq).trim()] = text.slice(eq + 1, end).trim();
    }
    pos = end + 1;
  }
  return sections;
}

/** The entries of the bench's AESR-shaped texts, with no checks at all. */
export function leanImport(text: string): LeanEntry[] {
  const sections = leanSections(text);
  const byName = new Map(sections);
  const entries: LeanEntry[] = [];
  for (const [name, v] of sections) {
    let accountId: string;
    let roleName: string | undefined;
    if (v.role_arn !== undefined) {
      // arn:aws:iam::123456789012:role/NAME
      accountId = v.role_arn.slice(13, 25);
      roleName = v.role_arn.slice(31);
    } else if (v.aws_account_id !== undefined && v.target_role_name === undefined) {
      accountId = v.aws_account_id;
      roleName = v.role_name ?? byName.get(v.source_profile ?? '')?.target_role_name;
    } else continue;
    if (roleName === undefined) continue;
    const envDash = name.indexOf('-', name.indexOf('-') + 1);
    const home = v.region !== undefined ? `&redirect_uri=${encodeURIComponent(`https://${v.region}.console.aws.amazon.com/console/home?region=${v.region}`)}` : '';
    entries.push({
      profile: name,
      accountId,
      roleName,
      color: v.color !== undefined ? `#${v.color}` : '#687078',
      app: envDash > 0 ? name.slice(0, envDash) : name,
      url: `https://signin.aws.amazon.com/switchrole?account=${accountId}&roleName=${encodeURIComponent(roleName)}&displayName=${encodeURIComponent(name)}${v.color !== undefined ? `&color=${v.color}` : ''}${home}`,
    });
  }
  return entries;
}

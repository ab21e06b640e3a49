import fc from 'fast-check';
import { CONSOLE_PALETTE, ENV_COLORS, PRODUCTION_COLOR } from './colors';
import { groupEntries } from './grouping';
import { importConfig } from './import-config';
import { problemSkips } from './prepare-import';
import { parseAwsConfig } from '../config/parse-aws-config';
import { catalogueSchema } from './schemas';
import type { Catalogue, CatalogueEntry } from '../types';

/** Joins lines, so configs read like files. */
const cfg = (...lines: string[]) => `${lines.join('\n')}\n`;

function entry(catalogue: Catalogue, profile: string): CatalogueEntry {
  const found = catalogue.entries.find((e) => e.profile === profile);
  if (!found) throw new Error(`no entry ${profile}; skipped: ${JSON.stringify(catalogue.skipped)}`);
  return found;
}

function skipReason(catalogue: Catalogue, profile: string): string {
  const found = catalogue.skipped.find((s) => s.profile === profile);
  if (!found) throw new Error(`${profile} was not skipped; entries: ${catalogue.entries.map((e) => e.profile).join(', ')}`);
  return found.reason;
}

function query(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

/** Valid for storage and a plain JSON value (what storage and messaging need). */
function expectStorable(catalogue: Catalogue): void {
  expect(catalogueSchema.safeParse(catalogue).success).toBe(true);
  expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
}

describe('importConfig: the seed example', () => {
  const seed = cfg(
    '[default]',
    'region = us-east-1',
    '[profile alfie-development]',
    'role_arn = arn:aws:iam::345678901234:role/AlfieFullAccess',
    'source_profile = default',
    '[profile alfie-qa]',
    'role_arn = arn:aws:iam::234567890123:role/AlfieDeployment',
    'source_profile = default',
    '[profile alfie-production]',
    'role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly',
    'source_profile = default',
  );
  const catalogue = importConfig(seed);

  it('imports three roles into app alfie: development, qa (test), production', () => {
    expect(catalogue.entries.map((e) => e.profile)).toEqual(['alfie-development', 'alfie-qa', 'alfie-production']);
    const groups = groupEntries(catalogue.entries);
    expect(groups.map((g) => g.app)).toEqual(['alfie']);
    expect(groups[0]!.envs.map((g) => [g.env, g.envLabel])).toEqual([
      ['development', 'development'],
      ['test', 'qa'],
      ['production', 'production'],
    ]);
  });

  it('makes production red and only production production', () => {
    expect(entry(catalogue, 'alfie-production')).toMatchObject({ isProduction: true, env: 'production', color: PRODUCTION_COLOR });
    expect(entry(catalogue, 'alfie-qa')).toMatchObject({ isProduction: false, color: ENV_COLORS.test });
    expect(entry(catalogue, 'alfie-development')).toMatchObject({ isProduction: false, color: ENV_COLORS.development });
  });

  it('builds the switch-role link with account, roleName and displayName', () => {
    const prod = entry(catalogue, 'alfie-production');
    expect(prod).toMatchObject({ kind: 'role', accountId: '123456789012', roleName: 'AlfieReadOnly', partition: 'aws', sourceProfile: ['default'], line: 9, displayName: 'alfie-production' });
    const q = query(prod.url);
    expect(new URL(prod.url).host).toBe('signin.aws.amazon.com');
    expect([q.get('account'), q.get('roleName'), q.get('displayName'), q.get('color')]).toEqual(['123456789012', 'AlfieReadOnly', 'alfie-production', 'f2b0a9']);
  });

  it('lists [default] as skipped with a plain reason, as expected (not a problem), and is storable', () => {
    expect(catalogue.skipped).toEqual([
      {
        profile: 'default',
        reason: 'Source profile of alfie-development and 2 more: the AWS CLI uses its credentials (kept in ~/.aws/credentials) to assume those roles; it has no role of its own to open in the console.',
        line: 1,
        expected: true,
      },
    ]);
    expect(problemSkips(catalogue.skipped)).toEqual([]);
    expect(catalogue.diagnostics).toEqual([]);
    expect(catalogue.removedSecrets).toEqual([]);
    expectStorable(catalogue);
  });
});

describe('importConfig: role profiles', () => {
  it('reads role paths, GovCloud and China, and sends the console to the profile region', () => {
    const c = importConfig(
      cfg(
        '[profile eng-eu]',
        'role_arn = arn:aws:iam::301882015541:role/system/InsightEngineer',
        'region = eu-west-1',
        '[profile gov-audit]',
        'role_arn = arn:aws-us-gov:iam::111122223333:role/Audit',
        'region = us-gov-west-1',
        '[profile cn-ops]',
        'role_arn = arn:aws-cn:iam::444455556666:role/Ops',
        'region = cn-northwest-1',
      ),
    );
    const eng = entry(c, 'eng-eu');
    expect(eng).toMatchObject({ roleName: 'system/InsightEngineer', region: 'eu-west-1', partition: 'aws' });
    expect(query(eng.url).get('roleName')).toBe('system/InsightEngineer');
    expect(query(eng.url).get('redirect_uri')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    const gov = entry(c, 'gov-audit');
    expect(gov.partition).toBe('aws-us-gov');
    expect(new URL(gov.url).host).toBe('signin.amazonaws-us-gov.com');
    expect(query(gov.url).get('redirect_uri')).toBe('https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1');
    const cn = entry(c, 'cn-ops');
    expect(cn.partition).toBe('aws-cn');
    expect(new URL(cn.url).host).toBe('signin.amazonaws.cn');
    expectStorable(c);
  });

  it('reads the ARN before a trailing comment (the CLI would not) and ignores a non-region', () => {
    const c = importConfig(cfg('[profile other-account]', 'role_arn=arn:aws:iam::123456789012:role/Other # Note the different account', 'region = us-east-1 # primary'));
    expect(entry(c, 'other-account')).toMatchObject({ accountId: '123456789012', roleName: 'Other', region: 'us-east-1' });
    // The parser tells the user that the CLI reads those comments as part of the values.
    expect(c.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line)).toEqual([2, 3]);
    const bad = importConfig(cfg('[profile x]', 'role_arn = arn:aws:iam::123456789012:role/R', 'region = Europe'));
    expect(entry(bad, 'x').region).toBeUndefined();
    expect(entry(bad, 'x').notes).toContain('region "Europe" is not an AWS region name; ignored.');
  });

  it('accepts credential_source roles and web-identity roles (the console needs only account + role)', () => {
    const c = importConfig(
      cfg('[profile ci]', 'role_arn = arn:aws:iam::123456789012:role/Ci', 'credential_source = Ec2InstanceMetadata', '[profile gha]', 'role_arn = arn:aws:iam::123456789012:role/Gha', 'web_identity_token_file = /tmp/token'),
    );
    expect(c.entries.map((e) => e.profile)).toEqual(['ci', 'gha']);
  });

  it('skips roles that need an external ID, invalid ARNs and over-long paths, saying why', () => {
    const longPath = `arn:aws:iam::123456789012:role/${'p'.repeat(30)}/${'n'.repeat(40)}`;
    const c = importConfig(
      cfg(
        '[profile vendor]',
        'role_arn = arn:aws:iam::123456789012:role/VendorAccess',
        'external_id = s3cr3t-shared-id',
        '[profile typo]',
        'role_arn = arn:aws:iam:008451517057:role/dev-role',
        '[profile template]',
        'role_arn = arn:aws:iam::ACCOUNT02:role/OrganizationAccountAccessRole',
        '[profile short]',
        'role_arn = arn:aws:iam::123456789:role/developers',
        '[profile long]',
        `role_arn = ${longPath}`,
      ),
    );
    expect(c.entries).toEqual([]);
    expect(skipReason(c, 'vendor')).toMatch(/external ID.*cannot send/);
    expect(JSON.stringify(c)).not.toContain('s3cr3t-shared-id');
    expect(skipReason(c, 'typo')).toBe(
      'Invalid role_arn "arn:aws:iam:008451517057:role/dev-role": it has 4 colons, a role ARN has 5 (a colon is missing: IAM ARNs read "arn:aws:iam::<account>:role/<name>", with "::" after iam).',
    );
    expect(skipReason(c, 'template')).toMatch(/"ACCOUNT02" is a placeholder/);
    expect(skipReason(c, 'short')).toMatch(/"123456789" has 9 digits/);
    expect(skipReason(c, 'long')).toMatch(/71 characters.*refuses more than 64/);
  });
});

describe('importConfig: source_profile chains', () => {
  it('resolves the chain nearest first and stops where the CLI gets credentials', () => {
    const c = importConfig(
      cfg(
        '[profile identity]',
        'mfa_serial = arn:aws:iam::111111111111:mfa/me',
        '[profile hop]',
        'role_arn = arn:aws:iam::222222222222:role/Hop',
        'source_profile = identity',
        '[profile target]',
        'role_arn = arn:aws:iam::333333333333:role/Target',
        'source_profile = hop',
        '[profile deeper]',
        'role_arn = arn:aws:iam::444444444444:role/Deeper',
        'source_profile = target',
      ),
    );
    expect(entry(c, 'hop').sourceProfile).toEqual(['identity']);
    expect(entry(c, 'target').sourceProfile).toEqual(['hop', 'identity']);
    expect(entry(c, 'deeper').sourceProfile).toEqual(['target', 'hop', 'identity']);
    expect(skipReason(c, 'identity')).toBe('Source profile of hop: the AWS CLI uses its credentials (kept in ~/.aws/credentials) to assume those roles; it has no role of its own to open in the console.');
  });

  it('says which roles a skipped profile is the source of', () => {
    const c = importConfig(cfg('[profile corp]', 'region = eu-west-1', '[profile a]', 'role_arn = arn:aws:iam::111111111111:role/A', 'source_profile = corp', '[profile b]', 'role_arn = arn:aws:iam::222222222222:role/B', 'source_profile = corp', '[profile lonely]', 'region = eu-west-1'));
    expect(skipReason(c, 'corp')).toBe('Source profile of a and 1 more: the AWS CLI uses its credentials (kept in ~/.aws/credentials) to assume those roles; it has no role of its own to open in the console.');
    expect(skipReason(c, 'lonely')).toBe('No role or SSO settings (nothing to open in the console).');
  });

  it('stops at a source with access keys even when it also has a role (botocore)', () => {
    const c = importConfig(
      cfg('[profile keys-and-role]', 'aws_access_key_id = AKIAEXAMPLEKEY123456', 'aws_secret_access_key = wJalrEXAMPLESECRETKEY', 'role_arn = arn:aws:iam::222222222222:role/A', 'source_profile = elsewhere', '[profile b]', 'role_arn = arn:aws:iam::333333333333:role/B', 'source_profile = keys-and-role'),
    );
    expect(entry(c, 'b').sourceProfile).toEqual(['keys-and-role']);
  });

  it('skips loops with the whole path', () => {
    const c = importConfig(
      cfg('[profile a]', 'role_arn = arn:aws:iam::111111111111:role/A', 'source_profile = b', '[profile b]', 'role_arn = arn:aws:iam::222222222222:role/B', 'source_profile = a', '[profile c]', 'role_arn = arn:aws:iam::333333333333:role/C', 'source_profile = a'),
    );
    expect(skipReason(c, 'a')).toBe('source_profile loop: a → b → a. The AWS CLI refuses it; point one of them at a profile that has credentials.');
    expect(skipReason(c, 'b')).toMatch(/loop: b → a → b/);
    expect(skipReason(c, 'c')).toMatch(/loop: c → a → b → a/);
  });

  it('accepts a profile that names itself (botocore: it uses its own keys) with a note', () => {
    const c = importConfig(cfg('[profile EXECUTOR-PROD]', 'role_arn = arn:aws:iam::442799077487:role/Central-Role', 'source_profile = EXECUTOR-PROD'));
    const self = entry(c, 'EXECUTOR-PROD');
    expect(self.sourceProfile).toBeUndefined();
    expect(self.notes).toContain('source_profile names this profile itself: the AWS CLI then uses its own access keys (kept in ~/.aws/credentials).');
  });

  it('imports a role whose source profile is not in the text (its keys live in ~/.aws/credentials), with a note and a warning', () => {
    const c = importConfig(
      cfg('[profile role-a]', 'role_arn = arn:aws:iam::128716708097:role/cli-role', 'source_profile = cli-user', '[profile role-b]', 'role_arn = arn:aws:iam::128716708097:role/other', 'source_profile = role-a'),
    );
    expect(c.skipped).toEqual([]);
    const a = entry(c, 'role-a');
    expect(a).toMatchObject({ kind: 'role', accountId: '128716708097', roleName: 'cli-role', sourceProfile: ['cli-user'], line: 1 });
    expect(a.notes).toEqual(['source profile "cli-user" is not in this file — probably in ~/.aws/credentials; the console does not need it.']);
    expect(query(a.url).get('roleName')).toBe('cli-role');
    // Through a chain: the whole chain, and the note says which profile names the missing one.
    const b = entry(c, 'role-b');
    expect(b.sourceProfile).toEqual(['role-a', 'cli-user']);
    expect(b.notes).toEqual(['source profile "cli-user" (via role-b → role-a) is not in this file — probably in ~/.aws/credentials; the console does not need it.']);
    // One warning, at the source_profile line that names the missing profile (not one per entry).
    expect(c.diagnostics).toEqual([
      {
        line: 3,
        severity: 'warning',
        message: 'Line 3: source_profile "cli-user" in [profile role-a] is not in this file — probably in ~/.aws/credentials; the console does not need it.',
      },
    ]);
    expectStorable(c);
    // With the source profile in the text there is nothing to say.
    const complete = importConfig(`${cfg('[profile cli-user]')}${cfg('[profile role-a]', 'role_arn = arn:aws:iam::128716708097:role/cli-role', 'source_profile = cli-user')}`);
    expect(entry(complete, 'role-a').sourceProfile).toEqual(['cli-user']);
    expect(entry(complete, 'role-a').notes).toBeUndefined();
    expect(complete.diagnostics).toEqual([]);
  });

  it('imports an AWS Extend Switch Roles target whose base is not in the text when it has its own role_name', () => {
    const c = importConfig(cfg('[shop-dev]', 'aws_account_id = 111122223333', 'role_name = Developer', 'source_profile = org-base', '[shop-qa]', 'aws_account_id = 111122224444', 'source_profile = org-base'));
    const dev = entry(c, 'shop-dev');
    expect(dev).toMatchObject({ accountId: '111122223333', roleName: 'Developer', sourceProfile: ['org-base'] });
    expect(dev.notes).toContain('source profile "org-base" is not in this file — probably in ~/.aws/credentials; the console does not need it.');
    // Without role_name there is still no role (the base that would give target_role_name is missing).
    expect(skipReason(c, 'shop-qa')).toMatch(/^aws_account_id without role_name: no role to switch to\./);
    // The warning is for the imported entry's line only.
    expect(c.diagnostics.filter((d) => d.message.includes('is not in this file'))).toEqual([
      { line: 4, severity: 'warning', message: 'Line 4: source_profile "org-base" in [shop-dev] is not in this file — probably in ~/.aws/credentials; the console does not need it.' },
    ]);
  });

  it('skips what the CLI refuses: both source_profile and credential_source, an empty source_profile', () => {
    const c = importConfig(
      cfg('[profile base]', '[profile both]', 'role_arn = arn:aws:iam::111111111111:role/A', 'source_profile = base', 'credential_source = Environment', '[profile empty]', 'role_arn = arn:aws:iam::111111111111:role/A', 'source_profile ='),
    );
    expect(skipReason(c, 'both')).toMatch(/both source_profile and credential_source/);
    expect(skipReason(c, 'empty')).toMatch(/source_profile is empty/);
  });
});

describe('importConfig: IAM Identity Center (SSO)', () => {
  it('reads the sso_session form and the legacy form', () => {
    const c = importConfig(
      cfg(
        '[sso-session corp]',
        'sso_start_url = https://d-92670a73b3.awsapps.com/start#/',
        'sso_region = us-west-2',
        '[profile DataPipe-Prod]',
        'sso_session = corp',
        'sso_account_id = 633208015386',
        'sso_role_name = AWSAdministratorAccess',
        'region = us-west-2',
        '[profile rspm-staging-readonly]',
        'sso_start_url = https://rstudio.awsapps.com/start',
        'sso_region = us-east-2',
        'sso_account_id = 012345678901',
        'sso_role_name = ReadOnly ',
      ),
    );
    const prod = entry(c, 'DataPipe-Prod');
    expect(prod).toMatchObject({ kind: 'sso', accountId: '633208015386', roleName: 'AWSAdministratorAccess', ssoStartUrl: 'https://d-92670a73b3.awsapps.com/start', ssoRegion: 'us-west-2', app: 'datapipe', isProduction: true });
    expect(prod.url).toBe(
      'https://d-92670a73b3.awsapps.com/start/#/console?account_id=633208015386&role_name=AWSAdministratorAccess&destination=https%3A%2F%2Fus-west-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-west-2',
    );
    const legacy = entry(c, 'rspm-staging-readonly');
    expect(legacy).toMatchObject({ kind: 'sso', accountId: '012345678901', roleName: 'ReadOnly', app: 'rspm', env: 'staging' });
    expect(legacy.url).toBe('https://rstudio.awsapps.com/start/#/console?account_id=012345678901&role_name=ReadOnly');
    expectStorable(c);
  });

  it('skips SSO profiles that cannot open an account, naming what is missing', () => {
    const c = importConfig(
      cfg(
        '[profile lost]',
        'sso_session = nowhere',
        'sso_account_id = 123456789012',
        'sso_role_name = Admin',
        '[default]',
        'sso_start_url = https://x.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile placeholder]',
        'sso_start_url = <https://example.awsapps.com/start>',
        'sso_region = <your-sso-region>',
        'sso_account_id = <your-sso-account-id>',
        'sso_role_name = <your-sso-role-name>',
        '[profile dev]',
        'sso_session = s',
        'sso_account_id = YOUR_DEV_ACCOUNT_ID',
        'sso_role_name = Dev',
        '[sso-session s]',
        'sso_start_url = https://d-XXXXXXXXXX.awsapps.com/start',
        'sso_region = eu-west-1',
      ),
    );
    expect(c.entries).toEqual([]);
    expect(skipReason(c, 'lost')).toMatch(/sso_session "nowhere" has no \[sso-session nowhere\] section/);
    expect(skipReason(c, 'default')).toBe('Incomplete SSO profile: sso_account_id, sso_role_name are missing, so there is nothing to open.');
    expect(skipReason(c, 'placeholder')).toMatch(/sso_start_url "<https:\/\/example.awsapps.com\/start>" is a placeholder, not an https:\/\/ URL/);
    expect(skipReason(c, 'dev')).toMatch(/Invalid sso_account_id: the account ID "YOUR_DEV_ACCOUNT_ID" is a placeholder/);
  });

  it('points at a typo in a key name', () => {
    const c = importConfig(cfg('[profile dev]', 'so_start_url = https://a.awsapps.com/start', 'sso_region = eu-west-2', 'sso_account_id = 123456789012', 'sso_role_name = Admin'));
    expect(skipReason(c, 'dev')).toBe('Incomplete SSO profile: sso_start_url is missing, so there is nothing to open. Is "so_start_url" a typo?');
  });

  it("reads Granted's granted_sso_* keys, and Account/Role names group by account", () => {
    const c = importConfig(
      cfg(
        '[profile Payments/AdministratorAccess]',
        'granted_sso_region = ap-southeast-2',
        'granted_sso_account_id = 123456789012',
        'granted_sso_role_name = AdministratorAccess',
        'granted_sso_start_url = https://example.awsapps.com/start',
        'credential_process = granted credential-process --profile Payments/AdministratorAccess',
      ),
    );
    const e = entry(c, 'Payments/AdministratorAccess');
    expect(e).toMatchObject({ kind: 'sso', app: 'payments', env: 'other', accountId: '123456789012', roleName: 'AdministratorAccess', ssoRegion: 'ap-southeast-2' });
    expect(e.notes).toContain("Read from Granted's granted_sso_* keys.");
  });
});

describe('importConfig: AWS Extend Switch Roles configs pasted as-is', () => {
  it('imports bare [name] sections with aws_account_id + role_name, colours and regions, noting the CLI ignores them', () => {
    const c = importConfig(
      cfg(
        '[profile marketingadmin]',
        'role_arn = arn:aws:iam::123456789012:role/marketingadmin',
        'color = ffaaee',
        '',
        '[anotheraccount]',
        'aws_account_id = 987654321987',
        'role_name = anotherrole',
        'region=ap-northeast-1',
        '',
        '[athirdaccount]',
        'aws_account_id = 987654321988',
        'role_name = athirdrole',
        'image = "https://example.com/img/150"',
        'color = blue',
      ),
    );
    expect(c.entries.map((e) => e.profile)).toEqual(['marketingadmin', 'anotheraccount', 'athirdaccount']);
    expect(entry(c, 'marketingadmin')).toMatchObject({ color: '#ffaaee' });
    expect(entry(c, 'marketingadmin').notes).toBeUndefined();
    const another = entry(c, 'anotheraccount');
    expect(another).toMatchObject({ kind: 'role', accountId: '987654321987', roleName: 'anotherrole', region: 'ap-northeast-1', partition: 'aws' });
    expect(another.notes).toContain('The AWS CLI ignores bare [anotheraccount] sections; use [profile anotheraccount] for the CLI.');
    expect(entry(c, 'athirdaccount').color).toBe('#0000ff');
    expect(JSON.stringify(c)).not.toContain('img/150');
    expectStorable(c);
  });

  it('reads base accounts: targets inherit target_role_name and target_region; bases are sources, not entries', () => {
    const c = importConfig(
      cfg(
        '[org-a]',
        'aws_account_id = 000011112222',
        'aws_account_alias = org-a-login ; if your account is aliased',
        '',
        '[OrgA-Acct1-Role1]',
        'role_arn = arn:aws:iam::123456789012:role/Role1',
        'source_profile = org-a',
        '',
        '[OrgA-Acct2-Role2]',
        'aws_account_id = 210987654321',
        'role_name = Role2',
        'source_profile = org-a',
        '',
        '; target_role_name example',
        '[org-b]',
        'aws_account_id = 222200000000',
        'target_role_name = Developer',
        'target_region = eu-central-1',
        '',
        '[OrgB-Acct1-Developer]',
        'aws_account_id = 222200001111',
        'source_profile = org-b',
        '',
        '[OrgB-Manager]',
        'aws_account_id = 222200002222',
        'role_name = Manager ; overrides target role name',
        'region = us-east-1',
        'source_profile = org-b',
        '',
        '[org-c-sso]',
        'aws_account_id = 333300000000',
        'role_name = custom_permission-set ; DO NOT use AWSReservedSSO_...',
        '',
        '[OrgC-Role1]',
        'aws_account_id = 333300001111',
        'role_name = Role1',
        'source_profile = org-c-sso',
      ),
    );
    expect(c.entries.map((e) => e.profile)).toEqual(['OrgA-Acct1-Role1', 'OrgA-Acct2-Role2', 'OrgB-Acct1-Developer', 'OrgB-Manager', 'OrgC-Role1']);
    expect(entry(c, 'OrgB-Acct1-Developer')).toMatchObject({ accountId: '222200001111', roleName: 'Developer', region: 'eu-central-1', sourceProfile: ['org-b'] });
    expect(entry(c, 'OrgB-Manager')).toMatchObject({ roleName: 'Manager', region: 'us-east-1' });
    expect(entry(c, 'OrgA-Acct1-Role1')).toMatchObject({ accountId: '123456789012', roleName: 'Role1', sourceProfile: ['org-a'] });
    for (const base of ['org-a', 'org-b', 'org-c-sso']) expect(skipReason(c, base)).toMatch(/^Base account of .*not a role to switch to\.$/);
    expect(skipReason(c, 'org-a')).toMatch(/Base account of OrgA-Acct1-Role1 and 1 more/);
    // AESR shows a base's targets together; names without an app word follow their base.
    expect(groupEntries(c.entries).map((g) => [g.app, g.envs.flatMap((x) => x.entries.map((e) => e.profile))])).toEqual([
      ['org-a', ['OrgA-Acct1-Role1', 'OrgA-Acct2-Role2']],
      ['org-b', ['OrgB-Acct1-Developer', 'OrgB-Manager']],
      ['org-c-sso', ['OrgC-Role1']],
    ]);
    expectStorable(c);
  });

  it('reads an account ID written as the console shows it', () => {
    const c = importConfig(cfg('[copied]', 'aws_account_id = 1234-5678-9012', 'role_name = Admin'));
    expect(entry(c, 'copied')).toMatchObject({ accountId: '123456789012' });
  });

  it('keeps an entry whose aws_account_id is an alias: no accountId, the link uses the alias', () => {
    const c = importConfig(cfg('[AnotherRole]', 'role_name = SomeOtherRole', 'aws_account_id = account-3-alias'));
    const e = entry(c, 'AnotherRole');
    expect(e.accountId).toBeUndefined();
    expect(e.accountAlias).toBe('account-3-alias');
    expect(query(e.url).get('account')).toBe('account-3-alias');
    expect(e.notes).toContain('aws_account_id "account-3-alias" is an account alias: the banner recognises this account by its alias only.');
    expectStorable(c);
  });

  it('skips AESR sections without a usable account or role', () => {
    const c = importConfig(cfg('[no-role]', 'aws_account_id = 123456789012', '[bad-account]', 'aws_account_id = 12-34', 'role_name = R', '[orphan]', 'aws_account_id = 123456789012', 'source_profile = base', '[base]', 'aws_account_id = 999999999999'));
    expect(skipReason(c, 'no-role')).toMatch(/aws_account_id without role_name: no role to switch to/);
    expect(skipReason(c, 'bad-account')).toBe('Invalid aws_account_id: the account ID "12-34" is not 12 digits.');
    expect(skipReason(c, 'orphan')).toBe('aws_account_id without role_name and its source "base" has no target_role_name: no role to switch to.');
  });
});

describe('importConfig: bare sections', () => {
  it('lists bare sections that look like profiles, ignores the rest ([preview], [README])', () => {
    const c = importConfig(
      cfg('[default]', 'region = eu-west-2', '[preview]', 'cloudfront = true', '[README]', '; notes', '[mgmt]', 'region = eu-west-2', '[staging]', 'sso_start_url = https://a.awsapps.com/start', 'sso_region = eu-west-2', 'sso_account_id = 123456789012', 'sso_role_name = Admin', '[legacy-role]', 'role_arn = arn:aws:iam::123456789012:role/Legacy'),
    );
    expect([...c.entries.map((e) => e.profile), ...c.skipped.map((s) => s.profile)].sort()).toEqual(['default', 'legacy-role', 'staging']);
    expect(skipReason(c, 'staging')).toBe('The AWS CLI ignores bare [staging] sections; use [profile staging] for the CLI. SSO settings are only read from [profile staging].');
    expect(entry(c, 'legacy-role').notes).toEqual(['The AWS CLI ignores bare [legacy-role] sections; use [profile legacy-role] for the CLI.']);
  });

  it('names the bare section first for a bare SSO section that also misses keys', () => {
    const c = importConfig(cfg('[dev]', 'so_start_url = https://a.awsapps.com/start', 'sso_region = eu-west-2', 'sso_account_id = 123456789012', 'sso_role_name = Admin'));
    expect(skipReason(c, 'dev')).toBe(
      'The AWS CLI ignores bare [dev] sections; use [profile dev] for the CLI. SSO settings are only read from [profile dev]. Also, sso_start_url is missing. Is "so_start_url" a typo?',
    );
  });

  it('prefers [profile x] over a bare [x] with the same name', () => {
    const c = importConfig(cfg('[dup]', 'role_arn = arn:aws:iam::111111111111:role/Bare', '[profile dup]', 'role_arn = arn:aws:iam::222222222222:role/Real'));
    expect(c.entries).toHaveLength(1);
    expect(entry(c, 'dup').accountId).toBe('222222222222');
    expect(skipReason(c, 'dup')).toMatch(/same name as \[profile dup\]/);
  });
});

describe('importConfig: profiles that cannot open a console', () => {
  it('gives each a plain reason', () => {
    const c = importConfig(
      cfg(
        '[profile vault]',
        'credential_process = aws-vault export --format=json vault',
        '[profile ec2]',
        'credential_source = Ec2InstanceMetadata',
        '[profile settings]',
        'region = eu-west-1',
        'output = json',
        '[profile azure]',
        'azure_tenant_id = 00000000-0000-0000-0000-000000000000',
        'azure_default_role_arn = arn:aws:iam::222259241209:role/SysAdmin',
        '[profile fragment]',
        'source_profile = vault',
        '[profile keys]',
        'aws_access_key_id = AKIAEXAMPLEKEY000001',
        'aws_secret_access_key = EXAMPLESECRET/KEY+000001',
      ),
    );
    expect(c.entries).toEqual([]);
    expect(skipReason(c, 'vault')).toMatch(/^credential_process only/);
    expect(skipReason(c, 'ec2')).toMatch(/^credential_source without role_arn/);
    expect(skipReason(c, 'settings')).toBe('No role or SSO settings (nothing to open in the console).');
    expect(skipReason(c, 'azure')).toMatch(/aws-azure-login/);
    expect(skipReason(c, 'fragment')).toMatch(/^source_profile without role_arn/);
    expect(skipReason(c, 'keys')).toMatch(/^Static access keys only \(removed, never stored\)/);
  });
});

describe('importConfig: secrets', () => {
  const credentials = cfg('[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '', '[cli-user]', 'aws_access_key_id=AKIAI44QH8DHBEXAMPLE', 'aws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', 'aws_session_token = FQoGZXIvYXdzEXAMPLESESSIONTOKEN');

  it('recognises a pasted credentials file and says the secrets were dropped', () => {
    const c = importConfig(credentials);
    expect(c.entries).toEqual([]);
    const warning = c.diagnostics.find((d) => d.message.startsWith('This looks like a credentials file'));
    expect(warning).toEqual({
      line: 2,
      severity: 'warning',
      message: 'This looks like a credentials file (~/.aws/credentials): [default], [cli-user] hold access keys; secrets were dropped and never stored. Only ~/.aws/config is needed here.',
    });
    expect(c.removedSecrets).toEqual([
      { section: 'default', keys: ['aws_access_key_id', 'aws_secret_access_key'], lines: [2, 3], what: ['the key aws_access_key_id', 'the key aws_secret_access_key'] },
      { section: 'cli-user', keys: ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'], lines: [6, 7, 8], what: ['the key aws_access_key_id', 'the key aws_secret_access_key', 'the key aws_session_token'] },
    ]);
    expect(skipReason(c, 'cli-user')).toMatch(/Static access keys only/);
  });

  it('never lets a secret value into the output, and keeps line numbers of what follows', () => {
    const text = `${credentials}${cfg('[profile app-prod]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'source_profile = cli-user', 'region = eu-west-1 # main region')}`;
    const c = importConfig(text);
    const json = JSON.stringify(c);
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'AKIAI44QH8DHBEXAMPLE', 'je7MtGbClwBF', 'FQoGZXIvYXdzEXAMPLESESSIONTOKEN']) expect(json).not.toContain(secret);
    // A credentials-file section counts as an existing source profile (botocore merges the files).
    expect(entry(c, 'app-prod')).toMatchObject({ sourceProfile: ['cli-user'], line: 9 });
    expect(c.diagnostics.find((d) => d.message.includes('# main region'))?.line).toBe(12);
    expectStorable(c);
  });

  it('warns about keys inside config profiles and merges a credentials section into its profile', () => {
    const c = importConfig(
      cfg('[dev]', 'aws_access_key_id = AKIA...', 'aws_secret_access_key = ABCD...', '', '[profile dev]', 'region = us-east-1', '', '[profile myrole]', 'source_profile = dev', 'role_arn = arn:aws:iam::111111111111:role/myrole', '[profile inline]', 'aws_secret_access_key = inlinesecretvalue'),
    );
    expect(entry(c, 'myrole').sourceProfile).toEqual(['dev']);
    expect(skipReason(c, 'dev')).toMatch(/Static access keys only/);
    expect(c.skipped.filter((s) => s.profile === 'dev')).toHaveLength(1);
    expect(c.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^This looks like a credentials file .*\[dev\] holds access keys/),
        'Access keys in [profile inline] (aws_secret_access_key) were dropped and never stored. Keep keys in ~/.aws/credentials, not in the config you paste here.',
      ]),
    );
    expect(JSON.stringify(c)).not.toContain('inlinesecretvalue');
  });

  it('drops secrets from [DEFAULT] (inherited by every section) and from continuation lines', () => {
    const c = importConfig(cfg('[DEFAULT]', 'aws_secret_access_key = defaultsecretvalue', '   continuedsecretvalue', '[profile a]', 'role_arn = arn:aws:iam::111111111111:role/A'));
    expect(JSON.stringify(c)).not.toMatch(/defaultsecretvalue|continuedsecretvalue/);
    expect(c.removedSecrets[0]).toMatchObject({ section: 'DEFAULT', lines: [2, 3] });
    expect(entry(c, 'a').accountId).toBe('111111111111');
  });
});

describe('importConfig: production detection and colours', () => {
  it('makes every profile on an account with a production profile production, saying why', () => {
    const c = importConfig(cfg('[profile shop-prod]', 'role_arn = arn:aws:iam::111111111111:role/Admin', '[profile shop-tools]', 'role_arn = arn:aws:iam::111111111111:role/ReadOnly', '[profile shop-dev]', 'role_arn = arn:aws:iam::222222222222:role/Admin'));
    expect(entry(c, 'shop-tools')).toMatchObject({ isProduction: true, env: 'production', envLabel: 'production', color: PRODUCTION_COLOR });
    expect(entry(c, 'shop-tools').notes).toContain('Shown as production: account 111111111111 also has the production profile "shop-prod".');
    expect(entry(c, 'shop-dev').isProduction).toBe(false);
  });

  it('counts a production role name, env key, group and alias, but not preprod or non-prod', () => {
    const c = importConfig(
      cfg(
        '[profile payments]',
        'role_arn = arn:aws:iam::111111111111:role/ProdAdmin',
        '[profile billing]',
        'role_arn = arn:aws:iam::222222222222:role/Admin',
        'env = live',
        '[profile reporting]',
        'role_arn = arn:aws:iam::333333333333:role/Admin',
        'env = dev',
        'group = Production Accounts',
        '[ledger]',
        'aws_account_id = 444444444444',
        'aws_account_alias = ledger-prod',
        'role_name = Admin',
        '[profile shop-preprod]',
        'role_arn = arn:aws:iam::555555555555:role/Admin',
        '[profile shop-non-prod]',
        'role_arn = arn:aws:iam::666666666666:role/Admin',
        '[profile shop-pre-prod]',
        'role_arn = arn:aws:iam::777777777777:role/Admin',
      ),
    );
    for (const p of ['payments', 'billing', 'reporting', 'ledger']) expect(entry(c, p)).toMatchObject({ isProduction: true, env: 'production', color: PRODUCTION_COLOR });
    expect(entry(c, 'payments').notes).toContain('Shown as production: the role name "ProdAdmin" says production.');
    expect(entry(c, 'billing').envLabel).toBe('live');
    expect(entry(c, 'reporting').app).toBe('Production Accounts');
    expect(entry(c, 'shop-preprod')).toMatchObject({ isProduction: false, env: 'staging', envLabel: 'preprod' });
    expect(entry(c, 'shop-pre-prod')).toMatchObject({ isProduction: false, env: 'staging', envLabel: 'pre-prod' });
    expect(entry(c, 'shop-non-prod')).toMatchObject({ isProduction: false, env: 'other', envLabel: 'non-prod' });
  });

  it('reads environment = as env =', () => {
    const c = importConfig(cfg('[profile reporting]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'environment = Production', '[profile search]', 'role_arn = arn:aws:iam::222222222222:role/Admin', 'environment = qa'));
    expect(entry(c, 'reporting')).toMatchObject({ isProduction: true, env: 'production' });
    expect(entry(c, 'search')).toMatchObject({ isProduction: false, env: 'test', envLabel: 'qa' });
  });

  it('counts a repeated env key that says production (the file has an error, the role is still production)', () => {
    const c = importConfig(cfg('[profile reporting]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'env = dev', 'env = prod'));
    expect(c.diagnostics.some((d) => d.severity === 'error' && /appears twice/.test(d.message))).toBe(true);
    expect(entry(c, 'reporting')).toMatchObject({ isProduction: true, env: 'production' });
    expect(entry(c, 'reporting').notes).toEqual(['Shown as production: the repeated env = prod says production.']);
  });

  it('counts a production group even when an app key names the app', () => {
    const c = importConfig(cfg('[profile reporting]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'app = shop', 'group = prod'));
    expect(entry(c, 'reporting')).toMatchObject({ app: 'shop', isProduction: true, env: 'production' });
  });

  it('takes account evidence from a production profile that was skipped', () => {
    const c = importConfig(
      cfg('[profile acme-prod]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'external_id = x', '[profile acme-ro]', 'role_arn = arn:aws:iam::111111111111:role/ReadOnly', '[profile acme-dev]', 'role_arn = arn:aws:iam::222222222222:role/Admin'),
    );
    expect(skipReason(c, 'acme-prod')).toMatch(/external ID/);
    expect(entry(c, 'acme-ro')).toMatchObject({ isProduction: true, env: 'production' });
    expect(entry(c, 'acme-ro').notes).toContain('Shown as production: account 111111111111 also has the production profile "acme-prod" (skipped).');
    expect(entry(c, 'acme-dev').isProduction).toBe(false);
  });

  it('does not let an env key hide a production name', () => {
    const c = importConfig(cfg('[profile orders-prod]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'env = dev'));
    expect(entry(c, 'orders-prod')).toMatchObject({ isProduction: true, env: 'production' });
    expect(entry(c, 'orders-prod').notes).toContain('env = dev is overridden: the profile name says production.');
  });

  it('lets explicit app and env keys win otherwise', () => {
    const c = importConfig(cfg('[profile x1]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'app = Search', 'env = QA'));
    expect(entry(c, 'x1')).toMatchObject({ app: 'Search', env: 'test', envLabel: 'qa', isProduction: false });
  });

  it('uses explicit colours for non-production, red for production (noting an overridden colour)', () => {
    const c = importConfig(
      cfg('[profile a-dev]', 'role_arn = arn:aws:iam::111111111111:role/A', 'color = pink', '[profile a-prod]', 'role_arn = arn:aws:iam::222222222222:role/A', 'color = #00ff00', '[profile a-test]', 'role_arn = arn:aws:iam::333333333333:role/A', 'color = sparkly', '[profile a-stg]', 'role_arn = arn:aws:iam::444444444444:role/A', 'color = #0F0'),
    );
    expect(entry(c, 'a-dev').color).toBe('#ffc0cb');
    // Pink is nearest the console palette's red, which links keep for production.
    expect(query(entry(c, 'a-dev').url).get('color')).toBe(CONSOLE_PALETTE.orange);
    expect(query(entry(c, 'a-prod').url).get('color')).toBe(CONSOLE_PALETTE.red);
    expect(entry(c, 'a-prod').color).toBe(PRODUCTION_COLOR);
    expect(entry(c, 'a-prod').notes).toContain('color "#00ff00" is not used: production is always red.');
    expect(entry(c, 'a-test').color).toBe(ENV_COLORS.test);
    expect(entry(c, 'a-test').notes).toContain('color "sparkly" is not a colour (use rrggbb, #rrggbb or a CSS colour name); the environment colour is used.');
    expect(entry(c, 'a-stg').color).toBe('#00ff00');
  });

  it('says nothing about a production colour that is already a red', () => {
    const c = importConfig(cfg('[profile shop-prod]', 'role_arn = arn:aws:iam::111111111111:role/A', 'color = red', '[profile crm-prod]', 'role_arn = arn:aws:iam::222222222222:role/A', 'color = pink'));
    expect(entry(c, 'shop-prod').notes).toBeUndefined();
    expect(entry(c, 'crm-prod').notes).toEqual(['color "pink" is not used: production is always red.']);
  });
});

describe('importConfig: grouping across the catalogue', () => {
  it('puts names without an env word into the app their siblings established, or one they share', () => {
    const c = importConfig(
      cfg(
        '[profile cn-cx-dev-admin]',
        'role_arn = arn:aws:iam::111111111111:role/Admin',
        '[profile cn-cx-prod-admin]',
        'role_arn = arn:aws:iam::222222222222:role/Admin',
        '[profile cn-cx-build-admin]',
        'role_arn = arn:aws:iam::333333333333:role/Admin',
        '[profile cnscca-audit]',
        'role_arn = arn:aws-us-gov:iam::444444444444:role/Audit',
        '[profile cnscca-logs]',
        'role_arn = arn:aws-us-gov:iam::555555555555:role/Logs',
        '[profile standalone]',
        'role_arn = arn:aws:iam::666666666666:role/Admin',
      ),
    );
    expect(groupEntries(c.entries).map((g) => [g.app, g.envs.map((x) => x.envLabel)])).toEqual([
      ['cn-cx', ['dev', 'prod', 'build']],
      ['cnscca', ['audit', 'logs']],
      ['Other', ['other']],
    ]);
  });
});

describe('importConfig: environment from the account', () => {
  it('gives a name without an env word the environment the other profiles on its account agree on', () => {
    const c = importConfig(
      cfg(
        '[profile dev]',
        'role_arn = arn:aws:iam::301882015541:role/Engineer',
        '[profile dev-us]',
        'role_arn = arn:aws:iam::301882015541:role/Engineer',
        '[profile 301882015541]',
        'role_arn = arn:aws:iam::301882015541:role/InfraEngineer',
        '[profile mixed-a]',
        'role_arn = arn:aws:iam::111111111111:role/A',
        '[profile x-qa]',
        'role_arn = arn:aws:iam::111111111111:role/A',
        '[profile x-stg]',
        'role_arn = arn:aws:iam::111111111111:role/B',
      ),
    );
    expect(entry(c, '301882015541')).toMatchObject({ env: 'development', envLabel: 'dev' });
    expect(entry(c, '301882015541').notes).toContain('Environment "dev" taken from "dev", on the same account 301882015541.');
    // Disagreement: no guess.
    expect(entry(c, 'mixed-a')).toMatchObject({ env: 'other' });
  });
});

describe('importConfig: broken input', () => {
  it('imports the valid part of a config the CLI would reject, with line-numbered errors', () => {
    const c = importConfig(
      cfg('stray = before any section', '[profile good-dev]', 'role_arn = arn:aws:iam::111111111111:role/A', 'region = eu-west-1', 'region = eu-west-2', 'this line has no delimiter', '[profile good-prod]', 'role_arn = arn:aws:iam::222222222222:role/A', '[profile good-dev]', 'output = json'),
    );
    expect(c.entries.map((e) => e.profile)).toEqual(['good-dev', 'good-prod']);
    const errors = c.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([1, 5, 6, 9]);
    expectStorable(c);
  });

  it('never throws on empty, binary or hostile text', () => {
    for (const text of ['', '\uFEFF[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A', '\u0000\u0001[[[]]]', '[profile __proto__]\nrole_arn = arn:aws:iam::111111111111:role/P', '[profile constructor]\nsource_profile = constructor\nrole_arn = arn:aws:iam::111111111111:role/C', undefined as unknown as string]) {
      const c = importConfig(text);
      expect(catalogueSchema.safeParse(c).success).toBe(true);
    }
    expect(entry(importConfig('[profile __proto__]\nrole_arn = arn:aws:iam::111111111111:role/P'), '__proto__').roleName).toBe('P');
  });

  it('keeps hostile names as data (the UI renders text) and display names within 64', () => {
    const name = `<img src=x onerror=alert(1)>'"${'x'.repeat(80)}`;
    const c = importConfig(cfg(`[profile "${name.replace(/"/g, '\\"')}"]`, 'role_arn = arn:aws:iam::111111111111:role/A'));
    const e = entry(c, name);
    expect(e.displayName).toHaveLength(64);
    expect(query(e.url).get('displayName')).toBe(name.slice(0, 64));
  });

  it('encodes every name the link needs encoded, and only those', () => {
    const names = ['plain-name_1.x', "it's(ok)!~*", 'shop prod', 'café', 'a&b=c', 'x%y', '😀-dev', 'a/b'];
    const c = importConfig(names.map((n, i) => cfg(`[profile "${n}"]`, `role_arn = arn:aws:iam::11112222333${i}:role/A`)).join('') + cfg('[bare-é]', 'aws_account_id = 111122223339', 'role_name = B'));
    for (const n of [...names, 'bare-é']) {
      const e = entry(c, n);
      expect(e.url).toContain(`&displayName=${encodeURIComponent(n)}`);
      expect(query(e.url).get('displayName')).toBe(n);
    }
  });
});

describe('importConfig: properties', () => {
  const names = fc.oneof(fc.constantFrom('default', 'dev', 'app-prod', 'shop-pre-prod', 'base', 'org', 'a', 'b', 'x/y'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/));
  const secret = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `SECRET${s}`);
  const arn = fc.oneof(
    fc.constantFrom('arn:aws:iam::123456789012:role/Admin', 'arn:aws-cn:iam::210987654321:role/a/b/Ops', 'arn:aws:iam:008451517057:role/x', 'arn:aws:iam::ACCOUNT02:role/R', ''),
    fc.string({ maxLength: 30 }),
  );
  const line = fc.oneof(
    arn.map((v) => `role_arn = ${v}`),
    names.map((n) => `source_profile = ${n}`),
    fc.constantFrom('region = eu-west-1', 'color = ff0000', 'color = ffaaee', 'color = blue', 'color = 808080', 'external_id = xyz', 'credential_process = x', 'credential_source = Environment', 'sso_session = s', 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'sso_start_url = https://d-1.awsapps.com/start', 'aws_account_id = 123456789012', 'role_name = R', 'target_role_name = T', 'env = prod', 'app = Shop', 'output = json', 's3 =', '  max_concurrent_requests = 10', '# comment', '', 'garbage line'),
    fc.tuple(fc.constantFrom('aws_access_key_id', 'aws_secret_access_key', 'AWS_SESSION_TOKEN', 'aws_security_token'), fc.constantFrom(' = ', '=', ': '), secret).map(([k, d, s]) => `${k}${d}${s}`),
  );
  const section = fc.tuple(fc.constantFrom('profile ', '', 'sso-session ', 'profile '), names, fc.array(line, { maxLength: 6 })).map(([prefix, name, lines]) => [`[${prefix}${name}]`, ...lines].join('\n'));
  const config = fc.array(section, { maxLength: 8 }).map((sections) => sections.join('\n'));

  it('never throws, lists every profile once, leaks no secret, and is always storable', () => {
    fc.assert(
      fc.property(config, (text) => {
        const c = importConfig(text);
        const listed = [...c.entries.map((e) => e.profile), ...c.skipped.map((s) => s.profile)];
        // Every profile the AWS CLI sees is either an entry or skipped (bare sections may add more).
        for (const profile of Object.keys(parseAwsConfig(text).profiles)) {
          expect(listed.filter((p) => p === profile).length).toBeGreaterThanOrEqual(1);
        }
        expect(new Set(c.entries.map((e) => e.profile)).size).toBe(c.entries.length);
        const json = JSON.stringify(c);
        for (const s of text.match(/SECRET[A-Za-z0-9]{12}/g) ?? []) expect(json).not.toContain(s);
        expect(catalogueSchema.safeParse(c).success).toBe(true);
        for (const e of c.entries) {
          if (e.isProduction) expect([e.env, e.color]).toEqual(['production', PRODUCTION_COLOR]);
          // Red in the console (the link's palette colour) means production, and only that.
          if (e.kind === 'role') expect(query(e.url).get('color') === CONSOLE_PALETTE.red).toBe(e.isProduction);
          if (/(^|[^a-z])prod([^a-z]|$)/i.test(e.profile) && !/(pre|non)[-_. ]?prod/i.test(e.profile)) expect(e.isProduction).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('importConfig: which skipped profiles are expected', () => {
  const skipOf = (text: string, profile: string) => importConfig(text).skipped.find((s) => s.profile === profile);
  it('[default] with no role (defaults only, or keys) is expected; with a broken role, or any other name, it is a problem', () => {
    expect(skipOf('[default]\nregion = eu-west-1\n', 'default')?.expected).toBe(true);
    expect(skipOf('[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n', 'default')?.expected).toBe(true);
    expect(skipOf('[default]\nrole_arn = arn:aws:iam::12:role/X\n', 'default')?.expected).toBeUndefined();
    expect(skipOf('[profile base]\nregion = eu-west-1\n', 'base')?.expected).toBeUndefined();
  });
});

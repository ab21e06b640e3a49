import { importConfig } from '../catalogue/import-config';
import { mergeConfigText } from './merge-config';
import { parseAwsConfig } from './parse-aws-config';

const current = `[default]
region = us-east-1

[profile pay-dev]
role_arn = arn:aws:iam::111111111111:role/Admin
source_profile = default
`;

describe('add to my config', () => {
  test('new sections are appended as written; same-named ones keep the stored version and are reported', () => {
    const addition = `# team file
[profile pay-dev]
role_arn = arn:aws:iam::999999999999:role/Other

[profile pay-prod]
role_arn = arn:aws:iam::222222222222:role/Admin
sso_session = corp

[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
`;
    const merged = mergeConfigText(current, addition);
    expect(merged.added.map((s) => s.section)).toEqual(['profile pay-prod', 'sso-session corp']);
    expect(merged.sameNamed).toEqual([{ section: 'profile pay-dev', line: 2, identical: false }]);
    expect(merged.text.startsWith(current)).toBe(true);
    const parsed = parseAwsConfig(merged.text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.profiles['pay-dev']!.role_arn).toBe('arn:aws:iam::111111111111:role/Admin');
    expect(Object.keys(parsed.profiles)).toEqual(['default', 'pay-dev', 'pay-prod']);
    expect(parsed.ssoSessions.corp).toBeDefined();
    expect(importConfig(merged.text).entries.map((e) => e.profile).sort()).toEqual(['pay-dev', 'pay-prod']);
  });

  test('a section identical to the stored one is reported as already there; [default] and [profile default] are the same profile', () => {
    const merged = mergeConfigText(current, '[profile default]\nregion = us-east-1\n[profile pay-dev]\nrole_arn = arn:aws:iam::111111111111:role/Admin\nsource_profile = default\n');
    expect(merged.added).toEqual([]);
    expect(merged.sameNamed.map((s) => [s.section, s.identical])).toEqual([
      ['profile default', true],
      ['profile pay-dev', true],
    ]);
    expect(merged.text).toBe(current);
  });

  test('[DEFAULT] and sections the AWS CLI does not read are not merged, with the reason', () => {
    const merged = mergeConfigText(current, '[DEFAULT]\nregion = eu-west-1\n[profile a b]\nregion = x\n');
    expect(merged.notMerged.map((s) => s.section)).toEqual(['DEFAULT', 'profile a b']);
    expect(merged.notMerged[0]!.reason).toMatch(/every profile/);
    expect(merged.text).toBe(current);
  });

  test('an indented header in the added text still starts a section after the stored text', () => {
    const merged = mergeConfigText('[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A', '   [profile b]\nrole_arn = arn:aws:iam::222222222222:role/B');
    expect(Object.keys(parseAwsConfig(merged.text).profiles)).toEqual(['a', 'b']);
  });
});

// Each role entry's base account (issue 15 §2): the account of the identity at the root of its
// source_profile chain, where the config says it, and unknown (with why) where it does not.
import { importConfig } from './import-config';

const baseOf = (text: string, profile: string) => importConfig(text).entries.find((e) => e.profile === profile)?.base;

describe('base account of a role entry', () => {
  test("AWS Extend Switch Roles' base: the source profile's aws_account_id (an ID, dashed, or an alias)", () => {
    const text = `[profile identity]
aws_account_id = 1111-2222-3333
[profile corp]
aws_account_id = acme-identity
[profile app-dev]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = identity
[profile app-qa]
aws_account_id = 234567890123
role_name = Qa
source_profile = corp
`;
    expect(baseOf(text, 'app-dev')).toEqual({ accountId: '111122223333', from: 'aws_account_id in [identity]' });
    expect(baseOf(text, 'app-qa')).toEqual({ accountAlias: 'acme-identity', from: 'aws_account_id in [corp]' });
  });

  test('the root of a longer chain, not the nearest source', () => {
    const text = `[profile keys]
aws_account_id = 111122223333
[profile hop]
role_arn = arn:aws:iam::222233334444:role/Hop
source_profile = keys
[profile target]
role_arn = arn:aws:iam::333344445555:role/Target
source_profile = hop
`;
    expect(baseOf(text, 'target')).toEqual({ accountId: '111122223333', from: 'aws_account_id in [keys]' });
  });

  test("an Identity Center source: its sso_account_id; a role at the root (credential_source): its role_arn's account", () => {
    const text = `[profile sso]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 444455556666
sso_role_name = Hub
[profile from-sso]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = sso
[profile instance]
role_arn = arn:aws:iam::555566667777:role/Runner
credential_source = Ec2InstanceMetadata
[profile from-instance]
role_arn = arn:aws:iam::345678901234:role/Deploy
source_profile = instance
`;
    expect(baseOf(text, 'from-sso')).toEqual({ accountId: '444455556666', from: 'sso_account_id in [sso]' });
    expect(baseOf(text, 'from-instance')).toEqual({ accountId: '555566667777', from: 'role_arn in [instance]' });
    // The Identity Center entry itself has no base: the portal signs it in.
    expect(baseOf(text, 'sso')).toBeUndefined();
  });

  test("mfa_serial names the root user's account, even when the source profile lives in ~/.aws/credentials", () => {
    const text = `[profile target]
role_arn = arn:aws:iam::345678901234:role/Dev
mfa_serial = arn:aws:iam::111122223333:mfa/alice
source_profile = elsewhere
`;
    expect(baseOf(text, 'target')).toEqual({ accountId: '111122223333', from: 'mfa_serial in [target]' });
  });

  test('evidence that agrees is kept together; evidence that disagrees makes the base unknown', () => {
    const text = `[profile identity]
aws_account_id = 111122223333
[profile agree]
role_arn = arn:aws:iam::345678901234:role/Dev
mfa_serial = arn:aws:iam::111122223333:mfa/alice
source_profile = identity
[profile clash]
role_arn = arn:aws:iam::345678901234:role/Ops
mfa_serial = arn:aws:iam::999988887777:mfa/alice
source_profile = identity
`;
    expect(baseOf(text, 'agree')).toEqual({ accountId: '111122223333', from: 'aws_account_id in [identity], mfa_serial in [agree]' });
    expect(baseOf(text, 'clash')).toEqual({
      unknown: 'the config names different accounts for it: 111122223333 (aws_account_id in [identity]), 999988887777 (mfa_serial in [clash])',
    });
  });

  test('unknown, and why, where the config does not say', () => {
    const text = `[default]
region = us-east-1
[profile plain]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = default
[profile missing]
role_arn = arn:aws:iam::345678901234:role/Ops
source_profile = in-credentials-file
[profile env]
role_arn = arn:aws:iam::345678901234:role/Ci
credential_source = Environment
[profile single]
aws_account_id = 345678901234
role_name = Single
`;
    expect(baseOf(text, 'plain')).toEqual({ unknown: '[default] does not say its account (aws_account_id, sso_account_id, role_arn or mfa_serial)' });
    expect(baseOf(text, 'missing')).toEqual({ unknown: 'its source profile "in-credentials-file" is not in this file' });
    expect(baseOf(text, 'env')).toEqual({ unknown: 'it has no source_profile, so the config does not say who assumes it' });
    expect(baseOf(text, 'single')).toEqual({ unknown: 'it has no source_profile, so the config does not say who assumes it' });
  });

  test('a root holding access keys: its role_arn is not its identity', () => {
    const text = `[profile keyed]
role_arn = arn:aws:iam::555566667777:role/Unused
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
[profile target]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = keyed
`;
    expect(baseOf(text, 'target')).toEqual({ unknown: '[keyed] does not say its account (aws_account_id, sso_account_id, role_arn or mfa_serial)' });
  });
});

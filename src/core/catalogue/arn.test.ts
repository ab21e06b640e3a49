import { describeBadAccountId, parseIdentityArn, parseRoleArn, parseRoleArnInto, parseRoleName } from './arn';
import { isAccountAlias, isAccountId, permissionSetOf } from '../aws-names';
import type { Partition } from '../types';

function reason(value: string): string {
  const result = parseRoleArn(value);
  if (result.ok) throw new Error(`expected ${value} to be rejected`);
  return result.reason;
}

describe('parseRoleArn', () => {
  it('reads partition, account and role name', () => {
    expect(parseRoleArn('arn:aws:iam::123456789012:role/Admin')).toEqual({
      ok: true,
      value: { partition: 'aws', accountId: '123456789012', path: '/', name: 'Admin', roleName: 'Admin' },
    });
  });

  it('keeps the path (without the leading slash) in roleName', () => {
    const result = parseRoleArn('arn:aws:iam::301882015541:role/system/team/NagraEngineer');
    expect(result).toEqual({
      ok: true,
      value: { partition: 'aws', accountId: '301882015541', path: '/system/team/', name: 'NagraEngineer', roleName: 'system/team/NagraEngineer' },
    });
  });

  it('knows the GovCloud and China partitions', () => {
    expect(parseRoleArn('arn:aws-us-gov:iam::123456789012:role/Audit')).toMatchObject({ ok: true, value: { partition: 'aws-us-gov' } });
    expect(parseRoleArn('arn:aws-cn:iam::123456789012:role/Ops')).toMatchObject({ ok: true, value: { partition: 'aws-cn' } });
  });

  it('keeps leading zeros of account IDs', () => {
    expect(parseRoleArn('arn:aws:iam::000011112222:role/R')).toMatchObject({ ok: true, value: { accountId: '000011112222' } });
  });

  it('accepts surrounding spaces', () => {
    expect(parseRoleArn('  arn:aws:iam::123456789012:role/R  ').ok).toBe(true);
  });

  it('explains a missing colon', () => {
    expect(reason('arn:aws:iam:008451517057:role/dev-role')).toMatch(/4 colons.*colon is missing.*"::" after iam/);
  });

  it('names placeholder account IDs', () => {
    expect(reason('arn:aws:iam::ACCOUNT02:role/OrganizationAccountAccessRole')).toBe('the account ID "ACCOUNT02" is a placeholder, not a 12-digit account ID');
    expect(reason('arn:aws-cn:iam::{AdminAccountId}:role/Api')).toMatch(/"\{AdminAccountId\}" is a placeholder/);
    expect(reason('arn:aws:iam::AWS_ACCOUNT_ID:role/R')).toMatch(/placeholder/);
    expect(reason('arn:aws:iam::nnnnnnnnnnnn:role/R')).toMatch(/placeholder/);
  });

  it('counts the digits of a wrong-length account ID', () => {
    expect(reason('arn:aws:iam::123456789:role/R')).toBe('the account ID "123456789" has 9 digits, not 12');
    expect(reason('arn:aws:iam::0123456789012:role/R')).toMatch(/13 digits/);
  });

  it('rejects unknown partitions, naming ISO ones as having no console', () => {
    expect(reason('arn:aws-iso:iam::123456789012:role/R')).toMatch(/aws-iso.*no public console/);
    expect(reason('arn:azure:iam::123456789012:role/R')).toMatch(/unknown partition "azure"/);
  });

  it('rejects non-role and non-IAM ARNs', () => {
    expect(reason('arn:aws:iam::123456789012:user/alice')).toMatch(/names a user, not a role/);
    expect(reason('arn:aws:s3:::bucket/key')).toMatch(/"s3" ARN/);
    expect(reason('arn:aws:iam:us-east-1:123456789012:role/R')).toMatch(/has a region/);
    expect(reason('role/Admin')).toMatch(/not an ARN/);
    expect(reason('')).toMatch(/empty/);
  });

  it('rejects bad role names and paths', () => {
    expect(reason('arn:aws:iam::123456789012:role/')).toMatch(/role name is empty/);
    expect(reason('arn:aws:iam::123456789012:role/team/')).toMatch(/no name/);
    expect(reason('arn:aws:iam::123456789012:role/My Role')).toMatch(/contains " "/);
    expect(reason('arn:aws:iam::123456789012:role/a//b')).toMatch(/empty segment/);
    expect(reason('arn:aws:iam::123456789012:role/x # comment')).toMatch(/contains/);
  });

  it('refuses path + name over 64 characters (the console limit), accepts exactly 64', () => {
    const name60 = 'R'.repeat(60);
    expect(parseRoleArn(`arn:aws:iam::123456789012:role/abc/${name60}`).ok).toBe(true); // 4 + 60 = 64
    expect(reason(`arn:aws:iam::123456789012:role/abcd/${name60}`)).toMatch(/65 characters.*refuses more than 64/);
    expect(reason(`arn:aws:iam::123456789012:role/${'N'.repeat(65)}`)).toMatch(/IAM allows 64/);
  });
});

describe('parseRoleName', () => {
  it('accepts names with and without a path', () => {
    expect(parseRoleName('Admin')).toEqual({ ok: true, value: { path: '/', name: 'Admin', roleName: 'Admin' } });
    expect(parseRoleName('/team/Admin')).toEqual({ ok: true, value: { path: '/team/', name: 'Admin', roleName: 'team/Admin' } });
    expect(parseRoleName('custom_permission-set+=,.@')).toMatchObject({ ok: true });
  });
});

describe('account IDs and aliases', () => {
  it('isAccountId wants exactly 12 ASCII digits', () => {
    expect(isAccountId('000000000000')).toBe(true);
    expect(isAccountId('12345678901')).toBe(false);
    expect(isAccountId('1234567890123')).toBe(false);
    expect(isAccountId('12345678901a')).toBe(false);
    expect(isAccountId('１２３４５６７８９０１２')).toBe(false);
  });

  it('isAccountAlias follows IAM alias rules and is never 12 digits', () => {
    for (const ok of ['mycompany', 'account-3-alias', 'a1b', 'prod-eu-01']) expect(isAccountAlias(ok)).toBe(true);
    for (const bad of ['ab', '-lead', 'trail-', 'dou--ble', 'Upper', 'under_score', '123456789012', 'a'.repeat(64)]) expect(isAccountAlias(bad)).toBe(false);
  });

  it('describeBadAccountId says what is wrong', () => {
    expect(describeBadAccountId('')).toBe('the account ID is empty');
    expect(describeBadAccountId('YOUR_DEV_ACCOUNT_ID')).toMatch(/placeholder/);
    expect(describeBadAccountId('<your-sso-account-id>')).toMatch(/placeholder/);
    expect(describeBadAccountId('12ab')).toBe('the account ID "12ab" is not 12 digits');
  });
});

describe('parseIdentityArn', () => {
  it('reads STS assumed-role ARNs (no path) including session names with slashes', () => {
    expect(parseIdentityArn('arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com')).toEqual({
      kind: 'assumed-role',
      partition: 'aws',
      accountId: '123456789012',
      roleName: 'Admin',
      sessionName: 'alice@example.com',
    });
    expect(parseIdentityArn('arn:aws-us-gov:sts::123456789012:assumed-role/R/a/b')).toMatchObject({ roleName: 'R', sessionName: 'a/b' });
  });

  it('reads IAM users, roles and root', () => {
    expect(parseIdentityArn('arn:aws:iam::123456789012:user/dev/bob')).toEqual({ kind: 'user', partition: 'aws', accountId: '123456789012', userName: 'bob', path: '/dev/' });
    expect(parseIdentityArn('arn:aws-cn:iam::123456789012:root')).toEqual({ kind: 'root', partition: 'aws-cn', accountId: '123456789012' });
    expect(parseIdentityArn('arn:aws:iam::123456789012:role/a/B')).toMatchObject({ kind: 'role', roleName: 'B', path: '/a/' });
  });

  it('returns undefined for anything it cannot vouch for', () => {
    for (const bad of ['', 'nonsense', 'arn:aws:sts::12345:assumed-role/R/s', 'arn:aws:sts::123456789012:federated-user/bob', 'arn:aws:s3:::b', 'arn:aws-iso:iam::123456789012:root']) {
      expect(parseIdentityArn(bad)).toBeUndefined();
    }
  });
});

describe('permissionSetOf', () => {
  it('strips the AWSReservedSSO_ prefix and the 16-hex suffix', () => {
    expect(permissionSetOf('AWSReservedSSO_AdministratorAccess_0123456789abcdef')).toBe('AdministratorAccess');
    expect(permissionSetOf('AWSReservedSSO_custom_permission-set_fedcba9876543210')).toBe('custom_permission-set');
    expect(permissionSetOf('aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_1111222233334444')).toBe('Dev');
  });

  it('is undefined for other roles or a malformed hash', () => {
    expect(permissionSetOf('Admin')).toBeNull();
    expect(permissionSetOf('AWSReservedSSO_Dev_123')).toBeNull();
    expect(permissionSetOf('AWSReservedSSO_Dev_0123456789ABCDEF')).toBeNull();
  });
});

describe('parseRoleArnInto (importConfig\'s allocation-free parseRoleArn)', () => {
  it('gives the same partition, account and role name, or the same reason', () => {
    const cases = [
      'arn:aws:iam::123456789012:role/Admin',
      ' arn:aws-us-gov:iam::123456789012:role/team/ops/Deployer ',
      'arn:aws-cn:iam::000000000001:role/x',
      'arn:aws:iam::12345678901:role/Admin',
      'arn:aws:iam:123456789012:role/Admin',
      'arn:aws-iso:iam::123456789012:role/Admin',
      'arn:aws:iam::123456789012:user/me',
      'arn:aws:iam::123456789012:role/',
      'arn:aws:iam::123456789012:role/a b',
      `arn:aws:iam::123456789012:role/${'p/'.repeat(40)}x`,
      'arn:aws:sts::123456789012:role/Admin',
      'arn:awsx:iam::123456789012:role/Admin',
      'arn:aws:iam::ACCOUNT02:role/Admin',
      '',
    ];
    for (const value of cases) {
      const out: { partition: Partition; accountId: string | undefined; roleName: string } = { partition: 'aws', accountId: undefined, roleName: '' };
      const reason = parseRoleArnInto(value, out);
      const parsed = parseRoleArn(value);
      if (parsed.ok) {
        expect(reason).toBeUndefined();
        expect(out).toEqual({ partition: parsed.value.partition, accountId: parsed.value.accountId, roleName: parsed.value.roleName });
      } else {
        expect(reason).toBe(parsed.reason);
      }
    }
  });
});

// The console's own switch requests (docs/aws-facts.md §1.2, §1.3): what the classic form posts
// and what the multi-session switch sends.
import { basisSwitchFields, classicSwitchFields, inSession, multiSessionSwitchBody, multiSessionSwitchUrl, withoutSessionLabel } from './switch-request';

  const target = {
    account: '123456789012',
    roleName: 'team/ops/Admin',
    displayName: 'x'.repeat(80),
    color: 'b0081a',
    redirectUri: 'https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
  };

  test('classic POST fields: fixed action fields, ≤ 64-character display name, percent-encoded redirect', () => {
    expect(classicSwitchFields(target)).toEqual({
      action: 'switchFromBasis',
      src: 'nav',
      mfaNeeded: '0',
      roleName: 'team/ops/Admin',
      account: '123456789012',
      displayName: 'x'.repeat(64),
      color: 'b0081a',
      redirect_uri: encodeURIComponent(target.redirectUri),
    });
  });

  test('multi-session JSON: endpoint per session, redirect without the session label', () => {
    expect(multiSessionSwitchUrl('us-east-1.signin.aws.amazon.com', '345678901234-abcd1234')).toBe(
      'https://us-east-1.signin.aws.amazon.com/sessions/345678901234-abcd1234/v1/switchrole',
    );
    expect(multiSessionSwitchBody(target)).toEqual({
      account: '123456789012',
      color: 'b0081a',
      displayName: 'x'.repeat(64),
      redirectUri: 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
      roleName: 'team/ops/Admin',
    });
  });

test('the session label is taken off a multi-session address only', () => {
  expect(withoutSessionLabel('https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/s3/')).toBe('https://us-east-1.console.aws.amazon.com/s3/');
  expect(withoutSessionLabel('https://us-east-1.console.aws.amazon.com/s3/')).toBe('https://us-east-1.console.aws.amazon.com/s3/');
  expect(withoutSessionLabel('https://345678901234-ABCD1234.us-east-1.console.aws.amazon.com/')).toBe('https://345678901234-ABCD1234.us-east-1.console.aws.amazon.com/');
});

test('switch back (docs/aws-facts.md §1.5): the exit-role form fields, and the same page in another multi-session session', () => {
  const page = 'https://us-east-2.console.aws.amazon.com/console/home?region=us-east-2#';
  expect(basisSwitchFields(page)).toEqual({ action: 'switchToBasis', src: 'nav', redirect_uri: 'https%3A%2F%2Fus-east-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-2%23' });
  expect(inSession('https://234567890123-qrst5678.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1', '345678901234-abcd1234')).toBe(
    'https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1',
  );
  // A classic host names no session: nothing is built.
  expect(inSession(page, '345678901234-abcd1234')).toBeNull();
});

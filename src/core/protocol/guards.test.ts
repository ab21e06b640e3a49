// The content scripts' hand-written guards accept exactly what the protocol's zod schemas
// accept, on any value: near misses of each message's shape and arbitrary values.
import fc from 'fast-check';
import { isIdentityReportReply, isSessionBanner, isSwitchAutosubmitReply, isWhereAmIRequest } from './guards';
import { MESSAGE } from './message-names';
import { identityReportReplySchema, sessionBannerSchema, switchAutosubmitReplySchema, whereAmIReplySchema, whereAmIRequestSchema, whereAmIResponseSchema } from './messages';

/** Values near a shape: each key present with a right or a wrong value, or absent, plus extra keys. */
const near = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.oneof(v, fc.anything())])), { requiredKeys: [] });
const anyValue = fc.oneof(fc.anything(), fc.constant(null), fc.constant([]), fc.constant(new Date(0)));

const pairs: [string, (v: unknown) => boolean, { safeParse(v: unknown): { success: boolean } }, fc.Arbitrary<unknown>][] = [
  ['where-am-i request', isWhereAmIRequest, whereAmIRequestSchema, near({ type: fc.constantFrom(MESSAGE.whereAmI, MESSAGE.switchRole, 'Where-am-i') })],
  ['identity-report reply', isIdentityReportReply, identityReportReplySchema, near({ report: fc.string() })],
  [
    'switch-autosubmit reply',
    isSwitchAutosubmitReply,
    switchAutosubmitReplySchema,
    near({ submit: fc.constantFrom(true, false, 'true', 0), account: fc.constantFrom('123456789012', ''), roleName: fc.string() }),
  ],
  [
    'session banner',
    isSessionBanner,
    sessionBannerSchema,
    near({
      kind: fc.constantFrom('countdown', 'seen', 'none', 'Countdown'),
      endsAt: fc.oneof(fc.double(), fc.constant(Infinity), fc.constant(NaN)),
      since: fc.oneof(fc.integer(), fc.constant(NaN)),
      profile: fc.oneof(fc.string(), fc.constant(null)),
    }),
  ],
];

describe.each(pairs)('the %s guard', (_name, guard, schema, shaped) => {
  test('agrees with its schema on near misses and on arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, anyValue), (value) => {
        expect(guard(value)).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });
});

test('the guards accept the messages as the senders write them, and refuse their neighbours', () => {
  expect(isWhereAmIRequest({ type: 'where-am-i' })).toBe(true);
  expect(isWhereAmIRequest({ type: 'switch-role' })).toBe(false);
  expect(isSwitchAutosubmitReply({ submit: true, account: '123456789012', roleName: 'Admin' })).toBe(true);
  expect(isSwitchAutosubmitReply({ submit: true, account: '123456789012' })).toBe(false);
  expect(isSwitchAutosubmitReply({ submit: false })).toBe(true);
  expect(isIdentityReportReply({ report: 42 })).toBe(false);
});

describe('the where-am-i reply', () => {
  const host = '345678901234-abcd1234.us-east-1.console.aws.amazon.com';
  const readings = [
    { source: 'host-label', accountId: '345678901234', sessionId: '345678901234-abcd1234', multiSession: true, region: 'us-east-1' },
    { source: 'session-data', accountId: '345678901234', arn: 'arn:aws:sts::345678901234:assumed-role/Dev/alice', multiSession: true, signInEndpoint: 'us-east-1.signin.aws.amazon.com' },
  ];

  test('is judged where it is received: the identity, the verdict and the report come from the readings', () => {
    const parsed = whereAmIResponseSchema.safeParse({ readings, host, profile: 'alfie-development' });
    expect(parsed.success).toBe(true);
    const answer = parsed.success ? parsed.data : null;
    expect(answer?.identity).toMatchObject({ accountId: '345678901234', roleName: 'Dev', source: 'host-label', signInEndpoint: 'us-east-1.signin.aws.amazon.com' });
    expect(answer?.profile).toBe('alfie-development');
    expect(answer?.verdict).toBe('Account 3456-7890-1234, role Dev: decided by the host name');
    expect(answer?.report.split('\n')[0]).toBe(`Role Switchboard: who is this console tab? ${host} (partition aws)`);
  });

  test('with values of any shape inside a reading, is still judged (the judge checks values); a bad envelope is refused', () => {
    const odd = { readings: [{ source: 'session-data', accountId: 123456789012, labels: { x: 1 } }], host, profile: null };
    const parsed = whereAmIResponseSchema.safeParse(odd);
    expect(parsed.success && parsed.data.identity).toMatchObject({ accountId: null, reason: 'the awsc-session-data meta cannot be used: its account ID is not 12 digits' });
    for (const bad of [{ readings: [{ source: 'page' }], host, profile: null }, { readings, host: 42, profile: null }, { readings, host }, { readings: 'x', host, profile: null }, null]) {
      expect(whereAmIReplySchema.safeParse(bad).success).toBe(false);
      expect(whereAmIResponseSchema.safeParse(bad).success).toBe(false);
    }
  });
});

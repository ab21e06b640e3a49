import { quote } from './diagnostic-list';

describe('quote', () => {
  it('elides long token-like runs before it cuts (a cut run would be too short to elide)', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzAMPLEKEY';
    // Cut first, 17 characters of the key were left: "…set aws_secret_access_key wJalrXUtnFEMI/K7M...".
    const quoted = quote(`aws configure set aws_secret_access_key ${secret} --profile dev --region eu-west-1`);
    for (let i = 0; i + 16 <= secret.length; i++) expect(quoted).not.toContain(secret.slice(i, i + 16));
    expect(quoted).toBe('"aws configure set aws_secret_access_key … --profile dev -..."');
  });

  it('keeps short text as it is, and cuts long text to 60 characters', () => {
    expect(quote('region = eu-west-1')).toBe('"region = eu-west-1"');
    expect(quote('x '.repeat(40))).toBe(`"${'x '.repeat(40).slice(0, 57)}..."`);
  });
});

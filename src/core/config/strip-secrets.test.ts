import { importConfig } from '../catalogue/import-config';
import { parseAwsConfig } from './parse-aws-config';
import { SECRET_KEYS, stripSecrets } from './strip-secrets';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENPART1';
const TOKEN_MORE = 'CONTINUEDTOKENPART2EXAMPLE';

describe('stripSecrets', () => {
  it('exports the four secret keys', () => {
    expect([...SECRET_KEYS].sort()).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'aws_security_token', 'aws_session_token']);
  });

  it('removes every secret from a pasted credentials file and keeps the rest byte for byte', () => {
    const text = [
      '# ~/.aws/credentials',
      '[default]',
      `aws_access_key_id = ${KEY_ID}`,
      `aws_secret_access_key = ${SECRET}`,
      '',
      '[dev]',
      `AWS_ACCESS_KEY_ID: ${KEY_ID}`,
      `Aws_Secret_Access_Key=${SECRET}`,
      `aws_session_token = ${TOKEN}`,
      `    ${TOKEN_MORE}`,
      `aws_security_token = ${TOKEN}`,
      'region = eu-west-1',
      '',
    ].join('\r\n');
    const { text: out, removed } = stripSecrets(text);
    expect(out).toBe(['# ~/.aws/credentials', '[default]', '', '[dev]', 'region = eu-west-1', ''].join('\r\n'));
    for (const secret of [KEY_ID, SECRET, TOKEN, TOKEN_MORE]) expect(out).not.toContain(secret);
    expect(removed).toEqual([
      { section: 'default', keys: ['aws_access_key_id', 'aws_secret_access_key'], lines: [3, 4], what: ['the key aws_access_key_id', 'the key aws_secret_access_key'] },
      {
        section: 'dev',
        keys: ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'],
        lines: [7, 8, 9, 10, 11],
        what: ['the key AWS_ACCESS_KEY_ID', 'the key Aws_Secret_Access_Key', 'the key aws_session_token', 'more of the value on line 9', 'the key aws_security_token'],
      },
    ]);
  });

  it('keeps a mixed config identical apart from the secret lines, whatever the line endings', () => {
    const lines = [
      '[DEFAULT]',
      `aws_session_token = ${TOKEN}`,
      '[profile dev]\t# dev',
      'role_arn = arn:aws:iam::123456789012:role/Dev',
      `aws_access_key_id = ${KEY_ID}`,
      'source_profile = base',
      '  ; comment stays',
      's3 =',
      '  max_concurrent_requests = 20',
      `  aws_secret_access_key = ${SECRET}`,
      '[profile base]',
      `aws_secret_access_key = ${SECRET}`,
      '',
      `  ${TOKEN_MORE}`,
      'mfa_serial = arn:aws:iam::123456789012:mfa/me',
      '\u3000',
    ];
    const kept = [0, 2, 3, 5, 6, 7, 8, 10, 12, 14, 15];
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = lines.join(eol);
      const { text: out, removed } = stripSecrets(text);
      expect(out).toBe(kept.map((i) => lines[i]).join(eol));
      for (const secret of [KEY_ID, SECRET, TOKEN, TOKEN_MORE]) expect(out).not.toContain(secret);
      expect(removed).toEqual([
        { section: 'DEFAULT', keys: ['aws_session_token'], lines: [2], what: ['the key aws_session_token'] },
        { section: 'profile dev', keys: ['aws_access_key_id', 'aws_secret_access_key'], lines: [5, 10], what: ['the key aws_access_key_id', 'the nested key aws_secret_access_key'] },
        { section: 'profile base', keys: ['aws_secret_access_key'], lines: [12, 14], what: ['the key aws_secret_access_key', 'more of the value on line 12'] },
      ]);
      // The parse of what is left equals the parse of the original minus the secret keys.
      const before = parseAwsConfig(text);
      const after = parseAwsConfig(out);
      expect(after.profiles).toEqual({
        dev: { role_arn: 'arn:aws:iam::123456789012:role/Dev', source_profile: 'base', s3: { max_concurrent_requests: '20' } },
        base: { mfa_serial: 'arn:aws:iam::123456789012:mfa/me' },
      });
      expect(before.profiles.dev).toMatchObject({ aws_access_key_id: KEY_ID, aws_session_token: TOKEN });
    }
  });

  it('does not touch text without secrets (same string back)', () => {
    // (A commented-out `# aws_secret_access_key = value` is a secret: see secret-lines.test.ts.)
    const text = '[profile a]\nregion = x\n# aws_secret_access_key is in ~/.aws/credentials\n#aws_access_key_id =\nnote = aws_access_key_id is a word here\n';
    expect(stripSecrets(text)).toEqual({ text, removed: [] });
  });

  it('removes secrets written before any section, and keeps a leading BOM', () => {
    const { text, removed } = stripSecrets(`\ufeffaws_access_key_id = ${KEY_ID}\n[default]\nregion = x`);
    expect(text).toBe('\ufeff[default]\nregion = x');
    expect(removed).toEqual([{ section: '', keys: ['aws_access_key_id'], lines: [1], what: ['the key aws_access_key_id'] }]);
  });

  it('removes the last line even without a trailing newline', () => {
    expect(stripSecrets(`[a]\r\nk = v\r\naws_secret_access_key = ${SECRET}`).text).toBe('[a]\r\nk = v\r\n');
  });

  it('also removes an indented secret-looking line that continues another key', () => {
    const { text } = stripSecrets(`[a]\nregion = x\n  aws_secret_access_key: ${SECRET}\nb = 1\n`);
    expect(text).toBe('[a]\nregion = x\nb = 1\n');
    expect(parseAwsConfig(text).otherSections).toEqual({ a: { region: 'x', b: '1' } });
  });

  it('removes a token wrapped onto the next lines when it was copied, and nothing more', () => {
    const wrapped = `[default]\naws_session_token = ${TOKEN}\n${TOKEN_MORE}==\nregion = eu-west-1\noutput=json\n`;
    expect(stripSecrets(wrapped).text).toBe('[default]\nregion = eu-west-1\noutput=json\n');
    expect(stripSecrets(wrapped).removed).toEqual([{ section: 'default', keys: ['aws_session_token'], lines: [2, 3], what: ['the key aws_session_token', 'the wrapped rest of the value on line 2'] }]);
    // No delimiter at all: the AWS CLI rejects that line; it is the token's rest.
    expect(stripSecrets(`[default]\naws_session_token = ${TOKEN}\n${TOKEN_MORE}\n\n[profile x]\nregion = x\n`).text).toBe('[default]\n\n[profile x]\nregion = x\n');
    // Lines indented under a removed nested secret are its value.
    expect(stripSecrets(`[a]\nregion = x\n  aws_secret_access_key = ${SECRET}\n    ${TOKEN_MORE}\n  other = 1\nb = 1\n`).text).toBe('[a]\nregion = x\n  other = 1\nb = 1\n');
    // Ordinary lines under a secret stay, and a blank line ends the wrapping.
    expect(stripSecrets(`[default]\naws_secret_access_key = ${SECRET}\noutput=json\n\n${TOKEN_MORE}==\n`).text).toBe(`[default]\noutput=json\n\n${TOKEN_MORE}==\n`);
  });

  // Found by a fuzz run (about 978,000 texts checked for a secret marker in the stored text,
  // the catalogue and the parser's messages).
  describe('leaks found by fuzzing', () => {
    const MARK = 'SECRETq7Zk3';
    const leaks = (text: string) => ({
      stored: stripSecrets(text).text.includes(MARK),
      catalogue: JSON.stringify(importConfig(text)).includes(MARK),
      storedCatalogue: JSON.stringify(importConfig(stripSecrets(text).text)).includes(MARK),
      messages: JSON.stringify(parseAwsConfig(text).diagnostics).includes(MARK),
    });
    const none = { stored: false, catalogue: false, storedCatalogue: false, messages: false };

    // botocore splits a nested block with str.splitlines(), which also breaks at these.
    it.each(['\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'])('a nested secret key after %j on the same line is removed', (boundary) => {
      const text = `[default]\ns3 =\n  a = b${boundary}aws_session_token = ${MARK}\nregion = eu-west-1\n`;
      expect(leaks(text)).toEqual(none);
      expect(stripSecrets(text).text).toBe('[default]\ns3 =\nregion = eu-west-1\n');
      expect(leaks(`[default]\ns3 =\n  a = b${boundary}aws_secret_access_key = x #${MARK}\n`)).toEqual(none);
    });

    it("never quotes a secret value's next line, or a nested secret, in a message", () => {
      expect(leaks(`[default]\naws_session_token = abc\n  ${MARK}==\n`)).toEqual(none);
      expect(leaks(`[default]\naws_secret_access_key = a\n  [${MARK}]\n`)).toEqual(none);
      expect(leaks(`[default]\ns3 =\n  aws_secret_access_key = x #${MARK}\n`)).toEqual(none);
      const bad = parseAwsConfig(`[default]\naws_session_token =\n  ${MARK}\n`);
      expect(bad.diagnostics).toContainEqual(expect.objectContaining({ line: 3, severity: 'error', message: expect.stringMatching(/^Line 3: a line inside the nested "aws_session_token" block has no "="/) }));
      expect(JSON.stringify(bad.diagnostics)).not.toContain(MARK);
    });
  });
});

import { importConfig } from '../catalogue/import-config';
import { parseAwsConfig, shlexSplit, configLineCount } from './parse-aws-config';
import type { Diagnostic, ParsedConfig } from '../types';

const cfg = (...lines: string[]): string => `${lines.join('\n')}\n`;
const errors = (p: ParsedConfig): Diagnostic[] => p.diagnostics.filter((d) => d.severity === 'error');
const warnings = (p: ParsedConfig): Diagnostic[] => p.diagnostics.filter((d) => d.severity === 'warning');
const maps = (p: ParsedConfig) => ({ profiles: p.profiles, ssoSessions: p.ssoSessions, services: p.services, otherSections: p.otherSections });

describe('keys, values and delimiters', () => {
  it('accepts "=" and ":" and lets the first delimiter win', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'region: eu-west-1', 'role_arn = arn:aws:iam::123456789012:role/x', 'k: a = b', 'j = c: d'));
    expect(p.profiles.a).toEqual({ region: 'eu-west-1', role_arn: 'arn:aws:iam::123456789012:role/x', k: 'a = b', j: 'c: d' });
    expect(p.diagnostics).toEqual([]);
  });

  it('lower-cases keys, keeps inner spaces, strips values and allows empty values', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'REGION   =   us-east-1   ', 'My Key\t=\tv', 'cli_pager =', 'output='));
    expect(p.profiles.a).toEqual({ region: 'us-east-1', 'my key': 'v', cli_pager: '', output: '' });
  });

  it('strips with Python whitespace rules (\\x1c-\\x1f and U+3000 are spaces, U+FEFF is not)', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'k =\x1fv\u3000', '\ufeffj = w'));
    expect(p.profiles.a).toEqual({ k: 'v', '\ufeffj': 'w' });
  });

  it('keeps % signs as written (no interpolation)', () => {
    expect(parseAwsConfig(cfg('[default]', 'x = 100%', 'y = %(x)s')).profiles.default).toEqual({ x: '100%', y: '%(x)s' });
  });
});

describe('comments', () => {
  it('ignores whole-line # and ; comments, also indented ones', () => {
    const p = parseAwsConfig(cfg('# top', '; top', '[profile a]', '  # c', '\t; c', 'region = x', '#[profile b]', '#k = v'));
    expect(maps(p)).toEqual({ profiles: { a: { region: 'x' } }, ssoSessions: {}, services: {}, otherSections: {} });
    expect(p.diagnostics).toEqual([]);
  });

  it('keeps an inline comment in the value and warns about it', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'region = us-east-1 # the region', 'output = json ;fmt', 'color = #ff0000', 'url = https://x.awsapps.com/start#/'));
    expect(p.profiles.a).toEqual({ region: 'us-east-1 # the region', output: 'json ;fmt', color: '#ff0000', url: 'https://x.awsapps.com/start#/' });
    expect(warnings(p).map((d) => d.line)).toEqual([2, 3]);
    expect(warnings(p)[0]?.message).toMatch(/^Line 2: "# the region" is part of the value of "region".*own line/);
  });

  it('does not warn about inline comments in a bare section, which the AWS CLI ignores anyway', () => {
    const p = parseAwsConfig(cfg('[shop-dev]', 'aws_account_id = 111111111111', 'role_name = Admin # the usual one', '[profile x]', 'region = us-east-1 # here'));
    expect(p.otherSections['shop-dev']).toEqual({ aws_account_id: '111111111111', role_name: 'Admin # the usual one' });
    expect(warnings(p).filter((d) => /is part of the value/.test(d.message)).map((d) => d.line)).toEqual([5]);
  });

  it('never quotes a secret value in an inline-comment warning', () => {
    const p = parseAwsConfig(cfg('[default]', 'aws_secret_access_key = abc #def'));
    expect(p.diagnostics).toEqual([]);
  });
});

describe('continuation lines', () => {
  it('joins lines indented deeper than the key with \\n', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'k = first', '  second', '      third', 'next = n'));
    expect(p.profiles.a).toEqual({ k: 'first\nsecond\nthird', next: 'n' });
  });

  it('keeps blank lines inside a value, drops trailing ones, skips comments', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'k = first', '', '  # not part', '  second', '', '', 'j = w', ''));
    expect(p.profiles.a).toEqual({ k: 'first\n\nsecond', j: 'w' });
  });

  it('measures indentation against the key line, counting a tab as one character', () => {
    const p = parseAwsConfig(cfg('[profile a]', '  k = v', '   more', '  j = w', '\tm = z', ' n = 1', '\t x'));
    expect(p.profiles.a).toEqual({ k: 'v\nmore', j: 'w', m: 'z', n: '1\nx' });
  });

  it('reads an indented header or key as part of the value, with a warning', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'region = x', '  [profile b]', '  output = json'));
    expect(p.profiles).toEqual({ a: { region: 'x\n[profile b]\noutput = json' } });
    expect(warnings(p).map((d) => d.line)).toEqual([3, 4]);
    expect(warnings(p)[1]?.message).toContain('the key "output" is indented');
  });
});

describe('nested blocks', () => {
  it('parses `s3 =` followed by indented lines as a map whose keys keep their case', () => {
    const p = parseAwsConfig(cfg('[profile a]', 's3 =', '', '  Max_Concurrent_Requests = 20', '  addressing_style=path', '  k = 1', '  k = 2', 'region = x'));
    expect(p.profiles.a).toEqual({ s3: { Max_Concurrent_Requests: '20', addressing_style: 'path', k: '2' }, region: 'x' });
    expect(p.diagnostics).toEqual([]);
  });

  it('splits nested lines at the first "=" only, and keeps a value with text on the key line as a string', () => {
    const p = parseAwsConfig(cfg('[profile a]', 's3 =', '  a = b = c', 'x = y', '  not = nested'));
    expect(p.profiles.a).toEqual({ s3: { a: 'b = c' }, x: 'y\nnot = nested' });
  });

  it('splits a nested line on Python line boundaries such as U+2028', () => {
    const p = parseAwsConfig(cfg('[profile a]', 's3 =', '  a = 1\u2028b = 2\x1cc = 3'));
    expect(p.profiles.a).toEqual({ s3: { a: '1', b: '2', c: '3' } });
  });

  it('stays a string when only blank lines follow', () => {
    expect(parseAwsConfig(cfg('[profile a]', 's3 =', '', '', 'b = c')).profiles.a).toEqual({ s3: '', b: 'c' });
  });
});

describe('[DEFAULT]', () => {
  it('is inherited by every section and overridden by own keys', () => {
    const p = parseAwsConfig(cfg('[DEFAULT]', 'region = eu-west-1', 'output = json', '[profile a]', 'output = text', '[preview]', 'x = 1'));
    expect(p.profiles.a).toEqual({ output: 'text', region: 'eu-west-1' });
    expect(p.otherSections.preview).toEqual({ x: '1', region: 'eu-west-1', output: 'json' });
    expect(p.locations.profiles.a).toEqual({ line: 4, keys: { output: 5, region: 2 } });
  });

  it('produces nothing on its own and warns that it is not the default profile', () => {
    const p = parseAwsConfig(cfg('[DEFAULT]', 'region = x'));
    expect(maps(p)).toEqual({ profiles: {}, ssoSessions: {}, services: {}, otherSections: {} });
    expect(p.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('Write [default]') })]);
  });

  it('may repeat, merging keys', () => {
    const p = parseAwsConfig(cfg('[DEFAULT]', 'a = 1', '[profile p]', 'b = 2', '[DEFAULT]', 'c = 3'));
    expect(p.profiles.p).toEqual({ b: '2', a: '1', c: '3' });
    expect(errors(p)).toEqual([]);
  });

  it('gives each section its own copy of an inherited nested map', () => {
    const p = parseAwsConfig(cfg('[DEFAULT]', 's3 =', '  a = b', '[profile p]', '[profile q]'));
    expect(p.profiles.p).toEqual({ s3: { a: 'b' } });
    expect(p.profiles.p?.s3).not.toBe(p.profiles.q?.s3);
  });
});

describe('section names', () => {
  it('splits [profile ...] like a shell line', () => {
    const p = parseAwsConfig(cfg('[profile "my profile"]', 'x = 1', "[profile 'it s']", 'x = 2', '[profile a\\ b]', 'x = 3', '[profile\tt]', 'x = 4', '[profile z ]', 'x = 5'));
    expect(Object.keys(p.profiles)).toEqual(['my profile', 'it s', 'a b', 't', 'z']);
    expect(p.diagnostics).toEqual([]);
  });

  it('reads [default] as a profile and sso-session / services sections into their maps', () => {
    const p = parseAwsConfig(cfg('[default]', 'x = 1', '[sso-session corp]', 'sso_region = us-east-1', '[services "my svc"]', 's3 =', '  endpoint_url = http://localhost', '[preview]', 'cloudfront = true'));
    expect(maps(p)).toEqual({
      profiles: { default: { x: '1' } },
      ssoSessions: { corp: { sso_region: 'us-east-1' } },
      services: { 'my svc': { s3: { endpoint_url: 'http://localhost' } } },
      otherSections: { preview: { cloudfront: 'true' } },
    });
  });

  it('takes the later of [default] and [profile default], entirely, with a warning', () => {
    const a = parseAwsConfig(cfg('[default]', 'a = 1', 'b = 2', '[profile default]', 'a = 3'));
    expect(a.profiles).toEqual({ default: { a: '3' } });
    expect(a.locations.profiles.default?.line).toBe(4);
    expect(warnings(a)).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('also on line 1') })]);
    const b = parseAwsConfig(cfg('[profile default]', 'a = 3', '[default]', 'a = 1', 'b = 2'));
    expect(b.profiles).toEqual({ default: { a: '1', b: '2' } });
    expect(b.locations.profiles.default?.line).toBe(3);
  });

  it('uses the header text up to the last "]" and ignores what follows', () => {
    const p = parseAwsConfig(cfg('[profile finn] # FN-2187', 'x = 1', '[a] b ] c', 'y = 2', '[]]', 'z = 3'));
    expect(p.profiles).toEqual({ finn: { x: '1' } });
    expect(p.otherSections).toEqual({ 'a] b ': { y: '2' }, ']': { z: '3' } });
  });

  it('drops prefixed names that do not split into two words, with a warning', () => {
    const p = parseAwsConfig(cfg('[profile a b]', 'x = 1', '[profile]', 'x = 2', '[profiles]', 'x = 3', '[profile "open]', 'x = 4', '[profile x] # [note]', 'x = 5'));
    expect(maps(p)).toEqual({ profiles: {}, ssoSessions: {}, services: {}, otherSections: {} });
    const w = warnings(p);
    expect(w.map((d) => d.line)).toEqual([1, 3, 5, 7, 9]);
    expect(w[0]?.message).toContain('[profile "a b"]');
    expect(w[1]?.message).toContain('add the name');
    expect(w[3]?.message).toContain('unclosed quote');
    expect(w[4]?.message).toContain('after the first "]"');
  });

  it('reads [profilex y] as profile y (botocore only checks the prefix), with a warning', () => {
    const p = parseAwsConfig(cfg('[profilex y]', 'x = 1'));
    expect(p.profiles).toEqual({ y: { x: '1' } });
    expect(warnings(p)[0]?.message).toContain('as the profile "y"');
  });

  it('warns about near-misses the CLI ignores: case, spaces inside the brackets, [Default]', () => {
    const p = parseAwsConfig(cfg('[Profile a]', '[PROFILE b]', '[ profile c ]', '[Default]', '[ default ]', '[SSO-Session s]'));
    expect(p.profiles).toEqual({});
    expect(Object.keys(p.otherSections)).toEqual(['Profile a', 'PROFILE b', ' profile c ', 'Default', ' default ', 'SSO-Session s']);
    const w = warnings(p);
    expect(w.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(w[0]?.message).toBe('Line 1: "[Profile a]" is not a profile because "profile" must be lower case; the AWS CLI ignores it. Write "[profile a]".');
    expect(w[2]?.message).toContain('spaces inside the brackets');
    expect(w[5]?.message).toContain('Write "[sso-session s]"');
  });

  it('warns about a bare section that holds profile keys', () => {
    const p = parseAwsConfig(cfg('[dev]', 'role_arn = arn:aws:iam::123456789012:role/Dev', '[preview]', 'cloudfront = true'));
    expect(warnings(p)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('Write [profile dev]') })]);
  });

  it('warns about text after a header that is not a comment', () => {
    const p = parseAwsConfig(cfg('[profile x] region = us-east-1', '[profile y] # fine'));
    expect(warnings(p)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('ignores "region = us-east-1"') })]);
  });

  it('suggests the known key for a near-miss, and leaves keys of other tools alone', () => {
    const p = parseAwsConfig(
      cfg('[profile a]', 'so_start_url = https://x', 'role-arn = arn:aws:iam::123456789012:role/x', 'regoin = eu-west-1', 'aws_account_id = 123456789012', 'role_name = Admin', 'color = ff0000', 'target_role_name = X', 'group = g'),
    );
    expect(warnings(p).map((d) => d.message)).toEqual([
      'Line 2: the AWS CLI does not know the key "so_start_url"; did you mean "sso_start_url"?',
      'Line 3: the AWS CLI does not know the key "role-arn"; did you mean "role_arn"?',
      'Line 4: the AWS CLI does not know the key "regoin"; did you mean "region"?',
    ]);
  });

  it('stores names like __proto__ and constructor as own properties', () => {
    const p = parseAwsConfig(cfg('[profile __proto__]', '__proto__ = x', '[constructor]', 'a = b'));
    expect(Object.keys(p.profiles)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(p.profiles)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(p.profiles))).toEqual(JSON.parse('{"__proto__":{"__proto__":"x"}}'));
    expect(Object.keys(p.otherSections)).toEqual(['constructor']);
  });
});

describe('shlexSplit (Python shlex.split)', () => {
  it.each([
    ['profile a', ['profile', 'a']],
    ['profile "a b"', ['profile', 'a b']],
    ["profile 'a\\b'", ['profile', 'a\\b']],
    ['profile "a\\"b\\\\c\\d"', ['profile', 'a"b\\c\\d']],
    ['profile a"b c"d', ['profile', 'ab cd']],
    ['profile ""', ['profile', '']],
    ['  profile \t\r\n x  ', ['profile', 'x']],
    ['profile\u3000a', ['profile\u3000a']],
    ['a\\ b', ['a b']],
    ['# not a comment', ['#', 'not', 'a', 'comment']],
  ])('%j', (input, expected) => {
    expect(shlexSplit(input)).toEqual(expected);
  });

  it.each(['profile "open', "profile 'open", 'profile a\\', 'profile "a\\'])('returns null where shlex raises: %j', (input) => {
    expect(shlexSplit(input)).toBeNull();
  });
});

describe('line endings', () => {
  const lf = cfg('[profile a]', 'region = x', '  more', '', '[profile b]', 's3 =', '  a = b', 'garbage');
  it.each([
    ['CRLF', lf.replace(/\n/g, '\r\n')],
    ['CR', lf.replace(/\n/g, '\r')],
    ['mixed', '[profile a]\r\nregion = x\r  more\n\r\n[profile b]\rs3 =\n  a = b\r\ngarbage'],
  ])('%s gives the same result and line numbers as LF', (_name, text) => {
    const expected = parseAwsConfig(lf);
    expect(expected.profiles).toEqual({ a: { region: 'x\nmore' }, b: { s3: { a: 'b' } } });
    const got = parseAwsConfig(text);
    expect(maps(got)).toEqual(maps(expected));
    expect(got.diagnostics).toEqual(expected.diagnostics);
    expect(got.locations).toEqual(expected.locations);
  });

  it('does not split lines at U+2028, U+0085 or form feed', () => {
    const p = parseAwsConfig('[profile a]\nk = a\u2028b\nj = c\x85[profile z]\n');
    expect(p.profiles).toEqual({ a: { k: 'a\u2028b', j: 'c\x85[profile z]' } });
    expect(configLineCount('a\u2028b\x85c\fd\r\ne\rf\ng')).toBe(4);
  });
});

describe('files the AWS CLI rejects', () => {
  it('duplicate section: error on the repeat, keys merged into the first', () => {
    const p = parseAwsConfig(cfg('[profile dev]', 'region = x', '[profile prod]', 'region = y', '[profile dev]', 'region = z', 'output = json'));
    expect(errors(p)).toEqual([
      {
        line: 5,
        severity: 'error',
        message: 'Line 5: "[profile dev]" appears twice (first on line 1); the AWS CLI rejects the whole file. Rename or merge one of them.',
      },
    ]);
    expect(p.profiles).toEqual({ dev: { region: 'x', output: 'json' }, prod: { region: 'y' } });
    expect(p.locations.profiles.dev).toEqual({ line: 1, keys: { region: 2, output: 7 } });
  });

  it('duplicate key, case-insensitively: error, first value kept', () => {
    const p = parseAwsConfig(cfg('[profile dev]', 'region = x', 'output = json', 'Region = y', '  more'));
    expect(errors(p)).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/^Line 4: the key "region" appears twice in \[profile dev\] \(first on line 2/) })]);
    expect(p.profiles.dev).toEqual({ region: 'x', output: 'json' });
  });

  it('duplicate key in repeated [DEFAULT] blocks', () => {
    const p = parseAwsConfig(cfg('[DEFAULT]', 'a = 1', '[profile p]', '[DEFAULT]', 'A = 2'));
    expect(errors(p).map((d) => d.line)).toEqual([5]);
    expect(p.profiles.p).toEqual({ a: '1' });
  });

  it('a key before any section', () => {
    const p = parseAwsConfig(cfg('# hi', 'region = x', '  more', '[default]', 'output = json'));
    expect(errors(p)).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('comes before any [section] header') })]);
    expect(p.profiles).toEqual({ default: { output: 'json' } });
  });

  it('a line without delimiter (e.g. a template line), also before the first section', () => {
    const p = parseAwsConfig(cfg('{{- if .work }}', '[profile dev]', 'region = x', '{{- end }}', 'output = json'));
    expect(errors(p).map((d) => d.line)).toEqual([1, 4]);
    expect(errors(p)[1]?.message).toBe(
      'Line 4: "{{- end }}" is not a [section], a comment or a key = value line; the AWS CLI rejects the whole file. Add "=" and a value, or start the line with "#".',
    );
    expect(p.profiles).toEqual({ dev: { region: 'x', output: 'json' } });
  });

  it('an empty key', () => {
    const p = parseAwsConfig(cfg('[profile dev]', '= value', ': other', 'ok = 1'));
    expect(errors(p).map((d) => d.line)).toEqual([2, 3]);
    expect(p.profiles.dev).toEqual({ ok: '1' });
  });

  it('a nested line without "=", reported on its own line and left out', () => {
    const p = parseAwsConfig(cfg('[profile a]', 'region = x', 's3 =', '  a = b', '  addressing_style: path', '  c = d'));
    expect(errors(p)).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('inside the nested "s3" block has no "="') })]);
    expect(p.profiles.a).toEqual({ region: 'x', s3: { a: 'b', c: 'd' } });
  });

  it('a bad nested value in [DEFAULT] only when a section inherits it', () => {
    expect(errors(parseAwsConfig(cfg('[DEFAULT]', 's3 =', '  junk', '[profile p]'))).map((d) => d.line)).toEqual([3]);
    expect(errors(parseAwsConfig(cfg('[DEFAULT]', 's3 =', '  junk')))).toEqual([]);
    expect(errors(parseAwsConfig(cfg('[DEFAULT]', 's3 =', '  junk', '[profile p]', 's3 = own')))).toEqual([]);
  });

  it('a byte-order mark', () => {
    const p = parseAwsConfig('\ufeff[default]\nregion = x\n');
    expect(errors(p)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('byte-order mark') })]);
    expect(p.profiles).toEqual({ default: { region: 'x' } });
  });

  it('never quotes a secret value in an error', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const p = parseAwsConfig(cfg('[default]', `aws_secret_access_key = ${secret}`, `AWS_SECRET_ACCESS_KEY = ${secret}`, secret, `  ${secret}`));
    expect(errors(p).length).toBeGreaterThan(0);
    for (const d of p.diagnostics) expect(d.message).not.toContain(secret.slice(0, 16));
  });

  it('lists at most 25 problems of one kind and summarises the rest', () => {
    const p = parseAwsConfig(`[a]\n${'junk\n'.repeat(1000)}`);
    expect(p.diagnostics).toHaveLength(26);
    expect(p.diagnostics[25]).toEqual(expect.objectContaining({ line: 27, message: expect.stringContaining('975 more problems') }));
  });
});

describe('locations', () => {
  it('records the header line and each key line per section', () => {
    const p = parseAwsConfig(cfg('# c', '[profile a]', 'region = x', '', 'role_arn = y', '  more', '[sso-session s]', 'sso_region = z', '[preview]', 'k = v'));
    expect(p.locations).toEqual({
      profiles: { a: { line: 2, keys: { region: 3, role_arn: 5 } } },
      ssoSessions: { s: { line: 7, keys: { sso_region: 8 } } },
      services: {},
      otherSections: { preview: { line: 9, keys: { k: 10 } } },
    });
  });
});

describe('a clean config', () => {
  it('has no diagnostics', () => {
    const p = parseAwsConfig(
      cfg(
        '[default]',
        'region = us-east-1',
        '',
        '[sso-session corp]',
        'sso_start_url = https://d-1234567890.awsapps.com/start',
        'sso_region = us-east-1',
        '',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Admin',
        '',
        '[profile prod]',
        'role_arn = arn:aws:iam::210987654321:role/ops/Admin',
        'source_profile = dev',
        's3 =',
        '  max_concurrent_requests = 20',
      ),
    );
    expect(p.diagnostics).toEqual([]);
    expect(Object.keys(p.profiles)).toEqual(['default', 'dev', 'prod']);
  });
});

describe('never throws', () => {
  const nasty: Array<[string, string]> = [
    ['empty', ''],
    ['only BOM', '\ufeff'],
    ['lone surrogates', '[profile \ud800]\nk\udfff = \ud800v\n'],
    ['NUL bytes', '\0[\0]\0=\0\n'],
    ['brackets', '[[[[]]]]\n[\n]\n[]\n'],
    ['unclosed quotes everywhere', '[profile "]\n[sso-session \']\n[services \\]\n'],
    ['only delimiters', '[a]\n=\n:\n==\n'],
    ['1 MB single line', `[a]\nk = ${'x'.repeat(1 << 20)}`],
    ['1 MB header line', `[${'a'.repeat(1 << 20)}`],
    ['100k lines', `[a]\n${'k = v\n  more\n'.repeat(50000)}`],
    ['deep indentation', `[a]\nk =\n${Array.from({ length: 20000 }, (_, i) => `${' '.repeat(1 + (i % 500))}x${i} = ${i}`).join('\n')}`],
    ['10k sections', Array.from({ length: 10000 }, (_, i) => `[profile p${i}]\nregion = r${i}`).join('\n')],
    ['10k duplicate sections', '[a]\nk = v\n'.repeat(10000)],
    ['CR soup', '\r\r\n\n\r[a]\r\r k\r=\r'],
    ['binary-ish', Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ];
  it.each(nasty)('%s', (_name, text) => {
    const p = parseAwsConfig(text);
    const lineCount = configLineCount(text);
    for (const d of p.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lineCount);
      expect(d.message.length).toBeLessThan(400);
    }
    expect(() => JSON.stringify(p)).not.toThrow();
  });

  it('parses the 10k-section file completely', () => {
    const p = parseAwsConfig(nasty[11]?.[1] as string);
    expect(Object.keys(p.profiles)).toHaveLength(10000);
    expect(p.profiles.p9999).toEqual({ region: 'r9999' });
    expect(p.locations.profiles.p9999).toEqual({ line: 19999, keys: { region: 20000 } });
  });

  it('copies [DEFAULT] into every section up to a bound, and past it says so instead of hanging', () => {
    const defaults = (n: number) => `[DEFAULT]\n${Array.from({ length: n }, (_, i) => `k${i} = v${i}`).join('\n')}\n`;
    const sections = (n: number) => Array.from({ length: n }, (_, i) => `[profile p${i}]\nregion = r${i}`).join('\n');
    const small = parseAwsConfig(defaults(100) + sections(100));
    expect(Object.keys(small.profiles.p99!)).toHaveLength(101);
    expect(small.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 2,000 keys × 2,000 sections = 4 million values (botocore makes them all, in seconds).
    const huge = parseAwsConfig(defaults(2000) + sections(2000));
    expect(huge.profiles.p1999).toEqual({ region: 'r1999' });
    expect(huge.diagnostics).toContainEqual({
      line: 1,
      severity: 'error',
      message: 'Line 1: [DEFAULT] has 2000 keys, which the AWS CLI copies into each of the 2000 sections: too many values to read here, so they were not copied. Remove [DEFAULT], or move its keys into the profiles that need them.',
    });
    expect(importConfig(defaults(2000) + sections(2000)).diagnostics.some((d) => d.severity === 'error' && /\[DEFAULT\] has 2000 keys/.test(d.message))).toBe(true);
  });
});

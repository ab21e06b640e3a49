// The oracle for aesr-differential.test.ts: AWS Extend Switch Roles' own parser (aesr-config,
// an ES module, so it runs here rather than inside jest). Reads a JSON array of config texts on
// stdin; writes one JSON line per text: the parsed profile set, or the error it threw.
import { ConfigParser } from 'aesr-config';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', () => {
  const out = [];
  for (const text of JSON.parse(input)) {
    try {
      out.push(JSON.stringify({ ok: true, set: ConfigParser.parseIni(text) }));
    } catch (error) {
      out.push(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
});

// Issue 12 §3: comments cite what a reader of the repository can open. Every mention of the AWS
// facts in src/ names the file (docs/aws-facts.md) and sections it really has.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FACTS = fs.readFileSync(path.join(ROOT, 'docs/aws-facts.md'), 'utf8');
/** `1`, `1.1`, ... as the headings number them (`## 1. Switching`, `### 1.1 The link`). */
const SECTIONS = new Set([...FACTS.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)].map((m) => m[1]!));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

test('every citation of the AWS facts in src/ is docs/aws-facts.md with sections that exist', () => {
  expect([...SECTIONS]).toEqual(expect.arrayContaining(['1', '1.1', '3', '3.1', '8']));
  const bad: string[] = [];
  let citations = 0;
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    // A citation may run over a comment's line break: join the comment lines first.
    const text = fs.readFileSync(file, 'utf8').replace(/\n\s*(?:\/\/|\*)\s*/g, ' ');
    for (const m of text.matchAll(/(\S*)aws-facts(\S*)((?:\s*(?:,|and)?\s*§+\d+(?:\.\d+)*)*)/g)) {
      citations++;
      const where = `${path.relative(ROOT, file)}: ${m[0]}`;
      if (!m[1]!.endsWith('docs/') || !m[2]!.startsWith('.md')) bad.push(`${where} (cite it as docs/aws-facts.md)`);
      for (const [, section] of m[3]!.matchAll(/§+(\d+(?:\.\d+)*)/g)) if (!SECTIONS.has(section!)) bad.push(`${where} (no §${section} there)`);
    }
  }
  expect(citations).toBeGreaterThan(10);
  expect(bad).toEqual([]);
});

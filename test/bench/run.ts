// `npm run bench`: prints every figure the issues name, in one run on this machine.
// Each area contributes one module exporting `run()`, which prints its own table.
// Benchmarks print figures; they never pass or fail on timing (that is what CI must not do).
import './repo-root'; // first: makes EXT_DIST absolute before any section loads the e2e harness
import { sections } from './sections';

async function main() {
  const only = process.argv[2];
  if (only && !sections.some((s) => s.name === only)) throw new Error(`No bench section "${only}": ${sections.map((s) => s.name).join(", ")}`);
  for (const section of sections) {
    if (only && section.name !== only) continue;
    console.log(`\n## ${section.title}\n`);
    await section.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

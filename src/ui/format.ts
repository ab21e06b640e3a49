// Small display helpers shared by the popup and the import page. (Account IDs are formatted by
// core/aws-names.ts, text colours chosen by core/contrast.ts.)

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

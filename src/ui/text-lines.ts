// Line positions in pasted text, counted the way the parser counts them (\r\n, \n and a lone
// \r each end a line), so "line 12" in a diagnostic selects line 12 in the text box.

/** [start, end) offsets of 1-based `line` (without its line break); clamped to the text. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  let current = 1;
  while (current < line) {
    const n = text.indexOf('\n', start);
    const r = text.indexOf('\r', start);
    if (n === -1 && r === -1) return [text.length, text.length];
    if (r !== -1 && (n === -1 || r < n)) start = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
    else start = n + 1;
    current++;
  }
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return [start, end];
}

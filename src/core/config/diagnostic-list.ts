// The parser's diagnostics: collected by kind, at most MAX_PER_KIND of each listed, so a pasted
// binary cannot flood the UI; plus the helpers every stage uses to word them.
import type { Diagnostic, Severity } from '../types';

/** At most this many diagnostics of one kind are listed; the rest are summarised in one line. */
const MAX_PER_KIND = 25;

interface KindCount {
  count: number;
  severity: Severity;
  /** Line of the first problem of this kind that is not listed (0: none yet). */
  firstHidden: number;
}

export class DiagnosticList {
  private readonly items: Diagnostic[] = [];
  private readonly counts = new Map<string, KindCount>();

  /**
   * Counts one problem of `kind` on `line`; lists it unless MAX_PER_KIND of that kind are
   * listed already. `message` is called only for problems that are listed.
   */
  add(kind: string, line: number, severity: Severity, message: () => string): void {
    const seen = this.counts.get(kind);
    if (!seen) this.counts.set(kind, { count: 1, severity, firstHidden: 0 });
    else if (++seen.count > MAX_PER_KIND) {
      if (seen.firstHidden === 0) seen.firstHidden = line;
      return;
    }
    this.items.push({ line, severity, message: message() });
  }

  /** Every listed problem plus one summary line per kind that had more, by line. */
  finish(): Diagnostic[] {
    for (const seen of this.counts.values()) {
      if (seen.count > MAX_PER_KIND) {
        const hidden = seen.count - MAX_PER_KIND;
        this.items.push({
          line: seen.firstHidden,
          severity: seen.severity,
          message: `Line ${seen.firstHidden}: ${hidden} more problem${hidden === 1 ? '' : 's'} like the ones above, from here on, are not listed; fix those first.`,
        });
      }
    }
    // Stable sort: by line, keeping the order problems were found within a line.
    return this.items.sort((a, b) => a.line - b.line);
  }
}

/** Runs this long of token characters are elided from quotes: possible secrets. */
const TOKEN_RUN = /[A-Za-z0-9/+=]{20,}/g;

/**
 * A short, quoted excerpt of user text for a message; long token-like runs (possible secrets)
 * are elided. Elided first, then cut: a cut through a run would leave a piece of it too short
 * to be elided (17 characters of a secret key once reached a message that way).
 */
export function quote(text: string): string {
  const t = text.replace(TOKEN_RUN, '…');
  return `"${t.length > 60 ? `${t.slice(0, 57)}...` : t}"`;
}

/** Sets an own property even for the key `__proto__` (section names and keys are user text). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

// The page's side of the import worker: one request at a time per kind, answers as promises.
// A newer preview makes an older one moot: its late answers are dropped, so what the page
// shows is always the last text the user typed.
import type { SaveRecords } from '../../core';
import type { Row } from '../../ui/rows';
import { workerReplyEnvelope, type ImportMode, type PreviewSummary, type WorkerReply, type WorkerRequest } from './protocol';

/** A request without its id (which `ask` adds), for each kind of request. */
type RequestBody = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export interface PreviewResult {
  summary: PreviewSummary;
  rows: Row[];
}

type Waiting = {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  /** A preview's rows (they come after its summary). */
  rows?: Row[];
  summary?: PreviewSummary;
};

export interface ImportWorker {
  setCurrent(text: string): Promise<{ roles: number; skipped: number }>;
  preview(text: string, mode: ImportMode): Promise<PreviewResult | null>;
  /**
   * Encodes the last preview. `text` is null when what will be stored is exactly the text
   * previewed. Throws unless it is the preview this page asked for last.
   */
  encode(builtBy: string, pinned: string[]): Promise<{ text: string | null; records: SaveRecords }>;
  committed(): Promise<void>;
  decode(data: string, sum: string): Promise<string>;
}

export function startImportWorker(url = 'import-worker.js'): ImportWorker {
  const worker = new Worker(url);
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let latestPreview = 0;

  worker.onmessage = (event: MessageEvent<unknown>) => {
    const envelope = workerReplyEnvelope.safeParse(event.data);
    if (!envelope.success) return;
    const message = event.data as WorkerReply;
    const wait = waiting.get(message.id);
    if (!wait) return;
    // A preview comes as its summary, then its rows.
    if (message.type === 'preview') {
      wait.summary = message.summary;
      return;
    }
    if (message.type === 'rows') wait.rows = message.rows;
    waiting.delete(message.id);
    if (message.type === 'failed') wait.reject(new Error(message.message));
    else wait.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`the import worker failed (${event.message || 'no message'})`);
    for (const wait of waiting.values()) wait.reject(error);
    waiting.clear();
  };

  const ask = (request: RequestBody, onWait?: (id: number) => void): Promise<{ reply: WorkerReply; wait: Waiting }> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const wait: Waiting = { resolve: (reply) => resolve({ reply, wait }), reject };
      waiting.set(id, wait);
      onWait?.(id);
      worker.postMessage({ ...request, id });
    });

  return {
    async setCurrent(text) {
      const { reply } = await ask({ type: 'current', text });
      if (reply.type !== 'current') throw new Error('unexpected answer from the import worker');
      return { roles: reply.roles, skipped: reply.skipped };
    },
    async preview(text, mode) {
      let mine = 0;
      const { wait } = await ask({ type: 'preview', text, mode }, (id) => (latestPreview = mine = id));
      if (mine !== latestPreview || !wait.summary) return null;
      return { summary: wait.summary, rows: wait.rows ?? [] };
    },
    async encode(builtBy, pinned) {
      const { reply } = await ask({ type: 'encode', builtBy, pinned });
      if (reply.type !== 'encoded') throw new Error('unexpected answer from the import worker');
      // The worker answers in order: anything else means the text changed in between.
      if (reply.previewId !== latestPreview) throw new Error('the text changed while it was being prepared, so it was not saved; import it again');
      return { text: reply.text, records: reply.records };
    },
    async committed() {
      await ask({ type: 'committed' });
    },
    async decode(data, sum) {
      const { reply } = await ask({ type: 'decode', data, sum });
      if (reply.type !== 'decoded') throw new Error('unexpected answer from the import worker');
      return reply.text;
    },
  };
}

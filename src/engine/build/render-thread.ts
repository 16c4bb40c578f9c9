/**
 * Rendering a build's handouts on a thread of their own. Reading, parsing and checking the statements
 * is about half of a DOCX build, rendering the other half: on a machine with a second core, the main
 * thread reads and checks the next statements while this thread renders (render-worker.ts). A renderer
 * serves one run. Where the compiled thread is missing (the tests run the sources), cannot take a
 * handout, or stops, handouts are rendered in the main thread, to the same bytes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Handout } from '../../render/model/handout.js';
import type { MissingGlyph } from '../../render/pdf/index.js';
import { nodeWorkerThreads } from '../io/builtins.js';

/** What the render thread is asked to do. */
export interface RenderRequest {
  id: number;
  format: 'docx' | 'pdf';
  handout: Handout;
}

/** What it answers: the bytes (and the characters no font could draw), or the error it met. */
export type RenderReply = { id: number; bytes: Uint8Array; missing: MissingGlyph[] } | { id: number; error: string };

/** A rendered handout. */
export interface Rendered {
  bytes: Uint8Array;
  /** Characters no font of the PDF could draw (none for a DOCX). */
  missing: MissingGlyph[];
}

/** Renders handouts to DOCX and PDF; `close` ends what it started. */
export interface Renderer {
  render(format: 'docx' | 'pdf', handout: Handout): Promise<Rendered>;
  close(): Promise<void>;
}

/** Renders in the calling thread. */
export const IN_THREAD: Renderer = {
  async render(format, handout) {
    if (format === 'docx')
      return { bytes: await (await import('../../render/docx/index.js')).renderDocx(handout), missing: [] };
    const result = await (await import('../../render/pdf/index.js')).renderPdf(handout);
    return { bytes: result.bytes, missing: result.missing };
  },
  close: () => Promise.resolve(),
};

const WORKER = new URL('./render-worker.js', import.meta.url);

interface Job {
  request: RenderRequest;
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
}

/** A renderer on a thread of its own; undefined where there is no compiled thread to start. */
export function renderThread(): Renderer | undefined {
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new (nodeWorkerThreads().Worker)(WORKER);
  } catch {
    return undefined; // No thread to be had (the process is out of them): the main thread renders.
  }
  const pending = new Map<number, Job>();
  let next = 0;
  let stopped = false;
  // The thread stopped (out of memory, killed): what it held, and all that follows, is rendered here.
  const fallBack = () => {
    if (stopped) return;
    stopped = true;
    for (const job of pending.values())
      IN_THREAD.render(job.request.format, job.request.handout).then(job.resolve, job.reject);
    pending.clear();
    void worker.terminate();
  };
  worker.on('message', (reply: RenderReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve({ bytes: reply.bytes, missing: reply.missing });
  });
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    render(format, handout) {
      if (stopped) return IN_THREAD.render(format, handout);
      return new Promise<Rendered>((resolve, reject) => {
        const request: RenderRequest = { id: next, format, handout };
        next += 1;
        try {
          worker.postMessage(request);
        } catch {
          // A handout the thread cannot be sent (it holds something that cannot be copied): rendered here.
          IN_THREAD.render(format, handout).then(resolve, reject);
          return;
        }
        pending.set(request.id, { request, resolve, reject });
      });
    },
    async close() {
      stopped = true;
      await worker.terminate();
    },
  };
}

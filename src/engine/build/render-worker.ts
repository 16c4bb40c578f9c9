/**
 * The render thread of a build (render-thread.ts): turns each handout it is sent into DOCX or PDF bytes,
 * while the main thread reads, checks and writes the statements around it.
 */
import { parentPort } from 'node:worker_threads';
import type { Handout } from '../../render/model/handout.js';
import type { RenderReply, RenderRequest } from './render-thread.js';

/** The bytes as an ArrayBuffer of their own, which can be handed over without a copy. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function render(request: RenderRequest): Promise<void> {
  let reply: RenderReply;
  try {
    const handout: Handout = request.handout;
    if (request.format === 'docx') {
      const bytes = ownBuffer(await (await import('../../render/docx/index.js')).renderDocx(handout));
      reply = { id: request.id, bytes, missing: [] };
    } else {
      const result = await (await import('../../render/pdf/index.js')).renderPdf(handout);
      reply = { id: request.id, bytes: ownBuffer(result.bytes), missing: result.missing };
    }
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message } satisfies RenderReply);
    return;
  }
  parentPort?.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
}

parentPort?.on('message', (request: RenderRequest) => void render(request));

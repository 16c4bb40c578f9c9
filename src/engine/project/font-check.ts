/**
 * Whether a template's own font file can be used, tried before any handout depends on it: on a thread
 * of its own (font-check-worker.ts), waited for at most `FONT_CHECK_SECONDS`, since a damaged font can
 * make a font library loop for ever (a byte flipped in the character map did) or fail only on the
 * characters a statement happens to use. Where the compiled thread is missing (the tests run the
 * sources), the font is parsed and shaped here, without the time bound.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeWorkerThreads } from '../io/builtins.js';
import { readRegularFile } from '../io/read.js';
import { FONT_SAMPLE, readProblem, SHARED_BYTES } from './font-sample.js';

/** The longest a font is tried for, in seconds (a sound one takes a tenth of a second). */
const FONT_CHECK_SECONDS = 4;

const WORKER = new URL('./font-check-worker.js', import.meta.url);

/** What is wrong with the font file at `path`, in words, or undefined when it can be used. */
export function fontFileProblem(path: string): string | undefined {
  if (!existsSync(fileURLToPath(WORKER))) return inThread(path);
  const shared = new SharedArrayBuffer(SHARED_BYTES);
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new (nodeWorkerThreads().Worker)(WORKER, {
      workerData: { path, shared },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
  } catch {
    return inThread(path); // No thread to be had: tried here.
  }
  worker.unref();
  worker.on('error', () => undefined);
  // The thread writes its answer and wakes this one; a font that hangs it is given up on.
  const waited = Atomics.wait(new Int32Array(shared, 0, 2), 0, 0, FONT_CHECK_SECONDS * 1000);
  void worker.terminate();
  if (waited === 'timed-out')
    return `a font that could not be read in ${FONT_CHECK_SECONDS} s (damaged, or made to stall a reader)`;
  return readProblem(shared);
}

/** The font parsed and its sample shaped in this thread. */
function inThread(path: string): string | undefined {
  try {
    const { create } = createRequire(import.meta.url)('fontkit') as {
      create: (buffer: Buffer) => { layout?: (text: string) => unknown };
    };
    const font = create(readRegularFile(path));
    if (typeof font.layout !== 'function') return 'a font collection or another format';
    font.layout(FONT_SAMPLE);
    return undefined;
  } catch (error) {
    return `a file that cannot be read as one (${(error as Error).message})`;
  }
}

/** The preview server's API, as the page calls it: paths relative to the tokened address it was opened at. */
import type { Inventory, PaceSaved, SaveOutcome, StatementView } from './types.js';

/** An answer the server refused, with its reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`, data);
  return data;
}

function send<T>(method: string, path: string, body: unknown): Promise<T> {
  return fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => answer<T>(response));
}

/** The inventory of the project's statements. */
export const loadInventory = () => fetch('api/inventory').then((response) => answer<Inventory>(response));

/** A statement as saved. */
export const loadStatement = (file: string) =>
  fetch(`api/statement?file=${encodeURIComponent(file)}`).then((response) => answer<StatementView>(response));

/** A statement as being edited (nothing is saved). */
export const inspectText = (file: string, text: string) => send<StatementView>('POST', 'api/inspect', { file, text });

/** Saves a statement if it is still what was opened (its hash). */
export async function saveStatement(file: string, text: string, hash: string): Promise<SaveOutcome> {
  try {
    return await send<SaveOutcome>('PUT', 'api/statement', { file, text, hash });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return error.data as SaveOutcome;
    throw error;
  }
}

/** Saves a speaker's measured pace in the config. */
export const savePace = (speaker: string, language: string, pace: number) =>
  send<PaceSaved>('POST', 'api/pace', { speaker, language, pace });

/** A handout built on demand, as bytes to save. */
export async function download(file: string, format: 'docx' | 'pdf', copy: 'handout' | 'speaker'): Promise<Blob> {
  const response = await fetch(`api/download?file=${encodeURIComponent(file)}&format=${format}&copy=${copy}`);
  if (!response.ok) await answer(response);
  return response.blob();
}

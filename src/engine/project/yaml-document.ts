/** Parsing a YAML file of the project (the config, a template) with the places its mistakes are reported at. */
import type { Document } from 'yaml';
import { LineCounter, parseDocument } from '../../data/libraries.js';
import { ConfigError } from '../io/errors.js';

/** A parsed project YAML file, its line counter, and `fail`, which throws a `ConfigError` at an offset of it. */
export interface ProjectYaml {
  document: Document;
  lineCounter: LineCounter;
  fail: (offset: number, reason: string) => never;
}

/** Parses `text` as YAML 1.2 (core schema, no duplicate keys); errors are left in `document.errors`. */
export function parseProjectYaml(text: string, path: string): ProjectYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
  });
  const fail = (offset: number, reason: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new ConfigError(path, line, col, reason);
  };
  return { document, lineCounter, fail };
}

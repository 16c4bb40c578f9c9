/**
 * The VS Code extension (editors/vscode/): a manifest VS Code accepts (activation on Markdown, its
 * entry there and valid JavaScript, its settings), the language client pinned to the protocol version
 * the server speaks, and the server it starts where the package puts it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, 'editors/vscode');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, unknown> } };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
};

describe('the VS Code extension', () => {
  it('has a manifest VS Code accepts, and an entry that is valid JavaScript', () => {
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    expect(existsSync(join(EXTENSION, manifest.main))).toBe(true);
    expect(spawnSync(process.execPath, ['--check', join(EXTENSION, manifest.main)]).status).toBe(0);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['alliance.path', 'alliance.fixOnSave']);
  });

  it('pins the language client of the protocol the server speaks, and vsce 3.9 (Node 20)', () => {
    expect(manifest.dependencies['vscode-languageclient']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies['vscode-languageclient']!.split('.')[0]).toBe(
      root.devDependencies['vscode-languageserver']!.split('.')[0],
    );
    expect(manifest.devDependencies['@vscode/vsce']).toMatch(/^3\.9\.\d+$/);
    expect(root.scripts['package:vscode']).toContain('editors/vscode');
  });

  it('starts the server the package ships: bin/alliance.js, with `lsp --stdio`', () => {
    const source = readFileSync(join(EXTENSION, manifest.main), 'utf8');
    expect(source).toContain("join(dir, 'node_modules', 'alliance', 'bin', 'alliance.js')");
    expect(source).toContain("args: ['lsp', '--stdio']");
    expect(root.files).toContain('bin/');
  });
});

// Lint: typescript-eslint's type-checked recommendations over the sources, the tests and the scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'node_modules/',
      'coverage/',
      'test/fixtures/',
      'test/bench/.work/',
      'dist/',
      'editors/vscode/node_modules/',
      'editors/vscode/server/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore names what is left out on purpose (`{ internal: _, ...shown }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The preview page runs in the browser: its own tsconfig, with the DOM.
    files: ['web/**/*.ts'],
    languageOptions: { parserOptions: { project: './web/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The parsing libraries ship bundled in lib/data/libraries.js: values come from there, or a second
    // copy of each library (and of its classes) would load beside the bundle.
    files: ['src/**/*.ts'],
    ignores: ['src/data/libraries.ts', 'src/data/compile.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'unified',
            'remark-parse',
            'remark-gfm',
            'gray-matter',
            'yaml',
            'vfile',
            'vfile-location',
            'vfile-message',
          ].map((name) => ({ name, message: 'Import its values from src/data/libraries.ts.', allowTypeImports: true })),
        },
      ],
    },
  },
  {
    // Tests read what the tool printed (JSON reports, parsed documents): the assertions are their types.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    // The VS Code extension is CommonJS, as VS Code loads extensions.
    files: ['editors/vscode/extension.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
  },
  {
    // The bench drives the preview page: some of its functions run in the browser.
    files: ['test/bench/preview.js'],
    languageOptions: { globals: { document: 'readonly' } },
  },
);

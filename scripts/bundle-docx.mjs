#!/usr/bin/env node
// Run by `npm run build` after tsc: replaces lib/render/docx/library.js (a re-export of `docx`) with
// docx bundled, its nanoid included (the version package-lock.json pins, which runs on Node 20).
// Consumers of alliance then install neither docx nor nanoid 6 (Node 22 and later), and see no engine
// warning.
//
// docx is compiled with the object-spread and class-field helpers of Babel (oxc's copy). Every
// component of a document goes through them, and their generic forms (a closure per key, `_typeof`
// redefining itself on each call) took about a twentieth of a DOCX build. They are replaced here by
// forms that do the same in the same order, without the detours.
//
// A document given no styles or theme of its own gets the library's defaults, the same objects each
// time: they are made once per process (src/render/docx/parts.ts stubs both parts where they repeat, and the
// library's default styles and theme took about a twentieth of a DOCX build again). The bundle must write the
// bytes docx itself writes: test/docx-bundle.test.ts compares them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Babel's helpers, by name, as plain loops: same keys, same order, same defining of properties. */
const HELPERS = {
  _defineProperty: `function _defineProperty(e, r, t) {
	if (typeof r !== "string") r = toPropertyKey(r);
	if (r in e) Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true });
	else e[r] = t;
	return e;
}`,
  _objectSpread2: `function _objectSpread2(e) {
	for (var r = 1; r < arguments.length; r++) {
		var t = arguments[r];
		if (t == null) continue;
		if (r % 2 === 0) {
			// Every own property, as it is (Babel's \`defineProperties\`): plain values defined as such.
			var o = Object(t), own = Reflect.ownKeys(o);
			for (var k = 0; k < own.length; k++) {
				var d = Object.getOwnPropertyDescriptor(o, own[k]);
				if ("value" in d && d.enumerable && d.writable && d.configurable) _defineProperty(e, own[k], d.value);
				else Object.defineProperty(e, own[k], d);
			}
			continue;
		}
		var keys = Object.keys(t);
		for (var i = 0; i < keys.length; i++) _defineProperty(e, keys[i], t[keys[i]]);
		var symbols = Object.getOwnPropertySymbols(Object(t));
		for (var j = 0; j < symbols.length; j++)
			if (Object.prototype.propertyIsEnumerable.call(t, symbols[j])) _defineProperty(e, symbols[j], t[symbols[j]]);
	}
	return e;
}`,
};

/** Changes to the library's code: the text it has, the text it gets. */
const CHANGES = [
  // Attributes gathered by spreading the object so far into a new one for each (quadratic): defined one by one.
  [
    '.reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };',
    '.reduce((acc, { key, value }) => _defineProperty(acc, key, value), {}) };',
  ],
  // The library's default styles and theme, made once.
  [
    'this.styles = new Styles(stylesFactory.newInstance());',
    'this.styles = new Styles(allianceDefaultStyles ??= stylesFactory.newInstance());',
  ],
  [
    'this.theme = new Theme(options.theme);',
    'this.theme = options.theme === void 0 ? allianceDefaultTheme ??= new Theme() : new Theme(options.theme);',
  ],
];

/** The source with `from` replaced by `to`; fails the build where docx no longer has `from` exactly once. */
function replaceOnce(source, from, to) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    throw new Error(
      `Expected \`${from}\` once in docx's bundle, found it ${at < 0 ? 'nowhere' : 'more than once'}: update scripts/bundle-docx.mjs`,
    );
  return `${source.slice(0, at)}${to}${source.slice(at + from.length)}`;
}

/** The source with the top-level function `name` replaced; fails the build where docx no longer has it. */
function replaceFunction(source, name, replacement) {
  const start = source.indexOf(`\nfunction ${name}(`);
  const end = start < 0 ? -1 : source.indexOf('\n}\n', start);
  if (start < 0 || end < 0 || source.indexOf(`\nfunction ${name}(`, end) >= 0)
    throw new Error(
      `Expected one helper \`${name}\` in docx's bundle, found none or several: update scripts/bundle-docx.mjs`,
    );
  return `${source.slice(0, start + 1)}${replacement}${source.slice(end + 2)}`;
}

const fastHelpers = {
  name: 'fast-babel-helpers',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      for (const [name, replacement] of Object.entries(HELPERS)) source = replaceFunction(source, name, replacement);
      for (const [from, to] of CHANGES) source = replaceOnce(source, from, to);
      source += '\nvar allianceDefaultStyles, allianceDefaultTheme;\n';
      return { contents: source, loader: 'js' };
    });
  },
};

await build({
  stdin: { contents: "export * from 'docx';", resolveDir: root, sourcefile: 'docx-library.js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: `${root}lib/render/docx/library.js`,
  legalComments: 'inline',
  logLevel: 'warning',
  plugins: [fastHelpers],
});

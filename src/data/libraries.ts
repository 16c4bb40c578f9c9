/**
 * The parsing libraries every stage uses (unified and remark, gray-matter, yaml, vfile), re-exported
 * from one module. The build bundles this module into one file (scripts/bundle-libraries.mjs), so that
 * starting the tool reads one file instead of some 300. Import their values from here, never from
 * the packages, so that one copy of each class (VFile, VFileMessage) is in use.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { default as matter } from 'gray-matter';
export { VFile } from 'vfile';
export { location } from 'vfile-location';
export { VFileMessage } from 'vfile-message';
export { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, stringify } from 'yaml';

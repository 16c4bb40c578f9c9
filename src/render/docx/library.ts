/**
 * The `docx` library, through one module. The compiled package ships it bundled into this file
 * (scripts/bundle-docx.mjs, run by `npm run build`), with the one version of its dependency nanoid that
 * runs on Node 20: installing alliance then installs neither docx nor nanoid 6, which needs Node 22.
 */
export * from 'docx';

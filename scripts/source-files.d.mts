import type { Plugin } from 'vite';

/** See source-files.mjs: data files found beside a module's source are carried into the build. */
export declare const sourceFiles: () => Plugin;

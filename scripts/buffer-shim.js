// esbuild injects this wherever bundled code uses the free name `Buffer` (gray-matter does).
export { Buffer } from 'buffer';

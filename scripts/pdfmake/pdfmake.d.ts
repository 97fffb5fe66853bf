// Types of the pdfmake that scripts/pdfmake/build.ts bundles (package.json `imports`: `#pdfmake`).
import type * as pdfmakeApi from 'pdfmake';

/** pdfmake's virtual file system, where fonts are registered by name (missing from @types/pdfmake 0.3.3). */
export interface VirtualFileSystem {
  writeFileSync(name: string, data: Uint8Array): void;
}

declare const pdfmake: typeof pdfmakeApi & { virtualfs: VirtualFileSystem };
export default pdfmake;

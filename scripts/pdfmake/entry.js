/**
 * The pdfmake that Dialogkit runs, in Node and in the browser kit alike: pdfmake's own ES sources
 * (patched, patches/) bundled by scripts/pdfmake/build.ts. Only the parts a document render needs:
 * fonts come from the virtual file system, nothing is fetched, nothing is read from disk.
 */
import pdfmakeBase from 'pdfmake/src/base.js';
import OutputDocument from 'pdfmake/src/OutputDocument.js';

class Pdfmake extends pdfmakeBase {
  /**
   * pdfmake's Node build has this; without a policy `createPdf` warns on every call. Every path
   * resolves in the virtual file system, so the policy is only ever asked about paths outside it.
   */
  setLocalAccessPolicy(callback) {
    this.localAccessPolicy = callback;
  }

  _transformToDocument(doc) {
    return new OutputDocument(doc);
  }
}

export default new Pdfmake();

// pdf.js ships no types for its worker module; the page only hands it to pdf.js as a whole.
declare module 'pdfjs-dist/build/pdf.worker.mjs';
// pdfmake's QR encoder (CommonJS, no types): the Word copies draw the printed code as a PNG.
declare module 'pdfmake/js/qrEnc.js';

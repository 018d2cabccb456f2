/**
 * pdf.js, loaded only when a PDF is shown (it is large). Its worker is a separate file that Vite copies to
 * dist/assets with a content hash (`?url`), served from our own origin as the CSP requires.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };
export type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

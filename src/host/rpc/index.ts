/**
 * The Workbook bridge between the task pane (main thread, where Office.js lives) and the engine Worker:
 * `serveWorkbook(book, port)` on the main thread, `new WorkbookProxy(port)` in the Worker.
 */
export { serveWorkbook } from './server';
export { WorkbookProxy, type WorkbookProxyOptions } from './proxy';
export { RemoteError, CHUNK_CELLS, type PortLike, type WireError } from './port';

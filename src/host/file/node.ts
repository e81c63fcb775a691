/** Node-only part of the file host: open and save by path. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { FileWorkbook, loadWorkbookBytes } from './file-workbook';
import { zlibDeflater } from './zip-node';

export class NodeFileWorkbook extends FileWorkbook {
  /** Saves as .xlsx (a CSV input is saved as a workbook too: CSV cannot hold new sheets or formats). */
  async save(filePath: string): Promise<void> {
    if (path.extname(filePath).toLowerCase() !== '.xlsx') {
      throw new Error(`只能保存为 .xlsx 文件：${filePath} (can only save as .xlsx)`);
    }
    await fs.writeFile(filePath, await this.toBytes());
  }
}

export async function openWorkbookFile(filePath: string): Promise<NodeFileWorkbook> {
  const bytes = await fs.readFile(filePath);
  return new NodeFileWorkbook(await loadWorkbookBytes(bytes, path.basename(filePath)), { deflater: zlibDeflater() });
}

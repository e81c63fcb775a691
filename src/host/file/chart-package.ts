/**
 * The few Open Packaging Conventions operations chart writing needs, over an opened .xlsx (chart-zip.ts):
 * part relationships, content-type overrides, and finding a worksheet part by its sheet name.
 * Small, well-known files (workbook.xml, *.rels, [Content_Types].xml) are parsed with fast-xml-parser; edits are
 * insertions into their text, so everything else in them is kept byte for byte.
 */
import { strFromU8, strToU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { escapeXml } from './chart-sheet-read';
import { ZipPackage } from './chart-zip';

export type Parts = ZipPackage;

export const REL_TYPE = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => name === 'Relationship' || name === 'sheet' || name === 'Override',
});

export function readText(parts: Parts, path: string): string | undefined {
  const b = parts.read(path);
  return b ? strFromU8(b) : undefined;
}

export function writeText(parts: Parts, path: string, text: string): void {
  parts.write(path, strToU8(text));
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part: `../drawings/d1.xml` from xl/worksheets → xl/drawings/d1.xml. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The target of `to` relative to the folder of `from`, as relationship targets are usually written. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function readRelationships(parts: Parts, partPath: string): Relationship[] {
  const text = readText(parts, relsPathOf(partPath));
  if (!text) return [];
  const doc = parser.parse(text) as { Relationships?: { Relationship?: Record<string, string>[] } };
  return (doc.Relationships?.Relationship ?? []).map((r) => ({
    id: r.Id,
    type: r.Type,
    target: r.Target,
    external: r.TargetMode === 'External',
  }));
}

/** Adds a relationship from `partPath` to `targetPart` (creating the .rels part if needed) and returns its id. */
export function addRelationship(parts: Parts, partPath: string, type: string, targetPart: string): string {
  const relsPath = relsPathOf(partPath);
  const taken = new Set(readRelationships(parts, partPath).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(partPath, targetPart))}"/>`;
  const text = readText(parts, relsPath);
  if (text && /<\/(?:\w+:)?Relationships\s*>/.test(text)) {
    writeText(parts, relsPath, text.replace(/<\/((?:\w+:)?)Relationships\s*>(?![\s\S]*<\/(?:\w+:)?Relationships)/, `${rel}</$1Relationships>`));
  } else if (text && /<(?:\w+:)?Relationships\b[^>]*\/>/.test(text)) {
    writeText(parts, relsPath, text.replace(/<((?:\w+:)?)Relationships\b([^>]*)\/>/, `<$1Relationships$2>${rel}</$1Relationships>`));
  } else {
    writeText(
      parts,
      relsPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${rel}</Relationships>`,
    );
  }
  return id;
}

export function addContentTypeOverride(parts: Parts, partPath: string, contentType: string): void {
  const path = '[Content_Types].xml';
  const text = readText(parts, path);
  if (!text) throw new Error('不是有效的 .xlsx 文件：缺少 [Content_Types].xml (not an .xlsx package)');
  const doc = parser.parse(text) as { Types?: { Override?: Record<string, string>[] } };
  const name = `/${partPath}`;
  if ((doc.Types?.Override ?? []).some((o) => o.PartName.toLowerCase() === name.toLowerCase())) return;
  const override = `<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`;
  writeText(parts, path, text.replace(/<\/((?:\w+:)?)Types\s*>/, `${override}</$1Types>`));
}

/** The workbook part (normally xl/workbook.xml), found through the package relationships like a reader would. */
export function workbookPart(parts: Parts): string {
  const officeDoc = readRelationships(parts, '').find((r) => /\/officeDocument$/.test(r.type));
  return officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
}

/** Sheet name → worksheet part path, in workbook order. */
export function worksheetParts(parts: Parts): Map<string, string> {
  const wbPath = workbookPart(parts);
  const text = readText(parts, wbPath);
  if (!text) throw new Error(`不是有效的 .xlsx 文件：缺少 ${wbPath} (workbook part missing)`);
  const doc = parser.parse(text) as { workbook?: { sheets?: { sheet?: Record<string, string>[] } } };
  const rels = new Map(readRelationships(parts, wbPath).map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const s of doc.workbook?.sheets?.sheet ?? []) {
    const rel = rels.get(s.id); // r:id with its prefix removed
    if (rel && rel.type === REL_TYPE.worksheet) out.set(String(s.name), resolveTarget(wbPath, rel.target));
  }
  return out;
}

/** The first free `prefix{N}.xml` path (xl/charts/chart, xl/drawings/drawing), counting up from 1. */
export function nextPartPath(parts: Parts, prefix: string): string {
  const taken = new Set(parts.names().map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`${prefix}${n}.xml`.toLowerCase())) n++;
  return `${prefix}${n}.xml`;
}

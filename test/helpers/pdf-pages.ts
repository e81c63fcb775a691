/**
 * Looking at what LibreOffice prints: several .xlsx converted to PDF in one headless run, each PDF's pages
 * rendered by pdftoppm (poppler-utils) as RGB images, and pixel counts over them.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LIBREOFFICE } from './xlsx';

/** Which of `commands` are not on PATH. */
export function missingCommands(commands: string[]): string[] {
  return commands.filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
}

/**
 * Converts every file to `<outDir>/<basename>.pdf` in one LibreOffice run (its start-up is paid once), with a
 * profile of its own so a LibreOffice already running (another test, a desktop session) does not take the job.
 * Returns the PDF paths in the order of `files`; throws when one is missing.
 */
export function convertToPdf(files: string[], outDir: string, timeoutMs = 300_000): string[] {
  if (!LIBREOFFICE) throw new Error('LibreOffice is not installed');
  const profile = path.join(outDir, 'lo-profile');
  fs.mkdirSync(profile, { recursive: true });
  const r = spawnSync(
    LIBREOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: timeoutMs },
  );
  const pdfs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
  const absent = pdfs.filter((p) => !fs.existsSync(p));
  if (r.error || absent.length > 0) {
    throw new Error(`LibreOffice did not write ${absent.join(', ') || 'every PDF'}: ${r.error ?? ''}${r.stdout}${r.stderr}`);
  }
  return pdfs;
}

export interface PageImage {
  width: number;
  height: number;
  /** width × height pixels, 3 bytes (R, G, B) each, row by row. */
  rgb: Buffer;
}

/** Every page of `pdf` rendered at `dpi`, in page order (pdftoppm writes binary PPM next to the PDF). */
export function renderPages(pdf: string, dpi = 50): PageImage[] {
  const dir = path.dirname(pdf);
  const prefix = `${path.basename(pdf, '.pdf')}-page`;
  execFileSync('pdftoppm', ['-r', String(dpi), pdf, path.join(dir, prefix)], { stdio: 'pipe', timeout: 120_000 });
  const pageNumber = (f: string) => Number(/-(\d+)\.ppm$/.exec(f)![1]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /-\d+\.ppm$/.test(f))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((f) => parsePpm(fs.readFileSync(path.join(dir, f))));
}

function parsePpm(ppm: Buffer): PageImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: ppm.subarray(header[0].length, header[0].length + width * height * 3) };
}

export interface PageStats {
  /** Pixels whose channels differ clearly (coloured fills and lines), unlike white paper, black text, grey grid. */
  chromatic: number;
  /** Pixels that are not (nearly) white: anything printed. */
  inked: number;
  /** Per colour asked for ('4472C4'), the chromatic pixels within `tolerance` of it on every channel. */
  colours: Record<string, number>;
}

/** One pass over a page: how much is printed, how much is coloured, and how much of each colour in `colours`. */
export function pageStats(page: PageImage, colours: string[] = [], tolerance = 12): PageStats {
  const targets = colours.map((hex) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const found = colours.map(() => 0);
  const { rgb } = page;
  let chromatic = 0;
  let inked = 0;
  // Comparisons rather than Math.min/max: inside jest's sandbox those calls make this loop ~15 times slower.
  for (let o = 0; o + 2 < rgb.length; o += 3) {
    const r = rgb[o];
    const g = rgb[o + 1];
    const b = rgb[o + 2];
    const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
    const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
    if (lo < 230) inked++;
    if (hi - lo <= 60) continue;
    chromatic++;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      if (Math.abs(r - t[0]) <= tolerance && Math.abs(g - t[1]) <= tolerance && Math.abs(b - t[2]) <= tolerance) found[k]++;
    }
  }
  return { chromatic, inked, colours: Object.fromEntries(colours.map((c, k) => [c, found[k]])) };
}

/** Whether the colour `hex` is clearly a colour (not white, black or a grey), by the measure of PageStats.chromatic. */
export function isChromatic(hex: string): boolean {
  const c = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return Math.max(...c) - Math.min(...c) > 60;
}

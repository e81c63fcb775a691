/**
 * Duplicate detection over 100,000 generated customers (~20% duplicate rows with typos, homophones, swapped
 * dates, missing and changed values). Reports pairs compared, peak RSS and F1 against the generated truth.
 */
import * as fs from 'fs';
import { dedupe, DedupInput } from '../src/core/dedup';
import { pairwiseMetrics } from '../src/core/dedup/eval';
import { generatePersons } from '../src/core/dedup/testdata/chinese-customers';
import { dedupSheet } from '../src/core/pipeline/dedup';
import { BenchCase, pick, prng } from './harness';

const N = 100_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鹏辉宇浩凯健俊帆帅旭宁龙林欣鑫新磊晨博文斌佳琪瑶雪梅婷倩颖慧琳晶彬波海峰云飞亮成志刚建国家豪子轩梓涵雨泽思远嘉怡';
/** Same-sound characters a typist picks by mistake (鑫/新, 伟/玮 …). */
const HOMOPHONES: string[] = ['伟玮炜', '鑫新欣馨', '丽莉俐', '明铭鸣', '杰洁捷', '静婧靖', '军君均', '华桦骅', '芳方', '琳林霖', '婷亭', '涛韬', '辉晖徽', '燕艳雁', '玲铃', '宇雨语', '浩昊皓', '帆凡', '娜纳', '敏闽'];
const REGIONS = ['北京市', '上海市', '天津市', '重庆市', '广东省广州市', '广东省深圳市', '广东省东莞市', '江苏省南京市', '江苏省苏州市', '浙江省杭州市', '浙江省宁波市', '山东省济南市', '山东省青岛市', '四川省成都市', '湖北省武汉市', '湖南省长沙市', '河南省郑州市', '河北省石家庄市', '福建省福州市', '福建省厦门市', '陕西省西安市', '辽宁省沈阳市', '辽宁省大连市', '安徽省合肥市', '江西省南昌市', '云南省昆明市', '广西壮族自治区南宁市', '黑龙江省哈尔滨市', '吉林省长春市', '山西省太原市'];
const MAIL = ['qq.com', '163.com', '126.com', 'gmail.com', 'sina.com', 'outlook.com'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function homophoneOf(rand: () => number, ch: string): string | null {
  const group = HOMOPHONES.find((g) => g.includes(ch));
  if (!group) return null;
  const others = [...group].filter((c) => c !== ch);
  return pick(rand, others);
}

interface Person {
  name: string;
  phone: string;
  email: string | null;
  birth: string | null;
  region: string | null;
  gender: string;
}

function newPerson(rand: () => number): Person {
  const given = rand() < 0.35 ? pick(rand, [...GIVEN]) : pick(rand, [...GIVEN]) + pick(rand, [...GIVEN]);
  let phone = '1' + pick(rand, ['3', '5', '7', '8', '9']);
  for (let i = 0; i < 9; i++) phone += Math.floor(rand() * 10);
  let user = '';
  for (let i = 0, len = 5 + Math.floor(rand() * 6); i < len; i++) user += pick(rand, [...LETTERS]);
  const year = 1950 + Math.floor(rand() * 56);
  return {
    name: pick(rand, [...SURNAMES]) + given,
    phone,
    email: rand() < 0.7 ? `${user}${Math.floor(rand() * 100)}@${pick(rand, MAIL)}` : null,
    birth: rand() < 0.8 ? `${year}-${pad2(1 + Math.floor(rand() * 12))}-${pad2(1 + Math.floor(rand() * 28))}` : null,
    region: rand() < 0.9 ? pick(rand, REGIONS) : null,
    gender: rand() < 0.5 ? '男' : '女',
  };
}

/** A second entry of the same person, as another clerk or system would type it. */
function variant(rand: () => number, p: Person): Person {
  const v = { ...p };
  const r = rand();
  if (r < 0.25) {
    const chars = [...v.name];
    const at = 1 + Math.floor(rand() * (chars.length - 1));
    const h = homophoneOf(rand, chars[at]);
    if (h) chars[at] = h;
    v.name = chars.join('');
  } else if (r < 0.3 && v.name.length === 3) {
    v.name = v.name.slice(0, 2); // given name cut short
  }
  const q = rand();
  if (q < 0.1) {
    const at = 3 + Math.floor(rand() * 8);
    v.phone = v.phone.slice(0, at) + ((Number(v.phone[at]) + 1) % 10) + v.phone.slice(at + 1);
  } else if (q < 0.2) {
    v.phone = newPerson(rand).phone; // changed number
  }
  if (rand() < 0.3) v.email = null;
  const d = rand();
  if (v.birth && d < 0.1) v.birth = `${v.birth.slice(0, 5)}${v.birth.slice(8, 10)}-${v.birth.slice(5, 7)}`;
  else if (v.birth && d < 0.2) v.birth = v.birth.slice(0, 9) + ((Number(v.birth[9]) + 1) % 10);
  else if (d < 0.35) v.birth = null;
  if (rand() < 0.15) v.region = null;
  return v;
}

/** Deterministic customers: ~80% first entries, ~20% re-entries of an earlier person, shuffled. */
export function generateCustomers(n: number, seed: number): { input: DedupInput; entity: Int32Array } {
  const rand = prng(seed);
  const people: Person[] = [];
  const rows: { p: Person; entity: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (people.length > 0 && rand() < 0.2) {
      const e = Math.floor(rand() * people.length);
      rows.push({ p: variant(rand, people[e]), entity: e });
    } else {
      people.push(newPerson(rand));
      rows.push({ p: people[people.length - 1], entity: people.length - 1 });
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return {
    input: {
      fields: [
        { name: 'name', kind: 'personName', label: '客户名称' },
        { name: 'phone', kind: 'phone', label: '联系电话' },
        { name: 'email', kind: 'email', label: '邮箱' },
        { name: 'birth', kind: 'date', label: '出生日期' },
        { name: 'region', kind: 'region', label: '地区' },
        { name: 'gender', kind: 'gender', label: '性别' },
      ],
      rows: rows.map(({ p }) => [p.name, p.phone, p.email, p.birth, p.region, p.gender]),
    },
    entity: Int32Array.from(rows, (r) => r.entity),
  };
}

/** Peak resident set size of this process so far (Linux), else the current RSS. */
function peakMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.memoryUsage().rss / 1048576);
}

/** CPU seconds (user + system) since `from`: the cost on one core, even when other processes share the machine. */
function cpuSeconds(from: NodeJS.CpuUsage): string {
  const d = process.cpuUsage(from);
  return ((d.user + d.system) / 1e6).toFixed(2);
}

export const cases: BenchCase[] = [
  {
    name: 'dedup (100,000 customers)',
    unit: 'rows',
    target: N / 10,
    run() {
      const { input, entity } = generateCustomers(N, 42);
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      const result = dedupe(input);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = cpuSeconds(cpu0);
      const m = pairwiseMetrics(result.clusterOf, entity);
      return {
        count: N,
        seconds,
        extra: {
          cpuS: cpu,
          pairs: result.pairsCompared,
          peakMB: peakMB(),
          precision: m.precision.toFixed(4),
          recall: m.recall.toFixed(4),
          F1: m.f1.toFixed(4),
          giantBlocks: result.blocking.giantBlocks.length,
        },
      };
    },
  },
  {
    name: 'dedup pipeline (100,000 raw customer rows, normalization included)',
    unit: 'rows',
    target: N / 10,
    run() {
      // ~1.45 records per person: 69,000 people give a little over 100,000 rows of dirty cells.
      const g = generatePersons(69_000, 42);
      const rows = g.rows.slice(0, N + 1);
      const entity = g.entity.slice(0, N);
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      const out = dedupSheet('客户', rows, 1);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = cpuSeconds(cpu0);
      const m = pairwiseMetrics(out.result.clusterOf, entity);
      return {
        count: N,
        seconds,
        extra: {
          cpuS: cpu,
          pairs: out.summary.pairsCompared,
          peakMB: peakMB(),
          precision: m.precision.toFixed(4),
          recall: m.recall.toFixed(4),
          F1: m.f1.toFixed(4),
          giantBlocks: out.result.blocking.giantBlocks.length,
        },
      };
    },
  },
];
